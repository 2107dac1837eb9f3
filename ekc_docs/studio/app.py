"""The studio's web application: pages, form posts and the live check, as Starlette routes.

Only the CLI starts a server (uvicorn); `create_app` builds the app for it and for tests.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..diagnostics import EkcError, display_path
from ..scaffold import is_valid_case_id
from . import editing
from .checks import MODELS
from .forms import ABOUT_FILE, HASH_FIELD, controls, labels, parse_dotted, repeats
from .security import Guard, OutsideRoot, contained, safe_name
from .session import Page, Studio
from .yamlfile import ChangedOnDisk, UnreadableFile

HERE = Path(__file__).parent
STATIC = HERE / "static"
#: the date the next version is made on (not a YAML key of this file)
VERSION_DATE = "_nieuwe_versie_datum"
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["url"] = lambda value: quote(str(value), safe="")
    env.globals["count"] = _count
    return env


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


class Views:
    """The route handlers; they share the studio and the templates."""

    def __init__(self, studio: Studio) -> None:
        self.studio = studio
        self.env = environment()

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**values)
        return HTMLResponse(html, status_code=status)

    def denied(self, message: str) -> str:
        return self.env.get_template("melding.html.j2").render(
            title="Geen toegang", message=message
        )

    def problem(self, status: int, title: str, message: str) -> HTMLResponse:
        return self.render("melding.html.j2", status, title=title, message=message)

    # --- the overview -----------------------------------------------------------------------

    async def overview(self, request: Request) -> Response:
        with self.studio.lock:
            cases = self.studio.cases()
        return self.render(
            "overzicht.html.j2",
            cases=cases,
            root=self.studio.root,
            fout=request.query_params.get("fout", ""),
            waarde=request.query_params.get("casus", ""),
        )

    async def new_case(self, request: Request) -> Response:
        form = await request.form()
        case_id = str(form.get("casus", "")).strip()
        problem = ""
        if not is_valid_case_id(case_id):
            problem = "Een casusnummer bestaat uit letters, cijfers, '-' en '_', zonder spaties."
        elif (self.studio.root / case_id).exists():
            problem = f"Er is al een map '{case_id}'; kies een ander casusnummer."
        if problem:
            with self.studio.lock:
                cases = self.studio.cases()
            return self.render(
                "overzicht.html.j2",
                422,
                cases=cases,
                root=self.studio.root,
                fout=problem,
                waarde=case_id,
            )
        try:
            with self.studio.lock:
                self.studio.checker.create_case(case_id, contained(self.studio.root, case_id))
        except EkcError as exc:
            return self.problem(422, "Niet gelukt", exc.diagnostics[0].message)
        return RedirectResponse(f"/casus/{quote(case_id)}/casus.yml", status_code=303)

    async def case(self, request: Request) -> Response:
        folder = self.studio.case(request.path_params["case"])
        first = folder.files[0].name if folder.files else ""
        return RedirectResponse(f"/casus/{quote(folder.name)}/{quote(first)}", status_code=303)

    # --- one file ---------------------------------------------------------------------------

    def _target(self, request: Request) -> tuple[str, str, Path]:
        case = request.path_params["case"]
        kind, path = self.studio.file(case, request.path_params["file"])
        return case, kind, path

    def edit_page(
        self,
        request: Request,
        page: Page | None,
        case: str,
        kind: str,
        path: Path,
        status: int = 200,
        **notes: Any,
    ) -> HTMLResponse:
        folder = self.studio.case(case)
        base = f"/casus/{quote(case)}/{quote(path.name)}"
        values = {
            "case": folder,
            "current": path,
            "kind": kind,
            "base": base,
            "page": page,
            "ids": _dom_ids(page) if page else {},
            "labels": labels(page.form) if page else {},
            "about_file": ABOUT_FILE,
            "hash_field": HASH_FIELD,
            "versions": kind == "plan" and path == folder.plans[-1],
            "melding": request.query_params.get("melding", ""),
            "version_date": VERSION_DATE,
            "versiedatum": self.today().isoformat(),
            "pdf": request.query_params.get("pdf", ""),
            **notes,
        }
        return self.render("bewerken.html.j2", status, **values)

    async def edit(self, request: Request) -> Response:
        case, kind, path = self._target(request)
        with self.studio.lock:
            try:
                page = self.studio.page(kind, path)
            except UnreadableFile:
                return self._unreadable(request, case, kind, path)
            return self.edit_page(request, page, case, kind, path)

    def _unreadable(self, request: Request, case: str, kind: str, path: Path) -> HTMLResponse:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = ""
        document, _ = self.studio.checker.read(path, text)
        return self.edit_page(
            request, None, case, kind, path, 200, onleesbaar=document.diagnostics, tekst=text
        )

    def _posted(self, kind: str, path: Path, form: FormData) -> Page:
        """The page a form post applies to, with the form's values applied to its draft.

        The form carries the hash of the file as the page showed it: when the file on disk is
        another one now, the post is a conflict and nothing is saved over it.
        """
        shown = form.get(HASH_FIELD)
        self.studio.posted(path, str(shown) if isinstance(shown, str) and shown else None)
        page = self.studio.page(kind, path, follow_disk=False)

        def values(name: str) -> list[str]:
            return [str(v) for v in form.getlist(name)]

        if editing.submitted_form(page.form, values):  # no form, no change: never a wiped file
            editing.apply_form(page.draft, page.form, values)
        if page.draft.stale and not page.draft.dirty:
            page.draft.stale = False  # the form says what the disk says: nothing to lose
        return self.studio.page(kind, path, follow_disk=False)

    async def check(self, request: Request) -> Response:
        """The live check: apply the form to the draft, answer with the diagnostics."""
        _, kind, path = self._target(request)
        form = await request.form()
        with self.studio.lock:
            page = self._posted(kind, path, form)
        ids = _dom_ids(page)
        summary = self.env.get_template("samenvatting.html.j2").render(
            page=page, ids=ids, labels=labels(page.form)
        )
        return JSONResponse(
            {
                "dirty": page.draft.dirty,
                "conflict": page.conflict,
                "revision": page.draft.revision,
                "preview": page.outcome.checked is not None,
                "summary": summary,
                "findings": [
                    {
                        "field": f.field,
                        "id": ids.get(f.field) if f.field else None,
                        "message": f.diagnostic.message,
                        "severity": "fout" if f.is_error else "waarschuwing",
                    }
                    for f in page.outcome.findings
                    if f.own_file
                ],
            }
        )

    async def save(self, request: Request) -> Response:
        case, kind, path = self._target(request)
        form = await request.form()
        with self.studio.lock:
            page = self._posted(kind, path, form)
            try:
                page.draft.save()
            except ChangedOnDisk:
                page = self.studio.page(kind, path, follow_disk=False)
                return self.edit_page(request, page, case, kind, path, 409)
        return RedirectResponse(
            f"{request.url.path.rsplit('/', 1)[0]}?melding=opgeslagen", status_code=303
        )

    async def reload(self, request: Request) -> Response:
        _, _, path = self._target(request)
        with self.studio.lock:
            self.studio.reload(path)
        return RedirectResponse(
            f"{request.url.path.rsplit('/', 1)[0]}?melding=herladen", status_code=303
        )

    async def list_action(self, request: Request) -> Response:
        """Add, remove or move an entry of a list; the rest of the form is kept first."""
        _, kind, path = self._target(request)
        form = await request.form()
        query = request.query_params
        loc = parse_dotted(query.get("lijst", ""))
        action, group = query.get("doe", ""), query.get("onderwerp")
        anchor = ""
        with self.studio.lock:
            page = self._posted(kind, path, form)
            if loc not in {r.loc for r in repeats(page.form)}:
                return self.problem(
                    400, "Onbekende lijst", "Deze lijst staat niet in het formulier."
                )
            index = int(query.get("nr", "0")) if query.get("nr", "0").isdigit() else -1
            if action == "toevoegen":
                new = editing.add_item(page.draft, MODELS[kind], loc, group)
                anchor = "blok-" + "-".join(str(p) for p in (*loc, new))
            elif action == "verwijderen":
                editing.remove_item(page.draft, loc, index)
                anchor = "lijst-" + "-".join(str(p) for p in loc)
            elif action in ("omhoog", "omlaag"):
                step = -1 if action == "omhoog" else 1
                editing.move_item(page.draft, loc, index, step)
                anchor = "blok-" + "-".join(str(p) for p in (*loc, max(index + step, 0)))
        base = request.url.path.rsplit("/", 1)[0]
        return RedirectResponse(f"{base}#{anchor}", status_code=303)

    async def preview(self, request: Request) -> Response:
        _, kind, path = self._target(request)
        with self.studio.lock:
            try:
                page = self.studio.page(kind, path)
            except UnreadableFile:
                page = None
            checked = page.outcome.checked if page else None
            outdated = False
            concept = page is not None and not page.outcome.printable
            if checked is None and path in self.studio.last_good:  # keep the last good one
                checked, concept = self.studio.last_good[path]
                outdated = True
            if checked is None:
                return self.render("geen-voorbeeld.html.j2")
            try:
                html = self.studio.checker.preview(checked, concept=concept)
            except EkcError as exc:
                return self.render("geen-voorbeeld.html.j2", problems=exc.diagnostics)
        return _preview_response(_outdated(html) if outdated else html)

    async def print_pdf(self, request: Request) -> Response:
        """Save, then `ekc plan` on the saved file; with errors nothing is printed."""
        case, kind, path = self._target(request)
        concept = request.query_params.get("concept") == "1"
        form = await request.form()
        with self.studio.lock:
            page = self._posted(kind, path, form)
            try:
                if page.draft.dirty or page.conflict:
                    page.draft.save()
            except ChangedOnDisk:
                page = self.studio.page(kind, path, follow_disk=False)
                return self.edit_page(request, page, case, kind, path, 409)
            page = self.studio.page(kind, path, concept=concept)
            if page.outcome.errors:
                return self.edit_page(
                    request, page, case, kind, path, 422, geweigerd=True, concept=concept
                )
            result = self.studio.checker.print_pdf(path, concept=concept)
        if not result.ok:
            page = self.studio.page(kind, path, concept=concept)
            return self.edit_page(
                request,
                page,
                case,
                kind,
                path,
                422,
                geweigerd=True,
                concept=concept,
                printfouten=[d for d in result.diagnostics if d.is_error],
            )
        pdf = next(p for p in result.outputs if p.suffix == ".pdf")
        base = request.url.path.rsplit("/", 1)[0]
        return RedirectResponse(f"{base}?melding=afgedrukt&pdf={quote(pdf.name)}", status_code=303)

    async def next_version(self, request: Request) -> Response:
        """After an evaluation: save, then `ekc versie` on the saved plan, and open the new file."""
        case, kind, path = self._target(request)
        form = await request.form()
        chosen = str(form.get(VERSION_DATE, "") or "").strip()
        try:
            made_on = date.fromisoformat(chosen) if chosen else self.today()
        except ValueError:
            made_on = None
        with self.studio.lock:
            page = self._posted(kind, path, form)
            try:
                if page.draft.dirty or page.conflict:
                    page.draft.save()
                if made_on is None:
                    problems = [
                        "Vul bij 'Datum van de nieuwe versie' een bestaande datum in "
                        "(dag, maand en jaar)."
                    ]
                else:
                    written = self.studio.checker.next_version(path, made_on)
                    return RedirectResponse(
                        f"/casus/{quote(case)}/{quote(written.name)}", status_code=303
                    )
            except ChangedOnDisk:
                page = self.studio.page(kind, path, follow_disk=False)
                return self.edit_page(request, page, case, kind, path, 409)
            except EkcError as exc:
                problems = [_version_message(d.message) for d in exc.diagnostics]
            page = self.studio.page(kind, path)
            return self.edit_page(
                request,
                page,
                case,
                kind,
                path,
                422,
                versiefouten=problems,
                versiedatum=chosen,
            )

    def today(self) -> date:
        return self.studio.checker.today or date.today()

    async def download(self, request: Request) -> Response:
        folder = self.studio.case(request.path_params["case"])
        name = safe_name(request.path_params["name"])
        path = contained(folder.path, name)
        if path.suffix != ".pdf" or not path.is_file():
            raise FileNotFoundError(name)
        return FileResponse(path, media_type="application/pdf", filename=name)

    async def font(self, request: Request) -> Response:
        name = safe_name(request.path_params["name"])
        found = self.studio.checker.templates.find(f"fonts/{name}")
        if found is None or found.suffix != ".ttf":
            raise FileNotFoundError(name)
        return FileResponse(found, media_type="font/ttf")


def _version_message(message: str) -> str:
    """`ekc versie`'s message, in the studio's words: the CLI's options are not offered here."""
    message = message.replace(
        "geef een latere datum met --datum",
        "kies bij 'Datum van de nieuwe versie' een latere datum",
    )
    return message[:1].upper() + message[1:]


