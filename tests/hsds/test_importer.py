"""Importing HSDS: Open Referral's own examples, our own export (the round trip), bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ekc_docs.hsds.export import export_kaart
from ekc_docs.hsds.importer import import_hsds

from ..conftest import KAART, run_ekc, working_directory
from .conftest import DATA, TODAY, read_json


def imported(source: Path, out: Path) -> tuple[list[str], dict[str, str]]:
    result = import_hsds(source, out, TODAY)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.yml"))}
    return [d.as_text() for d in result.diagnostics], texts


def check_passes(folder: Path) -> None:
    result = run_ekc(["check", "--peildatum", TODAY.isoformat(), str(folder)])
    assert result.exit_code == 0, result.stdout
    assert " fout: " not in result.stdout


def test_open_referrals_full_service(tmp_path: Path) -> None:
    with working_directory(DATA):
        diagnostics, texts = imported(Path("service_full.json"), tmp_path / "kaart")
    assert sorted(texts) == ["categorieen.yml", "mycity.yml"]
    check_passes(tmp_path / "kaart")
    mycity = texts["mycity.yml"]
    for expected in (
        'gemeente: "MyCity"',
        'provincie: "MyState"',
        '  - id: "community-counselling"',
        '    organisatie: "example-organization-inc"',
        "    leeftijd: {van: 12, tot: 100}",
        '    talen: ["ur"]',
        '    status: "actief"',
        '    gecontroleerd: {datum: "2005-01-01", door: "email@example.com"}',
        '      - naam: "MyCity Civic Center"',
    ):
        assert expected in mycity.splitlines()
    assert all(" waarschuwing: " in d for d in diagnostics)
    assert (
        "service_full.json:4:3: waarschuwing: 'alternate_name' heeft geen plaats in de sociale "
        "kaart en wordt niet overgenomen [unknown-key]"
    ) in diagnostics
    assert (
        "service_full.json:183:11: waarschuwing: niet overgenomen: 'ABC 1234' is geen Nederlandse "
        "postcode; schrijf vier cijfers en twee letters, bijvoorbeeld 8011 AB [postcode]"
    ) in diagnostics


def test_nothing_of_the_full_service_is_dropped_silently(tmp_path: Path) -> None:
    """Every filled-in top-level field is either in the kaart or named in a warning."""
    with working_directory(DATA):
        diagnostics, texts = imported(Path("service_full.json"), tmp_path / "kaart")
    carried = {
        "id": None,
        "name": "naam",
        "description": "beschrijving",
        "url": "website",
        "email": "email",
        "status": "status",
        "application_process": "aanmelden",
        "fees_description": "kosten",
        "eligibility_description": "doelgroep",
        "minimum_age": "leeftijd",
        "maximum_age": "leeftijd",
        "assured_date": "gecontroleerd",
        "assurer_email": "gecontroleerd",
        "last_modified": None,
        "phones": "telefoon",
        "schedules": "openingstijden",
        "service_at_locations": "locaties",
        "languages": "talen",
        "organization": "organisatie",
        "cost_options": None,
        "attributes": "categorieen",
    }
    text = (DATA / "service_full.json").read_text(encoding="utf-8").splitlines()
    reported_lines = {int(d.split(":")[1]) for d in diagnostics}
    for key in read_json(DATA / "service_full.json"):
        if key in carried:
            field = carried[key]
            assert field is None or f"    {field}:" in texts["mycity.yml"], key
        else:
            line = next(i for i, t in enumerate(text, 1) if t.startswith(f'  "{key}"'))
            assert line in reported_lines, key


def test_open_referrals_service_list(tmp_path: Path) -> None:
    with working_directory(DATA):
        diagnostics, texts = imported(Path("service_list.json"), tmp_path / "kaart")
    assert sorted(texts) == ["categorieen.yml", "onbekende-gemeente.yml"]
    check_passes(tmp_path / "kaart")
    assert (
        "service_list.json:10:5: waarschuwing: de voorziening heeft geen adres met een plaats "
        "(address.city), dus geen gemeente; ze staat onder 'Onbekende gemeente' [missing-key]"
    ) in diagnostics
    assert 'naam: "Community Counselling"' in texts["onbekende-gemeente.yml"]


def test_round_trip_is_byte_identical(tmp_path: Path) -> None:
    first, kaart, second = tmp_path / "een", tmp_path / "kaart", tmp_path / "twee"
    assert export_kaart(KAART, first, TODAY)[1]
    diagnostics, texts = imported(first / "services.json", kaart)
    assert diagnostics == []
    assert sorted(texts) == [
        "categorieen.yml",
        "deventer.yml",
        "kampen.yml",
        "raalte.yml",
        "zwolle.yml",
    ]
    check_passes(kaart)
    assert export_kaart(kaart, second, TODAY)[1]
    for name in ("services.json", "organizations.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_second_import_replaces_its_own_files_only(tmp_path: Path) -> None:
    out = tmp_path / "kaart"
    assert import_hsds(DATA / "service_full.json", out, TODAY).ok
    (out / "oud.yml").write_text("# Geïmporteerd met 'ekc import hsds' uit oud.json.\n")
    second = import_hsds(DATA / "service_list.json", out, TODAY)
    assert second.ok
    left = [d.as_text() for d in second.diagnostics if d.path.startswith(str(out))]
    assert left == [
        f"{out / name}:1:1: waarschuwing: dit bestand komt uit een eerdere import en deze "
        "gemeente staat niet meer in de import; het blijft staan: verwijder het zelf als het "
        "niet meer in de kaart hoort en controleer de map met 'ekc check' [stale-entry]"
        for name in ("mycity.yml", "oud.yml")
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "categorieen.yml",
        "mycity.yml",
        "onbekende-gemeente.yml",
        "oud.yml",
    ]
    (out / "oud.yml").unlink()
    (out / "eigen.yml").write_text("gemeente: Zwolle\n")
    result = import_hsds(DATA / "service_full.json", out, TODAY)
    assert [d.as_text() for d in result.diagnostics if d.is_error] == [
        f"{out / 'eigen.yml'}:1:1: fout: 'eigen.yml' bestaat al en is niet door ekc gemaakt; het "
        "wordt niet overschreven: kies een lege map [write-failed]"
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "categorieen.yml",
        "eigen.yml",
        "mycity.yml",
        "onbekende-gemeente.yml",
    ]


BAD_INPUT: list[tuple[str, bytes, str]] = [
    (
        "not-json",
        b'{"name": "a",\n  "id" 2}',
        "2:8: fout: het bestand is geen geldige JSON: hier ontbreekt een dubbele punt na de "
        "sleutel [invalid-value]",
    ),
    (
        "not-a-service",
        b'[1, {"id": "x", "name": "y"}]',
        "1:2: fout: dit is geen HSDS-voorziening (een object met 'id' en 'name'); verwacht wordt "
        "een lijst met voorzieningen zoals services.json van 'ekc export hsds' [invalid-value]",
    ),
    (
        "not-a-list",
        b'"tekst"',
        "1:1: fout: dit is geen HSDS-voorziening (een object met 'id' en 'name'); verwacht wordt "
        "een lijst met voorzieningen zoals services.json van 'ekc export hsds' [invalid-value]",
    ),
    ("empty", b"[]", "1:1: fout: de lijst is leeg [missing-key]"),
    (
        "deep",
        b"[" * 100 + b"]" * 100,
        "1:65: fout: de gegevens zijn dieper dan 64 niveaus genest; zo diep gaan HSDS-gegevens "
        "nooit [invalid-value]",
    ),
    (
        "deeper-than-python",
        b"[" * 200_000 + b"]" * 200_000,
        "1:65: fout: de gegevens zijn dieper dan 64 niveaus genest; zo diep gaan HSDS-gegevens "
        "nooit [invalid-value]",
    ),
    (
        "huge-string",
        json.dumps([{"id": "a", "name": "x" * 20_001}]).encode(),
        "1:22: fout: deze tekst is 20001 tekens lang; de grens is 20000 [invalid-value]",
    ),
    (
        "latin-1",
        '[{"name": "café"}]'.encode("latin-1"),
        "1:15: fout: het bestand is geen geldige UTF-8 (byte 0xe9); JSON-bestanden zijn altijd "
        "UTF-8 [file-encoding]",
    ),
    (
        "nan",
        b'[{"name": "a", "minimum_age": NaN}]',
        "1:31: fout: 'NaN' is geen geldige JSON-waarde; het bestand is geen geldige JSON "
        "[invalid-value]",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    (tmp_path / "in.json").write_bytes(content)
    with working_directory(tmp_path):
        result = import_hsds(Path("in.json"), Path("kaart"), TODAY)
    assert [d.as_text() for d in result.diagnostics if d.is_error] == [f"in.json:{expected}"]
    assert not (tmp_path / "kaart").exists()


def test_too_large(tmp_path: Path) -> None:
    source = tmp_path / "groot.json"
    with source.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    with working_directory(tmp_path):
        result = import_hsds(Path("groot.json"), Path("kaart"), TODAY)
    assert [d.as_text() for d in result.diagnostics] == [
        "groot.json:1:1: fout: het bestand is groter dan 50 MiB (52428801 bytes), de grens voor "
        "een import; splits de gegevens op of vraag een kleiner uittreksel [file-too-large]"
    ]
    assert not (tmp_path / "kaart").exists()


def test_values_the_kaart_refuses_are_reported_where_they_stand(tmp_path: Path) -> None:
    service: dict[str, Any] = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "Inloop",
        "description": "Koffie en een luisterend oor.",
        "status": "bijna",
        "email": "geen-adres",
        "minimum_age": 40,
        "maximum_age": 12,
        "languages": [{"id": "2989d3ed-c547-48f8-8f9d-432d81c7892e", "code": "xx"}],
    }
    (tmp_path / "in.json").write_text(json.dumps([service], indent=1))
    with working_directory(tmp_path):
        result = import_hsds(Path("in.json"), Path("kaart"), TODAY)
    assert result.ok
    got = [d.as_text() for d in result.diagnostics]
    for expected in (
        "in.json:6:13: waarschuwing: volgens HSDS 3.1: 'bijna' is niet toegestaan; kies uit: "
        "active, inactive, defunct, temporarily closed [invalid-value]",
        "in.json:6:13: waarschuwing: onbekende status; 'actief' aangenomen [invalid-value]",
        "in.json:7:12: waarschuwing: niet overgenomen: 'geen-adres' is geen geldig e-mailadres "
        "(er ontbreekt een @) [email]",
        "in.json:7:12: waarschuwing: volgens HSDS 3.1: 'geen-adres' is geen geldig e-mailadres "
        "[invalid-value]",
        "in.json:8:18: waarschuwing: minimum_age is hoger dan maximum_age; niet overgenomen "
        "[invalid-value]",
        "in.json:11:4: waarschuwing: geen taalcode uit ISO 639-1 ('code'); niet overgenomen "
        "[invalid-value]",
    ):
        assert expected in got
    text = (tmp_path / "kaart" / "onbekende-gemeente.yml").read_text(encoding="utf-8")
    assert "email" not in text and "leeftijd" not in text and "talen" not in text
    check_passes(tmp_path / "kaart")


def _service(n: int, city: str | None, organisation: bool = True) -> dict[str, Any]:
    service: dict[str, Any] = {
        "id": f"s{n}",
        "name": f"Dienst {n}",
        "description": "Hulp.",
        "assured_date": "2026-01-01",
    }
    if organisation:
        service["organization"] = {"id": "o1", "name": "Stichting Welzijn"}
    if city is not None:
        address = {"address_1": "Straat 1", "city": city, "postal_code": "8011 AB"}
        service["service_at_locations"] = [{"location": {"addresses": [address]}}]
    return service


def _import(tmp_path: Path, services: list[dict[str, Any]]) -> tuple[list[str], dict[str, str]]:
    (tmp_path / "in.json").write_text(json.dumps(services, indent=1))
    with working_directory(tmp_path):
        result = import_hsds(Path("in.json"), Path("kaart"), TODAY)
    assert result.ok, [d.as_text() for d in result.diagnostics]
    check_passes(tmp_path / "kaart")
    texts = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "kaart").glob("*.yml")}
    return [d.as_text() for d in result.diagnostics], texts


def test_an_organisation_with_services_in_two_towns(tmp_path: Path) -> None:
    """It stands once, in the first town's file; the other file refers to it across files."""
    _, texts = _import(tmp_path, [_service(1, "Zwolle"), _service(2, "Kampen")])
    assert sorted(texts) == ["categorieen.yml", "kampen.yml", "zwolle.yml"]
    assert '  - id: "stichting-welzijn"' in texts["zwolle.yml"].splitlines()
    assert "organisaties" not in texts["kampen.yml"]
    assert '    organisatie: "stichting-welzijn"' in texts["kampen.yml"].splitlines()


