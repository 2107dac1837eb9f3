"""Property-based tests: whatever YAML comes in, `ekc check` answers with diagnostics or success.

Never an uncaught exception, never a traceback, always a known code at a real position, and
bounded time, also on hostile input.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ekc_docs.checking import check_paths
from ekc_docs.diagnostics import CODES
from ekc_docs.reader import parse_text
from ekc_docs.schema import MODELS
from ekc_docs.workspace import Workspace

from .conftest import TESTS

BASE = TESTS / "cases" / "_base"
KAART = TESTS / "cases" / "kaart-valid" / "kaart"
SOURCES = {
    "casus.yml": (BASE / "casus.yml").read_text(encoding="utf-8"),
    "plan.yml": (BASE / "plan.yml").read_text(encoding="utf-8"),
}
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# keys the schemas know, so random mappings often reach deep into the models
def _schema_keys() -> set[str]:
    keys: set[str] = set()
    for model in MODELS.values():
        schema = model.model_json_schema()
        for part in [schema, *schema.get("$defs", {}).values()]:
            keys.update(part.get("properties", {}))
    return keys


KNOWN_KEYS = sorted(_schema_keys())
YAML_NOISE = [
    *":-[]{}&*!|>'\"#%@`,? \n\t",
    "<<: ",
    "!!python/object ",
    "*a",
    "&a ",
    "---\n",
    "\ufeff",
    "\x00",
    "é",
    "123456782",
    "  ",
    "- ",
]


def _check_folder(folder: Path) -> None:
    result = check_paths([folder], Workspace(today=date(2026, 11, 25)))
    for d in result.diagnostics:
        assert d.code in CODES, d
        assert d.line >= 1 and d.column >= 1, d
        assert d.message and d.severity in ("error", "warning")
        assert "Input should" not in d.message and "Value error" not in d.message, d


@st.composite
def mutated(draw: st.DrawFn, source: str) -> str:
    text = source
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line", "swap"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(YAML_NOISE)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 20)) :]
        else:
            lines = text.splitlines(keepends=True)
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if action == "duplicate-line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
    return text


@given(casus=mutated(SOURCES["casus.yml"]), plan=mutated(SOURCES["plan.yml"]))
@SETTINGS
def test_mutated_case_and_plan(tmp_path_factory: object, casus: str, plan: str) -> None:
    folder = _fresh(tmp_path_factory)
    (folder / "casus.yml").write_text(casus, encoding="utf-8", errors="surrogatepass")
    (folder / "plan.yml").write_text(plan, encoding="utf-8", errors="surrogatepass")
    _check_folder(folder)


scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["true", "no", "2026-10-10", "0612345678", "", "~", "v1", "oma", "akkoord", "professional"]
    ),
    st.integers(),
    st.booleans(),
    st.none(),
    st.dates().map(str),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=8)), children, max_size=6
        ),
    ),
    max_leaves=40,
)


@given(casus=trees, plan=trees)
@SETTINGS
def test_random_structures(tmp_path_factory: object, casus: object, plan: object) -> None:
    folder = _fresh(tmp_path_factory)
    (folder / "casus.yml").write_text(yaml.safe_dump(casus, allow_unicode=True), encoding="utf-8")
    (folder / "plan.yml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    _check_folder(folder)


@given(kaart=trees, categories=trees)
@SETTINGS
def test_random_kaart(tmp_path_factory: object, kaart: object, categories: object) -> None:
    folder = _fresh(tmp_path_factory)
    (folder / "categorieen.yml").write_text(yaml.safe_dump(categories), encoding="utf-8")
    (folder / "zwolle.yml").write_text(yaml.safe_dump(kaart), encoding="utf-8")
    (folder / "kampen.yml").write_text((KAART / "kampen.yml").read_text(), encoding="utf-8")
    _check_folder(folder)


@given(data=st.binary(max_size=400))
@SETTINGS
def test_random_bytes(tmp_path_factory: object, data: bytes) -> None:
    folder = _fresh(tmp_path_factory)
    (folder / "casus.yml").write_bytes(data)
    (folder / "plan.yml").write_bytes(SOURCES["plan.yml"].encode())
    _check_folder(folder)


@given(text=st.lists(st.sampled_from([*YAML_NOISE, *"abc01 \n"]), max_size=150).map("".join))
@SETTINGS
def test_reader_never_raises(text: str) -> None:
    document = parse_text(text, Path("x.yml"))
    assert all(d.code in CODES for d in document.diagnostics)


def _fresh(factory: object) -> Path:
    return factory.mktemp("prop")  # type: ignore[attr-defined, no-any-return]
