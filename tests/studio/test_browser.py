"""The whole path of a new coordinator, in a real browser (Debian's Chromium through Playwright).

Empty folder → new case → parents, children, relatives and a professional with a condition →
a plan whose agreements answer it → diagnostics beside the fields, fixed → the PDF → the files
on disk pass `ekc check` and `ekc plan` prints the same PDF. Plus axe-core on every page type,
keyboard use, 200 % zoom, and the question before closing unsaved work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import KAART, REPO, run_ekc
from ..site_server import chromium_path
from .conftest import Running

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed"),
]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SCREENSHOT = REPO / "docs" / "studio.png"


class Session:
    """A browser context on the studio; every request that is not the studio's is blocked."""

    def __init__(self, browser: Any, studio: Running, **options: Any) -> None:
        self.studio = studio
        self.context = browser.new_context(
            viewport=options.pop("viewport", {"width": 1280, "height": 800}),
            accept_downloads=True,
            locale="nl-NL",
            **options,
        )
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith((self.studio.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()
        assert self.outside == [], f"requests left the studio: {self.outside}"


@pytest.fixture
def empty_studio(tmp_path: Path) -> Iterator[Running]:
    root = tmp_path / "leeg"
    root.mkdir()
    studio = Running(root)
    yield studio
    studio.stop()


def _fill(page: Any, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f'[name="{name}"]', value)


def _wait_for_check(page: Any) -> None:
    """The live check has answered when the status no longer says it is checking."""
    page.wait_for_function(
        "() => !document.getElementById('status').textContent.includes('gecontroleerd')"
    )


def test_a_new_coordinator_writes_and_prints_a_plan(
    browser: Any, empty_studio: Running, tmp_path: Path, update_golden: bool
) -> None:
    s = Session(browser, empty_studio)
    page = s.page
    page.goto(empty_studio.url)
    assert "token" not in page.url  # the token left the address bar
    assert "nog geen casussen" in page.locator("main").inner_text()

    # a new case
    page.get_by_label("Casusnummer").fill("EKC-2026-0500")
    page.get_by_role("button", name="Casus aanmaken").click()
    page.wait_for_url(re.compile(r".*/casus/EKC-2026-0500/casus\.yml$"))

    # the people: parents, children, relatives, a professional with a condition
    _fill(
        page,
        {
            "aanmelding.aanleiding": "De school en de jeugdbeschermer maken zich zorgen over Daan en Sara.",
            "coordinator.naam": "Mirjam Kok",
            "coordinator.telefoon": "06 11223344",
            "coordinator.email": "mirjam.kok@example.org",
            "kinderen.0.naam": "Daan",
            "kinderen.0.geboortedatum": "2016-03-02",
            "personen.0.naam": "Angela de Wit",
            "personen.0.relatie": "moeder",
            "personen.0.telefoon": "06 23456789",
            "personen.1.naam": "Ria de Wit",
            "personen.1.relatie": "oma",
            "personen.2.naam": "Sanne Bakker",
            "personen.2.relatie": "jeugdbeschermer",
            "personen.2.organisatie": "Jeugdbescherming Voorbeeldregio",
            "voorwaarden.0.tekst": "Daan en Sara zijn na schooltijd altijd bij een volwassene die de ouders kennen.",
            "conferentie.plaats": "Buurthuis De Schakel",
        },
    )
    page.get_by_role("button", name="Nieuw kind").click()
    _fill(page, {"kinderen.1.naam": "Sara", "kinderen.1.geboortedatum": "2019-05-20"})
    page.get_by_role("button", name="Nieuwe persoon").click()
    _fill(page, {"personen.3.naam": "Karim de Wit", "personen.3.relatie": "vader"})
    page.select_option('[name="personen.3.kring"]', "gezin")
    page.get_by_role("button", name="Nieuwe persoon").click()
    _fill(page, {"personen.4.naam": "Karin Jansen", "personen.4.relatie": "tante"})
    page.select_option('[name="personen.4.kring"]', "familie")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r".*melding=opgeslagen"))
    page.check('[name="toestemming.door"][value="persoon1"]')
    _wait_for_check(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r".*melding=opgeslagen"))
    assert "Geen fouten of waarschuwingen" in page.locator("#samenvatting").inner_text()

    # the plan, with agreements that answer the condition
    page.get_by_role("link", name=re.compile("Plan versie 1")).click()
    page.wait_for_url(re.compile(r".*/plan\.yml$"))
    _fill(
        page,
        {
            "vraag": "Hoe zorgen we samen dat Daan en Sara veilig thuis kunnen blijven wonen?",
            "zorgen": "Daan is vaak alleen na school.\nSara slaapt slecht.",
            "wat_gaat_goed": "De familie staat klaar.",
            "stem_van_het_kind": "Daan wil bij mama blijven en bij oma spelen.",
            "afspraken.0.onderwerp": "School",
            "afspraken.0.wat": "Oma Ria haalt Daan en Sara op dinsdag en donderdag uit school.",
            "afspraken.0.wanneer": "Elke dinsdag en donderdag",
            "als_het_anders_loopt": "Wie merkt dat het misgaat, belt Karin; zij roept iedereen bij elkaar.",
        },
    )
    page.get_by_role("button", name="Opslaan").click()  # work in progress, errors and all
    page.wait_for_url(re.compile(r".*melding=opgeslagen"))
    page.get_by_role("button", name="Afspraak toevoegen bij School").click()
    _fill(
        page,
        {
            "afspraken.1.wat": "Tante Karin is er op woensdagmiddag voor Daan en Sara.",
            "afspraken.1.wanneer": "Elke woensdag vanaf 13.00 uur",
        },
    )
    page.check('[name="afspraken.1.wie"][value="persoon2"]')
    page.check('[name="afspraken.1.voorwaarden"][value="v1"]')
    page.select_option('[name="evaluatie.bijeenroeper"]', "persoon2")

    # a mistake, shown beside its field and in the summary, then fixed
    page.select_option('[name="aanspreekpunt"]', "persoon2")
    # only the network is offered as aanspreekpunt: no professional to choose
    options = page.locator('[name="aanspreekpunt"] option').all_inner_texts()
    assert not any("Sanne Bakker" in o for o in options) and any(
        "Karin Jansen" in o for o in options
    )
    _wait_for_check(page)  # this state has no errors: the preview shows it
    preview = page.frame_locator("#voorbeeld")
    preview.get_by_text("Tante Karin is er op woensdagmiddag").first.wait_for()
    evaluation = page.locator('[name="evaluatie.datum"]')
    planned = evaluation.input_value()
    evaluation.fill("2020-01-01")
    page.wait_for_function(
        "() => document.querySelector('[name=\"evaluatie.datum\"]').getAttribute('aria-invalid') === 'true'"
    )
    described = evaluation.get_attribute("aria-describedby") or ""
    message = page.locator("#" + described.split()[-1])
    assert "evaluatie" in message.inner_text().lower()
    link = page.locator('#samenvatting a[href="#veld-evaluatie-datum"]')
    assert link.inner_text() == "Evaluatie › Datum"
    # with an error, the last good preview stays, marked as outdated
    preview.get_by_text("Dit voorbeeld is van vóór je laatste wijziging").wait_for()
    assert preview.get_by_text("Tante Karin is er op woensdagmiddag").count() > 0
    page.evaluate("window.scrollTo(0, 0)")
    # the README's screenshot is renewed only on request (--update-golden), like the goldens
    shot = SCREENSHOT if update_golden else tmp_path / "studio.png"
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    evaluation.fill(planned)
    page.wait_for_function(
        "() => !document.querySelector('[name=\"evaluatie.datum\"]').hasAttribute('aria-invalid')"
    )
    _wait_for_check(page)
    assert "Geen fouten" in page.locator("#samenvatting").inner_text()
    preview.get_by_text("Dit voorbeeld is van vóór je laatste wijziging").wait_for(state="detached")

    # printing: the PDF, with the same pipeline as ekc plan
    page.get_by_role("button", name="PDF maken").click()
    page.wait_for_url(re.compile(r".*melding=afgedrukt"))
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("downloaden")).click()
    printed = tmp_path / "studio.pdf"
    download.value.save_as(printed)
    s.close()

    folder = empty_studio.root / "EKC-2026-0500"
    checked = run_ekc(["check", str(folder), "--kaart", str(KAART)])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    again = tmp_path / "ekc-plan.pdf"
    plan = run_ekc(["plan", str(folder / "plan.yml"), "-o", str(again)])
    assert plan.exit_code == 0, plan.stdout + plan.stderr
    assert printed.read_bytes() == again.read_bytes()
    text = (folder / "plan.yml").read_text(encoding="utf-8")
    assert "# Planbestand" in text  # the scaffold's comments are still there
    assert "wie: [persoon2]" in text


