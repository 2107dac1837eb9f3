"""From a YAML tree to a model: every pydantic error becomes a Dutch diagnostic at its place.

Modelled on RenderCV: the error's `loc` is walked through the node tree to find the line and
column, the error type picks the contract code, and the message is rewritten for a coordinator.
"""

from __future__ import annotations

import difflib
import functools
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError
from pydantic.fields import FieldInfo

from .diagnostics import Diagnostic, Severity
from .models.fields import FREE_TEXT
from .reader import Document, Loc, Mapping, Node, Scalar, Sequence, locate, to_python

M = TypeVar("M", bound=BaseModel)


#: near misses ('bedoelde je …?') are looked for in the first errors of a file only: a file
#: with thousands of unknown keys is no typo, and the search must not dominate checking it
MAX_SUGGESTIONS = 200

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
    diagnostics = []
    for index, error in enumerate(errors):
        found = _diagnostic(document, model, error, suggest=index < MAX_SUGGESTIONS)
        if found is not None:
            diagnostics.append(found)
    return _salvage(model, data, errors), diagnostics


#: what stands in for a wrong or missing free text while the rules run (never printed: the
#: diagnostic about that text is an error, so the plan is not printed)
_STAND_IN = "(nog niet ingevuld)"


def _salvage(model: type[M], data: Any, errors: list[Any]) -> M | None:
    """A model in which every wrong part is cut out or stood in for, if that can be done
    without changing what the rules across fields and files see.

    Unknown keys are cut out; a malformed contact value takes its nearest optional block with
    it (a bad postcode its `adres`); a wrong or missing free text (an empty `wanneer`) gets a
    stand-in. The diagnostics stay errors; the model only lets the other rules run too, so
    that one mistake does not hide every other problem in the file (contract §1). Wrong ids,
    dates, choices and blocks are never cut out or stood in for: a rule would then see
    something absent or guessed, and report a problem that is not there. `data` is this
    run's own copy, so it is changed in place.
    """
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            done = _remove(data, loc)
        elif error["type"] in _CONTACT_CODES:
            optional = _optional_ancestor(model, loc)
            done = bool(optional) and _remove(data, optional)
        else:
            done = _is_free_text(model, loc) and _put(data, loc, _STAND_IN)
        if not done:
            return None
    try:
        return model.model_validate(data)
    except (ValidationError, KeyError, IndexError, TypeError):
        return None


def _container(data: Any, parents: Loc) -> Any:
    """The dict or list at `parents`, or None when the path is not there."""
    container = data
    try:
        for part in parents:
            container = container[part]
    except (KeyError, IndexError, TypeError):
        return None
    return container


def _remove(data: Any, loc: Loc) -> bool:
    """Cut out the key at `loc`; False when there is no such key to cut."""
    container = _container(data, loc[:-1])
    if isinstance(container, dict):
        container.pop(loc[-1], None)
        return True
    return False


def _put(data: Any, loc: Loc, value: str) -> bool:
    """Set the value at `loc` (the key may be missing); False when the path is not there."""
    container, last = _container(data, loc[:-1]), loc[-1]
    if isinstance(container, dict):
        container[last] = value
        return True
    if isinstance(container, list) and isinstance(last, int) and last < len(container):
        container[last] = value
        return True
    return False


def _is_free_text(model: type[BaseModel], loc: Loc) -> bool:
    """Whether `loc` is free text in the family's words (or an item of a list of texts)."""
    if not loc:
        return False
    key_loc = loc if isinstance(loc[-1], str) else loc[:-1]
    _, info = field_at(model, key_loc)
    if info is None:
        return False
    if FREE_TEXT in info.metadata:
        return isinstance(loc[-1], str)
    return not isinstance(loc[-1], str) and _texts_in(info.annotation)


def _texts_in(annotation: Any) -> bool:
    """`list[Tekst]`: a list whose items are free text."""
    if get_origin(annotation) is Annotated:
        return FREE_TEXT in get_args(annotation)[1:]
    return any(_texts_in(arg) for arg in get_args(annotation))


def _optional_ancestor(model: type[BaseModel], loc: Loc) -> Loc:
    """`loc` or the nearest key above it that may be left out; () when there is none."""
    while loc and isinstance(loc[-1], str):
        _, info = field_at(model, loc)
        if info is not None and not info.is_required():
            return loc
        loc = loc[:-1]
    return ()


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
    keys = tuple(part for part in loc if isinstance(part, str))
    if not keys:
        return None, None
    # list positions do not change the field: the path above is looked up once per field, not
    # once per error (a file may hold thousands of unknown keys)
    owner, holder = _holder(model, keys[:-1])
    if holder is None:
        return owner, None
    return holder, _fields(holder).get(keys[-1])


