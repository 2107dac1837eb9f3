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


# --- issue 13: the handbook teaches the method, faithfully -------------------------------------

METHOD_PAGES = sorted([*(CONTENT / "handboek").glob("*.md"), *(CONTENT / "werkwijze").glob("*.md")])
ALL_PAGES = sorted(CONTENT.rglob("*.md"))
TOOL_PART = CONTENT / "werken-met-ekc-docs"


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def norm_next_to_an_aim(text: str) -> list[str]:
    """Sentences that call Eigen Kracht's aims ('24 uur', 'zes weken') a norm."""
    return [
        s
        for s in sentences(text)
        if re.search(r"24 uur|zes weken|6 weken", s) and re.search(r"\bnorm(en)?\b", s, re.I)
    ]


def test_the_aims_are_never_called_a_norm() -> None:
    found = {p.relative_to(CONTENT).as_posix(): norm_next_to_an_aim(prose(p)) for p in ALL_PAGES}
    assert {page: hits for page, hits in found.items() if hits} == {}


def test_the_norm_check_can_fail() -> None:
    assert norm_next_to_an_aim("Houd de norm in het oog: binnen zes weken ligt er een plan.")
    assert not norm_next_to_an_aim("Eigen Kracht streeft naar een plan binnen zes weken.")


ADVICE = re.compile(r"\b(?:12|twaalf) maanden\b")


def advice_statements(pages: dict[str, str]) -> list[tuple[str, str]]:
    """(page, paragraph) for every paragraph that states the evaluation advice."""
    return [
        (name, paragraph)
        for name, text in pages.items()
        for paragraph in re.split(r"\n\s*\n", text)
        if ADVICE.search(paragraph)
    ]


def test_the_evaluation_advice_is_stated_once_with_its_origin() -> None:
    pages = {p.relative_to(CONTENT).as_posix(): p.read_text(encoding="utf-8") for p in ALL_PAGES}
    statements = advice_statements(pages)
    assert len(statements) == 1, statements
    page, paragraph = statements[0]
    assert page == "handboek/11-na-de-conferentie.md"
    flat = " ".join(paragraph.split())
    assert "Nieuw-Zeeland" in flat
    assert re.search(r"\b(?:6|zes) maanden\b", flat) and "zeven" in flat
    assert "advies" in flat and "geen termijn" in flat
    # the invented rule of old is gone everywhere
    for name, text in pages.items():
        assert not re.search(r"drie maanden als|binnen zes maanden", " ".join(text.split())), name


def test_the_advice_count_can_fail() -> None:
    twice = {"a.md": "Advies: hooguit 12 maanden.", "b.md": "Ook hier: twaalf maanden."}
    assert len(advice_statements(twice)) == 2


REQUIRED_SECTIONS = {
    "handboek/01-wat-is-een-conferentie.md": [
        "Wat er bekend is over de effecten",
        "Een conferentie of een netwerkberaad?",
    ],
    "handboek/03-rol-coordinator.md": ["Zorgen over veiligheid"],
    "handboek/04-aanmelding-en-toestemming.md": ["Snel van start"],
    "handboek/08-de-dag-organiseren.md": ["Kosten en onkosten", "Eten, drinken en een tolk"],
    "handboek/10-plan-schrijven.md": ["Wat er in een plan staat", "Afspraken die werken"],
    "handboek/11-na-de-conferentie.md": [
        "De evaluatiedatum",
        "De evaluatiebijeenkomst",
        "De terugblik op papier",
    ],
    "handboek/12-bijzondere-situaties.md": [
        "Jongeren: een eigen stem en een eigen ja",
        "Ouders met een licht verstandelijke beperking",
        "Een pleegkind: pleeggezin en eigen familie aan één tafel",
        "Botsende voorwaarden van twee professionals",
        "Als er geen plan komt",
        "De wet in het kort: gezag, Raad, kinderrechter en OTS",
        "Een conferentie voor een volwassene (Wmo)",
    ],
    "handboek/13-privacy-en-zelfzorg.md": ["Je eigen veiligheid"],
    "werkwijze/plan-is-leidend.md": ["Wanneer het plan niet leidend is"],
    "families/index.md": [
        "Zelf een conferentie vragen",
        "Mogen de kinderen komen?",
        "Wat als de hulpverlener niet akkoord is?",
    ],
}


