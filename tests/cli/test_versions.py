"""`ekc versie` and `ekc verschil` from the command line, and the round trip of an evaluation:
`ekc versie` → fill in the review → `ekc check` clean → `ekc plan` prints the review."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, KAART, TESTS, run_ekc
from ..pdfs import page_texts

PLEEG = EXAMPLES / "pleeggezin"
MOVES = TESTS / "cases" / "versions-ids-move-reappear"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The pleeggezin example with versions 1 and 2, and the kaart beside it."""
    case = tmp_path / "pleeggezin"
    case.mkdir()
    for name in ("casus.yml", "plan.yml", "plan-2.yml"):
        shutil.copy(PLEEG / name, case / name)
    shutil.copytree(KAART, tmp_path / "kaart")
    return case


def test_round_trip(folder: Path) -> None:
    made = run_ekc(
        ["versie", "--kaart", "../kaart", "plan-2.yml", "--datum", "2027-03-13"], cwd=folder
    )
    assert made.exit_code == 0, made.stderr
    assert made.stdout == "aangemaakt: plan-3.yml\n"
    new = folder / "plan-3.yml"
    text = new.read_text(encoding="utf-8")
    assert "versie: 3\ndatum: 2027-03-13\n" in text
    assert text.count("uitkomst: «VERVANG» gelukt, deels of niet-gelukt") == 7

    # before the meeting: only the outcomes still to fill in
    check = run_ekc(["check", "--kaart", "../kaart", "--peildatum", "2027-03-13", "."], folder)
    assert check.exit_code == 0
    assert [line.rsplit(" [", 1)[-1] for line in check.stdout.splitlines()] == [
        "review-incomplete]"
    ] * 7

    # at the meeting: the network fills in the outcomes
    outcomes = iter(["gelukt", "deels", "gelukt", "niet-gelukt", "gelukt", "gelukt", "deels"])
    filled = "\n".join(
        line.replace("«VERVANG» gelukt, deels of niet-gelukt", next(outcomes))
        if "«VERVANG» gelukt" in line
        else line
        for line in text.splitlines()
    )
    filled = filled.replace(
        "Op maandag en donderdag, tot de volgende evaluatie", "Alleen op donderdag"
    )
    new.write_text(filled + "\n", encoding="utf-8")
    check = run_ekc(["check", "--kaart", "../kaart", "--peildatum", "2027-03-13", "."], folder)
    assert (check.exit_code, check.stdout) == (0, "")

    printed = run_ekc(["plan", "--kaart", "../kaart", "plan-3.yml", "-o", "v3.pdf"], folder)
    assert printed.exit_code == 0, printed.stdout + printed.stderr
    pages = page_texts(folder / "v3.pdf")
    review = pages[1]
    assert "Hoe het ging" in review
    assert "keken we samen terug op versie 2" in review
    assert "In het kort: 4 gelukt 2 deels gelukt 1 niet gelukt" in review
    assert "Niet gelukt Stefan meldt Jesse aan bij Sportmaatjes Deventer." in review
    changes = next(p for p in pages[2:] if "Wat er veranderd is" in p)
    assert "Veranderde afspraken Afspraak 7: Femke blijft het tweede contact" in changes
    assert (
        "Wanneer Op maandag en donderdag, tot de volgende evaluatie Alleen op donderdag" in changes
    )


def test_versie_keeps_comments_and_makes_implicit_ids_explicit(tmp_path: Path) -> None:
    source = TESTS / "cases" / "versions-review-incomplete"
    shutil.copy(source / "casus.yml", tmp_path)
    plan = (source / "plan.yml").read_text(encoding="utf-8")
    (tmp_path / "plan.yml").write_text("# Ons plan, met dank aan oma.\n" + plan, "utf-8")
    made = run_ekc(["versie", "plan.yml", "--datum", "2026-12-01"], cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    text = (tmp_path / "plan-2.yml").read_text(encoding="utf-8")
    assert "# Ons plan, met dank aan oma.\n" in text
    assert '  - id: a1\n    wat: "Oma haalt Tim op dinsdag uit school."\n' in text
    assert "    - id: a3  # Tim gaat naar de voetbalclub.\n" in text
    # the family's own rhythm (two months last time), within the advice (12 months, Tim is ten)
    assert "evaluatie:\n  datum: 2027-01-31" in text
    # the professional's decision was about version 1: it is taken anew, never carried over
    assert "\nakkoord:" not in text and "beslist\n# opnieuw over deze versie" in text


def test_versie_never_overwrites_and_refuses_an_older_version(folder: Path) -> None:
    (folder / "plan-3.yml").write_text("# van iemand anders\n", encoding="utf-8")
    result = run_ekc(
        ["versie", "--kaart", "../kaart", "plan-2.yml", "--datum", "2027-03-13"], cwd=folder
    )
    assert result.exit_code == 1
    assert (folder / "plan-3.yml").read_text(encoding="utf-8") == "# van iemand anders\n"
    assert "plan-3.yml bestaat al" in result.stderr
    older = run_ekc(
        ["versie", "--kaart", "../kaart", "plan.yml", "--datum", "2027-03-13"], cwd=folder
    )
    assert older.exit_code == 1
    assert "er is al een nieuwere versie: plan-2.yml" in older.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "casus.yml",
        "plan-2.yml",
        "plan-3.yml",
        "plan.yml",
    ]