@functools.lru_cache(maxsize=256)
def _fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """A model's fields, looked up once (pydantic builds the mapping on each access)."""
    return dict(model.model_fields)


@functools.lru_cache(maxsize=512)
def _holder(
    model: type[BaseModel], keys: tuple[str, ...]
) -> tuple[type[BaseModel] | None, type[BaseModel] | None]:
    """(owner, model below `keys`): the model whose fields come next, or why there is none."""
    if not keys:
        return None, _model_below(model)
    owner, info = _walk_fields(model, keys)
    if info is None:
        return owner, None
    below = _model_below(info.annotation)
    return (None, None) if below is None else (owner, below)


def _walk_fields(
    model: type[BaseModel], keys: tuple[str, ...]
) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    owner: type[BaseModel] | None = None
    info: FieldInfo | None = None
    annotation: Any = model
    for key in keys:
        holder = _model_below(annotation)
        if holder is None:
            return None, None
        owner, info = holder, holder.model_fields.get(key)
        if info is None:
            return owner, None
        annotation = info.annotation
    return owner, info


def _model_below(annotation: Any) -> type[BaseModel] | None:
    """The model that a field's value is, or is a list of (the root model's items for a list)."""
    current = _unwrap(annotation)
    if isinstance(current, type) and issubclass(current, RootModel):
        current = _unwrap(current.model_fields["root"].annotation)
    while get_origin(current) is list:
        current = _unwrap(get_args(current)[0])
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def suggest_key(unknown: str, known: list[str], *, near: bool = True) -> str:
    """'(bedoelde je …?)' for a near miss, otherwise the list of keys that are allowed."""
    lowered = _lowered(tuple(known))
    if unknown.lower() in lowered:
        return f"(bedoelde je '{lowered[unknown.lower()]}'? let op hoofdletters)"
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6) if near else []
    if close:
        return f"(bedoelde je '{close[0]}'?)"
    return _allowed(tuple(known))


@functools.lru_cache(maxsize=64)
def _allowed(known: tuple[str, ...]) -> str:
    return "(toegestaan: " + ", ".join(known) + ")"


@functools.lru_cache(maxsize=64)
def _lowered(known: tuple[str, ...]) -> dict[str, str]:
    return {k.lower(): k for k in known}


# --- the message ----------------------------------------------------------------------------


def _kind_of(node: Node | None) -> str:
    if isinstance(node, Mapping):
        return "een blok met sleutels"
    if isinstance(node, Sequence):
        return "een lijst"
    if isinstance(node, Scalar) and node.to_python() is None:
        return "niets"
    return "tekst"


def _diagnostic(
    document: Document, model: type[BaseModel], error: Any, *, suggest: bool = True
) -> Diagnostic | None:
    loc: Loc = tuple(error["loc"])
    kind: str = error["type"]
    node, key, _ = locate(document.root, loc)
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
        known = list(_fields(owner)) if owner is not None else []
        message = f"onbekende sleutel '{name}' {suggest_key(name, known, near=suggest)}"
    elif kind in _CONTACT_CODES:
        code, message = _CONTACT_CODES[kind], error["msg"]
    elif kind == "invalid_value":
        message = error["msg"]  # our own Dutch message (fields.invalid)
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
    if kind == "too_long":
        return (
            f"de lijst '{label}' telt {ctx.get('actual_length')} onderdelen; hoogstens "
            f"{ctx.get('max_length')} "
            "(een plan is een paar bladzijden, geen boek)"
        )
    if kind == "string_too_long":
        return (
            f"de tekst bij '{label}' is {len(str(error.get('input', '')))} tekens lang; "
            f"hoogstens {ctx.get('max_length')}: maak hem korter"
        )
    if kind == "too_short":
        return f"de lijst '{label}' mag niet leeg zijn{description}"
    if kind == "string_too_short":
        return f"'{label}' is leeg; vul een waarde in{description}"
    if kind == "greater_than_equal":
        return f"'{label}' moet minstens {ctx.get('ge')} zijn"
    if kind == "less_than_equal":
        return f"'{label}' mag hoogstens {ctx.get('le')} zijn"
    return f"ongeldige waarde bij '{label}'{description}"
