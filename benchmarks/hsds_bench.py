"""Benchmark `ekc export hsds` on the 10,000-service kaart against `ekc check` of the same kaart.

Both run as fresh processes (best of N); the export includes the whole check. Reports the ratio
(goal <= 1.5x), each command's peak memory (max RSS), and the size of services.json.

    python -m benchmarks.hsds_bench [--services 10000] [--municipalities 342] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .check_bench import KAART
from .site_bench import timed as run
from .site_bench import write_kaart


def best(repeat: int, command: list[str], cwd: Path) -> tuple[float, float]:
    runs = [run(command, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--municipalities", type=int, default=342)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ekc = [sys.executable, "-m", "ekc_docs"]
    date = ["--peildatum", "2026-11-25"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        kaart = root / "kaart"
        shutil.copytree(KAART, kaart)
        write_kaart(kaart, args.services, args.municipalities)
        for path in kaart.glob("gemeente-*.yml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(
                text.replace("organisaties:", "provincie: Overijssel\norganisaties:", 1)
            )
        check, check_mem = best(args.repeat, [*ekc, "check", *date, "kaart"], root)
        export, export_mem = best(
            args.repeat, [*ekc, "export", "hsds", "kaart", "-o", "uit", *date], root
        )
        size = (root / "uit" / "services.json").stat().st_size / 1024 / 1024
        imported, import_mem = run(
            [*ekc, "import", "hsds", "uit/services.json", "-o", "terug", *date], root
        )
    print(f"HSDS export of {args.services} services in {args.municipalities} municipalities")
    print(f"  ekc check:        {check:6.2f} s, peak {check_mem:5.0f} MiB")
    print(
        f"  ekc export hsds:  {export:6.2f} s, peak {export_mem:5.0f} MiB  -> "
        f"{export / check:.2f}x check (goal <= 1.5x); services.json {size:.1f} MiB"
    )
    print(f"  ekc import hsds:  {imported:6.2f} s, peak {import_mem:5.0f} MiB (the same data back)")


if __name__ == "__main__":
    main()
