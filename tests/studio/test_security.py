"""Each promise of contract §7, tested with raw HTTP against a real studio on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from ekc_docs.studio.security import OutsideRoot, contained, safe_name

from .conftest import Running

PLAN = "/casus/jeugdbescherming/plan.yml"


def test_no_token_is_refused(running: Running) -> None:
    for path in ("/", PLAN, PLAN + "/voorbeeld", "/static/studio.css"):
        answer = running.request("GET", path, cookie=False)
        assert answer.status == 403, path
        assert "Geen toegang" in answer.body
        assert "Angela" not in answer.body and "Elif" not in answer.body


def test_a_wrong_token_is_refused(running: Running) -> None:
    assert running.request("GET", "/?token=raden", cookie=False).status == 403
    wrong = {"Cookie": "ekc_studio=raden"}
    assert running.request("GET", "/", headers=wrong, cookie=False).status == 403


def test_the_token_in_the_address_sets_an_http_only_strict_cookie(running: Running) -> None:
    answer = running.request("GET", f"/?token={running.token}", cookie=False)
    assert answer.status == 200
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"ekc_studio={running.token};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    # from then on the cookie alone is enough
    assert running.request("GET", PLAN).status == 200


@pytest.mark.parametrize(
    "host", ["evil.example.org", f"evil.example.org:{0}", "127.0.0.1", "127.0.0.1:1", ""]
)
def test_a_wrong_host_is_refused(running: Running, host: str) -> None:
    answer = running.request("GET", "/", headers={"Host": host})
    assert answer.status == 403


def test_localhost_with_the_right_port_is_the_studio_itself(running: Running) -> None:
    assert running.request("GET", "/", headers={"Host": f"localhost:{running.port}"}).status == 200


@pytest.mark.parametrize("origin", ["http://evil.example.org", "null", "http://127.0.0.1:1", None])
def test_a_post_from_another_origin_is_refused(running: Running, origin: str | None) -> None:
    file = running.root / "jeugdbescherming" / "plan.yml"
    before = file.read_bytes()
    values = running.form(PLAN)
    values["vraag"] = ["Overgenomen door een andere site"]
    answer = running.request("POST", PLAN + "/opslaan", values, headers={"Origin": origin})  # type: ignore[dict-item]
    assert answer.status == 403
    assert file.read_bytes() == before
    # the same post from the studio itself goes through
    assert running.request("POST", PLAN + "/opslaan", values).status == 303
    assert "Overgenomen door een andere site" in file.read_text(encoding="utf-8")


def test_every_answer_has_a_policy_that_allows_only_the_studio(running: Running) -> None:
    for path in ("/", PLAN, "/static/studio.js", "/bestaat-niet"):
        answer = running.request("GET", path)
        assert "Not Found" not in answer.body
        policy = answer.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "http" not in policy and "*" not in policy and "unsafe" not in policy
    preview = running.request("GET", PLAN + "/voorbeeld")
    assert preview.status == 200 and "Plan voor Deniz en Ayla" in preview.body
    policy = preview.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'") and "'sha256-" in policy
    assert "http" not in policy and "unsafe" not in policy


@pytest.mark.parametrize(
    "path",
    [
        "/casus/../plan.yml",
        "/casus/jeugdbescherming/..",
        "/casus/..%2F..%2Fetc/passwd",
        "/casus/jeugdbescherming/%2Fetc%2Fpasswd",
        "/casus/jeugdbescherming/..%2Fscheiding%2Fplan.yml",
        "/casus/%2Ftmp/plan.yml",
        "/casus/jeugdbescherming/pdf/..%2F..%2Fgeheim.pdf",
        "/lettertypen/..%2F..%2Fplan.css",
        "/static/../app.py",
    ],
)
def test_paths_out_of_the_folder_are_refused(running: Running, path: str) -> None:
    answer = running.request("GET", path)
    assert answer.status in (403, 404), answer.status
    assert "root:" not in answer.body and "Traceback" not in answer.body


def test_symlinks_out_of_the_folder_are_not_followed(running: Running, tmp_path: Path) -> None:
    outside = tmp_path / "buiten"
    outside.mkdir()
    secret = outside / "plan.yml"
    secret.write_text("vraag: geheim\n", encoding="utf-8")
    (outside / "casus.yml").write_text("casus: geheim\n", encoding="utf-8")
    (running.root / "link-map").symlink_to(outside)
    (running.root / "jeugdbescherming" / "plan-9.yml").symlink_to(secret)
    assert running.request("GET", "/casus/link-map/plan.yml").status == 403
    answer = running.request("GET", "/casus/jeugdbescherming/plan-9.yml")
    assert answer.status == 403 and "geheim" not in answer.body
    values = {"vraag": ["overschreven"]}
    assert (
        running.request("POST", "/casus/jeugdbescherming/plan-9.yml/opslaan", values).status == 403
    )
    assert secret.read_text(encoding="utf-8") == "vraag: geheim\n"
    overview = running.request("GET", "/")
    assert "link-map" not in overview.body


def test_the_casusbestand_of_a_plan_may_not_lead_out_of_the_folder(running: Running) -> None:
    plan = running.root / "scheiding" / "plan.yml"
    plan.write_text(
        "casusbestand: ../../casus.yml\n" + plan.read_text(encoding="utf-8"), encoding="utf-8"
    )
    answer = running.request("GET", "/casus/scheiding/plan.yml")
    assert answer.status == 200
    assert "ligt niet in de map van het plan" in answer.body


def test_safe_names() -> None:
    for bad in ("", ".", "..", "../x", "/etc", "a/b", "a\\b", ".verborgen", "x\x00"):
        with pytest.raises(OutsideRoot):
            safe_name(bad)
    assert safe_name("plan-2.yml") == "plan-2.yml"


def test_contained_follows_symlinks(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "uit").symlink_to("/etc")
    with pytest.raises(OutsideRoot):
        contained(tmp_path / "in", "uit")
    assert contained(tmp_path, "in") == tmp_path / "in"
