"""Benchmark plan versions: checking a long history, and printing a later version.

1. A case with 10 versions of 50 agreements each, every version reviewing the one before:
   `ekc check` on the folder in a fresh process (goal < 0.5 s), against PyYAML's C loader on
   the same files, and the check alone inside a warm process.
2. Printing version 3 of the pleeggezin example with its review against the very same plan
   without the review pages (in-process, best of N): the review should cost no more than its
   own pages.

    python -m benchmarks.versions_bench [--versions 10] [--agreements 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from ekc_docs.checking import check_paths
from ekc_docs.render.html import render_html
from ekc_docs.render.pdf import html_to_pdf
from ekc_docs.render.templates import TemplateSet
from ekc_docs.render.view import build_view
from ekc_docs.workspace import Workspace

from .check_bench import REPO, best_of, raw_parse

CASUS = REPO / "tests" / "cases" / "_base" / "casus.yml"
PLEEG = REPO / "content" / "voorbeelden" / "pleeggezin"
KAART = REPO / "content" / "sociale-kaart"
OUTCOMES = ("gelukt", "deels", "niet-gelukt")


def plan_text(versie: int, agreements: int, made: date) -> str:
    """Version `versie`: agreement ids shift by one per version, so each review is real work."""
    lines = [f"versie: {versie}", f"datum: {made.isoformat()}"]
    if versie > 1:
        lines += ["terugblik:", f"  datum: {made.isoformat()}", "  afspraken:"]
        for i in range(agreements):
            lines += [
                f"    - id: a{versie - 1 + i}",
                f"      uitkomst: {OUTCOMES[i % 3]}",
                f'      toelichting: "Toelichting {i} bij versie {versie - 1}."',
            ]
        lines.append('  wat_we_leerden: "Samen lukt meer dan alleen."')
    lines += ['vraag: "Hoe blijft Tim veilig thuis wonen?"', "afspraken:"]
    for i in range(agreements):
        lines += [
            f"  - id: a{versie + i}",
            f"    onderwerp: Thema {i % 5}",
            f'    wat: "Oma doet taak {versie + i} met Tim, zoals afgesproken in versie {versie}."',
            "    wie: [oma, tim]",
            f'    wanneer: "Elke week op dag {i % 7}"',
            "    controle: moeder",
        ]
        if i == 0:
            lines.append("    voorwaarden: [v1]")
    lines += [
        "aanspreekpunt: oma",
        'als_het_anders_loopt: "Oma belt iedereen bij elkaar."',
        "evaluatie:",
        f"  datum: {(made + timedelta(days=60)).isoformat()}",
        "akkoord:",
        "  door: jb",
        f"  datum: {made.isoformat()}",
        "  besluit: akkoord",
    ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, versions: int, agreements: int) -> list[Path]:
    folder.mkdir(parents=True)
    files = [folder / "casus.yml"]
    files[0].write_text(CASUS.read_text(encoding="utf-8"), encoding="utf-8")
    for versie in range(1, versions + 1):
        path = folder / ("plan.yml" if versie == 1 else f"plan-{versie}.yml")
        made = date(2026, 10, 1) + timedelta(days=60 * (versie - 1))
        path.write_text(plan_text(versie, agreements, made), encoding="utf-8")
        files.append(path)
    return files


def warm_check(folder: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        workspace = Workspace(today=date(2026, 11, 25))
        start = time.perf_counter()
        result = check_paths([folder], workspace)
        times.append(time.perf_counter() - start)
        if not result.ok:
            raise SystemExit("\n".join(d.as_text() for d in result.diagnostics))
    return min(times)


def render_time(plan: Path, repeat: int, *, review: bool) -> tuple[float, int]:
    """View, HTML and PDF of `plan`, with or without its review pages: best time, pages."""
    templates = TemplateSet()
    checked = Workspace(today=date(2026, 11, 25), kaart_dir=KAART).checked_plan(plan)
    assert checked is not None
    catalogue = templates.catalogue(checked.casus.taal)
    times, pages = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        view = build_view(checked, catalogue)
        if not review:
            view = replace(view, terugblik=None)
        _, pages = html_to_pdf(render_html(view, templates), templates, made_on=checked.plan.datum)
        times.append(time.perf_counter() - start)
    return min(times), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--versions", type=int, default=10)
    parser.add_argument("--agreements", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "casus", args.versions, args.agreements)
        ekc = [sys.executable, "-m", "ekc_docs", "check", "--peildatum", "2026-11-25", "casus"]
        process = best_of(args.repeat, ekc, root)
        warm = warm_check(root / "casus", args.repeat)
        raw = raw_parse(files, "CSafeLoader", args.repeat, root)
    # warm up fonts and templates once, so both renders are measured alike
    render_time(PLEEG / "plan-3.yml", 1, review=True)
    first, first_pages = render_time(PLEEG / "plan-3.yml", args.repeat, review=False)
    later, later_pages = render_time(PLEEG / "plan-3.yml", args.repeat, review=True)
    label = f"{args.versions} versions x {args.agreements} agreements"
    print(f"ekc check, one case with {label}: {process:6.2f} s  (goal < 0.5 s)")
    print(f"  check alone in a warm process:                       {warm:6.3f} s")
    print(
        f"  raw PyYAML CSafeLoader, fresh process, same files:   {raw:6.2f} s  "
        f"-> ekc/raw = {process / raw:.2f}x"
    )
    print(f"pleeggezin version 3 without its review: {first:6.2f} s, {first_pages} pages")
    print(
        f"pleeggezin version 3 with its review:    {later:6.2f} s, {later_pages} pages  "
        f"-> {later / first:.2f}x time for {later_pages / first_pages:.2f}x pages"
    )


if __name__ == "__main__":
    main()
