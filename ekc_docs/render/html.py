"""The plan as HTML: Jinja2 with autoescaping, in a sandbox, over the template folders."""

from __future__ import annotations

import base64
import re
import traceback
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
    pass_context,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..diagnostics import Diagnostic, EkcError, Severity, display_path
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


class TemplateLoader(FileSystemLoader):
    """Like FileSystemLoader, but a template that is really (after following symbolic links)
    outside the template folders is refused: a link must not `{% include %}` other files."""

    def __init__(self, templates: TemplateSet) -> None:
        super().__init__([str(f) for f in templates.folders])
        self.roots = [f.resolve() for f in templates.folders]

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(root in real.parents for root in self.roots):
            raise EkcError(
                [
                    Diagnostic(
                        display_path(Path(filename).absolute()),
                        1,
                        1,
                        Severity.ERROR,
                        "path-outside",
                        f"het sjabloon '{template}' is een koppeling naar een bestand buiten de "
                        "sjabloonmappen; dat wordt nooit gelezen",
                    )
                ]
            )
        return source, filename, uptodate


@cache
def environment(templates: TemplateSet) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=TemplateLoader(templates),
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
        raise EkcError([_template_problem(Path(name), f"het stijlblad '{name}' bestaat niet")])
    text = path.read_text(encoding="utf-8")
    if "</" in text:
        raise EkcError([_template_problem(path, "een stijlblad mag geen '</' bevatten")])
    return Markup(text)


def render_html(view: PlanView, templates: TemplateSet, entry: str = ENTRY_TEMPLATE) -> str:
    """Render the entry template (the printed plan, or `SITE_TEMPLATE` for a page of the site);
    template mistakes become located diagnostics, not tracebacks."""
    try:
        return environment(templates).get_template(entry).render(v=view)
    except EkcError:
        raise
    except TemplateSyntaxError as exc:
        where, line = Path(exc.filename or exc.name or entry), exc.lineno
        reason = f"fout in de opbouw van het sjabloon ({_jinja_reason(exc)})"
    except RecursionError as exc:
        where, line = _template_frame(exc, templates, entry)
        reason = "het sjabloon neemt zichzelf (via include) steeds opnieuw op"
    except Exception as exc:  # the templates may be a house style: any mistake in them is theirs
        where, line = _template_frame(exc, templates, entry)
        reason = f"fout in sjabloon ({_jinja_reason(exc)})"
    raise EkcError(
        [Diagnostic(display_path(where), max(line, 1), 1, Severity.ERROR, "template-error", reason)]
    ) from None


def _jinja_reason(exc: BaseException) -> str:
    """A short Dutch reason; Jinja's own (English) message is summed up, never repeated."""
    if isinstance(exc, TemplateSyntaxError):
        return "onverwacht einde of onbekende opdracht"
    if isinstance(exc, UndefinedError):
        return "het sjabloon gebruikt iets dat niet bestaat"
    if isinstance(exc, SecurityError):
        return "het sjabloon probeert iets dat niet mag"
    if isinstance(exc, TemplateError):
        return "het sjabloon is ongeldig"
    return "een bewerking in het sjabloon kan niet met deze waarden"


def _template_frame(exc: BaseException, templates: TemplateSet, entry: str) -> tuple[Path, int]:
    """The template file and line where the error happened, from the (Jinja-rewritten)
    traceback: the innermost template frame, or for endless inclusion the first template
    that includes itself again."""
    roots = [str(f.resolve()) for f in templates.folders] + [str(f) for f in templates.folders]
    frames = [
        (frame.f_code.co_filename, line)
        for frame, line in traceback.walk_tb(exc.__traceback__)
        if frame.f_code.co_filename.endswith(".j2")
        and any(frame.f_code.co_filename.startswith(r) for r in roots)
    ]
    if isinstance(exc, RecursionError):
        names = [name for name, _ in frames]
        frames = [f for i, f in enumerate(frames) if f[0] in names[i + 1 :]][:1]
    return (Path(frames[-1][0]), frames[-1][1]) if frames else (Path(entry), 1)


def _template_problem(path: Path, message: str) -> Diagnostic:
    return Diagnostic(display_path(path), 1, 1, Severity.ERROR, "template-error", message)
