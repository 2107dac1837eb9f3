"""Every exported object validates against Open Referral's compiled schemas; ids are stable."""

from __future__ import annotations

import gzip
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.site_bench import write_kaart
from ekc_docs.hsds.export import export_kaart, export_text
from ekc_docs.hsds.mapping import NAMESPACE, hsds_id

from ..conftest import KAART, working_directory
from .conftest import TODAY, copy_kaart, errors, load_kaart

OFFICIAL = Path("/work/shared/standards/hsds-3.1/schema/compiled")


def exported(folder: Path | None = None) -> tuple[list[Any], list[Any]]:
    texts = export_text(load_kaart(folder) if folder else load_kaart())
    return json.loads(texts["services.json"]), json.loads(texts["organizations.json"])


def test_every_object_of_the_demo_kaart_validates(validators: dict[str, Any]) -> None:
    services, organisations = exported()
    assert len(services) == 50 and len(organisations) == 14
    for service in services:
        assert errors(validators["service"], service) == [], service["name"]
        date.fromisoformat(service["assured_date"])  # HSDS has no format for it; we write ISO
    for organisation in organisations:
        assert errors(validators["organization"], organisation) == [], organisation["name"]


def test_every_object_of_a_generated_kaart_validates(
    tmp_path: Path, validators: dict[str, Any]
) -> None:
    folder = copy_kaart(tmp_path)
    write_kaart(folder, 400, 12)
    for path in folder.glob("gemeente-*.yml"):  # the generator writes no provincie
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("organisaties:", "provincie: Gelderland\norganisaties:", 1))
    services, organisations = exported(folder)
    assert len(services) == 400
    assert [e for s in services for e in errors(validators["service"], s)] == []
    assert [e for o in organisations for e in errors(validators["organization"], o)] == []


def test_the_format_checks_really_check(validators: dict[str, Any]) -> None:
    services, _ = exported()
    service = services[0]
    for key, bad in (
        ("id", "jeugdteam-deventer"),
        ("email", "geen-adres"),
        ("url", "www.example.org zonder schema"),
        ("last_modified", "gisteren"),
    ):
        assert errors(validators["service"], {**service, key: bad}), key


def test_the_shipped_schemas_are_open_referrals_own() -> None:
    if not OFFICIAL.is_dir():
        pytest.skip("the reference copy of HSDS 3.1 is not on this machine")
    shipped = Path(__file__).parents[2] / "ekc_docs" / "hsds" / "schema"
    for name in ("service", "organization"):
        packed = gzip.decompress((shipped / f"{name}.json.gz").read_bytes())
        assert packed == (OFFICIAL / f"{name}.json").read_bytes()


def test_ids_are_uuid5_of_the_kaart_ids_and_the_kaart_ids_travel_along() -> None:
    services, organisations = exported()
    deventer = next(s for s in services if s["name"] == "Buurtteam Jeugd en Gezin Deventer")
    assert deventer["id"] == str(uuid.uuid5(NAMESPACE, "voorziening/jeugdteam-deventer"))
    assert deventer["id"] == hsds_id("voorziening", "jeugdteam-deventer")
    assert deventer["organization"]["id"] == hsds_id("organisatie", "gemeente-deventer")
    assert deventer["attributes"][0]["value"] == "jeugdteam-deventer"
    assert [c["taxonomy_term"]["code"] for c in deventer["attributes"][1:]] == [
        "opvoeden",
        "jeugdhulp",
    ]
    assert deventer["service_areas"][0]["name"] == "Deventer"
    assert [o["organization_identifiers"][0]["identifier"] for o in organisations] == sorted(
        o["organization_identifiers"][0]["identifier"] for o in organisations
    )


