"""JSON Schemas of the YAML files, generated from the models, for editors' autocompletion
and checking.

The files in ``vbdocs/schemas/`` are this module's output (``vbdocs schema``); a
test keeps them equal to the models. Point an editor at them with a first line
``# yaml-language-server: $schema=…/campaign.schema.json`` (``units``, ``document``).

A schema says what vbdocs accepts, so an editor never underlines a line vbdocs reads:
where a model's validator changes what a value may be, the schema says so too — a
duty written as plain text (``Duty``), a text that holds no character a document
cannot hold (``_clean`` of ``common``, :data:`DOCUMENT_TEXT`). Dates are strings
``YYYY-MM-DD`` (``format: date``), as an editor reads them.

What a schema cannot say is left to ``vbdocs validate``: that a code names a unit,
person, body or report of the files, that markup is closed, that dates fall in the
campaign's year, that a recipient has ``to`` or ``text``, and YAML that vbdocs refuses
(duplicate keys, merge keys, tags, aliases). Whole numbers and yes/no values are strict
on both sides: ``"7"`` and ``"yes"`` are refused by vbdocs as by the schema.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from . import CampaignFile, UnitsFile
from .common import DOCUMENT_TEXT, _clean
from .document import DocumentFile

SCHEMAS: dict[str, Any] = {"campaign": CampaignFile, "units": UnitsFile, "document": DocumentFile}

class FileSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, with what the files' text validator refuses."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        json_schema = super().function_before_schema(schema)
        if schema["function"]["function"] is _clean and json_schema.get("type") == "string":
            # an abbreviation's own pattern already admits only letters, digits and "."
            json_schema.setdefault("pattern", DOCUMENT_TEXT)
        return json_schema


def json_schemas() -> dict[str, str]:
    """File name → JSON text of each schema."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(schema_generator=FileSchema)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://vbdocs.invalid/schemas/{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
