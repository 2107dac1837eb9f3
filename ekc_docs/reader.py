"""The strict YAML reader (contract §1).

YAML is read as a stream of parser events, not through a loader: every scalar stays a string
(the schema types it later), nothing is ever expanded, nesting is bounded, and each node keeps
the line and column where it starts. Problems come back as diagnostics, all of them at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity, display_path
from .oserrors import describe_os_error
from .yaml_errors import explain_syntax_error

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

try:  # libyaml ships in PyYAML's wheels; the pure-Python parser is the fallback.
    _LOADER: Any = yaml.CBaseLoader
    HAS_LIBYAML = True
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _LOADER = yaml.BaseLoader
    HAS_LIBYAML = False

#: a comment right after a plain value: YAML drops it, and with it the rest of the line
_TRAILING_COMMENT = re.compile(r"[ \t]+#")
_FORBIDDEN_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(slots=True, eq=False)
class Node:
    """A YAML node with the 1-based position where it starts."""

    line: int
    column: int


@dataclass(slots=True, eq=False)
class Scalar(Node):
    value: str
    plain: bool = True
    #: set when the reader already reported this node (alias, tag): no follow-up errors for it
    broken: bool = False
    #: where a ` #` comment starts right after this plain value, on the line where it ends
    comment: tuple[int, int] | None = None

    def to_python(self) -> str | None:
        """An empty plain value (`tolk:`) means "nothing"; everything else stays text."""
        if self.plain and self.value == "":
            return None
        return self.value


@dataclass(slots=True, eq=False)
class Mapping(Node):
    items: list[tuple[Scalar, Node]] = field(default_factory=list)
    #: the first pair of each key, built on first use: finding a key stays O(1) however many
    #: keys there are (a diagnostic per unknown key must not make checking quadratic)
    _index: dict[str, tuple[Scalar, Node]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=0, repr=False)

    def get(self, key: str) -> tuple[Scalar, Node] | None:
        if self._indexed != len(self.items):
            for pair in self.items[self._indexed :]:
                self._index.setdefault(pair[0].value, pair)
            self._indexed = len(self.items)
        return self._index.get(key)


@dataclass(slots=True, eq=False)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """One file read from disk: its tree (None when unusable) and what went wrong reading it."""

    path: Path
    root: Node | None
    diagnostics: list[Diagnostic]
    _display: str = field(default="", repr=False, compare=False)
    #: whether some plain value is followed by a comment (see `Scalar.comment`)
    has_comments: bool = True

    @property
    def display(self) -> str:
        """The path as the user knows it, worked out once (each diagnostic needs it)."""
        if not self._display:
            self._display = display_path(self.path)
        return self._display

    @property
    def ok(self) -> bool:
        return self.root is not None and not any(d.is_error for d in self.diagnostics)


def to_python(node: Node | None) -> Any:
    """Plain Python data for validation (str, None, list, dict), built without recursion."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.to_python()
    result: Any = {} if isinstance(node, Mapping) else []
    stack: list[tuple[Node, Any]] = [(node, result)]
    while stack:
        current, target = stack.pop()
        pairs: list[tuple[str | None, Node]] = (
            [(k.value, v) for k, v in current.items if not k.broken]
            if isinstance(current, Mapping)
            else [(None, v) for v in current.items]  # type: ignore[attr-defined]
        )
        for key, child in pairs:
            if isinstance(child, Scalar):
                value: Any = child.to_python()
            else:
                value = {} if isinstance(child, Mapping) else []
                stack.append((child, value))
            if key is None:
                target.append(value)
            else:
                target[key] = value
    return result


def item_ids(root: Node | None, field: str) -> list[str]:
    """The `id` of every entry in a top-level list, whether or not the entry is valid.

    References are checked against these, so one broken entry does not make every reference
    to it fail as well.
    """
    pair = root.get(field) if isinstance(root, Mapping) else None
    if pair is None or not isinstance(pair[1], Sequence):
        return []
    ids = []
    for item in pair[1].items:
        found = item.get("id") if isinstance(item, Mapping) else None
        if found is not None and isinstance(found[1], Scalar):
            ids.append(found[1].value)
    return ids


# --- reading -------------------------------------------------------------------------------


class _Problems:
    """Collects diagnostics for one file."""

    def __init__(self, path: Path) -> None:
        self.display = display_path(path)
        self.items: list[Diagnostic] = []
        self.comments = 0

    def error(self, line: int, column: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.display, line, column, Severity.ERROR, code, message))


