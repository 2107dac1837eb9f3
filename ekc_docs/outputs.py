"""Where `ekc plan` may write, and writing there safely (contract §6).

Output only ever replaces a regular file with the output's own suffix: never an input, never
YAML, never a device, pipe, folder or symbolic link. Files are written to a temporary name
beside the target and renamed into place only when every file of a plan is complete.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path

from .diagnostics import Diagnostic, EkcError, Severity
from .oserrors import describe_os_error
from .paths import new_file_mode

PDF, HTML = ".pdf", ".html"
OWN_SUFFIXES = (PDF, HTML)
_YAML_SUFFIXES = (".yml", ".yaml")

#: what only a writer can add to the system's reason (`oserrors` has the rest, in Dutch)
_WRITE_HINTS = {
    errno.EACCES: "geen toestemming om hier te schrijven",
    errno.EPERM: "geen toestemming om hier te schrijven",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang; kies met -o een kortere naam",
    errno.EISDIR: "hier staat een map",
    errno.ENOENT: "de map bestaat niet",
}


def write_problem(target: Path, reason: str) -> Diagnostic:
    """The one way an output problem is reported: at the target, as `write-failed`."""
    return Diagnostic(
        shown(target), 1, 1, Severity.ERROR, "write-failed", f"kan niet schrijven: {reason}"
    )


def shown(target: Path) -> str:
    """The target as the user named it (a symbolic link is not followed, unlike display_path)."""
    full, here = os.path.normpath(target.absolute()), str(Path.cwd())
    return (
        os.path.relpath(full, here)
        if full.startswith(here.rstrip(os.sep) + os.sep)
        else str(target)
    )


def os_reason(exc: OSError) -> str:
    return _WRITE_HINTS.get(exc.errno or 0) or describe_os_error(exc)


def refusal(
    target: Path, inputs: Collection[Path] = (), suffixes: Collection[str] | None = OWN_SUFFIXES
) -> str | None:
    """Why `target` may not be written, or None when it may. `suffixes`: the kinds of file
    this output is (a printed plan by default); None for output that names its own files."""
    suffix = target.suffix.lower()
    if suffix in _YAML_SUFFIXES:
        return "dit is een YAML-bestand; de uitvoer overschrijft nooit een casus of plan"
    if suffixes is not None and suffix not in suffixes:
        return (
            "een afgedrukt plan heet <naam>.pdf (of <naam>.html met --html); kies zo'n naam met -o"
        )
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return os_reason(exc)
    if stat.S_ISLNK(info.st_mode):
        return "dit is een symbolische koppeling; de uitvoer vervangt alleen een gewoon bestand"
    if stat.S_ISDIR(info.st_mode):
        return "hier staat een map"
    if not stat.S_ISREG(info.st_mode):
        return "dit is geen gewoon bestand (maar een apparaat, pijp of socket)"
    for source in inputs:
        try:
            if Path(source).samefile(target):
                return "dit is een invoerbestand van het plan"
        except OSError:
            continue
    return None


def check_targets(targets: Collection[Path], inputs: Collection[Path]) -> list[Diagnostic]:
    return [write_problem(t, reason) for t in targets if (reason := refusal(t, inputs))]


def write_atomically(
    files: Mapping[Path, bytes], suffixes: Collection[str] | None = OWN_SUFFIXES
) -> None:
    """Write every file to a temporary name first; rename only when all are written."""
    temporary: list[tuple[Path, Path]] = []
    current = next(iter(files))
    try:
        for target, data in files.items():
            current = target
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name[:64]}.", suffix=".tmp"
            )
            temporary.append((Path(name), target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            Path(name).chmod(new_file_mode())  # mkstemp makes files private; outputs are not
        for _, target in temporary:  # checked again: something may have appeared meanwhile
            if reason := refusal(target, suffixes=suffixes):
                raise EkcError([write_problem(target, reason)])
        for temp, target in temporary:
            current = target
            temp.replace(target)
    except OSError as exc:
        raise EkcError([write_problem(current, os_reason(exc))]) from None
    finally:
        for temp, _ in temporary:
            temp.unlink(missing_ok=True)
