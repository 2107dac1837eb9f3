"""Kaart YAML written by the import: every text quoted, so YAML never guesses its meaning.

The first line marks the file as ours; a later import may replace a file with that mark, and
nothing else (see `is_imported`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MARK = "# Geïmporteerd met 'ekc import hsds'"
#: keys whose values are short enough for one line ({van: 0, tot: 18})
_FLOW = frozenset({"leeftijd", "adres", "gecontroleerd"})
_ESCAPES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\x85", "\ufeff": "\\ufeff"}


def is_imported(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.readline().startswith(MARK)
    except OSError:
        return False


def quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are valid YAML), line breaks escaped too."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return quote(str(value))


def _flow(value: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"


def _lines(mapping: dict[str, Any], indent: str, first: str) -> list[str]:
    """`mapping` as block YAML; the first line gets `first` instead of `indent` (for '- ')."""
    lines = []
    for i, (key, value) in enumerate(mapping.items()):
        lead = first if i == 0 else indent
        if isinstance(value, dict):
            if key in _FLOW:
                lines.append(f"{lead}{key}: {_flow(value)}")
            else:
                lines.append(f"{lead}{key}:")
                lines += _lines(value, indent + "  ", indent + "  ")
        elif isinstance(value, list):
            if value and all(isinstance(v, dict) for v in value):
                lines.append(f"{lead}{key}:")
                for item in value:
                    lines += _lines(item, indent + "    ", indent + "  - ")
            else:
                lines.append(f"{lead}{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{lead}{key}: {_scalar(value)}")
    return lines


def kaart_text(data: dict[str, Any], source_name: str) -> str:
    """One kaart file: gemeente, provincie, organisaties, voorzieningen."""
    header = [
        f"{MARK} uit {source_name}.",
        "# Controleer de gegevens met 'ekc check' en vul ze aan.",
        "",
    ]
    body: list[str] = []
    for key, value in data.items():
        if isinstance(value, list):
            body.append(f"{key}:")
            for item in value:
                body += _lines(item, "    ", "  - ")
            body.append("")
        else:
            body.append(f"{key}: {_scalar(value)}")
            if key == "provincie" or (key == "gemeente" and "provincie" not in data):
                body.append("")
    return "\n".join(header + body).rstrip("\n") + "\n"


def categories_text(categories: list[dict[str, Any]], source_name: str) -> str:
    lines = [f"{MARK} uit {source_name}.", "# De onderwerpen van de sociale kaart.", ""]
    for category in categories:
        lines += _lines(category, "  ", "- ")
    return "\n".join(lines) + "\n"
