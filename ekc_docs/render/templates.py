"""Where the templates, stylesheets, fonts and message catalogues come from.

The package ships a complete set in `plan_templates/`; an organisation can put files with the
same names in its own folder (`--templates DIR`) to use its house style without forking.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, EkcError, Severity, display_path
from ..fonts import template_dir
from ..reader import Mapping, read_document, to_python

CATALOGUE_DIR = "i18n"
META_KEYS = ("taal", "richting", "locale", "lettertype")


def default_template_dir() -> Path:
    """`ekc_docs/plan_templates` in an installed wheel, `plan_templates/` in a source checkout."""
    return template_dir()


class _CatalogueFormatter(string.Formatter):
    """`{naam}` and nothing more: no attributes, indexes, conversions or format specs, so a
    catalogue string can neither reach Python internals nor blow up in size."""

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> tuple[Any, str]:
        if not field_name.isidentifier():
            raise _BadPlaceholder(
                "een invulplek is alleen een naam tussen accolades, zonder punt, haken of "
                "ander teken"
            )
        if field_name not in kwargs:
            raise _BadPlaceholder(f"de invulplek {{{field_name}}} bestaat hier niet")
        return kwargs[field_name], field_name

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None:
            raise _BadPlaceholder("een invulplek mag geen '!' bevatten")
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec:
            raise _BadPlaceholder("een invulplek mag geen ':' bevatten")
        return str(value)


class _BadPlaceholder(Exception):
    pass


_FORMATTER = _CatalogueFormatter()


@dataclass(frozen=True)
class Catalogue:
    """The fixed texts of the plan in one language."""

    language: str
    messages: dict[str, str]
    path: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def rtl(self) -> bool:
        return self.messages.get("richting") == "rtl"

    @property
    def locale(self) -> str:
        return self.messages.get("locale", self.language)

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key`, its {placeholders} filled in; a broken text is a template-error."""
        text = self.messages[key]
        if not values and "{" not in text and "}" not in text:
            return text
        try:
            return _FORMATTER.vformat(text, (), values)
        except _BadPlaceholder as exc:
            reason = str(exc)
        except (ValueError, IndexError):
            reason = "een { of } staat los (schrijf {{ of }} voor een accolade)"
        allowed = ", ".join(f"{{{name}}}" for name in values) or "geen"
        raise EkcError(
            [
                Diagnostic(
                    display_path(self.path or f"{CATALOGUE_DIR}/{self.language}.yml"),
                    self.lines.get(key, 1),
                    1,
                    Severity.ERROR,
                    "template-error",
                    f"de tekst '{key}' in de catalogus klopt niet: {reason}; toegestaan: {allowed}",
                )
            ]
        ) from None


@dataclass(frozen=True)
class TemplateSet:
    """The folders templates are looked up in, first match wins: overrides, then the defaults."""

    overrides: tuple[Path, ...] = ()
    default: Path = field(default_factory=default_template_dir)

    @property
    def folders(self) -> tuple[Path, ...]:
        return (*self.overrides, self.default)

    def find(self, name: str) -> Path | None:
        """The first file called `name` (a relative path) in the folders, never outside them."""
        for folder in self.folders:
            root = folder.resolve()
            candidate = (root / name).resolve()
            if root in candidate.parents and candidate.is_file():
                return candidate
        return None

    @cached_property
    def languages(self) -> tuple[str, ...]:
        found = {p.stem for folder in self.folders for p in (folder / CATALOGUE_DIR).glob("*.yml")}
        return tuple(sorted(found))

    def catalogue(self, language: str) -> Catalogue:
        """The catalogue for `language`, complete: every text the Dutch one has."""
        path = self.find(f"{CATALOGUE_DIR}/{language}.yml")
        reference = self.find(f"{CATALOGUE_DIR}/nl.yml")
        if path is None or reference is None:
            raise EkcError(
                [
                    _problem(
                        Path(f"{CATALOGUE_DIR}/{language}.yml"),
                        f"er is geen catalogus voor de taal '{language}'",
                    )
                ]
            )
        messages, lines = _read_catalogue(path)
        missing = sorted(set(_read_catalogue(reference)[0]) - set(messages))
        if missing:
            raise EkcError([_problem(path, "deze teksten ontbreken: " + ", ".join(missing))])
        return Catalogue(language, messages, path, lines)


def _read_catalogue(path: Path) -> tuple[dict[str, str], dict[str, int]]:
    """The texts, and the line each one is on (for messages about a broken text)."""
    document = read_document(path)
    root = document.root
    data = to_python(root) if isinstance(root, Mapping) else None
    if document.diagnostics or not isinstance(root, Mapping) or not isinstance(data, dict):
        raise EkcError(document.diagnostics or [_problem(path, "geen geldige catalogus")])
    bad = [k for k, v in data.items() if not isinstance(v, str)]
    if bad:
        raise EkcError([_problem(path, "alleen tekst is toegestaan bij: " + ", ".join(bad))])
    return data, {key.value: key.line for key, _ in root.items}


def _problem(path: Path, message: str) -> Diagnostic:
    return Diagnostic(display_path(path), 1, 1, Severity.ERROR, "template-error", message)
