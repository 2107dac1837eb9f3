"""The strict YAML reader (contract §1), with the libyaml parser and the pure-Python fallback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from ekc_docs import reader
from ekc_docs.reader import (
    MAX_BYTES,
    Mapping,
    Scalar,
    Sequence,
    parse_text,
    read_document,
    to_python,
)


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test runs twice: with the C parser and with the pure-Python fallback."""
    if request.param == "python":
        monkeypatch.setattr(reader, "_LOADER", yaml.BaseLoader)
    else:
        assert reader.HAS_LIBYAML, "PyYAML was installed without libyaml"
    yield request.param


def parse(text: str) -> reader.Document:
    return parse_text(text, Path("test.yml"))


def codes(document: reader.Document) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in document.diagnostics]


def test_scalars_stay_strings() -> None:
    doc = parse(
        "taal: no\ntelefoon: 0612345678\npostcode: 1234\ndatum: 2026-10-10\n"
        "fictief: true\nleeg:\nnul: ~\noctaal: 0o17\nversie: 1.0\n"
    )
    assert doc.diagnostics == []
    assert to_python(doc.root) == {
        "taal": "no",
        "telefoon": "0612345678",
        "postcode": "1234",
        "datum": "2026-10-10",
        "fictief": "true",
        "leeg": None,
        "nul": "~",
        "octaal": "0o17",
        "versie": "1.0",
    }


def test_quoted_empty_string_is_not_nothing() -> None:
    assert to_python(parse('a: ""\nb:\n').root) == {"a": "", "b": None}


def test_positions_of_keys_and_values() -> None:
    doc = parse("casus: X\npersonen:\n  - id: ria\n    naam: 'Ria'\n")
    root = doc.root
    assert isinstance(root, Mapping) and (root.line, root.column) == (1, 1)
    key, people = root.items[1]
    assert (key.line, key.column) == (2, 1)
    assert isinstance(people, Sequence) and (people.line, people.column) == (3, 3)
    person = people.items[0]
    assert isinstance(person, Mapping) and (person.line, person.column) == (3, 5)
    name_key, name = person.items[1]
    assert (name_key.line, name_key.column, name.line, name.column) == (4, 5, 4, 11)
    assert isinstance(name, Scalar) and not name.plain


def test_positions_count_characters_not_bytes() -> None:
    doc = parse("naam: Coördinator ✓\nx: [é, *a]\n")
    assert codes(doc) == [(2, 8, "yaml-alias")]  # é is one column, two bytes


def test_duplicate_keys_are_errors_and_the_first_counts() -> None:
    doc = parse("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    assert codes(doc) == [(4, 3, "duplicate-key"), (5, 1, "duplicate-key")]
    assert to_python(doc.root) == {"a": "1", "b": {"c": "2"}}


def test_anchor_alias_and_merge_key_are_refused() -> None:
    doc = parse("a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  '<<': quoted is a plain key\n")
    assert codes(doc) == [(1, 4, "yaml-alias"), (2, 4, "yaml-alias"), (4, 3, "yaml-alias")]


def test_billion_laughs_is_refused() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    doc = parse("\n".join(lines) + "\n")
    assert {c for _, _, c in codes(doc)} == {"yaml-alias"}
    assert len(doc.diagnostics) == 30 + 29  # one per anchor, one per alias name


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object:os.system x\n",
        "a: !foo x\n",
        "a: !!str 1\n",
        "a: ! x\n",
        "a: !!map {b: c}\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    assert codes(parse(text)) == [(1, 4, "yaml-tag")]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "casus.yml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: d\r\n  c: e\r\n")
    doc = read_document(path)
    assert codes(doc) == [(4, 3, "duplicate-key")]
    assert to_python(doc.root) == {"a": "1", "b": {"c": "d"}}


@pytest.mark.parametrize(
    ("data", "position"),
    [
        (b"a: caf\xe9\n", (1, 7)),
        (b"a: 1\nb: \x80\n", (2, 4)),
        (b"\xff\xfea\x00:\x00", (1, 1)),
        (b"a: 1\nb: x\x00y\n", (2, 5)),
        (b"a: \x1b[31mrood\n", (1, 4)),
    ],
)
def test_other_encodings_and_control_characters_are_refused(
    tmp_path: Path, data: bytes, position: tuple[int, int]
) -> None:
    path = tmp_path / "casus.yml"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.root is None
    assert codes(doc) == [(*position, "file-encoding")]


def test_too_large_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    monkeypatch.setattr(reader, "_build_tree", lambda *a: pytest.fail("parsed a file over 2 MiB"))
    doc = read_document(path)
    assert codes(doc) == [(1, 1, "file-too-large")]


def test_exactly_two_mib_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.yml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES - 4) + b"\n")
    assert read_document(path).diagnostics == []


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert codes(read_document(tmp_path / "nope.yml")) == [(1, 1, "file-not-found")]
    assert codes(read_document(tmp_path)) == [(1, 1, "file-not-found")]


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_extreme_nesting_ends_in_a_diagnostic(opener: str) -> None:
    text = opener * 10_000 + "x"
    doc = parse(text)
    assert doc.root is None
    assert [c for _, _, c in codes(doc)] == ["yaml-syntax"]


