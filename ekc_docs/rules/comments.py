"""`comment-in-text`: a ` #` in unquoted text made YAML drop the rest of the line (contract §5).

`wat: Joke past op Sem #1 op woensdag` is read as "Joke past op Sem": the text after the `#`
never reaches the plan. The reader marks where such a comment starts; this rule warns where
it follows a value of a free-text field (not an id, date or choice, where a comment is harmless).
"""

from __future__ import annotations

from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from ..diagnostics import Diagnostic, Severity
from ..models.fields import FREE_TEXT
from ..reader import Document, Loc, Mapping, Node, Scalar, Sequence
from ..validation import field_at


def check_comments(document: Document, model: type[BaseModel]) -> list[Diagnostic]:
    """A warning at each comment that cuts off free text, placed at the `#`."""
    found: list[Diagnostic] = []
    if not document.has_comments:
        return found
    for loc, scalar in _commented_values(document.root):
        _, info = field_at(model, loc)
        if info is None or not (FREE_TEXT in info.metadata or _mentions_text(info.annotation)):
            continue
        assert scalar.comment is not None
        line, column = scalar.comment
        found.append(
            Diagnostic(
                document.display,
                line,
                column,
                Severity.WARNING,
                "comment-in-text",
                f"alles vanaf ' #' is voor YAML commentaar en valt weg (ook uit het plan): er "
                f"staat nu alleen '{_short(scalar.value)}'. Hoort de rest erbij, zet de hele "
                'tekst dan tussen aanhalingstekens ("…")',
            )
        )
    return found


def _commented_values(root: Node | None) -> list[tuple[Loc, Scalar]]:
    """Every value (never a key) followed by a comment, with its path; without recursion."""
    found: list[tuple[Loc, Scalar]] = []
    stack: list[tuple[Node, Loc]] = [(root, ())] if root is not None else []
    while stack:
        node, loc = stack.pop()
        if isinstance(node, Scalar):
            if node.comment is not None and loc:
                found.append((loc, node))
        elif isinstance(node, Mapping):
            stack.extend((value, (*loc, key.value)) for key, value in node.items)
        elif isinstance(node, Sequence):
            stack.extend((item, (*loc, i)) for i, item in enumerate(node.items))
    return sorted(found, key=lambda pair: (pair[1].line, pair[1].column))


def _mentions_text(annotation: Any) -> bool:
    """Whether free text occurs in a type (`list[Tekst]`, `Tekst | None`)."""
    if get_origin(annotation) is Annotated and FREE_TEXT in get_args(annotation)[1:]:
        return True
    return any(_mentions_text(arg) for arg in get_args(annotation))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"
