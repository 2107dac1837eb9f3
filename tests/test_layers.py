"""Dependencies point one way: nothing imports a module of a higher layer.

diagnostics ← reader ← models ← validation ← rules ← case ← render / export ← site / studio
← cli and plugin. A new module must be given its layer here, so the map cannot go stale.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import REPO

PACKAGE = REPO / "ekc_docs"

#: the first matching prefix gives a module's layer (longer prefixes first where they overlap)
LAYERS: dict[str, int] = {
    "ekc_docs.diagnostics": 0,
    "ekc_docs.paths": 0,
    "ekc_docs.dates": 0,
    "ekc_docs.discovery": 0,
    "ekc_docs.fonts": 0,
    "ekc_docs.elfproef": 0,
    "ekc_docs.oserrors": 0,
    "ekc_docs.yaml_errors": 0,
    "ekc_docs.reader": 1,
    "ekc_docs.models": 2,
    "ekc_docs.schema": 2,
    "ekc_docs.validation": 3,
    "ekc_docs.rules": 4,
    "ekc_docs.privacy": 4,
    "ekc_docs.scaffold": 4,
    "ekc_docs.comparison": 4,
    "ekc_docs.case": 5,
    "ekc_docs.workspace": 5,
    "ekc_docs.checking": 5,
    "ekc_docs.plan_versions": 5,
    "ekc_docs.render": 6,
    "ekc_docs.rendering": 6,
    "ekc_docs.batch": 6,
    "ekc_docs.versioning": 6,
    "ekc_docs.outputs": 6,
    "ekc_docs.hsds": 6,
    "ekc_docs.site": 7,
    "ekc_docs.studio": 7,
    "ekc_docs.cli": 8,
    "ekc_docs.mkdocs_plugin": 8,
    "ekc_docs.__main__": 8,
    "ekc_docs": 0,  # the package itself: its version only
}


def layer_of(module: str) -> int:
    if module == "ekc_docs":
        return LAYERS["ekc_docs"]
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if prefix == "ekc_docs":
            continue
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    raise AssertionError(f"{module} has no layer: add it to LAYERS in {__file__}")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every ekc_docs import in the file, lazy ones included."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("ekc_docs")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("ekc_docs"):
                continue
            if node.module is None or target in LAYERS or _is_package(target):
                # `from . import x` / `from .site import files`: the names may be modules
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


def _is_package(module: str) -> bool:
    return (REPO / Path(*module.split("."))).is_dir()


def _resolve(module: str) -> str:
    """`ekc_docs.models.Casus` → `ekc_docs.models` (a name imported from a module)."""
    parts = module.split(".")
    while len(parts) > 1:
        candidate = REPO / Path(*parts)
        if candidate.with_suffix(".py").is_file() or candidate.is_dir():
            return ".".join(parts)
        parts.pop()
    return ".".join(parts)


def test_no_import_points_upward() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        for line, target in imports_of(path):
            target = _resolve(target)
            if layer_of(target) > layer_of(here):
                upward.append(f"{path.relative_to(REPO)}:{line}: {here} → {target}")
    assert upward == []


def test_the_layer_check_catches_an_upward_import() -> None:
    """The check can fail: the reader importing the CLI is reported."""
    reader = PACKAGE / "reader.py"
    tree = [*imports_of(reader), (1, "ekc_docs.cli")]
    bad = [t for _, t in tree if layer_of(_resolve(t)) > layer_of(module_name(reader))]
    assert bad == ["ekc_docs.cli"]


def test_nothing_imports_the_cli() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        if here.startswith(("ekc_docs.cli", "ekc_docs.__main__")):
            continue
        assert not [t for _, t in imports_of(path) if t.startswith("ekc_docs.cli")], here
