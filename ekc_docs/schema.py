"""JSON Schema (2020-12) of each file type, for editor autocompletion and validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import Casus, Categorieen, Kaart, Plan

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).parent / "schemas"
MODELS: dict[str, type[BaseModel]] = {
    "casus": Casus,
    "plan": Plan,
    "kaart": Kaart,
    "categorieen": Categorieen,
}


def json_schema(kind: str) -> dict[str, Any]:
    schema = MODELS[kind].model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "$id": f"urn:ekc-docs:{kind}", **schema}


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def committed_schema_path(kind: str) -> Path:
    """The copy shipped with the package (`# yaml-language-server: $schema=…` can point at it)."""
    return SCHEMA_DIR / f"{kind}.schema.json"


def write_committed_schemas() -> list[Path]:
    """Refresh the shipped copies; `python -m ekc_docs.schema` runs this."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    written = []
    for kind in MODELS:
        path = committed_schema_path(kind)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for written in write_committed_schemas():
        print(written)
