"""Reading a JSON file from elsewhere, defensively, and finding line and column for any value.

Python's JSON parser keeps no positions, so positions are found afterwards in the text, on
demand: a container's children are located once (skipping values with the C decoder) and cached.
Bad input never raises: it ends in a located diagnostic.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity, display_path
from ..oserrors import describe_os_error

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
#: longer than any description a person writes; a longer string is an attack or a mistake
MAX_STRING = 20_000

Loc = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
_DECODER = json.JSONDecoder()


@dataclass
class JsonSource:
    """A parsed JSON file with the means to say where each value stands."""

    path: Path
    text: str
    data: Any
    _children: dict[int, dict[str | int, tuple[int, int]]] = field(default_factory=dict)

    @property
    def display(self) -> str:
        return display_path(self.path)

    def position(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `loc` (or of its key); the nearest existing parent."""
        offset, key_offset = _skip_ws(self.text, 0), None
        for part in loc:
            children = self._children_at(offset)
            if part not in children:
                break
            key_offset, offset = children[part]
        target = key_offset if at_key and key_offset is not None else offset
        return line_col(self.text, target)

    def diagnostic(
        self, loc: Loc, code: str, message: str, *, warning: bool = True, at_key: bool = False
    ) -> Diagnostic:
        line, column = self.position(loc, at_key)
        severity = Severity.WARNING if warning else Severity.ERROR
        return Diagnostic(self.display, line, column, severity, code, message)

    def _children_at(self, offset: int) -> dict[str | int, tuple[int, int]]:
        if offset not in self._children:
            self._children[offset] = _scan_children(self.text, offset)
        return self._children[offset]


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _skip_ws(text: str, offset: int) -> int:
    match = _WS.match(text, offset)
    return match.end() if match else offset


def _scan_children(text: str, offset: int) -> dict[str | int, tuple[int, int]]:
    """Offsets (key, value) of the members of the object or array that starts at `offset`."""
    children: dict[str | int, tuple[int, int]] = {}
    if offset >= len(text) or text[offset] not in "[{":
        return children
    is_object = text[offset] == "{"
    i = _skip_ws(text, offset + 1)
    index = 0
    while i < len(text) and text[i] not in "]}":
        key_at = i
        if is_object:
            key, i = scanstring(text, i + 1)
            i = _skip_ws(text, _skip_ws(text, i) + 1)  # past ':'
        value_at = i
        _, i = _DECODER.raw_decode(text, i)
        children[key if is_object else index] = (key_at, value_at)  # the last of a key counts
        index += 1
        i = _skip_ws(text, i)
        if i < len(text) and text[i] == ",":
            i = _skip_ws(text, i + 1)
    return children


# --- reading --------------------------------------------------------------------------------


def read_json(path: Path) -> tuple[JsonSource | None, list[Diagnostic]]:
    """The parsed file, or the diagnostics that say why it cannot be used."""
    display = display_path(path)

    def error(code: str, message: str, line: int = 1, column: int = 1) -> list[Diagnostic]:
        return [Diagnostic(display, line, column, Severity.ERROR, code, message)]

    try:
        if not path.is_file():
            what = "is een map, geen bestand" if path.is_dir() else "bestaat niet"
            return None, error("file-not-found", f"'{display}' {what}")
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, error("file-too-large", _too_large(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, error(
            "file-not-found", f"het bestand kan niet worden gelezen ({describe_os_error(exc)})"
        )
    if len(data) > MAX_BYTES:
        return None, error("file-too-large", _too_large(len(data)))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(data, exc.start)
        return None, error(
            "file-encoding",
            f"het bestand is geen geldige UTF-8 (byte 0x{data[exc.start]:02x}); "
            "JSON-bestanden zijn altijd UTF-8",
            line,
            column,
        )
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return None, error("invalid-value", _explain(exc.msg), exc.lineno, exc.colno)
    except _Constant as exc:
        line, column = line_col(text, max(text.find(exc.name), 0))
        return None, error(
            "invalid-value",
            f"'{exc.name}' is geen geldige JSON-waarde; het bestand is geen geldige JSON",
            line,
            column,
        )
    except RecursionError:
        return None, _too_deep(display, text)
    source = JsonSource(path, text, parsed)
    problem = _check_limits(source)
    if problem is not None:
        return None, [problem]
    return source, []


def _too_large(size: int) -> str:
    return (
        f"het bestand is groter dan 50 MiB ({size} bytes), de grens voor een import; "
        "splits de gegevens op of vraag een kleiner uittreksel"
    )


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    good = data[:index].decode("utf-8", errors="replace")
    return line_col(good, len(good))


class _Constant(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _refuse_constant(name: str) -> Any:
    raise _Constant(name)


_JSON_ERRORS = (
    ("Expecting value", "hier ontbreekt een waarde (of er staat iets dat geen JSON is)"),
    ("Expecting property name", "hier hoort een sleutel tussen dubbele aanhalingstekens"),
    ("Expecting ',' delimiter", "hier ontbreekt een komma"),
    ("Expecting ':' delimiter", "hier ontbreekt een dubbele punt na de sleutel"),
    ("Unterminated string", "een tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("Invalid control character", "een tekst bevat een stuurteken; schrijf het als \\n of \\t"),
    ("Invalid \\escape", "onbekende code na een backslash"),
    ("Invalid \\uXXXX escape", "onjuiste \\u-code in een tekst"),
    ("Extra data", "na het einde van de JSON-waarde staat nog meer"),
)


def _explain(message: str) -> str:
    for needle, hint in _JSON_ERRORS:
        if message.startswith(needle):
            return f"het bestand is geen geldige JSON: {hint}"
    return "het bestand is geen geldige JSON"


def _too_deep(display: str, text: str) -> list[Diagnostic]:
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = line_col(text, match.start())
                return [
                    Diagnostic(
                        display,
                        line,
                        column,
                        Severity.ERROR,
                        "invalid-value",
                        f"de gegevens zijn dieper dan {MAX_DEPTH} niveaus genest; "
                        "zo diep gaan HSDS-gegevens nooit",
                    )
                ]
        elif token in "]}":
            depth -= 1
    return [
        Diagnostic(
            display, 1, 1, Severity.ERROR, "invalid-value", "de gegevens zijn te diep genest"
        )
    ]


def _check_limits(source: JsonSource) -> Diagnostic | None:
    """Depth and string length, walked without recursion."""
    stack: list[tuple[Any, Loc]] = [(source.data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) >= MAX_DEPTH and isinstance(value, dict | list):
            return _too_deep(source.display, source.text)[0]
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                return source.diagnostic(
                    loc,
                    "invalid-value",
                    f"deze tekst is {len(value)} tekens lang; de grens is {MAX_STRING}",
                    warning=False,
                )
        elif isinstance(value, dict):
            for key, child in value.items():
                if len(key) > MAX_STRING:
                    return source.diagnostic(
                        (*loc, key),
                        "invalid-value",
                        f"deze sleutel is {len(key)} tekens lang; de grens is {MAX_STRING}",
                        warning=False,
                        at_key=True,
                    )
                stack.append((child, (*loc, key)))
        elif isinstance(value, list):
            stack.extend((child, (*loc, i)) for i, child in enumerate(value))
    return None
