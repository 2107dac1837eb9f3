"""Every message the toolkit gives is Dutch: no English word from click, pydantic, PyYAML or the OS.

The messages are collected from every data-driven case in tests/cases (as JSON), from broken
YAML of many kinds, and from a list of wrong command lines; each is checked against a list of
English words that never occur in Dutch. What the user wrote ('quoted') is left out.
"""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path

import pytest

from ekc_docs.oserrors import describe_os_error
from ekc_docs.reader import parse_text

from ..conftest import TESTS, run_ekc

#: English words that do not occur in Dutch messages
ENGLISH = frozenset(
    {
        "the",
        "and",
        "not",
        "error",
        "errors",
        "found",
        "while",
        "expected",
        "invalid",
        "value",
        "values",
        "must",
        "should",
        "permission",
        "denied",
        "exists",
        "file",
        "directory",
        "choose",
        "integer",
        "range",
        "input",
        "field",
        "required",
        "missing",
        "string",
        "valid",
        "usage",
        "options",
        "try",
        "such",
        "unexpected",
        "option",
        "parameter",
        "least",
        "most",
        "characters",
        "items",
        "mapping",
        "scanning",
        "could",
        "did",
        "stream",
        "traceback",
        "does",
        "cannot",
        "allowed",
        "name",
        "with",
        "this",
        "that",
        "or",
        "be",
        "has",
        "have",
        "for",
        "to",
        "at",
        "only",
        "than",
        "less",
        "greater",
        "none",
        "null",
        "list",
        "dict",
        "unknown",
        "please",
        "got",
        "extra",
        "forbidden",
        "character",
        "literal",
        "fails",
        "failed",
    }
)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|«[^»]*»|\[[^\]]*\]|\S+/\S+|\S+\.ya?ml")

CLI_ERRORS = [
    [],
    ["bestaatniet"],
    ["check"],
    ["check", "--format", "xml", "."],
    ["check", "--kaart", "/bestaat-niet", "."],
    ["check", "--peildatum", "morgen", "."],
    ["check", "--onbekend", "."],
    ["check", "/bestaat-niet"],
    ["schema"],
    ["schema", "foo"],
    ["new"],
    ["new", "met spatie"],
    ["new", "A" * 300],
    ["new", "X", "bestand"],
    ["new", "X", "bestand/sub"],
    ["plan"],
    ["plan", "--jobs", "0", "plan.yml"],
    ["plan", "--jobs", "abc", "plan.yml"],
    ["--help"],
    ["check", "--help"],
    ["plan", "--help"],
    ["new", "--help"],
]
BROKEN_YAML = [
    "a: 1\n\tb: 2\n",
    "zorgen:\n\t- een\n",
    "casus: X\nnaam:Joke\nrelatie: oma\n",
    'a: "Joke\nb: 2\n',
    "a: 1\nb: tekst: met dubbele punt\n",
    "wie: [a, b\nwat: x\n",
    "a: 1\n b: 2\n",
    "- a\nb: 1\n",
    "a: &x 1\nb: *x\n",
    "a: !!python/object x\n",
    "a: 1\n---\nb: 2\n",
    "a: '\\x'\n",
    'a: "\\q"\n',
    "? [a]\n: b\n",
    "a: {b: 1\n",
    "a: @b\n",
    "a: `b\n",
    "a:\n  - b\n  c: 1\n",
]


def english_words(message: str) -> set[str]:
    words = re.findall(r"[A-Za-z_]+", QUOTED.sub(" ", message))
    return {w for w in words if w.lower() in ENGLISH}


def _case_messages() -> list[str]:
    messages = []
    for folder in sorted((TESTS / "cases").iterdir()):
        if not folder.is_dir():
            continue
        extra = (folder / "args.txt").read_text().split() if (folder / "args.txt").exists() else []
        extra = [a for a in extra if a not in ("--format", "json")]
        result = run_ekc(
            ["check", "--peildatum", "2026-11-25", ".", *extra, "--format", "json"], folder
        )
        messages += [d["message"] for d in json.loads(result.stdout or "[]")]
        messages.append(result.stderr)
    return messages


def test_the_stop_list_finds_english() -> None:
    found = english_words("Directory 'x' does not exist (Permission denied)")
    assert found == {"Directory", "does", "not", "Permission", "denied"}
    assert english_words("de sleutel 'the value' ontbreekt in plan.yml") == set()


def test_every_diagnostic_of_the_cases_is_dutch() -> None:
    messages = _case_messages()
    assert len(messages) > 100
    assert {m: english_words(m) for m in messages if english_words(m)} == {}


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_syntax_messages_are_dutch(text: str) -> None:
    for diagnostic in parse_text(text, Path("x.yml")).diagnostics:
        assert english_words(diagnostic.message) == set(), diagnostic.message


@pytest.mark.parametrize(
    "args", CLI_ERRORS, ids=[" ".join(a)[:30] or "(niets)" for a in CLI_ERRORS]
)
def test_command_line_errors_and_help_are_dutch(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x\n")
    result = run_ekc(args, cwd=tmp_path)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "interne fout" not in output
    assert english_words(output) == set(), output


def test_system_errors_are_described_in_dutch() -> None:
    for number in (errno.EACCES, errno.EEXIST, errno.ENOSPC, errno.EROFS, 12345):
        text = describe_os_error(OSError(number, "Some English text"))
        assert english_words(text) == set() and "English" not in text


def test_an_unreadable_file_says_why_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "casus.yml").write_text("casus: X\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = run_ekc(["check", "casus.yml"], tmp_path)
    assert result.exit_code == 1
    assert "het bestand kan niet worden gelezen (geen toestemming)" in result.stdout
    assert english_words(result.stdout) == set()
