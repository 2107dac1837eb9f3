"""The field reference of the handbook, generated from the models' descriptions.

It is built from the same JSON Schemas as `ekc schema`, so it cannot drift from the code: a new
field or a changed description shows up in the handbook with the next build.
"""

from __future__ import annotations

from typing import Any

from ..schema import json_schema
from .files import GeneratedFile

SRC = "werken-met-ekc-docs/veldenoverzicht.md"
FILES = (
    ("casus", "casus.yml"),
    ("plan", "plan.yml"),
    ("kaart", "een kaartbestand"),
    ("categorieen", "categorieen.yml"),
)


def field_reference() -> GeneratedFile:
    parts = [
        "---\ntitle: Veldenoverzicht\ntags:\n  - plan\n---\n",
        "# Veldenoverzicht\n",
        "Alle velden van de bestanden, met wat ze betekenen. Deze pagina wordt gemaakt uit de "
        "toolkit zelf: wat hier staat, is precies wat `ekc check` controleert. Zie ook "
        "[de bestanden](bestanden.md).\n",
        "Verplichte velden staan met **ja** aangegeven. Een datum schrijf je als jaar-maand-dag "
        "(`2026-10-10`); ja/nee-velden als `true` of `false`.\n",
    ]
    for kind, label in FILES:
        schema = json_schema(kind)
        parts.append(f"## {label.capitalize() if label.startswith('een') else f'`{label}`'}\n")
        if schema.get("description"):
            parts.append(schema["description"].strip() + "\n")
        parts += _object_tables(schema, schema.get("$defs", {}), kind)
    return GeneratedFile(SRC, "\n".join(parts))


def _ref(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _options(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]


def _kind(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    options = _options(schema)
    target = _ref(options[0], defs) if options else schema
    if "enum" in target:
        return " \\| ".join(f"`{v}`" for v in target["enum"])
    if "const" in target:
        return f"`{target['const']}`"
    kind = target.get("type")
    if kind == "array":
        item = target.get("items", {})
        return "lijst van " + (
            _kind(item, defs) if "$ref" not in item else "blokken (zie hieronder)"
        )
    if kind == "object" or "properties" in target:
        return "blok (zie hieronder)"
    if target.get("format") == "date":
        return "datum"
    if target.get("format") == "email":
        return "e-mailadres"
    if target.get("format") == "uri":
        return "webadres"
    if kind == "string" and target.get("pattern") == "^[A-Za-z0-9_-]+$":
        return "id (letters, cijfers, - en _)"
    return {"string": "tekst", "integer": "heel getal", "boolean": "`true` of `false`"}.get(
        str(kind), "tekst"
    )


def _object_tables(schema: dict[str, Any], defs: dict[str, Any], path: str) -> list[str]:
    """A table for this object, then one for each nested object, in the order of the fields."""
    schema = _ref(schema, defs)
    if schema.get("type") == "array":  # categorieen.yml is a list of blocks
        return _object_tables(schema["items"], defs, path + "[]")
    required = set(schema.get("required", []))
    rows = ["| Veld | Verplicht | Soort | Uitleg |", "| --- | --- | --- | --- |"]
    nested: list[tuple[str, dict[str, Any]]] = []
    for name, field in schema.get("properties", {}).items():
        description = (field.get("description") or "").replace("|", "\\|")
        rows.append(
            f"| `{name}` | {'ja' if name in required else 'nee'} | {_kind(field, defs)} | {description} |"
        )
        for option in _options(field):
            target = _ref(option, defs)
            if target.get("type") == "array" and "$ref" in target.get("items", {}):
                nested.append((f"{name} (per item)", target["items"]))
            elif "properties" in target:
                nested.append((name, target))
    out = ["\n".join(rows) + "\n"]
    for name, child in nested:
        out.append(f"### `{path}`: `{name}`\n")
        out += _object_tables(child, defs, f"{path}.{name.split(' ')[0]}")
    return out
