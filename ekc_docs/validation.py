"""From a YAML tree to a model: every pydantic error becomes a Dutch diagnostic at its place.

Modelled on RenderCV: the error's `loc` is walked through the node tree to find the line and
column, the error type picks the contract code, and the message is rewritten for a coordinator.
"""

from __future__ import annotations

import copy
import difflib
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError
from pydantic.fields import FieldInfo

from .diagnostics import Diagnostic, Severity
from .reader import Document, Loc, Mapping, Node, Scalar, Sequence, locate, to_python

M = TypeVar("M", bound=BaseModel)


_CONTACT_CODES = {"phone": "phone", "email": "email", "url": "url", "postcode": "postcode"}


def validate(document: Document, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate a read document: the diagnostics, and the model when one can be built."""
    if document.root is None and document.diagnostics:
        return None, []
    data = to_python(document.root)
    if data is None:
        data = [] if issubclass(model, RootModel) else {}
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    diagnostics = [d for e in errors if (d := _diagnostic(document, model, e)) is not None]
    return _salvage(model, data, errors), diagnostics


#: errors that can be cut out without changing what the cross-file rules see
_PRUNABLE = frozenset({"extra_forbidden", *_CONTACT_CODES})


def _salvage(model: type[M], data: Any, errors: list[Any]) -> M | None:
    """A model without the unknown keys and malformed contact values, if that is all that is wrong.

    The diagnostics stay errors; the model only lets the rules across fields and files run
    as well, so that one typo does not hide every other problem in the file.
    """
    if not all(e["type"] in _PRUNABLE for e in errors):
        return None
    pruned = copy.deepcopy(data)
    for error in errors:
        *parents, last = error["loc"]
        container = pruned
        for part in parents:
            container = container[part]
        if isinstance(container, dict):
            container.pop(last, None)
    try:
        return model.model_validate(pruned)
    except (ValidationError, KeyError, IndexError, TypeError):
        return None


# --- finding the place ----------------------------------------------------------------------


def _position(node: Node | None) -> tuple[int, int]:
    return (node.line, node.column) if node is not None else (1, 1)


# --- finding the field ----------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


def field_at(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model that holds the last key of `loc`, and that key's field (if it is known)."""
    current: Any = model
    owner: type[BaseModel] | None = None
    info: FieldInfo | None = None
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _unwrap(current.model_fields["root"].annotation)
        if isinstance(part, int):
            if get_origin(current) is list:
                current = get_args(current)[0]
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None, None
        owner, info = current, current.model_fields.get(part)
        if info is None:
            return owner, None
        current = info.annotation
    return owner, info


def suggest_key(unknown: str, known: list[str]) -> str:
    """'(bedoelde je …?)' for a near miss, otherwise the list of keys that are allowed."""
    lowered = {k.lower(): k for k in known}
    if unknown.lower() in lowered:
        return f"(bedoelde je '{lowered[unknown.lower()]}'? let op hoofdletters)"
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6)
    if close:
        return f"(bedoelde je '{close[0]}'?)"
    return "(toegestaan: " + ", ".join(known) + ")"


# --- the message ----------------------------------------------------------------------------


def _kind_of(node: Node | None) -> str:
    if isinstance(node, Mapping):
        return "een blok met sleutels"
    if isinstance(node, Sequence):
        return "een lijst"
    if isinstance(node, Scalar) and node.to_python() is None:
        return "niets"
    return "tekst"


def _diagnostic(document: Document, model: type[BaseModel], error: Any) -> Diagnostic | None:
    loc: Loc = tuple(error["loc"])
    kind: str = error["type"]
    node, key, found = locate(document.root, loc)
    if (isinstance(node, Scalar) and node.broken) or (key is not None and key.broken):
        return None  # the reader already said what is wrong here
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    owner, info = field_at(model, loc)
    description = f" ({info.description.rstrip('.')})" if info and info.description else ""
    code, place = "invalid-value", node

    if kind == "missing":
        code = "missing-key"
        where = _container_name(loc)
        message = f"de sleutel '{name}' ontbreekt{where}{description}"
    elif kind == "extra_forbidden":
        code, place = "unknown-key", key or node
        known = list(owner.model_fields) if owner is not None else []
        message = f"onbekende sleutel '{name}' {suggest_key(name, known)}"
    elif kind in _CONTACT_CODES:
        code, message = _CONTACT_CODES[kind], error["msg"]
    elif kind == "invalid_value" or not found:
        message = error["msg"]
    else:
        message = _rewrite(kind, error, node, name, description)
    line, column = _position(place)
    return Diagnostic(document.display, line, column, Severity.ERROR, code, message)


def _container_name(loc: Loc) -> str:
    for index in range(len(loc) - 2, -1, -1):
        part = loc[index]
        if isinstance(part, int) and index > 0:
            return f" in {loc[index - 1]} nummer {part + 1}"
        if isinstance(part, str):
            return f" in '{part}'"
    return ""


_EXPECTED = {
    "string_type": "tekst",
    "date_type": "een datum (jjjj-mm-dd)",
    "date_from_datetime_parsing": "een datum (jjjj-mm-dd)",
    "bool_type": "true of false",
    "int_type": "een heel getal",
    "int_parsing": "een heel getal",
    "list_type": "een lijst, bijvoorbeeld [a, b] of regels die met '- ' beginnen",
    "model_type": "een blok met sleutels (ingesprongen regels zoals 'datum: …')",
    "model_attributes_type": "een blok met sleutels (ingesprongen regels zoals 'datum: …')",
    "dict_type": "een blok met sleutels (ingesprongen regels zoals 'datum: …')",
}


def _rewrite(kind: str, error: Any, node: Node | None, name: str, description: str) -> str:
    ctx = error.get("ctx") or {}
    given = _kind_of(node)
    label = name or "het bestand"
    if given == "niets" and kind.endswith("_type"):
        return f"'{label}' is leeg; vul een waarde in{description}"
    if kind in _EXPECTED:
        return f"verwacht bij '{label}' {_EXPECTED[kind]}, maar hier staat {given}"
    if kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"'{error['input']}' is niet toegestaan bij '{label}'; kies uit: {allowed}"
    if kind == "too_short":
        return f"de lijst '{label}' mag niet leeg zijn{description}"
    if kind == "string_too_short":
        return f"'{label}' is leeg; vul een waarde in{description}"
    if kind == "greater_than_equal":
        return f"'{label}' moet minstens {ctx.get('ge')} zijn"
    if kind == "less_than_equal":
        return f"'{label}' mag hoogstens {ctx.get('le')} zijn"
    return f"ongeldige waarde bij '{label}'{description}"
