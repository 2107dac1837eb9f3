"""Benchmark `ekc check`: one plan, and 1,000 generated case folders.

Prints wall times (best of N runs, each a fresh process, as a coordinator would run it) and the
ratio against the raw tools on the same files: PyYAML's C loader alone, and `yaml.safe_load`.

    python -m benchmarks.check_bench [--folders 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "content" / "voorbeelden" / "jeugdbescherming"
KAART = REPO / "content" / "sociale-kaart"


def generate(root: Path, folders: int) -> list[Path]:
    """`folders` copies of a real example, each with its own case id (and the kaart beside them)."""
    casus = (SOURCE / "casus.yml").read_text(encoding="utf-8")
    plan = (SOURCE / "plan.yml").read_text(encoding="utf-8")
    shutil.copytree(KAART, root / "sociale-kaart")
    files = []
    for i in range(folders):
        folder = root / "casussen" / f"casus-{i:04d}"
        folder.mkdir(parents=True)
        (folder / "casus.yml").write_text(
            casus.replace("VB-2026-OTS", f"BENCH-{i:04d}"), encoding="utf-8"
        )
        (folder / "plan.yml").write_text(plan, encoding="utf-8")
        files += [folder / "casus.yml", folder / "plan.yml"]
    return files


def best_of(repeat: int, command: list[str], cwd: Path, *, expect_errors: bool = False) -> float:
    """Best wall time of `repeat` runs; the command must succeed (or find errors, exit 1)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if (
            result.returncode not in ((0, 1) if expect_errors else (0,))
            or "Traceback" in result.stderr
        ):
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return min(times)


def raw_parse(files: list[Path], loader: str, repeat: int, cwd: Path) -> float:
    code = (
        "import sys, yaml\n"
        f"loader = yaml.{loader}\n"
        "for f in sys.argv[1:]:\n"
        "    with open(f, encoding='utf-8') as h: yaml.load(h, Loader=loader)\n"
    )
    listing = cwd / "files.txt"
    listing.write_text("\n".join(map(str, files)))
    runner = f"import sys; sys.argv[1:] = open({str(listing)!r}).read().split(); exec({code!r})"
    return best_of(repeat, [sys.executable, "-c", runner], cwd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folders", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ekc = [sys.executable, "-m", "ekc_docs", "check", "--peildatum", "2026-11-25"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root, args.folders)
        one_plan = best_of(
            args.repeat, [*ekc, "--kaart", "sociale-kaart", "casussen/casus-0000/plan.yml"], root
        )
        everything = best_of(args.repeat, [*ekc, "--kaart", "sociale-kaart", "casussen"], root)
        c_loader = raw_parse(files, "CSafeLoader", args.repeat, root)
        py_loader = raw_parse(files, "SafeLoader", 1, root)
    print(f"ekc check, one plan with its case and kaart:  {one_plan:6.2f} s  (goal < 0.5 s)")
    print(
        f"ekc check, {args.folders} case folders ({len(files)} files): {everything:6.2f} s  (goal < 5 s)"
    )
    print(
        f"  raw PyYAML CSafeLoader on the same files:    {c_loader:6.2f} s  -> ekc/raw = {everything / c_loader:.2f}x"
    )
    print(
        f"  raw PyYAML safe_load (pure Python):          {py_loader:6.2f} s  -> ekc/raw = {everything / py_loader:.2f}x"
    )


if __name__ == "__main__":
    main()
