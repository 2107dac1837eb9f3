"""Path checks done with strings: `Path.resolve()` and `Path.parents` are slow in a hot loop
(`ekc check` on a thousand case folders calls these thousands of times)."""

from __future__ import annotations

import os
import threading


def within(path: str, root: str) -> bool:
    """True when the real path `path` is `root` or lies below it (both already real paths)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


_UMASK_LOCK = threading.Lock()


def new_file_mode() -> int:
    """0o666 minus the umask: what a newly made file gets (`mkstemp` makes files private).

    Linux tells the umask in /proc without changing it; elsewhere it is set and put back
    under a lock, so that threads (the studio) never see each other's zero."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        current = os.umask(0)
        os.umask(current)
    return 0o666 & ~current