def read_document(path: Path) -> Document:
    """Read one YAML file strictly; never raises for bad input."""
    problems = _Problems(path)
    text = _read_text(path, problems)
    if text is None:
        return Document(path, None, problems.items)
    root = _build_tree(text, problems)
    return Document(path, root, problems.items, has_comments=problems.comments > 0)


def parse_text(text: str, path: Path) -> Document:
    """Read YAML that is already in memory (tests, generated files)."""
    problems = _Problems(path)
    if not _check_characters(text, problems):
        return Document(path, None, problems.items)
    root = _build_tree(text, problems)
    return Document(path, root, problems.items, has_comments=problems.comments > 0)


def _read_text(path: Path, problems: _Problems) -> str | None:
    try:
        if not path.is_file():
            what = "is een map, geen bestand" if path.is_dir() else "bestaat niet"
            problems.error(1, 1, "file-not-found", f"'{problems.display}' {what}")
            return None
        if path.stat().st_size > MAX_BYTES:
            problems.error(1, 1, "file-too-large", _too_large(path.stat().st_size))
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        problems.error(
            1,
            1,
            "file-not-found",
            f"het bestand kan niet worden gelezen ({describe_os_error(exc)})",
        )
        return None
    if len(data) > MAX_BYTES:  # the file grew, or is not a regular file after all
        problems.error(1, 1, "file-too-large", _too_large(len(data)))
        return None
    return decode(data, problems)


def _too_large(size: int) -> str:
    return (
        f"het bestand is {size / 1024 / 1024:.1f} MiB; de grens is 2 MiB. "
        "Is dit wel een casus-, plan- of kaartbestand?"
    )


