"""Form fields built from the models: labels and help from their Dutch descriptions.

Every control's `name` is the dotted YAML path of its value (`afspraken.0.wat`). Fields that
hold ids of people, conditions or services become choices from the case and the sociale kaart,
offering only who may stand there (contract §2, Roles). New model fields appear by themselves.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..models.plan import PLACEHOLDER
from .choices import ROLES, Choice, Context, short

Loc = tuple[int | str, ...]

#: texts that take more than a line
LONG_TEXTS = frozenset(
    {
        "vraag",
        "aanleiding",
        "tekst",
        "wat",
        "stem_van_het_kind",
        "als_het_anders_loopt",
        "toelichting",
        "wat_we_leerden",
        "beschrijving",
    }
)
LABELS = {
    "coordinator": "Coördinator",
    "wat_gaat_goed": "Wat gaat goed",
    "stem_van_het_kind": "Stem van het kind",
    "als_het_anders_loopt": "Als het anders loopt",
    "gesteld_door": "Gesteld door",
    "casus": "Casusnummer",
    "casusbestand": "Casusbestand",
    "id": "Korte naam",
    "wie": "Wie doet het",
    "wat": "Wat",
    "controle": "Wie gaat het na",
    "hulp": "Hulp uit de sociale kaart",
    "verspreid": "Verspreid",
    "aan": "Aan",
    "fictief": "Verzonnen voorbeeld (fictief)",
    "wat_we_leerden": "Wat we leerden",
}
#: help for fields the studio shows as choices: about people and names, not about ids (the
#: models' descriptions speak of ids, because in the YAML file that is what stands there)
CHOICE_HELP = {
    ("Toestemming", "door"): "Wie toestemming gaf: vink een of meer personen aan.",
    ("Aanmelding", "aanmelder"): "De persoon die de conferentie aanvroeg.",
    ("Voorwaarde", "gesteld_door"): "De professional die de voorwaarde stelde.",
    ("Casus", "hoofdpersoon"): "Bij een persoonlijk plan: de volwassene om wie het plan draait.",
    ("Casus", "taal"): "Taal van het afgedrukte plan voor de familie.",
    ("Afspraak", "wie"): "Wie het doet: vink een of meer personen of kinderen aan.",
    ("Afspraak", "controle"): "Wie nagaat dat het gebeurt.",
    ("Afspraak", "voorwaarden"): "Vink de veiligheidsvoorwaarden aan waarop deze afspraak een "
    "antwoord is.",
    ("Afspraak", "hulp"): "Een voorziening uit de sociale kaart.",
    ("Plan", "aanspreekpunt"): "De persoon uit het netwerk die het plan bewaakt en het netwerk "
    "bijeenroept als het anders loopt.",
    ("Evaluatie", "bijeenroeper"): "Wie iedereen bijeenroept; zonder keuze is dat het "
    "aanspreekpunt.",
    ("Akkoord", "door"): "De professional die de voorwaarden stelde.",
    ("Verspreiding", "aan"): "Wie het plan kregen: vink de personen aan.",
    ("Beoordeling", "id"): "De korte naam van de afspraak in de vorige versie van het plan.",
}
#: help for the short names people, children, conditions and agreements are known by
ID_HELP = (
    "Een korte naam zonder spaties, bijvoorbeeld {example}. Andere velden en het plan "
    "gebruiken deze naam: verander hem liever niet meer als hij al gebruikt wordt."
)
ID_EXAMPLES = {"Persoon": "ria", "Kind": "daan", "Voorwaarde": "v1", "Afspraak": "a1"}
#: what one entry of a list is called, and the button that adds one
NOUNS = {
    "Persoon": ("persoon", "Nieuwe persoon"),
    "Kind": ("kind", "Nieuw kind"),
    "Voorwaarde": ("voorwaarde", "Nieuwe voorwaarde"),
    "Afspraak": ("afspraak", "Nieuwe afspraak"),
    "Beoordeling": ("uitkomst", "Nieuwe uitkomst"),
}
#: ids that new entries get, numbered on: a person can rename them
ID_PREFIXES = {"Persoon": "persoon", "Kind": "kind", "Voorwaarde": "v", "Afspraak": "a"}
#: the hidden field with the hash of the file as the page showed it (never a YAML key)
HASH_FIELD = "_bestand"
#: fields about the file rather than the family: shown folded away at the end of the form
ABOUT_FILE = ("casusbestand", "fictief", "versie")

# --- what the form is made of -----------------------------------------------------------------


@dataclass
class Control:
    """One input, select, textarea or group of checkboxes."""

    loc: Loc
    label: str
    help: str
    widget: str  # text, textarea, date, checkbox, select, checkboxes, lines, search
    required: bool
    value: str = ""
    values: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    input_type: str = "text"
    python: str = "str"  # what the value is written as: str, date, bool, int
    disabled: bool = False
    #: the file holds a «VERVANG» placeholder here: shown empty, kept until a choice is made
    unfilled: bool = False

    @property
    def name(self) -> str:
        return dotted(self.loc)

    @property
    def id(self) -> str:
        return "veld-" + self.name.replace(".", "-")

    @property
    def multiple(self) -> bool:
        return self.widget in ("checkboxes", "lines")

    @property
    def empty_label(self) -> str:
        if self.unfilled or self.required:
            return "— kies een uitkomst —" if self.loc[-1] == "uitkomst" else "— kies —"
        return "— geen —"


@dataclass
class Block:
    """A fieldset for one sub-model (an entry of a list, or a block like `evaluatie`)."""

    loc: Loc
    label: str
    help: str
    model: type[BaseModel]
    children: list[Control | Block | Repeat] = field(default_factory=list)
    index: int | None = None  # position in its list, for entries
    group: str = ""  # the agreement's onderwerp
    optional: bool = False  # a block the file may leave out (akkoord, verspreid …)
    previous: str | None = None  # a review entry: what the agreement said in the last version

    @property
    def name(self) -> str:
        return dotted(self.loc)

    @property
    def id(self) -> str:
        return "blok-" + (self.name.replace(".", "-") or "bestand")


@dataclass
class Repeat:
    """A list of entries that can be added, removed and reordered."""

    loc: Loc
    label: str
    help: str
    noun: str
    add_label: str
    items: list[Block] = field(default_factory=list)

    @property
    def name(self) -> str:
        return dotted(self.loc)

    @property
    def id(self) -> str:
        return "lijst-" + self.name.replace(".", "-")

    def groups(self) -> list[tuple[str, list[Block]]]:
        """Entries grouped by onderwerp in order of first appearance, as the printed plan does."""
        order: dict[str, list[Block]] = {}
        for item in self.items:
            order.setdefault(item.group, []).append(item)
        return list(order.items())


# --- building the form ------------------------------------------------------------------------


def dotted(loc: Loc) -> str:
    return ".".join(str(p) for p in loc)


def parse_dotted(name: str) -> Loc:
    return tuple(int(p) if p.isdigit() else p for p in name.split(".") if p)


def label_for(name: str) -> str:
    return LABELS.get(name) or name.replace("_", " ").capitalize()


def build_form(model: type[BaseModel], data: Any, context: Context) -> Block:
    """The whole file as one block of controls, with the values of `data` (strict reader)."""
    return _block(model, data if isinstance(data, dict) else {}, (), "", context)


def _block(
    model: type[BaseModel], data: dict[str, Any], loc: Loc, label: str, context: Context
) -> Block:
    block = Block(loc, label, _first_line(model.__doc__), model)
    for name, info in model.model_fields.items():
        value = data.get(name)
        block.children.append(_child(model, name, info, value, (*loc, name), context))
    return block


def _child(
    owner: type[BaseModel],
    name: str,
    info: FieldInfo,
    value: Any,
    loc: Loc,
    context: Context,
) -> Control | Block | Repeat:
    annotation, optional = _unwrap(info.annotation)
    help_text = info.description or ""
    label = label_for(name)
    required = info.is_required()
    if _is_model(annotation):
        sub = _block(annotation, value if isinstance(value, dict) else {}, loc, label, context)
        sub.help = help_text
        sub.optional = optional or not required
        return sub
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        item, _ = _unwrap(item)
        if _is_model(item):
            return _repeat(item, value, loc, label, help_text, context)
    control = Control(loc, label, help_text, "text", required)
    role = ROLES.get((owner.__name__, name))
    _shape(control, annotation, info, role, name, context)
    if control.widget in ("select", "checkboxes", "search"):
        control.help = CHOICE_HELP.get((owner.__name__, name), control.help)
    elif name == "id" and owner.__name__ in ID_EXAMPLES:
        control.help = ID_HELP.format(example=ID_EXAMPLES[owner.__name__])
    _fill(control, value, context.known_ids() if role is not None else None)
    if optional or not required:
        control.required = False
    return control


def _repeat(
    item: type[BaseModel], value: Any, loc: Loc, label: str, help_text: str, context: Context
) -> Repeat:
    noun, add_label = NOUNS.get(item.__name__, ("regel", "Regel toevoegen"))
    repeat = Repeat(loc, label, help_text, noun, add_label)
    entries = value if isinstance(value, list) else []
    for index, entry in enumerate(entries):
        entry = entry if isinstance(entry, dict) else {}
        title = _title(entry, noun, index)
        block = _block(item, entry, (*loc, index), title, context)
        block.index = index
        if item.__name__ == "Beoordeling":
            ident = entry.get("id")
            block.previous = context.previous.get(ident) if isinstance(ident, str) else None
        block.group = str(entry.get("onderwerp") or "") if "onderwerp" in item.model_fields else ""
        repeat.items.append(block)
    return repeat


def _title(entry: dict[str, Any], noun: str, index: int) -> str:
    for key in ("naam", "wat", "tekst"):
        if isinstance(entry.get(key), str) and entry[key]:
            return f"{noun.capitalize()} {index + 1}: {short(entry[key], 50)}"
    if isinstance(entry.get("id"), str) and entry["id"]:
        return f"{noun.capitalize()} {index + 1}: {entry['id']}"
    return f"{noun.capitalize()} {index + 1}"


def _shape(
    control: Control,
    annotation: Any,
    info: FieldInfo,
    role: str | None,
    name: str,
    context: Context,
) -> None:
    """Pick the widget from the field's type and role."""
    is_list = get_origin(annotation) is list
    if role is not None:
        choices = context.choices(role)
        if role == "voorziening":
            control.widget, control.choices = "search", choices
        elif is_list:
            control.widget, control.choices = "checkboxes", choices
        else:
            control.widget, control.choices = "select", choices
        return
    if is_list:
        control.widget = "lines"
        return
    if get_origin(annotation) is Literal:
        control.widget = "select"
        control.choices = [Choice(str(a), str(a)) for a in get_args(annotation)]
        return
    if annotation is bool:
        control.widget, control.python = (
            ("checkbox", "bool") if info.default is False else ("select", "bool")
        )
        if control.widget == "select":
            control.choices = [Choice("true", "ja"), Choice("false", "nee")]
        return
    if annotation is date:
        control.widget, control.python = "date", "date"
        return
    if annotation is int:
        control.python, control.input_type = "int", "number"
        return
    if name == "taal" and context.languages:
        control.widget, control.choices = "select", list(context.languages)
        return
    if name in LONG_TEXTS:
        control.widget = "textarea"
    elif name == "telefoon":
        control.input_type = "tel"
    elif name == "email":
        control.input_type = "email"


