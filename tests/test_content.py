"""The site's texts: every chapter teaches (learning goals, length), the family page is plain
language, and no sentence of the source texts is copied into the content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REPO, TESTS
from .textcheck import average_sentence_length, count_words, fingerprints, strip_markdown

CONTENT = REPO / "content"
CHAPTERS = sorted((CONTENT / "handboek").glob("[0-9][0-9]-*.md"))
SEED_HASHES = TESTS / "data" / "seed-hashes.txt"


def prose(path: Path) -> str:
    return strip_markdown(path.read_text(encoding="utf-8"))


def test_at_least_twelve_chapters_all_in_the_navigation() -> None:
    assert len(CHAPTERS) >= 12
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for chapter in CHAPTERS:
        assert f"handboek/{chapter.name}" in nav, chapter.name


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_starts_with_learning_goals_and_teaches_enough(chapter: Path) -> None:
    text = chapter.read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S).strip()
    lines = [line for line in body.splitlines() if line.strip()]
    assert lines[0].startswith("# "), "a chapter starts with its title"
    assert lines[1].startswith('!!! abstract "Leerdoelen"'), "learning goals come first"
    assert count_words([prose(chapter)]) >= 700
    assert "## Oefenen" in text, "every chapter has practice material"


def test_the_whole_handbook_is_at_least_12000_words() -> None:
    pages = [*CHAPTERS, CONTENT / "handboek" / "index.md"]
    assert count_words(prose(p) for p in pages) >= 12_000


def test_family_page_uses_short_sentences() -> None:
    assert average_sentence_length(prose(CONTENT / "families" / "index.md")) < 15


def test_no_sentence_of_the_source_texts_is_copied() -> None:
    seeds = set(SEED_HASHES.read_text(encoding="utf-8").split())
    copied = {
        page.relative_to(CONTENT).as_posix()
        for page in CONTENT.rglob("*.md")
        if fingerprints(prose(page)) & seeds
    }
    assert copied == set()


def test_seed_hashes_are_current() -> None:
    """Where the source texts are at hand (the project's workspace), the hashes match them."""
    from .make_seed_hashes import SEEDS, seed_fingerprints

    if not SEEDS.is_dir():
        pytest.skip("the source texts are not beside this clone")
    assert set(SEED_HASHES.read_text(encoding="utf-8").split()) == seed_fingerprints()


def test_the_check_catches_a_copied_sentence(tmp_path: Path) -> None:
    """The copy check can fail: a sentence taken from a source text is found."""
    from .make_seed_hashes import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("the source texts are not beside this clone")
    source = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[2]).read_text(encoding="utf-8")
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", source) if len(s.split()) > 10)
    seeds = set(SEED_HASHES.read_text(encoding="utf-8").split())
    assert fingerprints(f"Een eigen zin. {sentence} Nog een eigen zin.") & seeds
