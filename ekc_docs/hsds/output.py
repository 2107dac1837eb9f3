"""Writing the export and the import: streamed, atomic, and never over anything but our own kind.

Every file goes to a temporary name in its own folder first; only when all are written are they
renamed into place, so a failure leaves the old files (or none) and no half-written one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..diagnostics import Diagnostic, Severity, display_path
from ..oserrors import describe_os_error
from ..paths import new_file_mode


def _problem(path: Path, message: str) -> Diagnostic:
    return Diagnostic(display_path(path), 1, 1, Severity.ERROR, "write-failed", message)


def folder_problem(folder: Path, exc: OSError) -> Diagnostic:
    return _problem(folder, f"kan de map niet gebruiken ({describe_os_error(exc)})")


def check_targets(
    folder: Path, names: Iterable[str], replaceable: Callable[[Path], bool]
) -> list[Diagnostic]:
    """Refuse a target that is a symbolic link, a folder, a device, or a file not ours to replace."""
    try:
        if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
            return [_problem(folder, f"'{display_path(folder)}' is geen map; kies een map voor -o")]
    except OSError as exc:
        return [folder_problem(folder, exc)]
    problems = []
    for name in names:
        target = folder / name
        try:
            info = target.lstat()
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(
                _problem(target, f"kan '{name}' niet bekijken ({describe_os_error(exc)})")
            )
            continue
        if stat.S_ISLNK(info.st_mode):
            problems.append(
                _problem(target, f"'{name}' is een symbolische koppeling; die wordt niet vervangen")
            )
        elif not stat.S_ISREG(info.st_mode):
            problems.append(
                _problem(
                    target, f"'{name}' bestaat al en is geen gewoon bestand; kies een andere map"
                )
            )
        elif not replaceable(target):
            problems.append(
                _problem(
                    target,
                    f"'{name}' bestaat al en is niet door ekc gemaakt; het wordt niet "
                    "overschreven: kies een lege map",
                )
            )
    return problems


def write_atomically(files: dict[Path, Iterable[str]]) -> list[Diagnostic]:
    """Write every file's chunks to a temporary name, then rename them all; [] on success."""
    temporary: list[tuple[Path, Path]] = []
    current: Path | None = None
    try:
        for target, chunks in files.items():
            current = target
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
            temporary.append((Path(name), target))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                for chunk in chunks:
                    stream.write(chunk)
            Path(name).chmod(new_file_mode())  # mkstemp makes files private; outputs are not
        for temp, target in temporary:
            current = target
            temp.replace(target)
    except OSError as exc:
        for temp, _ in temporary:
            temp.unlink(missing_ok=True)
        where = current or next(iter(files))
        return [_problem(where, f"kan niet schrijven: {describe_os_error(exc)}")]
    return []
