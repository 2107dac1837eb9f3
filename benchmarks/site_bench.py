"""Benchmark the site at scale: a sociale kaart of 10,000 services over 342 municipalities.

Times `mkdocs build` with the ekc plugin (cold cache, then warm cache) against MkDocs building
the very same generated pages from plain Markdown files (written beforehand by `ekc site`,
config without the plugin), and reports each build's peak memory (max RSS of the process).
Goals: plugin/plain <= 1.3x; under 60 s.

    python -m benchmarks.site_bench [--services 10000] [--municipalities 342]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .check_bench import REPO

PHONES = ["038 123 45 67", "0570 61 23 45", "088 765 43 21", "06 12345678", "050 312 45 67"]


def write_kaart(folder: Path, services: int, municipalities: int) -> None:
    """Add generated municipalities to the real kaart (the example plans refer to it) until
    there are `municipalities` files holding `services` services in all."""
    real = [p for p in folder.glob("*.yml") if p.name != "categorieen.yml"]
    real_services = sum(p.read_text().count("\n  - id:") for p in real) - sum(
        p.read_text().split("voorzieningen:")[0].count("\n  - id:") for p in real
    )
    services -= real_services
    municipalities -= len(real)
    categories = [
        line.split("id:")[1].split(",")[0].strip()
        for line in (folder / "categorieen.yml").read_text().splitlines()
        if "id:" in line
    ]
    rng = random.Random(42)
    per = services // municipalities
    extra = services - per * municipalities
    for m in range(municipalities):
        name = f"Gemeente {m:03d}"
        count = per + (1 if m < extra else 0)
        lines = [
            f"gemeente: {name}",
            "organisaties:",
            f"  - id: org-{m:03d}",
            f"    naam: Sociaal team {m:03d}",
            "voorzieningen:",
        ]
        for s in range(count):
            cats = ", ".join(rng.sample(categories, 2))
            lines += [
                f"  - id: dienst-{m:03d}-{s:03d}",
                f"    naam: Voorziening {s} in gemeente {m:03d}",
                f"    organisatie: org-{m:03d}",
                f"    categorieen: [{cats}]",
                '    beschrijving: "Hulp en steun voor inwoners, in gewone taal beschreven."',
                '    doelgroep: "Inwoners van alle leeftijden"',
                f'    telefoon: "{rng.choice(PHONES)}"',
                f"    email: dienst{s}@example.org",
                "    website: https://www.example.org/dienst",
                "    locaties:",
                f"      - adres: {{straat: Voorbeeldstraat {s + 1}, postcode: 8011 AB, plaats: {name}}}",
                '        openingstijden: "ma-vr 9.00-17.00"',
                f"    gecontroleerd: {{datum: 2026-{rng.randint(1, 11):02d}-15, door: redactie}}",
            ]
        (folder / f"gemeente-{m:03d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_project(root: Path, services: int, municipalities: int) -> Path:
    project = root / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "includes", project / "includes")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    write_kaart(project / "content" / "sociale-kaart", services, municipalities)
    return project


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--municipalities", type=int, default=342)
    args = parser.parse_args()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), args.services, args.municipalities)
        cold, cold_mem = timed([*mkdocs, "-d", "site-cold"], project)
        warm, warm_mem = timed([*mkdocs, "-d", "site-warm"], project)
        pages = sum(1 for _ in (project / "site-warm").rglob("index.html"))
        # the same generated pages as plain files, built by MkDocs without the plugin
        plain = Path(tmp) / "plain"
        shutil.copytree(project, plain, ignore=shutil.ignore_patterns("site-*", ".cache"))
        subprocess.run(
            [sys.executable, "-m", "ekc_docs", "site"], cwd=plain, check=True, capture_output=True
        )
        for kaart_file in (plain / "content" / "sociale-kaart").glob("*.yml"):
            kaart_file.unlink()
        config = (plain / "mkdocs.yml").read_text().replace("  - ekc\n", "")
        (plain / "mkdocs.yml").write_text(config)
        raw, raw_mem = timed([*mkdocs, "-d", "site"], plain)
    print(
        f"site with {args.services} services in {args.municipalities} municipalities ({pages} pages)"
    )
    print(
        f"  mkdocs build, ekc plugin, cold cache: {cold:6.1f} s, peak {cold_mem:5.0f} MiB  -> {cold / raw:.2f}x plain"
    )
    print(
        f"  mkdocs build, ekc plugin, warm cache: {warm:6.1f} s, peak {warm_mem:5.0f} MiB  -> {warm / raw:.2f}x plain (goal <= 1.3x)"
    )
    print(f"  mkdocs build, same pages as Markdown: {raw:6.1f} s, peak {raw_mem:5.0f} MiB")


if __name__ == "__main__":
    main()
