"""The plan as HTML: Jinja2 with autoescaping, in a sandbox, over the template folders."""

from __future__ import annotations

import base64
import re
import unicodedata
from functools import cache
from pathlib import Path

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..diagnostics import Diagnostic, EkcError, Severity
from .formatting import join_names
from .templates import TemplateSet
from .view import PlanView

ENTRY_TEMPLATE = "base.html.j2"
SITE_TEMPLATE = "site.html.j2"
_FONT_LIST = re.compile(r'^[\w\s",\'-]+$')


def css_string(value: str) -> Markup:
    """A quoted CSS string; nothing in it can close the string or the <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-·()'/" or ord(ch) > 127 else f"\\{ord(ch):x} "
        for ch in str(value)
    )
    return Markup(f'"{escaped}"')


def css_fonts(value: str) -> Markup:
    """A font-family list from the catalogue, refused when it could carry other CSS."""
    return Markup(value) if _FONT_LIST.match(value) else Markup("sans-serif")


def text_direction(text: str) -> str | None:
    """'ltr' or 'rtl' from the first letter with a strong direction; None without one."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


@pass_context
def dir_of(context: Context, text: str) -> Markup:
    """A `dir` attribute for an element holding `text` when it runs against the document:
    a Dutch sentence in an Arabic plan, or an Arabic sentence in a Dutch one."""
    document = "rtl" if context["v"].t.rtl else "ltr"
    own = text_direction(str(text))
    return Markup(f' dir="{own}"') if own and own != document else Markup("")


@pass_context
def left_to_right(context: Context, text: str) -> str:
    """Phone numbers and addresses read left to right, also in a right-to-left plan."""
    return f"\u2066{text}\u2069" if text and context["v"].t.rtl else text


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@cache
def environment(templates: TemplateSet) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(f) for f in templates.folders]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        css_string=css_string,
        css_fonts=css_fonts,
        svg_data_uri=svg_data_uri,
        join_names=join_names,
        ltr=left_to_right,
    )
    env.globals["dir_of"] = dir_of
    env.globals["stylesheet"] = lambda name: _stylesheet(templates, name)
    return env


def _stylesheet(templates: TemplateSet, name: str) -> Markup:
    path = templates.find(name)
    if path is None:
        raise EkcError([_template_problem(Path(name), 1, f"het stijlblad '{name}' bestaat niet")])
    text = path.read_text(encoding="utf-8")
    if "</" in text:
        raise EkcError([_template_problem(path, 1, "een stijlblad mag geen '</' bevatten")])
    return Markup(text)


def render_html(view: PlanView, templates: TemplateSet, entry: str = ENTRY_TEMPLATE) -> str:
    """Render the entry template (the printed plan, or `SITE_TEMPLATE` for a page of the site);
    template mistakes become diagnostics, not tracebacks."""
    try:
        return environment(templates).get_template(entry).render(v=view)
    except TemplateSyntaxError as exc:
        raise EkcError(
            [
                _template_problem(
                    Path(exc.filename or exc.name or ENTRY_TEMPLATE),
                    exc.lineno,
                    f"fout in sjabloon: {exc.message}",
                )
            ]
        ) from None
    except TemplateError as exc:
        raise EkcError(
            [_template_problem(Path(ENTRY_TEMPLATE), 1, f"fout in sjabloon: {exc}")]
        ) from None


def _template_problem(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(str(path), max(line, 1), 1, Severity.ERROR, "invalid-value", message)