@pytest.mark.parametrize("page", sorted(REQUIRED_SECTIONS))
def test_the_topics_have_their_own_sections(page: str) -> None:
    headings = {
        line.lstrip("#").strip()
        for line in (CONTENT / page).read_text(encoding="utf-8").splitlines()
        if re.match(r"#{2,3} ", line)
    }
    assert [h for h in REQUIRED_SECTIONS[page] if h not in headings] == []


CASE = re.compile(r'^(### Casus\b|!!! example "Casus\b)')
NOTES = re.compile(r'^\?\?\? note "(Bespreking|Mogelijke antwoorden)"')
HEADING = re.compile(r"^#{1,3} ")


def cases_without_notes(text: str) -> tuple[int, list[str]]:
    """How many cases the text holds, and those not followed by notes before the next section."""
    lines = text.splitlines()
    cases, missing = 0, []
    for i, line in enumerate(lines):
        if not CASE.match(line):
            continue
        cases += 1
        for following in lines[i + 1 :]:
            if NOTES.match(following):
                break
            if HEADING.match(following) or CASE.match(following):
                missing.append(line)
                break
        else:
            missing.append(line)
    return cases, missing


def test_every_handbook_case_is_followed_by_discussion_notes() -> None:
    total = 0
    for chapter in CHAPTERS:
        cases, missing = cases_without_notes(chapter.read_text(encoding="utf-8"))
        total += cases
        assert missing == [], chapter.name
    assert total >= 24  # every chapter has its case, and the special situations have more


def test_the_case_check_can_fail() -> None:
    text = "### Casus om te bespreken\n\nEen moeder belt.\n\n## Checklist\n"
    assert cases_without_notes(text) == (1, ["### Casus om te bespreken"])
    good = '!!! example "Casus: x"\n    Tekst.\n\n??? note "Bespreking"\n    Zo.\n'
    assert cases_without_notes(good) == (1, [])


DIAGNOSTIC_CODES = re.compile(
    r"`(?:not-approved|missing-approval|condition-not-met|late-review|late-conference|"
    r"lead-is-professional|unknown-ref|unknown-key|wrong-role|placeholder|bsn)`"
)


@pytest.mark.parametrize("page", METHOD_PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_method_teaches_no_yaml_and_no_error_codes(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "```yaml" not in text
    assert not DIAGNOSTIC_CODES.search(text)
    assert not re.search(r"\bekc (?:check|plan|new|versie|verschil|schema)\b", text)


def test_the_tool_has_its_own_part_with_the_studio_first() -> None:
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    part = nav[nav.index("- Werken met ekc-docs:") :]
    pages = re.findall(r"werken-met-ekc-docs/[\w-]+\.md", part)
    assert pages[:2] == ["werken-met-ekc-docs/index.md", "werken-met-ekc-docs/studio.md"]
    assert "werken-met-ekc-docs/veldenoverzicht.md" in pages
    assert "handboek/veldenoverzicht.md" not in nav
    assert "```yaml" in (TOOL_PART / "bestanden.md").read_text(encoding="utf-8")
    studio = (TOOL_PART / "studio.md").read_text(encoding="utf-8")
    assert "ekc studio" in studio and "terugblik" in studio


GLOSSARY_TERMS = [
    "Gezag",
    "Ondertoezichtstelling (OTS)",
    "OTS",
    "Gecertificeerde instelling (GI)",
    "GI",
    "Netwerkberaad",
    "Uithuisplaatsing",
    "Licht verstandelijke beperking (LVB)",
    "LVB",
    "Kinderrechter",
    "Raad voor de Kinderbescherming",
]


def test_the_glossary_explains_the_legal_and_practical_terms() -> None:
    text = (CONTENT / "over" / "woordenlijst.md").read_text(encoding="utf-8")
    terms = re.findall(r"^(\S[^\n]*)\n:   ", text, re.M)
    assert [t for t in GLOSSARY_TERMS if t not in terms] == []


def test_the_families_page_speaks_to_the_family_one_way_and_without_statistics() -> None:
    text = prose(CONTENT / "families" / "index.md")
    words = re.findall(r"\b\w+\b", text.lower())
    assert "jullie" in words
    assert not {"je", "jij", "jou", "jouw"} & set(words)
    assert not re.search(r"13\.000|2002|tien tot elf", text)
    assert "gezag betekent" in text.lower() and "een jeugdbeschermer is" in text.lower()
