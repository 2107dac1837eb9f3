"""Which files are what, and what is skipped: one module decides for every command."""

from __future__ import annotations

from pathlib import Path

from ekc_docs.discovery import discover, discover_plans, is_kaart_dir, kind_of


def touch(path: Path, text: str = "x: 1\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_kind_by_name() -> None:
    assert kind_of(Path("casus.yml")) == "casus"
    assert kind_of(Path("casus-oud.yaml")) == "casus"
    assert kind_of(Path("plan-2.yml")) == "plan"
    assert kind_of(Path("plan.txt")) is None
    assert kind_of(Path("mkdocs.yml")) is None


def test_walk_skips_hidden_tool_and_ignored_folders_and_environments(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "plan.yml")
    touch(tmp_path / "a" / "casus.yml")
    touch(tmp_path / ".git" / "plan.yml")
    touch(tmp_path / "site" / "plan.yml")
    touch(tmp_path / "node_modules" / "x" / "plan.yml")
    touch(tmp_path / "fixtures" / ".ekcignore", "")
    touch(tmp_path / "fixtures" / "plan.yml")
    touch(tmp_path / "env" / "pyvenv.cfg", "")
    touch(tmp_path / "env" / "lib" / "plan.yml")
    targets = discover([tmp_path])
    assert targets.plans == [tmp_path / "a" / "plan.yml"]
    assert targets.cases == [tmp_path / "a" / "casus.yml"]
    assert targets.problems == []


def test_a_kaart_folder_is_one_target_and_its_files_are_not_plans(tmp_path: Path) -> None:
    touch(tmp_path / "kaart" / "categorieen.yml")
    touch(tmp_path / "kaart" / "plan-zwolle.yml")  # a municipality file, whatever its name
    assert is_kaart_dir(tmp_path / "kaart")
    targets = discover([tmp_path])
    assert targets.kaart_dirs == [tmp_path / "kaart"]
    assert targets.plans == []


def test_missing_and_unknown_paths_are_diagnostics(tmp_path: Path) -> None:
    other = touch(tmp_path / "notities.yml")
    targets = discover([tmp_path / "nope", other])
    assert [(d.code, d.line, d.column) for d in targets.problems] == [
        ("file-not-found", 1, 1),
        ("invalid-value", 1, 1),
    ]


def test_plans_for_printing(tmp_path: Path) -> None:
    case = touch(tmp_path / "c" / "casus.yml")
    plan = touch(tmp_path / "c" / "plan.yml")
    second = touch(tmp_path / "c" / "plan-2.yml")
    odd = touch(tmp_path / "mijn-plan.yml")
    plans, problems = discover_plans([tmp_path / "c", odd, plan])
    assert plans == [second, plan, odd]  # by name within a folder, then as given; each once
    assert problems == []
    plans, problems = discover_plans([case])  # reading it says it is a case (rules/filekind)
    assert (plans, problems) == ([case], [])


def test_a_pipe_named_like_a_plan_is_never_read(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "map"
    folder.mkdir()
    os.mkfifo(folder / "plan.yml")
    for given in (folder, folder / "plan.yml"):
        targets = discover([given])
        assert targets.plans == []
        messages = [d.message for d in targets.problems]
        assert any("geen gewoon bestand" in m for m in messages), messages