def _fill(control: Control, value: Any, known: set[str] | None = None) -> None:
    """Put the current value in; a value of the wrong shape is shown but not editable here.

    `known` holds every id of the case, for fields that refer to one: an id that is there but
    may not stand here is "niet toegestaan hier", one that is nowhere is "onbekend".
    """
    if control.multiple:
        if value is None:
            control.values = []
        elif isinstance(value, str):
            control.values = [value]
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            control.values = list(value)
        else:
            control.disabled = True
        known = {c.value for c in control.choices}
        offered = {c.value for c in control.choices}
        control.choices += [
            Choice(v, f"{v} ({_not_offered(v, known)})")
            for v in control.values
            if v not in offered and control.widget == "checkboxes"
        ]
        return
    if value is None:
        control.value = ""
    elif isinstance(value, str) and control.widget == "select" and PLACEHOLDER in value:
        control.value, control.unfilled = "", True
    elif isinstance(value, str):
        control.value = value
    else:
        control.disabled = True
    if control.widget == "date" and control.value and not _is_date(control.value):
        control.widget = "text"  # an impossible date stays visible, to be corrected
    if (
        control.widget == "select"
        and control.value
        and control.value not in {c.value for c in control.choices}
    ):
        reason = _not_offered(control.value, known)
        control.choices.append(Choice(control.value, f"{control.value} ({reason})"))