def test_block_nesting_deeper_than_the_limit() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "end\n"
    doc = parse(text)
    assert [c for _, _, c in codes(doc)] == ["yaml-syntax"]
    assert doc.diagnostics[0].line == reader.MAX_DEPTH + 1


def test_syntax_error_position_and_dutch_message() -> None:
    doc = parse("a: 1\nb: tekst: met dubbele punt\n")
    (diagnostic,) = doc.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (2, 9, "yaml-syntax")
    assert "aanhalingstekens" in diagnostic.message


def test_two_documents_are_refused() -> None:
    assert codes(parse("a: 1\n---\nb: 2\n")) == [(2, 1, "yaml-syntax")]


def test_non_scalar_key() -> None:
    assert codes(parse("? [a, b]\n: c\n")) == [(1, 3, "invalid-value")]


def test_to_python_handles_deep_trees_without_recursion() -> None:
    node: reader.Node = Scalar(1, 1, "x")
    for _ in range(50_000):
        node = Sequence(1, 1, [node])
    value = to_python(node)
    for _ in range(50_000):
        value = value[0]
    assert value == "x"


def test_a_comment_after_plain_text_is_marked_where_it_starts() -> None:
    doc = parse(
        "wat: Joke past op Sem #1 op woensdag\nb: 'Joke' # c\nc: Joke#1\n"
        "d: Coördinatör   # c\ne: twee\n  regels # c\nf: [a, b] # c\ng: # c\n"
    )
    assert isinstance(doc.root, Mapping)
    comments = {k.value: v.comment for k, v in doc.root.items if isinstance(v, Scalar)}
    assert comments == {
        "wat": (1, 23),
        "b": None,  # quoted: the text is whole
        "c": None,  # no space before '#': part of the text
        "d": (4, 18),  # columns count characters
        "e": (6, 10),  # on the last line of a text over two lines
        "g": None,  # no text to cut off
    }
    assert all(k.comment is None for k, _ in doc.root.items)


@pytest.mark.parametrize(
    ("text", "place", "says"),
    [
        ("a: 1\n\tb: 2\n", (2, 1), "tab"),
        ("zorgen:\n\t- een\n", (2, 1), "tab"),
        ("casus: X\nnaam:Joke\nrelatie: oma\n", (2, 6), "schrijf 'naam: Joke'"),
        ("p:\n  - id: a\n    naam:Joke\n", (3, 10), "schrijf 'naam: Joke'"),
        ('a: "Joke\nb: 2\nc: 3\n', (1, 4), 'aanhalingsteken (") wordt niet afgesloten'),
        ("a:\n  - wat: 'Joke\n    wie: x\n", (2, 10), "aanhalingsteken (') wordt niet"),
        ('vraag: "Hoe gaat het?\nzorgen:\n  - x\nwat: "y"\n', (1, 8), "niet afgesloten"),
    ],
)
def test_syntax_errors_are_placed_at_the_mistake(
    text: str, place: tuple[int, int], says: str
) -> None:
    (diagnostic,) = parse(text).diagnostics
    assert (diagnostic.line, diagnostic.column) == place
    assert says in diagnostic.message
    assert "while" not in diagnostic.message and "found" not in diagnostic.message
