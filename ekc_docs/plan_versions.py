"""The plan versions of one case folder, checked together and linked to each other.

The workspace loads each plan file on its own; this joins the versions of one case (the plan
files of a folder that share a case file), runs the version rules over them and gives each
plan its diagnostics and the version before it, which the printed plan needs for its review.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .rules.versions import PlanVersion, check_versions, previous_versions

if TYPE_CHECKING:
    from .workspace import LoadedPlan


def case_key(loaded: LoadedPlan) -> str | None:
    """The real path of the plan's case file: plans with the same one are versions of one case."""
    if loaded.casus is None or loaded.document.root is None:
        return None
    return os.path.realpath(loaded.casus.document.path)


def link_versions(plans: Sequence[LoadedPlan]) -> None:
    """Run the version rules over the plans of one case; attach diagnostics and `previous`."""
    by_path = {p.document.path: p for p in plans}
    versions = [PlanVersion(p.document.path, p.plan, p.document) for p in plans]
    by_display = {p.document.display: p for p in plans}
    for diagnostic in check_versions(versions):
        by_display[diagnostic.path].diagnostics.append(diagnostic)
    for path, previous in previous_versions(versions).items():
        by_path[path].previous = by_path[previous.path]
