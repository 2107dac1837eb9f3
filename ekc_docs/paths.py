"""Path checks done with strings: `Path.resolve()` and `Path.parents` are slow in a hot loop
(`ekc check` on a thousand case folders calls these thousands of times)."""

from __future__ import annotations

import os


def within(path: str, root: str) -> bool:
    """True when the real path `path` is `root` or lies below it (both already real paths)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
