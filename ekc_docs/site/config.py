"""Reading the few settings of mkdocs.yml the generator needs, without MkDocs.

Used by `ekc site` (the pre-build step); the MkDocs plugin gets the same values from MkDocs.
`INHERIT` is followed; YAML tags are not supported (the project's mkdocs.yml has none).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Diagnostic, EkcError, Severity


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """The merged configuration (a file's own keys override what it inherits)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise EkcError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    "yaml-syntax",
                    f"kan de MkDocs-configuratie niet lezen: {exc}",
                )
            ]
        ) from None
    parent = data.pop("INHERIT", None)
    if parent:
        base = read_mkdocs_config((path.parent / parent).resolve())
        base.update(data)
        data = base
    return data


def markdown_extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Extension names and their settings, as MkDocs would pass them to Python-Markdown."""
    names: list[str] = ["toc", "tables", "fenced_code"]
    configs: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, str):
            name, settings = item, None
        else:
            ((name, settings),) = item.items()
        if name not in names:
            names.append(name)
        if settings:
            configs[name] = settings
    return names, configs
