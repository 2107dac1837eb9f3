"""Hostile YAML: how long the reader takes to refuse it (the tests only check *that* it does).

    python -m benchmarks.hostile_bench

Goals: billion laughs (30 levels of aliases) < 1 s; 10,000 levels of nesting < 2 s each.
"""

from __future__ import annotations

import time
from pathlib import Path

from ekc_docs.reader import parse_text


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def main() -> None:
    cases = {"billion laughs": billion_laughs()}
    cases.update({f"nesting {o!r} x 10,000": o * 10_000 + "x" for o in ("[", "{a: ", "- ")})
    for name, text in cases.items():
        started = time.perf_counter()
        document = parse_text(text, Path("x.yml"))
        seconds = time.perf_counter() - started
        codes = sorted({d.code for d in document.diagnostics})
        print(f"{name:28} {seconds:6.3f} s  {codes}")


if __name__ == "__main__":
    main()
