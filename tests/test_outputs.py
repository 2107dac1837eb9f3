"""Where output may go, without rendering anything (contract §6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ekc_docs.diagnostics import EkcError
from ekc_docs.outputs import refusal, write_atomically


@pytest.mark.parametrize("target", ["/dev/null", "/dev/zero"])
def test_devices_are_refused(target: str) -> None:
    assert refusal(Path(target)) is not None


def test_fifo_folder_and_link_named_pdf_are_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.pdf")
    (tmp_path / "map.pdf").mkdir()
    (tmp_path / "echt.pdf").write_bytes(b"%PDF")
    (tmp_path / "link.pdf").symlink_to(tmp_path / "echt.pdf")
    for name in ("pijp.pdf", "map.pdf", "link.pdf"):
        assert refusal(tmp_path / name) is not None, name
    assert refusal(tmp_path / "echt.pdf") is None
    assert refusal(tmp_path / "nieuw.html") is None


def test_an_input_is_refused_even_through_a_hard_link(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yml"
    plan.write_text("versie: 1\n")
    os.link(plan, tmp_path / "plan.pdf")
    assert refusal(tmp_path / "plan.pdf", [plan]) == "dit is een invoerbestand van het plan"


def test_nothing_is_renamed_unless_every_target_may_be_written(tmp_path: Path) -> None:
    (tmp_path / "x.html").mkdir()
    with pytest.raises(EkcError) as caught:
        write_atomically({tmp_path / "x.pdf": b"%PDF", tmp_path / "x.html": b"<html>"})
    assert caught.value.diagnostics[0].code == "write-failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.html"]


def test_the_site_pre_build_never_writes_through_a_link_and_writes_all_or_nothing(
    tmp_path: Path,
) -> None:
    from ekc_docs.site.files import GeneratedFile
    from ekc_docs.site.generate import write_files

    docs = tmp_path / "docs"
    (docs / "sociale-kaart").mkdir(parents=True)
    elsewhere = tmp_path / "elders.md"
    elsewhere.write_text("van iemand anders\n", encoding="utf-8")
    (docs / "sociale-kaart" / "index.md").symlink_to(elsewhere)
    files = [
        GeneratedFile("voorbeelden/index.md", "# Voorbeelden\n"),
        GeneratedFile("sociale-kaart/index.md", "# Sociale kaart\n"),
    ]
    with pytest.raises(EkcError) as raised:
        write_files(files, docs)
    (problem,) = raised.value.diagnostics
    assert problem.code == "write-failed" and "koppeling" in problem.message
    assert elsewhere.read_text(encoding="utf-8") == "van iemand anders\n"
    assert not (docs / "voorbeelden").exists()  # nothing written at all
    (docs / "sociale-kaart" / "index.md").unlink()
    assert write_files(files, docs) == [docs / f.path for f in files]
    assert (docs / "sociale-kaart" / "index.md").read_text(encoding="utf-8") == "# Sociale kaart\n"