def test_the_mapping_choices() -> None:
    services, _ = exported()
    by_name = {s["name"]: s for s in services}
    closed = by_name["Huiswerkklas in de wijk"]
    assert closed["status"] == "temporarily closed"
    assert closed["minimum_age"] == 10 and closed["maximum_age"] == 15
    assert closed["assured_date"] == "2026-11-16"
    assert closed["last_modified"] == "2026-11-16T00:00:00Z"
    assert closed["metadata"][0]["updated_by"] == "redactie"
    location = closed["service_at_locations"][0]
    assert location["schedules"][0]["description"].startswith("ma, di en do 15.30-17.30")
    assert location["location"]["addresses"][0] == {
        "id": location["location"]["addresses"][0]["id"],
        "location_id": location["location"]["id"],
        "address_1": "Ankerstraat 40",
        "city": "Zwolle",
        "state_province": "Overijssel",
        "postal_code": "8032 GT",
        "country": "NL",
        "address_type": "physical",
    }
    assert closed["cost_options"][0]["option"] == "Gratis; een vrijwillige bijdrage mag"
    assert "amount" not in closed["cost_options"][0]
    free = by_name["Jeugd- en gezinsteam Zwolle"]["cost_options"][0]
    assert (free["amount"], free["currency"]) == (0, "EUR")
    assert [lang["code"] for lang in by_name["Taalpunt Zwolle"]["languages"]] == [
        "nl",
        "en",
        "ar",
        "tr",
        "uk",
    ]
    assert list(closed) == [  # the order of Open Referral's schema, empty values left out
        "id",
        "organization_id",
        "name",
        "description",
        "email",
        "status",
        "application_process",
        "fees_description",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "last_modified",
        "phones",
        "service_areas",
        "service_at_locations",
        "languages",
        "organization",
        "cost_options",
        "attributes",
        "metadata",
    ]


def test_a_second_export_is_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "een", tmp_path / "twee"
    folder = KAART
    assert export_kaart(folder, first, TODAY)[1]
    assert export_kaart(folder, second, TODAY)[1]
    for name in ("services.json", "organizations.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    text = (first / "services.json").read_text(encoding="utf-8")
    assert text.startswith("[\n{") and text.endswith("}\n]\n")
    assert text.count("\n") == 52  # the brackets, and one service a line


def test_addresses_without_provincie_are_a_located_missing_key(tmp_path: Path) -> None:
    folder = copy_kaart(tmp_path)
    kampen = folder / "kampen.yml"
    kampen.write_text(kampen.read_text(encoding="utf-8").replace("provincie: Overijssel\n", ""))
    out = tmp_path / "uit"
    with working_directory(tmp_path):
        diagnostics, written = export_kaart(Path("kaart"), out, TODAY)
    problems = [d.as_text() for d in diagnostics if d.is_error]
    assert problems == [
        "kaart/kampen.yml:5:1: fout: de sleutel 'provincie' ontbreekt; de open data (HSDS) vragen "
        "bij elk adres de provincie: voeg bijvoorbeeld 'provincie: Overijssel' toe onder "
        "'gemeente: Kampen' [missing-key]"
    ]
    assert written == [] and not out.exists()


def test_a_kaart_with_errors_is_not_exported(tmp_path: Path) -> None:
    folder = copy_kaart(tmp_path)
    zwolle = folder / "zwolle.yml"
    zwolle.write_text(
        zwolle.read_text(encoding="utf-8").replace(
            "    kosten: Gratis\n", "    kosten: Gratis\n    prijs: 0\n", 1
        )
    )
    diagnostics, written = export_kaart(folder, tmp_path / "uit", TODAY)
    assert [d.code for d in diagnostics if d.is_error] == ["unknown-key"]
    assert written == [] and not (tmp_path / "uit").exists()


def test_the_export_replaces_only_its_own_files(tmp_path: Path) -> None:
    folder = KAART
    out = tmp_path / "uit"
    out.mkdir()
    (out / "services.json").mkdir()
    diagnostics, written = export_kaart(folder, out, TODAY)
    assert [d.code for d in diagnostics if d.is_error] == ["write-failed"]
    assert written == [] and not (out / "organizations.json").exists()
    (out / "services.json").rmdir()
    (out / "services.json").symlink_to(tmp_path / "elders.json")
    diagnostics, _ = export_kaart(folder, out, TODAY)
    assert [d.code for d in diagnostics if d.is_error] == ["write-failed"]
    assert not (tmp_path / "elders.json").exists()
