"""Write tests/data/seed-hashes.txt from ../shared/domain/seeds (run when the seeds change)."""

from __future__ import annotations

from pathlib import Path

from tests.textcheck import fingerprints

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "seeds"
TARGET = Path(__file__).parent / "data" / "seed-hashes.txt"


def seed_fingerprints() -> set[str]:
    found: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= fingerprints(path.read_text(encoding="utf-8"))
    return found


if __name__ == "__main__":
    TARGET.write_text("\n".join(sorted(seed_fingerprints())) + "\n", encoding="utf-8")
    print(TARGET)