def test_services_without_organisation_share_one_unknown_organisation(tmp_path: Path) -> None:
    services = [_service(n, town, False) for n, town in enumerate(["Zwolle", "Kampen"] * 2)]
    diagnostics, texts = _import(tmp_path, services)
    everything = texts["zwolle.yml"] + texts["kampen.yml"]
    assert everything.count('  - id: "onbekende-organisatie"') == 1
    assert everything.count('    organisatie: "onbekende-organisatie"') == 4
    assert "onbekende-organisatie-2" not in everything
    warning = (
        "waarschuwing: de voorziening heeft geen organisatie ('organization'); ze komt onder "
        "'Onbekende organisatie' [missing-key]"
    )
    assert [d for d in diagnostics if d.endswith(warning)] == [
        f"in.json:{line}:2: {warning}" for line in (2, 21, 40, 59)
    ]


def test_a_blank_city_is_no_city(tmp_path: Path) -> None:
    diagnostics, texts = _import(tmp_path, [_service(1, "   ")])
    assert sorted(texts) == ["categorieen.yml", "onbekende-gemeente.yml"]
    assert "locaties" not in texts["onbekende-gemeente.yml"]
    for expected in (
        "in.json:2:2: waarschuwing: de voorziening heeft geen adres met een plaats "
        "(address.city), dus geen gemeente; ze staat onder 'Onbekende gemeente' [missing-key]",
        "in.json:15:7: waarschuwing: het adres heeft geen city; de kaart bewaart alleen een "
        "volledig adres: niet overgenomen [missing-key]",
    ):
        assert expected in diagnostics


def test_system_errors_are_told_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / ("x" * 300)
    result = import_hsds(DATA / "service_full.json", out, TODAY)
    errors = [d.message for d in result.diagnostics if d.is_error]
    assert errors and all("de naam is te lang" in m for m in errors), errors

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = import_hsds(DATA / "service_full.json", tmp_path / "kaart", TODAY)
    assert [d.message for d in result.diagnostics] == [
        "het bestand kan niet worden gelezen (geen toestemming)"
    ]