def test_versie_refuses_a_plan_with_errors(tmp_path: Path) -> None:
    source = TESTS / "cases" / "unknown-ref"
    for p in source.glob("*.yml"):
        shutil.copy(p, tmp_path)
    result = run_ekc(["versie", "plan.yml", "--datum", "2026-12-01"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "[unknown-ref]" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "plan-2.yml").exists()


def test_versie_before_the_plan_is_refused(folder: Path) -> None:
    result = run_ekc(
        ["versie", "--kaart", "../kaart", "plan-2.yml", "--datum", "2026-01-01"], cwd=folder
    )
    assert result.exit_code == 1
    assert "[date-order]" in result.stderr
    assert not (folder / "plan-3.yml").exists()


def test_verschil_text() -> None:
    result = run_ekc(["verschil", "plan-2.yml", "plan-3.yml"], cwd=MOVES)
    # the comparison is shown, and the errors in plan-3 (an id that is not in version 2) too
    assert result.exit_code == 1
    assert "[unknown-ref]" in result.stderr
    assert result.stdout == (
        "Wat er veranderd is van versie 2 (plan-2.yml, 1 december 2026) naar versie 3 "
        "(plan-3.yml, 1 februari 2027):\n"
        "\n"
        "Nieuwe afspraken (1):\n"
        "  a2: Moeder belt oma elke zondag om de week door te nemen.\n"
        "\n"
        "Ongewijzigd: a1, a3, a4\n"
    )
    first = run_ekc(["verschil", "plan.yml", "plan-2.yml"], cwd=MOVES)
    assert first.stdout.splitlines()[2:] == [
        "Nieuwe afspraken (1):",
        "  a4: Moeder en Tim gaan samen zwemmen.",
        "",
        "Veranderde afspraken (1):",
        "  a1: Oma haalt Tim op dinsdag uit school.",
        "      wie: Oma Test → Oma Test en Moeder Test",
        "",
        "Gestopte afspraken (1):",
        "  a2: Moeder belt oma elke zondag om de week door te nemen.",
        "",
        "Ongewijzigd: a3",
    ]


def test_verschil_json() -> None:
    result = run_ekc(["verschil", "plan.yml", "plan-3.yml", "--format", "json"], cwd=MOVES)
    assert result.exit_code == 1  # plan-3 has errors; stdout stays one JSON document
    data = json.loads(result.stdout)
    assert data["from"] == {"path": "plan.yml", "versie": 1, "datum": "2026-10-01"}
    assert data["to"] == {"path": "plan-3.yml", "versie": 3, "datum": "2027-02-01"}
    assert [a["id"] for a in data["new"]] == ["a4"]
    assert data["changed"] == [
        {
            "id": "a1",
            "wat": "Oma haalt Tim op dinsdag uit school.",
            "fields": [{"field": "wie", "from": ["oma"], "to": ["moeder", "oma"]}],
        }
    ]
    assert data["stopped"] == [] and data["unchanged"] == ["a2", "a3"]


def test_verschil_of_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "plan.yml").write_text("datum: [\n", encoding="utf-8")
    result = run_ekc(["verschil", "plan.yml", str(MOVES / "plan.yml")], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("plan.yml:") and "[yaml-syntax]" in result.stderr
    missing = run_ekc(["verschil", "weg.yml", "plan.yml"], cwd=MOVES)
    assert missing.exit_code == 1 and "[file-not-found]" in missing.stderr


def test_verschil_says_what_is_wrong_and_never_repeats_a_bsn(tmp_path: Path) -> None:
    source = TESTS / "cases" / "versions-review-incomplete"
    for name in ("casus.yml", "plan.yml", "plan-2.yml"):
        shutil.copy(source / name, tmp_path / name)
    second = tmp_path / "plan-2.yml"
    text = second.read_text(encoding="utf-8")
    assert 'wat: "Oma haalt Tim op dinsdag uit school."' in text
    second.write_text(
        text.replace(
            'wat: "Oma haalt Tim op dinsdag uit school."',
            'wat: "Oma haalt Tim op (BSN 111222333) uit school."',
            1,
        ),
        encoding="utf-8",
    )
    result = run_ekc(["verschil", "plan.yml", "plan-2.yml"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "111222333" not in result.stdout + result.stderr
    assert "[bsn]" in result.stdout  # the change itself is shown, masked
    assert "[bsn]" in result.stderr.splitlines()[0] or "[bsn]" in result.stderr


def test_verschil_of_two_cases_is_an_error(tmp_path: Path) -> None:
    source = TESTS / "cases" / "versions-review-incomplete"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for name in ("casus.yml", "plan.yml"):
            shutil.copy(source / name, tmp_path / folder / name)
    result = run_ekc(["verschil", "a/plan.yml", "b/plan.yml"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "b/plan.yml:1:1: fout: dit plan hoort bij een andere casus" in result.stderr
