"""The fixed cost of `ekc plan`: a long and a short plan, against WeasyPrint alone.

Each round runs, in fresh processes and interleaved (so a busy machine slows all alike),
`ekc plan` from every source tree given and WeasyPrint alone on the same HTML. Goal: ekc/raw
<= 1.15 for the short plan too, where starting, reading and checking weigh most.

    python -m benchmarks.startup_bench [--repeat 7] [--source OTHER_TREE …]

`--source` adds another checkout of ekc-docs (e.g. an older commit) to compare against.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .check_bench import REPO
from .plan_bench import RAW

PLANS = {
    "lang (jeugdbescherming)": REPO / "content" / "voorbeelden" / "jeugdbescherming",
    "kort (tests/cases/_base)": REPO / "tests" / "cases" / "_base",
}


#: writes the HTML that a source tree's `ekc plan` renders, and prints its template base URL
HTML = """
import sys
from datetime import date
from pathlib import Path
from ekc_docs.render.html import render_html
from ekc_docs.render.templates import TemplateSet
from ekc_docs.render.view import build_view
from ekc_docs.workspace import Workspace
workspace = Workspace(today=date(2026, 11, 25), kaart_dir=Path(sys.argv[2]))
templates = TemplateSet()
if hasattr(workspace, "checked_plan"):
    plan = workspace.checked_plan(Path(sys.argv[1])); language = plan.casus.taal
else:  # before the Case model
    plan = workspace.load_plan(Path(sys.argv[1])); language = plan.casus.casus.taal
html = render_html(build_view(plan, templates.catalogue(language)), templates)
Path(sys.argv[3]).write_text(html, encoding="utf-8")
print(templates.default.resolve().as_uri() + "/")
"""


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--source", type=Path, action="append", default=[])
    args = parser.parse_args()
    sources = [REPO, *(s.resolve() for s in args.source)]
    for name, folder in PLANS.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            case = root / "casus"
            shutil.copytree(folder, case)
            runs: dict[str, tuple[list[str], list[str], dict[str, str]]] = {}
            for n, source in enumerate(sources):
                env = {**os.environ, "PYTHONPATH": str(source)}
                kaart = source / "content" / "sociale-kaart"  # the kaart that tree knows
                html = root / f"plan-{n}.html"
                made = subprocess.run(
                    [sys.executable, "-c", HTML, str(case / "plan.yml"), str(kaart), str(html)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                base = made.stdout.strip()
                raw = [sys.executable, "-c", RAW, str(html), base, str(root / "raw.pdf")]
                ekc = [sys.executable, "-m", "ekc_docs", "plan", "--kaart", str(kaart)]
                ekc += [str(case / "plan.yml"), "-o", str(root / "ekc.pdf")]
                runs[str(source)] = (raw, ekc, env)
            times: dict[str, list[float]] = {}
            for _ in range(args.repeat):
                for key, (raw, ekc, env) in runs.items():
                    times.setdefault(f"raw {key}", []).append(timed(raw, root, env))
                    times.setdefault(f"ekc {key}", []).append(timed(ekc, root, env))
            print(f"{name} (best of {args.repeat}):")
            for key in runs:
                raw_s, ekc_s = min(times[f"raw {key}"]), min(times[f"ekc {key}"])
                print(
                    f"  {key}: ekc plan {ekc_s:.2f} s, WeasyPrint alone on its HTML {raw_s:.2f} s"
                    f" -> {ekc_s / raw_s:.2f}x (goal <= 1.15x)"
                )


if __name__ == "__main__":
    main()
