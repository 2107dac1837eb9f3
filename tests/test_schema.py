"""The JSON Schemas shipped in the package must match the models."""

from __future__ import annotations

import json

import pytest

from ekc_docs.schema import MODELS, committed_schema_path, json_schema, write_committed_schemas


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_committed_schema_is_current(kind: str, update_golden: bool) -> None:
    if update_golden:
        write_committed_schemas()
    committed = json.loads(committed_schema_path(kind).read_text(encoding="utf-8"))
    assert committed == json_schema(kind), (
        f"{committed_schema_path(kind)} is stale: run `python -m ekc_docs.schema`"
    )


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_field_has_a_dutch_description(kind: str) -> None:
    schema = json_schema(kind)
    parts = [schema, *schema.get("$defs", {}).values()]
    missing = [
        f"{part.get('title')}.{name}"
        for part in parts
        for name, field in part.get("properties", {}).items()
        if not field.get("description")
    ]
    assert missing == []