def _dom_ids(page: Page) -> dict[str, str]:
    ids = {c.name: c.id for c in controls(page.form)}
    ids.update({r.name: r.id for r in repeats(page.form)})
    return ids


OUTDATED = (
    "<style>.ekc-studio-verouderd{margin:0;padding:.5rem 1rem;border-bottom:3px solid #6b4a00;"
    "background:#fff4d6;color:#3d2a00;font:1rem/1.4 sans-serif}</style>"
    '<p class="ekc-studio-verouderd" role="status">Dit voorbeeld is van vóór je laatste '
    "wijziging: los eerst de fouten op.</p>"
)
_BODY = re.compile(r"<body[^>]*>")


def _outdated(html: str) -> str:
    """The last good preview, marked as older than what the form holds now."""
    match = _BODY.search(html)
    at = match.end() if match else 0
    return html[:at] + OUTDATED + html[at:]


def _preview_response(html: str) -> Response:
    """The plan's own inline stylesheet is allowed by its hash, nothing else."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode("utf-8")).digest()).decode() + "'"
        for m in _STYLE.findall(html)
    )
    policy = (
        f"default-src 'none'; style-src {hashes}; font-src data:; img-src data:; "
        "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
    )
    return HTMLResponse(html, headers={"content-security-policy": policy})


def _guarded(handler: Callable[[Request], Any], views: Views) -> Callable[[Request], Any]:
    """Paths out of the folder are 403, missing files 404 — with a Dutch page, never a trace."""

    async def wrapped(request: Request) -> Response:
        try:
            response: Response = await handler(request)
        except OutsideRoot:
            return views.problem(403, "Geen toegang", "Dit pad ligt buiten de map van de studio.")
        except FileNotFoundError:
            return views.problem(
                404, "Niet gevonden", "Dit bestand of deze map bestaat niet (meer)."
            )
        return response

    return wrapped


def create_app(studio: Studio, token: str, port: int) -> Guard:
    views = Views(studio)

    def g(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        return _guarded(handler, views)

    routes = [
        Route("/", g(views.overview)),
        Route("/nieuw", g(views.new_case), methods=["POST"]),
        Route("/lettertypen/{name}", g(views.font)),
        Route("/casus/{case}", g(views.case)),
        Route("/casus/{case}/pdf/{name}", g(views.download)),
        Route("/casus/{case}/{file}", g(views.edit)),
        Route("/casus/{case}/{file}/controleer", g(views.check), methods=["POST"]),
        Route("/casus/{case}/{file}/opslaan", g(views.save), methods=["POST"]),
        Route("/casus/{case}/{file}/herladen", g(views.reload), methods=["POST"]),
        Route("/casus/{case}/{file}/lijst", g(views.list_action), methods=["POST"]),
        Route("/casus/{case}/{file}/voorbeeld", g(views.preview)),
        Route("/casus/{case}/{file}/afdrukken", g(views.print_pdf), methods=["POST"]),
        Route("/casus/{case}/{file}/nieuwe-versie", g(views.next_version), methods=["POST"]),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return views.problem(404, "Niet gevonden", "Deze pagina bestaat niet in de studio.")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return views.problem(405, "Niet toegestaan", "Dit kan op deze pagina niet.")

    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})
    return Guard(app, token, port, views.denied)


__all__ = ["create_app", "display_path"]
