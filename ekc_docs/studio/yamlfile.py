"""Case and plan files as the studio edits them: round-trip YAML that keeps what it does not touch.

Reading for checks stays with the strict reader; ruamel.yaml is used only to write, so that
comments, key order, indentation and the quoting of untouched values survive an edit. Writes are
atomic and refused when the file changed on disk since it was opened.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from ..paths import new_file_mode

BOM = "\ufeff"

Loc = tuple[int | str, ...]


class UnreadableFile(Exception):
    """The file is not YAML the editor can hold; it has to be fixed as text first."""


class ChangedOnDisk(Exception):
    """The file on disk is not the one the editor opened: saving would lose someone's work."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def disk_hash(path: Path) -> str | None:
    """The hash of the file as it is on disk now; None when it is gone."""
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return None


@dataclass
class YamlFile:
    """One file being edited: the round-trip tree and how to write it back like the original."""

    path: Path
    root: Any
    opened_hash: str
    indent: tuple[int, int] = (2, 2)  # (sequence indent, offset of the dash)
    bom: bool = False
    crlf: bool = False
    dirty: bool = False
    revision: int = 0
    #: the edit came from a form made from another version of the file: never saved over it
    stale: bool = False
    _text: str | None = field(default=None, repr=False)

    @classmethod
    def open(cls, path: Path) -> YamlFile:
        data = path.read_bytes()
        return cls.from_text(path, _decode(data), content_hash(data))

    @classmethod
    def from_text(cls, path: Path, text: str, opened_hash: str) -> YamlFile:
        bom = text.startswith(BOM)
        body = text.removeprefix(BOM)
        try:
            root, sequence_indent, offset = load_yaml_guess_indent(body, yaml=_yaml((4, 2)))
        except (YAMLError, ValueError) as exc:
            raise UnreadableFile(str(exc)) from None
        if root is None:
            root = CommentedMap()
        if not isinstance(root, CommentedMap):
            raise UnreadableFile("het bestand is geen blok met sleutels")
        return cls(
            path,
            root,
            opened_hash,
            (sequence_indent or 2, offset or 0),
            bom,
            "\r\n" in body,
            _text=text,
        )

    @property
    def text(self) -> str:
        """The file as it would be written now."""
        if self._text is None:
            self._text = dump(self.root, self.indent, bom=self.bom, crlf=self.crlf)
        return self._text

    def changed(self) -> None:
        """Call after every change to the tree."""
        self._text = None
        self.dirty = True
        self.revision += 1

    def save(self) -> None:
        """Write the file atomically, unless it changed on disk since it was opened."""
        if self.stale or disk_hash(self.path) != self.opened_hash:
            raise ChangedOnDisk(str(self.path))
        data = self.text.encode("utf-8")
        write_atomically(self.path, data)
        self.opened_hash = content_hash(data)
        self.dirty = False


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile("het bestand is geen UTF-8") from exc