def decode(data: bytes, problems: _Problems) -> str | None:
    """UTF-8 with an optional BOM; any other encoding is refused with the place it goes wrong."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.error(
            1,
            1,
            "file-encoding",
            "het bestand is opgeslagen als UTF-16; sla het op als UTF-8",
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        problems.error(
            line,
            column,
            "file-encoding",
            f"het bestand is geen geldige UTF-8 (byte 0x{data[exc.start]:02x}); "
            "sla het op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8)",
        )
        return None
    return text if _check_characters(text, problems) else None


def _check_characters(text: str, problems: _Problems) -> bool:
    match = _FORBIDDEN_CHAR.search(text)
    if match is None:
        return True
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    problems.error(
        line,
        column,
        "file-encoding",
        f"het bestand bevat een onzichtbaar stuurteken (U+{ord(match.group()):04X}); "
        "is dit wel een tekstbestand?",
    )
    return False


# --- building the tree from events --------------------------------------------------------------


def _events(text: str) -> Iterator[Any]:
    return yaml.parse(text, Loader=_LOADER)


def _pos(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Frame:
    __slots__ = ("keys", "node", "pending_key")

    def __init__(self, node: Mapping | Sequence) -> None:
        self.node = node
        self.pending_key: Scalar | None = None
        self.keys: dict[str, Scalar] = {}


def _build_tree(text: str, problems: _Problems) -> Node | None:
    root: Node | None = None
    stack: list[_Frame] = []
    documents = 0
    aliases_seen: set[str] = set()

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        if isinstance(frame.node, Sequence):
            frame.node.items.append(node)
        elif frame.pending_key is None:
            frame.pending_key = _as_key(node, frame, problems)
        else:
            frame.node.items.append((frame.pending_key, node))
            frame.pending_key = None

    try:
        for event in _events(text):
            kind = type(event)
            if kind is yaml.ScalarEvent:  # the common case first, without the general checks
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                broken = (
                    event.anchor is not None or event.tag is not None
                ) and _check_node_properties(event, line, column, problems)
                plain = event.style in (None, "")
                node = Scalar(line, column, event.value, plain=plain, broken=broken)
                if plain and event.value:
                    node.comment = _comment_after(text, event.end_mark)
                    problems.comments += node.comment is not None
                attach(node)
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                attach(stack.pop().node)
                continue
            line, column = _pos(event.start_mark)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problems.error(
                        line,
                        column,
                        "yaml-syntax",
                        "het bestand bevat meer dan één YAML-document ('---'); "
                        "zet elk document in een eigen bestand",
                    )
                    break
                continue
            if isinstance(event, yaml.AliasEvent):
                if event.anchor not in aliases_seen:  # one report per name, however often used
                    aliases_seen.add(event.anchor or "")
                    problems.error(
                        line,
                        column,
                        "yaml-alias",
                        f"verwijzingen ('*{event.anchor}') zijn niet toegestaan; schrijf de waarde voluit",
                    )
                attach(Scalar(line, column, "", broken=True))
                continue
            if not isinstance(event, yaml.CollectionStartEvent):
                continue  # stream and document ends
            _check_node_properties(event, line, column, problems)
            if len(stack) >= MAX_DEPTH:
                problems.error(
                    line,
                    column,
                    "yaml-syntax",
                    f"het bestand is dieper dan {MAX_DEPTH} niveaus genest; "
                    "zo diep gaat geen casus-, plan- of kaartbestand",
                )
                return None
            container: Mapping | Sequence = (
                Mapping(line, column)
                if isinstance(event, yaml.MappingStartEvent)
                else Sequence(line, column)
            )
            stack.append(_Frame(container))
    except yaml.MarkedYAMLError as exc:
        line, column, message = explain_syntax_error(exc, text)
        problems.error(line, column, "yaml-syntax", message)
        return None
    except yaml.YAMLError:  # e.g. a reader error without a mark
        problems.error(
            1, 1, "yaml-syntax", "het bestand is geen geldige YAML; is dit wel een YAML-bestand?"
        )
        return None
    return root


def _comment_after(text: str, end: Any) -> tuple[int, int] | None:
    """The position of a `#` that follows a plain value on its last line, if there is one."""
    found = _TRAILING_COMMENT.match(text, end.index)
    if found is None:
        return None
    return end.line + 1, end.column + found.end() - end.index


def _check_node_properties(event: Any, line: int, column: int, problems: _Problems) -> bool:
    broken = False
    if event.anchor is not None:
        problems.error(
            line,
            column,
            "yaml-alias",
            f"ankers ('&{event.anchor}') zijn niet toegestaan; schrijf elke waarde voluit",
        )
    tag = event.tag
    if tag is not None:
        problems.error(
            line,
            column,
            "yaml-tag",
            f"YAML-tags ('{tag}') zijn niet toegestaan; laat de tag weg",
        )
        broken = True
    return broken


def _as_key(node: Node, frame: _Frame, problems: _Problems) -> Scalar:
    if not isinstance(node, Scalar):
        problems.error(
            node.line,
            node.column,
            "invalid-value",
            "een sleutel moet een woord zijn, geen lijst of blok",
        )
        return Scalar(node.line, node.column, "", broken=True)
    if node.plain and node.value == "<<":
        problems.error(
            node.line,
            node.column,
            "yaml-alias",
            "samenvoegsleutels ('<<') zijn niet toegestaan; schrijf de sleutels voluit",
        )
        node.broken = True
        return node
    first = frame.keys.get(node.value)
    if first is not None and not node.broken:
        problems.error(
            node.line,
            node.column,
            "duplicate-key",
            f"de sleutel '{node.value}' staat twee keer in hetzelfde blok "
            f"(eerst op regel {first.line}); houd er één over",
        )
        node.broken = True  # the first one counts; the repeat is left out of validation
    else:
        frame.keys[node.value] = node
    return node


# --- from a model path back to the place in the file ---------------------------------------

#: a path through the tree, as pydantic reports it: ("afspraken", 2, "wie")
Loc = tuple[int | str, ...]


def locate(root: Node | None, loc: Loc) -> tuple[Node | None, Scalar | None, bool]:
    """Walk `loc` through the tree: (value node, its key node, whether the whole path exists).

    When a key is missing the walk stops at the mapping that should hold it.
    """
    current, key = root, None
    for part in loc:
        if isinstance(current, Mapping) and isinstance(part, str):
            pair = current.get(part)
            if pair is None:
                return current, key, False
            key, current = pair
        elif isinstance(current, Sequence) and isinstance(part, int) and part < len(current.items):
            current, key = current.items[part], None
        # anything else (a single value standing in for a list) keeps the current node
    return current, key, True


def scalar_values(root: Node | None) -> Iterator[tuple[tuple[str, ...], Scalar]]:
    """Every value (not key) in the tree with the keys above it, without recursion: rules that
    look at all text (BSN, characters, example values) walk files of any depth."""
    stack: list[tuple[Node, tuple[str, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, keys = stack.pop()
        if isinstance(node, Mapping):
            stack.extend((value, (*keys, key.value)) for key, value in node.items)
        elif isinstance(node, Sequence):
            stack.extend((item, keys) for item in node.items)
        elif isinstance(node, Scalar):
            yield keys, node
