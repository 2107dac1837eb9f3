"""The choices that tie the sociale kaart to HSDS 3.1, shared by the export and the import.

Ids are UUIDv5 in one namespace of our own, named by the kaart ids, so that an unchanged kaart
always gets the same ids. The kaart's own ids travel along (organisations: an
`organization_identifier`; services: an attribute of our own taxonomy), so that an import of
our own export gets them back and a re-export is byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import uuid
from functools import cache
from importlib.resources import files
from typing import Any, Literal

#: never change: every exported id depends on it
NAMESPACE = uuid.UUID("3d6f4a52-8c1e-5b0a-9f47-2e81c6d0b4a9")

COUNTRY = "NL"
CURRENCY = "EUR"

STATUS_TO_HSDS = {
    "actief": "active",
    "tijdelijk-gesloten": "temporarily closed",
    "gestopt": "defunct",
}
STATUS_FROM_HSDS: dict[str, Literal["actief", "tijdelijk-gesloten", "gestopt"]] = {
    "active": "actief",
    "temporarily closed": "tijdelijk-gesloten",
    "defunct": "gestopt",
    "inactive": "gestopt",
}

#: the taxonomy the kaart's categories become
CATEGORY_TAXONOMY = "ekc-docs-onderwerpen"
CATEGORY_TAXONOMY_NAME = "Onderwerpen van de sociale kaart"
CATEGORY_TAXONOMY_DESCRIPTION = (
    "De onderwerpen (categorieen.yml) waarin de sociale kaart van ekc-docs haar voorzieningen "
    "indeelt."
)
#: the taxonomy of the one term that carries a service's kaart id
ID_TAXONOMY = "ekc-docs-kaart"
ID_TAXONOMY_NAME = "Sociale kaart van ekc-docs"
ID_TAXONOMY_DESCRIPTION = "Kenmerken die de sociale kaart van ekc-docs zelf gebruikt."
ID_TERM_CODE = "kaart-id"
ID_TERM_NAME = "Id in de sociale kaart"
ID_TERM_DESCRIPTION = "De id van de voorziening in de sociale kaart; plannen verwijzen ernaar."
#: organisation_identifiers carrying an organisation's kaart id
ID_SCHEME = "ekc-docs"
ID_TYPE = "kaart-id"
#: the metadata entry that records who verified a service, and when
VERIFIED_ACTION = "verified"
VERIFIED_FIELD = "assured_date"


_NAMESPACE_BYTES = NAMESPACE.bytes


def hsds_id(*parts: str) -> str:
    """A stable UUIDv5 for a kaart thing: `hsds_id("voorziening", "jeugdteam-zwolle")`.

    The same value as `str(uuid.uuid5(NAMESPACE, "/".join(parts)))`, computed directly: an
    export of 10,000 services makes over 100,000 of them.
    """
    name = "/".join(parts).encode("utf-8")
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@cache
def shipped_schema(name: Literal["service", "organization"]) -> dict[str, Any]:
    """Open Referral's compiled schema of one service or organization object (shipped, CC BY-SA)."""
    data = (files(__package__) / "schema" / f"{name}.json.gz").read_bytes()
    schema: dict[str, Any] = json.loads(gzip.decompress(data))
    return schema