def _not_offered(value: str, known: set[str] | None) -> str:
    return "onbekend" if known is not None and value not in known else "niet toegestaan hier"


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if doc else ""


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional/Annotated, and whether None is allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        elif hasattr(annotation, "__metadata__"):
            annotation = annotation.__origin__
        else:
            return annotation, optional


# --- walking the form -------------------------------------------------------------------------


def controls(block: Block) -> Iterator[Control]:
    for child in block.children:
        if isinstance(child, Control):
            yield child
        elif isinstance(child, Block):
            yield from controls(child)
        else:
            for item in child.items:
                yield from controls(item)


def blocks(block: Block) -> Iterator[Block]:
    yield block
    for child in block.children:
        if isinstance(child, Block):
            yield from blocks(child)
        elif isinstance(child, Repeat):
            for item in child.items:
                yield from blocks(item)


def repeats(block: Block) -> Iterator[Repeat]:
    for child in block.children:
        if isinstance(child, Repeat):
            yield child
            for item in child.items:
                yield from repeats(item)
        elif isinstance(child, Block):
            yield from repeats(child)


def labels(block: Block, prefix: str = "") -> dict[str, str]:
    """Every control and list by name, with a readable label ("Evaluatie › Datum")."""
    found: dict[str, str] = {}
    for child in block.children:
        label = f"{prefix} › {child.label}" if prefix else child.label
        found[child.name] = label
        if isinstance(child, Block):
            found.update(labels(child, label))
        elif isinstance(child, Repeat):
            for item in child.items:
                found.update(labels(item, f"{label} › {item.label.split(':')[0]}"))
    return found


def field_names(block: Block) -> set[str]:
    return {c.name for c in controls(block)}


def item_model(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model of one entry of the list at `loc` (`afspraken` → Afspraak)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not _is_model(current) or part not in current.model_fields:
            return None
        current, _ = _unwrap(current.model_fields[part].annotation)
        if get_origin(current) is list:
            current, _ = _unwrap(get_args(current)[0])
    return current if _is_model(current) else None