def _yaml(indent: tuple[int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the author wrote on one line
    sequence, offset = indent
    yaml.indent(mapping=2, sequence=max(sequence, offset + 2), offset=offset)
    return yaml


def dump(
    root: Any, indent: tuple[int, int] = (4, 2), *, bom: bool = False, crlf: bool = False
) -> str:
    stream = io.StringIO()
    _yaml(indent).dump(root, stream)
    text = stream.getvalue()
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return (BOM if bom else "") + text


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside the target, renamed over it: never half a file."""
    write_all_atomically({path: data})


def write_all_atomically(files: dict[Path, bytes]) -> None:
    """Every file to a temporary name beside it first; renamed only when all are written.

    Each file keeps the permissions it had (mkstemp makes files private); a new file gets what
    the umask allows, as any other program would give it.
    """
    temporary: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            mode = _mode_of(path)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporary.append((Path(name), path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            Path(name).chmod(mode)
        for temp, path in temporary:
            temp.replace(path)
    finally:
        for temp, _ in temporary:
            temp.unlink(missing_ok=True)


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return new_file_mode()


# --- changing the tree ------------------------------------------------------------------------


def get(root: Any, loc: Loc) -> Any:
    """The value at `loc`, or None when any step is missing."""
    current = root
    for part in loc:
        if isinstance(part, str) and isinstance(current, CommentedMap):
            current = current.get(part)
        elif isinstance(part, int) and isinstance(current, CommentedSeq) and part < len(current):
            current = current[part]
        else:
            return None
    return current


KeyOrder = Callable[[Loc], Sequence[str]]


def _no_order(loc: Loc) -> Sequence[str]:
    return ()


def set_value(root: Any, loc: Loc, value: Any, order: KeyOrder = _no_order) -> None:
    """Set the value at `loc`, creating missing blocks on the way.

    A new key goes where `order` (the model's field order for the block at a path) puts it
    among the keys that are already there, not at the end.
    """
    *parents, last = loc
    container = root
    for depth, part in enumerate(parents):
        child = container.get(part) if isinstance(container, CommentedMap) else container[part]
        if not isinstance(child, CommentedMap | CommentedSeq):
            child = CommentedMap()
            _put(container, part, child, order(tuple(parents[:depth])))
        container = child
    _put(container, last, value, order(tuple(parents)))


def remove(root: Any, loc: Loc) -> None:
    *parents, last = loc
    container = get(root, tuple(parents))
    if (isinstance(container, CommentedMap) and last in container) or (
        isinstance(container, CommentedSeq) and isinstance(last, int) and last < len(container)
    ):
        del container[last]


def _put(container: Any, key: int | str, value: Any, key_order: Sequence[str]) -> None:
    if isinstance(container, CommentedSeq):
        assert isinstance(key, int)
        if key < len(container):
            container[key] = value
        else:
            container.append(value)
        return
    if key in container or not key_order or key not in key_order:
        container[key] = value
        return
    assert isinstance(key, str)
    rank = {name: i for i, name in enumerate(key_order)}
    position = len(container)
    for index, existing in enumerate(container):
        if rank.get(existing, len(rank)) > rank[key]:
            position = index
            break
    container.insert(position, key, value)


def scalar_list(values: Sequence[str], like: Any = None) -> CommentedSeq:
    """A list of texts or ids, written in the style of the list it replaces ([a, b] for ids)."""
    seq = CommentedSeq(values)
    flow = like.fa.flow_style() if isinstance(like, CommentedSeq) else True
    if flow:
        seq.fa.set_flow_style()
    else:
        seq.fa.set_block_style()
    return seq


def update_list(root: Any, loc: Loc, values: Sequence[str], *, flow_default: bool) -> None:
    """Change a list of texts item by item, so comments on unchanged items stay."""
    current = get(root, loc)
    if isinstance(current, CommentedSeq) and all(not isinstance(v, dict | list) for v in current):
        for index, value in enumerate(values):
            if index < len(current):
                if str(current[index]) != value:
                    current[index] = value
            else:
                current.append(value)
        del current[len(values) :]
        return
    seq = CommentedSeq(values)
    if flow_default:
        seq.fa.set_flow_style()
    set_value(root, loc, seq)


def move(root: Any, loc: Loc, index: int, step: int) -> bool:
    seq = get(root, loc)
    other = index + step
    if not isinstance(seq, CommentedSeq) or not (0 <= index < len(seq) and 0 <= other < len(seq)):
        return False
    seq[index], seq[other] = seq[other], seq[index]
    return True


def insert_item(root: Any, loc: Loc, item: CommentedMap, at: int | None = None) -> int:
    """Add an entry to a list of blocks (creating the list); returns its index.

    Comment lines after the last entry (about what follows the list) stay after the list.
    """
    seq = get(root, loc)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        set_value(root, loc, seq)
    if at is None or at >= len(seq):
        if seq and isinstance(seq[-1], CommentedMap) and seq[-1] and item:
            _move_trailing_lines(seq[-1], item)
        seq.append(item)
        return len(seq) - 1
    seq.insert(at, item)
    return at


# --- comments -----------------------------------------------------------------------------------


def _comment(container: Any, key: Any) -> Any:
    """The comment after the value at `key` (its own line's comment and any lines after it)."""
    entry = container.ca.items.get(key) if hasattr(container, "ca") else None
    position = 2 if isinstance(container, CommentedMap) else 0
    return entry[position] if entry and len(entry) > position else None


def _move_trailing_lines(last: CommentedMap, new: CommentedMap) -> None:
    """Lines after the last entry's last value move to after the new entry."""
    key = list(last)[-1]
    token = _comment(last, key)
    if token is None or token.value.count("\n") < 2:
        return
    first, _, rest = token.value.partition("\n")
    moved = copy.copy(token)
    token.value = first + "\n"
    moved.value = "\n" + rest
    new.ca.items[list(new)[-1]] = [None, None, moved, None]


def drop_comment_line(root: Any, loc: Loc, containing: str) -> None:
    """Remove the comment on the value's own line when it contains `containing`.

    Comment lines below it (about the next keys) stay.
    """
    *parents, last = loc
    container = get(root, tuple(parents))
    if not isinstance(container, CommentedMap | CommentedSeq):
        return
    token = _comment(container, last)
    if token is None:
        return
    first, _, rest = token.value.partition("\n")
    if containing not in first:
        return
    if rest:  # blank lines and comments about what follows stay
        token.value = "\n" + rest
    else:
        entry = container.ca.items[last]
        entry[2 if isinstance(container, CommentedMap) else 0] = None
        if all(part is None for part in entry):
            del container.ca.items[last]
