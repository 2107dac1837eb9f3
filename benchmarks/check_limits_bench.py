"""Benchmark `ekc check` on worst-case input: files at the 2 MiB limit, built to be slow.

Checking must stay linear in the size of the file (50,000 unknown keys once took 47 s). Each
case is timed as a fresh `ekc check` process (best of N) and set against PyYAML's C loader
reading the same file, the least any checker has to do. The goal: every case under 5 s.

    python -m benchmarks.check_limits_bench [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .check_bench import best_of

REPO = Path(__file__).resolve().parent.parent
BASE = REPO / "tests" / "cases" / "_base"
LIMIT = 2 * 1024 * 1024 - 64  # just under the size limit of the reader


def _fill(head: str, line: Callable[[int], str], tail: str = "") -> str:
    parts, size, i = [head], len(head) + len(tail), 0
    while size < LIMIT:
        text = line(i)
        parts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return "".join(parts) + tail


def cases() -> dict[str, str]:
    """Plan texts, each just under 2 MiB."""
    plan = (BASE / "plan.yml").read_text(encoding="utf-8")
    before, after = plan.split("aanspreekpunt:", 1)
    return {
        "50,000 unknown keys": plan + "".join(f"onbekend{i}: x\n" for i in range(50_000)),
        "2 MiB of unknown keys": _fill(plan, lambda i: f"k{i}: x\n"),
        "2 MiB of agreements": _fill(
            before,
            lambda i: f"  - wat: Afspraak {i}\n    wie: [oma, moeder]\n    wanneer: Elke dag\n",
            "aanspreekpunt:" + after,
        ),
        "one id list of 2 MiB, all repeats": _fill(
            plan.split("[oma]", 1)[0] + "[oma", lambda i: ", oma", "]" + plan.split("[oma]", 1)[1]
        ),
        "2 MiB of text with # comments": _fill(
            plan, lambda i: f"zorg{i}: Joke past op Sem #{i} op woensdag\n"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ekc = [sys.executable, "-m", "ekc_docs", "check", "--peildatum", "2026-11-25", "plan.yml"]
    raw = [
        sys.executable,
        "-c",
        "import yaml; yaml.load(open('plan.yml'), Loader=yaml.CSafeLoader)",
    ]
    worst = 0.0
    for name, text in cases().items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            shutil.copy(BASE / "casus.yml", root / "casus.yml")
            (root / "plan.yml").write_text(text, encoding="utf-8")
            checked = best_of(args.repeat, ekc, root, expect_errors=True)
            loaded = best_of(args.repeat, raw, root)
        worst = max(worst, checked)
        size = len(text.encode("utf-8")) / 1024 / 1024
        print(
            f"{name:36s} {size:4.1f} MiB  ekc check {checked:5.2f} s  "
            f"CSafeLoader {loaded:5.2f} s  -> ekc/raw = {checked / loaded:4.1f}x"
        )
    print(f"slowest: {worst:.2f} s (goal < 5 s)")


if __name__ == "__main__":
    main()
