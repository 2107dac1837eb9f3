"""From a submitted form (and the buttons that add, remove and move entries) to the YAML tree.

Only values that differ from what the file holds are written, so everything a person did not
change keeps its exact spelling, quoting and comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from ..models.plan import PLACEHOLDER
from . import yamlfile
from .forms import ID_PREFIXES, Block, Control, Loc, blocks, controls, item_model
from .yamlfile import YamlFile

FormValues = Callable[[str], list[str]]


def key_order(model: type[BaseModel]) -> yamlfile.KeyOrder:
    """The model's field order for the block at any path: new keys go where the model has them."""

    def order(loc: Loc) -> Sequence[str]:
        found = item_model(model, loc) if loc else model
        return list(found.model_fields) if found is not None else ()

    return order


def apply_form(file: YamlFile, form: Block, values: FormValues) -> bool:
    """Write every changed control of `form` into the file's tree; True when anything changed.

    A control missing from the submission is left alone: an empty or partial post never wipes
    a file. (Checkboxes come with a hidden empty field of the same name, so a group with no box
    ticked is still in the post.)
    """
    order = key_order(form.model)
    changed = False
    for control in controls(form):
        if control.disabled:
            continue
        submitted = [v.replace("\r\n", "\n") for v in values(control.name)]
        if not submitted:
            continue
        if control.multiple:
            changed |= _apply_list(file, control, submitted, order)
        else:
            changed |= _apply_scalar(file, control, submitted, order)
    for block in blocks(form):  # an optional block emptied completely goes as a whole
        if block.optional and yamlfile.get(file.root, block.loc) is not None:
            inside = [c for c in controls(block) if not c.disabled]
            posted = all(values(c.name) for c in inside)  # every field present, if empty
            if posted and not any(v.strip() for c in inside for v in values(c.name)):
                yamlfile.remove(file.root, block.loc)
                changed = True
    if changed:
        file.changed()
    return changed


def submitted_form(form: Block, values: FormValues) -> bool:
    """Whether the post carries this form at all (one of its text fields is in it)."""
    return any(values(c.name) for c in controls(form) if not c.disabled)


def _apply_list(
    file: YamlFile, control: Control, submitted: list[str], order: yamlfile.KeyOrder
) -> bool:
    if control.widget == "lines":
        new = [line.strip() for text in submitted for line in text.split("\n") if line.strip()]
    else:  # ticked boxes come in the order of the choices: keep the file's own order
        ticked = [v for v in submitted if v]
        if set(ticked) == set(control.values):
            return False
        new = [v for v in control.values if v in ticked] + [
            v for v in ticked if v not in control.values
        ]
    if new == control.values:
        return False
    existing = yamlfile.get(file.root, control.loc)
    like = existing[0] if isinstance(existing, CommentedSeq) and existing else None
    new = [quoted_if_misread(v, like) for v in new]  # new items quoted like the old ones
    if not new and not control.required:
        yamlfile.remove(file.root, control.loc)
    elif isinstance(yamlfile.get(file.root, control.loc), CommentedSeq):
        yamlfile.update_list(file.root, control.loc, new, flow_default=False)
    else:
        seq = CommentedSeq(new)
        if control.widget != "lines":
            seq.fa.set_flow_style()
        yamlfile.set_value(file.root, control.loc, seq, order)
    return True


def _apply_scalar(
    file: YamlFile, control: Control, submitted: list[str], order: yamlfile.KeyOrder
) -> bool:
    text = submitted[0] if submitted else ""
    if control.widget == "checkbox":
        text = "true" if "true" in submitted else ("false" if control.value else "")
    if text == control.value:
        return False
    if control.unfilled and text.strip() == "":
        return False  # the placeholder stays until a choice is made
    if text.strip() == "" and not control.required:
        yamlfile.remove(file.root, control.loc)
    elif text.strip() == "":
        yamlfile.set_value(file.root, control.loc, None, order)
    else:
        old = yamlfile.get(file.root, control.loc)
        yamlfile.set_value(file.root, control.loc, _typed(text, control.python, old), order)
        yamlfile.drop_comment_line(file.root, control.loc, PLACEHOLDER)  # help for what is done
    return True


def _typed(text: str, python: str, old: Any) -> Any:
    """The value as YAML should write it: dates and numbers plain, texts quoted like before."""
    if python == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    if python == "bool" and text in ("true", "false"):
        return text == "true"
    if python == "int" and text.isdigit() and len(text) < 7:
        return int(text)
    if "\n" in text.strip():
        return LiteralScalarString(text.strip("\n"))
    if isinstance(old, DoubleQuotedScalarString | SingleQuotedScalarString):
        return type(old)(text)
    return quoted_if_misread(text)


#: texts YAML would read as something else, or that people expect to stay as typed
_NUMBER_LIKE = re.compile(r"^[+0-9(][0-9 ()\-./]*$")
#: YAML 1.1 booleans and friends
_WORDS = frozenset({"yes", "no", "y", "n", "on", "off", "true", "false", "null", "ja", "nee"})


def quoted_if_misread(text: str, like: Any = None) -> Any:
    """A new text as YAML should write it: quoted when it reads as a number, a phone number or
    postcode, a yes/no word, or holds ': ' or ' #'; also when the list it joins is quoted."""
    if isinstance(like, DoubleQuotedScalarString | SingleQuotedScalarString):
        return type(like)(text)
    plain = text.strip()
    if (
        _NUMBER_LIKE.match(plain)
        or re.match(r"^[0-9]{4} ?[A-Za-z]{2}$", plain)  # a Dutch postcode
        or plain.lower() in _WORDS
        or ": " in text
        or " #" in text
        or plain.endswith(":")
        or plain[:1] in "!&*[]{}|>'\"%@`#,?-~"
        or text != plain
    ):
        return DoubleQuotedScalarString(text)
    return text


# --- adding, removing and moving entries --------------------------------------------------------


def add_item(file: YamlFile, model: type[BaseModel], loc: Loc, group: str | None = None) -> int:
    """A new entry with its required keys empty (the checks then say what to fill in)."""
    item = item_model(model, loc)
    if item is None:
        raise KeyError(loc)
    entry = CommentedMap()
    existing = yamlfile.get(file.root, loc)
    entries = list(existing) if isinstance(existing, CommentedSeq) else []
    for name, info in item.model_fields.items():
        if name == "id" and item.__name__ in ID_PREFIXES:
            entry[name] = _free_id(ID_PREFIXES[item.__name__], file.root)
        elif name == "onderwerp" and group:
            entry[name] = group
        elif info.is_required():
            entry[name] = None
    at = None
    if group:
        last = [
            i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("onderwerp") == group
        ]
        at = last[-1] + 1 if last else None
    index = yamlfile.insert_item(file.root, loc, entry, at)
    file.changed()
    return index


def _free_id(prefix: str, root: Any) -> str:
    used = set(_all_ids(root))
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def _all_ids(node: Any) -> list[str]:
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("id"), str):
                found.append(current["id"])
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def remove_item(file: YamlFile, loc: Loc, index: int) -> None:
    seq = yamlfile.get(file.root, loc)
    if isinstance(seq, CommentedSeq) and 0 <= index < len(seq):
        del seq[index]
        file.changed()


def move_item(file: YamlFile, loc: Loc, index: int, step: int) -> bool:
    moved = yamlfile.move(file.root, loc, index, step)
    if moved:
        file.changed()
    return moved
