"""Sentences and word sequences of texts, normalised, for comparing content with its sources.

The project may use the facts of the source texts in ../shared/domain/seeds, never their
sentences. Only hashes of the sources' sentences and 8-word sequences are kept in the repository
(tests/data/seed-hashes.txt), so the check runs on any clone without holding their text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

SHINGLE = 8
MIN_SENTENCE_WORDS = 6


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'")
    return re.findall(r"[\w']+", text)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]


def fingerprints(text: str) -> set[str]:
    """Hashes of every normalised sentence (6+ words) and every run of 8 words."""
    found: set[str] = set()
    for sentence in sentences(text):
        w = words(sentence)
        if len(w) >= MIN_SENTENCE_WORDS:
            found.add(_hash("s:" + " ".join(w)))
    w = words(text)
    for i in range(len(w) - SHINGLE + 1):
        found.add(_hash("w:" + " ".join(w[i : i + SHINGLE])))
    return found


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def strip_markdown(text: str) -> str:
    """The prose of a Markdown page: without front matter, code blocks and markup characters."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"^\s*(!!!|\?\?\?|===)\s*\w*\s*", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[#*_>|☐]", " ", text)


def average_sentence_length(text: str) -> float:
    counts = [len(words(s)) for s in sentences(text) if words(s)]
    return sum(counts) / len(counts)


def count_words(texts: Iterable[str]) -> int:
    return sum(len(words(t)) for t in texts)
