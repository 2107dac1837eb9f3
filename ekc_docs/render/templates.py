"""Where the templates, stylesheets, fonts and message catalogues come from.

The package ships a complete set in `plan_templates/`; an organisation can put files with the
same names in its own folder (`--templates DIR`) to use its house style without forking.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, EkcError, Severity
from ..reader import Mapping, read_document, to_python

CATALOGUE_DIR = "i18n"
META_KEYS = ("taal", "richting", "locale", "lettertype")


def default_template_dir() -> Path:
    """`ekc_docs/plan_templates` in an installed wheel, `plan_templates/` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "plan_templates"
    return installed if installed.is_dir() else package.parent / "plan_templates"


@dataclass(frozen=True)
class Catalogue:
    """The fixed texts of the plan in one language."""

    language: str
    messages: dict[str, str]

    @property
    def rtl(self) -> bool:
        return self.messages.get("richting") == "rtl"

    @property
    def locale(self) -> str:
        return self.messages.get("locale", self.language)

    def __call__(self, key: str, **values: Any) -> str:
        text = self.messages[key]
        return text.format(**values) if values else text


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
        messages = _read_catalogue(path)
        missing = sorted(set(_read_catalogue(reference)) - set(messages))
        if missing:
            raise EkcError([_problem(path, "deze teksten ontbreken: " + ", ".join(missing))])
        return Catalogue(language, messages)


def _read_catalogue(path: Path) -> dict[str, str]:
    document = read_document(path)
    data = to_python(document.root) if isinstance(document.root, Mapping) else None
    if document.diagnostics or not isinstance(data, dict):
        raise EkcError(document.diagnostics or [_problem(path, "geen geldige catalogus")])
    bad = [k for k, v in data.items() if not isinstance(v, str)]
    if bad:
        raise EkcError([_problem(path, "alleen tekst is toegestaan bij: " + ", ".join(bad))])
    return data


def _problem(path: Path, message: str) -> Diagnostic:
    return Diagnostic(str(path), 1, 1, Severity.ERROR, "invalid-value", message)
