"""Benchmark `ekc plan` against WeasyPrint alone, and --jobs 2 against --jobs 1.

1. One example plan: `ekc plan` in a fresh process, against a fresh Python process that only
   imports WeasyPrint and renders the very HTML `ekc plan` produces (same base URL, same
   PDF/UA-1 options). Goal: ekc/raw <= 1.15.
2. 100 plans: `ekc plan DIR --jobs 2` against `--jobs 1`. Goal: at least 1.7x faster.

    python -m benchmarks.plan_bench [--plans 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from ekc_docs.render.html import render_html
from ekc_docs.render.templates import TemplateSet
from ekc_docs.render.view import build_view
from ekc_docs.workspace import Workspace

from .check_bench import REPO, best_of

EXAMPLE = REPO / "content" / "voorbeelden" / "jeugdbescherming"
KAART = REPO / "content" / "sociale-kaart"

RAW = """
import sys
from weasyprint import HTML
html = open(sys.argv[1], encoding="utf-8").read()
HTML(string=html, base_url=sys.argv[2]).write_pdf(sys.argv[3], pdf_variant="pdf/ua-1", pdf_identifier=True)
"""


def write_html(target: Path) -> None:
    checked = Workspace(today=date(2026, 11, 25), kaart_dir=KAART).checked_plan(
        EXAMPLE / "plan.yml"
    )
    assert checked is not None
    templates = TemplateSet()
    target.write_text(
        render_html(build_view(checked, templates.catalogue("nl")), templates), encoding="utf-8"
    )


MEMORY = """
import resource, sys
from datetime import date
from pathlib import Path
from ekc_docs.rendering import RenderOptions, render_plan
from ekc_docs.workspace import Workspace
plan, kaart, out, count = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
rss = []
for i in range(count):
    workspace = Workspace(today=date(2026, 11, 25), kaart_dir=kaart)
    assert render_plan(plan, workspace, RenderOptions(), output=out).ok
    rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(rss[4], rss[-1])
"""


def memory(root: Path, count: int) -> tuple[float, float]:
    """Peak RSS (MiB) of one process after 5 and after `count` renders of the same plan."""
    import subprocess

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            MEMORY,
            str(EXAMPLE / "plan.yml"),
            str(KAART),
            str(root / "m.pdf"),
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    after_five, after_all = (float(x) for x in result.stdout.split())
    return after_five, after_all


def make_plans(root: Path, count: int) -> Path:
    casus = (EXAMPLE / "casus.yml").read_text(encoding="utf-8")
    plan = (EXAMPLE / "plan.yml").read_text(encoding="utf-8")
    folder = root / "plannen"
    for i in range(count):
        case_dir = folder / f"casus-{i:03d}"
        case_dir.mkdir(parents=True)
        (case_dir / "casus.yml").write_text(
            casus.replace("VB-2026-OTS", f"BENCH-{i:03d}"), encoding="utf-8"
        )
        (case_dir / "plan.yml").write_text(plan, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ekc = [sys.executable, "-m", "ekc_docs", "plan", "--kaart", str(KAART)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        html = root / "plan.html"
        write_html(html)
        base = TemplateSet().default.resolve().as_uri() + "/"
        raw = best_of(
            args.repeat, [sys.executable, "-c", RAW, str(html), base, str(root / "raw.pdf")], root
        )
        one = best_of(
            args.repeat, [*ekc, str(EXAMPLE / "plan.yml"), "-o", str(root / "ekc.pdf")], root
        )
        print(
            f"one plan ({EXAMPLE.name}): ekc plan {one:.2f} s, WeasyPrint alone {raw:.2f} s "
            f"-> ekc/raw = {one / raw:.2f}x (goal <= 1.15x)"
        )
        five, many = memory(root, 40)
        print(
            f"memory of one process (one FontConfiguration): {five:.0f} MiB after 5 plans, "
            f"{many:.0f} MiB after 40 -> {(many - five) / 35 * 1024:.0f} KiB per plan"
        )
        folder = make_plans(root, args.plans)
        timings = {}
        for jobs in (1, 2):
            out = root / f"uit-{jobs}"
            timings[jobs] = best_of(
                1, [*ekc, str(folder), "-o", str(out), "--jobs", str(jobs)], root
            )
            shutil.rmtree(out)
        print(
            f"{args.plans} plans: --jobs 1 {timings[1]:.1f} s, --jobs 2 {timings[2]:.1f} s "
            f"-> speed-up {timings[1] / timings[2]:.2f}x (goal >= 1.7x)"
        )


if __name__ == "__main__":
    main()