def test_closing_the_tab_with_unsaved_changes_asks_first(browser: Any, running: Running) -> None:
    s = Session(browser, running)
    page = s.page
    page.goto(running.url)
    page.goto(running.origin + "/casus/scheiding/plan.yml")
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.fill('[name="vraag"]', "Een nieuwe vraag die nog niet is opgeslagen")
    _wait_for_check(page)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    s.close()


PAGE_TYPES = {
    "overzicht": "/",
    "casus": "/casus/jeugdbescherming/casus.yml",
    "plan": "/casus/jeugdbescherming/plan.yml",
    "plan-met-fouten": "/casus/scheiding/plan.yml",
    "onleesbaar": "/casus/scheiding/plan-2.yml",
    "versie-2": "/casus/pleeggezin/plan-2.yml",
    "niet-gevonden": "/bestaat-niet",
}


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_axe_finds_no_wcag_violations(browser: Any, running: Running, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    if name == "plan-met-fouten":
        plan = running.root / "scheiding" / "plan.yml"
        plan.write_text(
            plan.read_text(encoding="utf-8").replace("datum:", "datum: gisteren #", 1),
            encoding="utf-8",
        )
    if name == "onleesbaar":
        (running.root / "scheiding" / "plan-2.yml").write_text(
            "vraag: [niet af\n", encoding="utf-8"
        )
    s = Session(browser, running)
    page = s.page
    page.goto(running.url)
    page.goto(running.origin + PAGE_TYPES[name])
    if name == "plan-met-fouten":
        assert page.locator('[aria-invalid="true"]').count() > 0
    if name == "onleesbaar":
        assert "kan niet als formulier worden getoond" in page.locator("main").inner_text()
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    s.close()


def test_keyboard_and_200_percent_zoom(browser: Any, running: Running) -> None:
    # 1280×800 at 200 % zoom is a 640×400 viewport: no sideways scrolling, everything reachable
    s = Session(browser, running, viewport={"width": 640, "height": 400})
    page = s.page
    page.goto(running.url)
    page.goto(running.origin + "/casus/jeugdbescherming/plan.yml")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert "Naar de inhoud" in reached and "Opslaan" in reached
    page.keyboard.press("Shift+Tab")
    page.locator('[name="vraag"]').focus()
    page.keyboard.type(" Met het toetsenbord.")
    _assert_focus_visible(page)
    # the bar does not stick on a short viewport: it would cover more than half of it
    assert page.evaluate("getComputedStyle(document.querySelector('.balk')).position") != "sticky"
    page.locator("button", has_text="Opslaan").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*melding=opgeslagen"))
    assert "Met het toetsenbord." in (running.root / "jeugdbescherming" / "plan.yml").read_text()
    # after saving, the focus is on the message that says so, not on <body>
    page.wait_for_function("document.activeElement !== document.body")
    assert page.evaluate("document.activeElement.id") == "melding"
    assert "Opgeslagen" in page.evaluate("document.activeElement.textContent")
    _follow_an_error_link(page)
    s.close()


FOCUS_UNCOVERED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return "niets heeft de focus"; }
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) { return "buiten beeld: " + r.top; }
  const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 10), r.top + r.height / 2);
  return hit === el || el.contains(hit) ? "" : "bedekt door " + (hit ? hit.className : "niets");
}"""


def _assert_focus_visible(page: Any) -> None:
    """The focused field is inside the viewport and not under the sticky bar."""
    assert page.evaluate(FOCUS_UNCOVERED) == ""


def _follow_an_error_link(page: Any) -> None:
    page.fill('[name="evaluatie.datum"]', "2020-01-01")
    link = page.locator('#samenvatting a[href="#veld-evaluatie-datum"]')
    link.wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    link.click()
    assert page.evaluate("document.activeElement.name") == "evaluatie.datum"
    _assert_focus_visible(page)


def test_links_and_new_entries_put_the_focus_in_sight(browser: Any, running: Running) -> None:
    # a normal screen: the bar sticks, and what a link or a new entry focuses is not under it
    s = Session(browser, running)
    page = s.page
    page.goto(running.url)
    page.goto(running.origin + "/casus/jeugdbescherming/plan.yml")
    assert page.evaluate("getComputedStyle(document.querySelector('.balk')).position") == "sticky"
    _follow_an_error_link(page)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    _assert_focus_visible(page)
    page.goto(running.origin + "/casus/jeugdbescherming/casus.yml")
    page.get_by_role("button", name="Nieuw kind").click()
    page.wait_for_url(re.compile(r".*#blok-kinderen-\d+$"))
    page.wait_for_function("document.activeElement !== document.body")
    assert (page.evaluate("document.activeElement.name") or "").startswith("kinderen.")
    _assert_focus_visible(page)
    s.close()


def test_a_disk_edit_made_while_the_page_is_open_is_kept(browser: Any, running: Running) -> None:
    file = running.root / "scheiding" / "plan.yml"
    s = Session(browser, running)
    page = s.page
    page.goto(running.url)
    page.goto(running.origin + "/casus/scheiding/plan.yml")
    edited = file.read_text(encoding="utf-8").replace("vraag:", "# uit de teksteditor\nvraag:", 1)
    file.write_text(edited, encoding="utf-8")
    page.fill('[name="stem_van_het_kind"]', "Ik wil dat iedereen meedenkt.")
    page.get_by_role("button", name="Opslaan").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "intussen op schijf gewijzigd" in alert.inner_text()
    assert file.read_text(encoding="utf-8") == edited
    page.get_by_role("button", name="Opnieuw laden van schijf").click()
    page.wait_for_url(re.compile(r".*melding=herladen"))
    assert (
        page.locator('[name="stem_van_het_kind"]').input_value() != "Ik wil dat iedereen meedenkt."
    )
    page.fill('[name="stem_van_het_kind"]', "Ik wil dat iedereen meedenkt.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r".*melding=opgeslagen"))
    saved = file.read_text(encoding="utf-8")
    assert "# uit de teksteditor" in saved and "Ik wil dat iedereen meedenkt." in saved
    s.close()
