"""The sociale kaart as Open Referral HSDS 3.1 open data: export, import and the mapping between.

Open Referral's schemas (CC BY-SA 4.0) are shipped in `schema/` beside their licence.
"""

from .export import export_chunks, export_kaart, export_text
from .importer import ImportResult, import_hsds
from .readiness import check_exportable

__all__ = [
    "ImportResult",
    "check_exportable",
    "export_chunks",
    "export_kaart",
    "export_text",
    "import_hsds",
]
