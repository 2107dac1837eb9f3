"""Results keyed by the hash of their inputs, kept in memory (serve reloads) and on disk
(between builds), so unchanged kaart files and plans are not parsed or rendered again."""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from pathlib import Path
from typing import Any

from .. import __version__

_memory: dict[str, Any] = {}


@functools.cache
def _code_key() -> str:
    """The package's own code: a changed generator must not serve results of the old one."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def digest(*parts: bytes | str) -> str:
    """A key over the inputs, the package's version and code, and the Python version."""
    h = hashlib.sha256(f"{__version__}|{_code_key()}|{sys.version_info[:2]}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def digest_files(paths: list[Path]) -> str:
    return digest(*(p.as_posix() + "\0" for p in paths), *(p.read_bytes() for p in paths))


class Cache:
    """`folder` None keeps results in memory only."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, kind: str, key: str) -> Any:
        name = f"{kind}-{key}"
        if name in _memory:
            return _memory[name]
        path = self._path(name)
        if path is None or not path.is_file():
            return None
        try:
            value = pickle.loads(path.read_bytes())  # our own files, written below
        except Exception:
            path.unlink(missing_ok=True)
            return None
        _memory[name] = value
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        name = f"{kind}-{key}"
        _memory[name] = value
        path = self._path(name)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _path(self, name: str) -> Path | None:
        return self.folder / f"{name}.pickle" if self.folder is not None else None
