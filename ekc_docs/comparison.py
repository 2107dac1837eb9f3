"""What changed between two versions of a plan: new, changed and stopped agreements, by id.

One implementation for everything that shows a difference: `ekc verschil` (text and JSON) and
the printed later version ("Wat er veranderd is"). Agreements are matched by id, their own or
the implicit one of their place (a1, a2 …), so an agreement that moves keeps its identity, and
an id that is gone in one version and back in the next is new relative to the version between.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .models.plan import Afspraak, Plan, agreement_ids

#: the fields of an agreement that a change is reported for, in the order they are shown
FIELDS = ("wat", "wie", "wanneer", "controle", "voorwaarden", "hulp", "onderwerp")
#: fields holding a list of ids: the order within them does not matter
_SETS = frozenset({"wie", "voorwaarden"})

Value = str | tuple[str, ...] | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Value
    after: Value


@dataclass(frozen=True)
class ChangedAgreement:
    id: str
    before: Afspraak
    after: Afspraak
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Comparison:
    """New and changed agreements in the newer plan's order, stopped ones in the older's."""

    new: tuple[tuple[str, Afspraak], ...]
    changed: tuple[ChangedAgreement, ...]
    stopped: tuple[tuple[str, Afspraak], ...]
    unchanged: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.stopped)


def field_value(agreement: Afspraak, name: str) -> Value:
    value = getattr(agreement, name)
    if isinstance(value, list):
        return tuple(value)
    return value if isinstance(value, str) or value is None else str(value)


def _same(name: str, before: Value, after: Value) -> bool:
    if isinstance(before, tuple) and isinstance(after, tuple) and name in _SETS:
        return set(before) == set(after)
    if isinstance(before, str) and isinstance(after, str):
        return before.split() == after.split()  # a re-wrapped text is the same text
    return before == after


def compare_agreements(before: Afspraak, after: Afspraak) -> tuple[FieldChange, ...]:
    changes = []
    for name in FIELDS:
        old, new = field_value(before, name), field_value(after, name)
        if not _same(name, old, new):
            changes.append(FieldChange(name, old, new))
    return tuple(changes)


def compare_plans(older: Plan, newer: Plan) -> Comparison:
    old = dict(zip(agreement_ids(older), older.afspraken, strict=True))
    new = dict(zip(agreement_ids(newer), newer.afspraken, strict=True))
    added, changed, unchanged = [], [], []
    for ident, agreement in new.items():
        if ident not in old:
            added.append((ident, agreement))
            continue
        fields = compare_agreements(old[ident], agreement)
        if fields:
            changed.append(ChangedAgreement(ident, old[ident], agreement, fields))
        else:
            unchanged.append(ident)
    stopped = tuple((i, a) for i, a in old.items() if i not in new)
    return Comparison(tuple(added), tuple(changed), stopped, tuple(unchanged))


# --- for people: plain Dutch -----------------------------------------------------------------

Namer = Callable[[str, str], str]


def plain_namer(names: Mapping[str, str], services: Mapping[str, str]) -> Namer:
    """Names for the ids in a field: people and children by name, services by their name."""

    def name(field: str, ident: str) -> str:
        table = services if field == "hulp" else names if field in ("wie", "controle") else {}
        return table.get(ident, ident)

    return name


def describe(field: str, value: Value, namer: Namer, nothing: str, conjunction: str) -> str:
    """A field's value as words: 'Bart Verbeek en Anouk Dijkstra', or `nothing` when empty."""
    if value is None or value == ():
        return nothing
    if isinstance(value, tuple):
        words = [namer(field, v) for v in value]
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
    return " ".join(namer(field, value).split())


def comparison_text(
    comparison: Comparison, heading: str, namer: Namer, *, indent: str = "  "
) -> str:
    """`ekc verschil` for a person: a heading, then new, changed and stopped agreements."""

    def value(field: str, v: Value) -> str:
        return describe(field, v, namer, "geen", "en")

    lines = [heading, ""]
    if comparison.empty:
        lines.append("De afspraken zijn niet veranderd.")
    sections: list[tuple[str, list[tuple[str, Afspraak]]]] = [
        ("Nieuwe afspraken", list(comparison.new)),
        ("Veranderde afspraken", [(c.id, c.after) for c in comparison.changed]),
        ("Gestopte afspraken", list(comparison.stopped)),
    ]
    details = {c.id: c.fields for c in comparison.changed}
    for title, items in sections:
        if not items:
            continue
        lines.append(f"{title} ({len(items)}):")
        for ident, agreement in items:
            lines.append(f"{indent}{ident}: {value('wat', agreement.wat)}")
            if title == "Veranderde afspraken":
                for change in details[ident]:
                    lines.append(
                        f"{indent * 3}{change.field}: {value(change.field, change.before)} → "
                        f"{value(change.field, change.after)}"
                    )
        lines.append("")
    if comparison.unchanged:
        lines.append(f"Ongewijzigd: {', '.join(comparison.unchanged)}")
    return "\n".join(lines).rstrip("\n") + "\n"


# --- for programs: JSON ------------------------------------------------------------------------


def _agreement_json(ident: str, agreement: Afspraak) -> dict[str, Any]:
    data: dict[str, Any] = {"id": ident}
    for name in FIELDS:
        value = field_value(agreement, name)
        if value is not None:
            data[name] = list(value) if isinstance(value, tuple) else value
    return data


def _value_json(value: Value) -> Any:
    return list(value) if isinstance(value, tuple) else value


def comparison_json(comparison: Comparison, older: dict[str, Any], newer: dict[str, Any]) -> Any:
    """`ekc verschil --format json`: the two versions, then new, changed, stopped, unchanged."""
    return {
        "from": older,
        "to": newer,
        "new": [_agreement_json(i, a) for i, a in comparison.new],
        "changed": [
            {
                "id": c.id,
                "wat": c.after.wat,
                "fields": [
                    {"field": f.field, "from": _value_json(f.before), "to": _value_json(f.after)}
                    for f in c.fields
                ],
            }
            for c in comparison.changed
        ],
        "stopped": [_agreement_json(i, a) for i, a in comparison.stopped],
        "unchanged": list(comparison.unchanged),
    }
