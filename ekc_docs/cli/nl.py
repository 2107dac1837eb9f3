"""Dutch for click's own messages (usage errors, --help), so the whole command speaks Dutch.

Click looks its texts up through `gettext`; we swap in a small catalogue for the modules that
the `ekc` command uses. Only the CLI installs it: nothing else in the package depends on click.
"""

from __future__ import annotations

import importlib
from typing import Any

MESSAGES = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze uitleg en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor uitleg.",
    "Missing argument": "Ontbrekend argument",
    "Missing command.": "Geen commando opgegeven.",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing {param_type}": "Ontbrekend {param_type}",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Option {name!r} does not take a value.": "Optie {name!r} heeft geen waarde.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Aborted!": "Afgebroken.",
    "default: {default}": "standaard: {default}",
    # {name} is click's English word for the kind of path, fixed before this is installed
    "{name} {filename!r} does not exist.": "{filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{filename!r} is een map, geen bestand.",
    "{name} {filename!r} is a file.": "{filename!r} is een bestand, geen map.",
    "{name} {filename!r} is not readable.": "{filename!r} kan niet gelezen worden.",
    "{name} {filename!r} is not writable.": "{filename!r} kan niet beschreven worden.",
    "{name} {filename!r} is not executable.": "{filename!r} kan niet uitgevoerd worden.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Could not open file {filename!r}: {message}": "Kan {filename!r} niet openen: {message}",
    "unknown error": "onbekende fout",
    "Value must be an iterable.": "Hier hoort een lijst.",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(wisselt)",
    "deprecated": "verouderd",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} kan niet: het moet {range} zijn.",
}
PLURALS = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Did you mean {possibility}?": (
        "Bedoelde je {possibility}?",
        "(Bedoelde je een van: {possibilities}?)",
    ),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
}
CLICK_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "types",
    "utils",
    "termui",
)


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        one, many = PLURALS[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


#: the names click gives its number types ("integer range"), as they appear in messages
NUMBER_TYPES = {
    "IntParamType": "heel getal",
    "IntRange": "heel getal",
    "FloatParamType": "getal",
    "FloatRange": "getal",
}


def describe_range(self: Any) -> str:
    """A number range in words ("minstens 1") instead of click's "x>=1"."""
    low = f"{'meer dan' if self.min_open else 'minstens'} {self.min}"
    high = f"{'minder dan' if self.max_open else 'hoogstens'} {self.max}"
    if self.min is not None and self.max is not None:
        if not (self.min_open or self.max_open):
            return f"van {self.min} tot en met {self.max}"
        return f"{low} en {high}"
    return low if self.min is not None else high


def path_metavar(self: Any, param: Any, ctx: Any = None) -> str:
    """MAP, BESTAND or PAD in --help, instead of the English name click fixed at import time."""
    if not self.file_okay:
        return "MAP"
    return "BESTAND" if not self.dir_okay else "PAD"


def install() -> None:
    from click import types

    for class_name, label in NUMBER_TYPES.items():
        getattr(types, class_name).name = label
    types._NumberRangeBase._describe_range = describe_range  # type: ignore[method-assign]
    types.Path.get_metavar = path_metavar  # type: ignore[method-assign]
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
