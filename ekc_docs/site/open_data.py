"""The sociale kaart's open data on the site: the same HSDS export as `ekc export hsds`."""

from __future__ import annotations

from ..hsds.export import export_text
from ..hsds.readiness import check_exportable
from ..workspace import LoadedKaart
from .files import GeneratedFile

FOLDER = "sociale-kaart/hsds"


def open_data_files(kaart: LoadedKaart) -> list[GeneratedFile]:
    """services.json and organizations.json; none when the kaart cannot be exported.

    A kaart without `provincie` (optional in the contract) is still published as pages: the
    open data are left out, and `ekc export hsds` says what is missing.
    """
    if check_exportable(kaart):
        return []
    return [GeneratedFile(f"{FOLDER}/{name}", text) for name, text in export_text(kaart).items()]
