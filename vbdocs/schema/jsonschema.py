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

Each field is described as "Vietnamese — English": the Vietnamese from the one table of
``descriptions_vi``, the English from the model's ``Field``; every description is plain text
(:func:`plain` takes the docstrings' reST markup off), as an editor shows it.

What a schema cannot say is left to ``vbdocs validate``: that a code names a unit,
person, body or report of the files, that markup is closed, that dates fall in the
campaign's year, that a recipient has ``to`` or ``text``, and YAML that vbdocs refuses
(duplicate keys, merge keys, tags, aliases). Whole numbers and yes/no values are strict
on both sides: ``"7"`` and ``"yes"`` are refused by vbdocs as by the schema.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import core_schema

from . import CampaignFile, UnitsFile
from .common import DOCUMENT_TEXT, _clean
from .descriptions_vi import FIELDS, MODELS, key
from .document import DocumentFile

SCHEMAS: dict[str, Any] = {"campaign": CampaignFile, "units": UnitsFile, "document": DocumentFile}

class FileSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, with what the files' text validator refuses, and every description
    after its Vietnamese (``descriptions_vi``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._enumerations: dict[str, type] = {}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        json_schema = super().function_before_schema(schema)
        if schema["function"]["function"] is _clean and json_schema.get("type") == "string":
            # an abbreviation's own pattern already admits only letters, digits and "."
            json_schema.setdefault("pattern", DOCUMENT_TEXT)
        return json_schema

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        model = schema["cls"]
        fields = {info.alias or name: name for name, info in model.model_fields.items()}
        # a model written as its text alone keeps its mapping as one of the forms (WrittenAsText)
        for form in [json_schema, *json_schema.get("anyOf", [])]:
            for prop, spec in form.get("properties", {}).items():
                vietnamese = FIELDS[key(model, fields[prop])]  # a field missing from the table stops here
                spec["description"] = f"{vietnamese} — {spec['description']}"
        return _in_vietnamese(json_schema, model)

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        # pydantic writes an enumeration's docstring over its description after this: see generate
        self._enumerations[schema["cls"].__name__] = schema["cls"]
        return super().enum_schema(schema)

    def generate(self, schema: core_schema.CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        json_schema = super().generate(schema, mode)
        for definition in json_schema.get("$defs", {}).values():
            enumeration = self._enumerations.get(definition.get("title"))
            if enumeration is not None and "enum" in definition:
                _in_vietnamese(definition, enumeration)
        return json_schema


def _in_vietnamese(json_schema: JsonSchemaValue, model: type) -> JsonSchemaValue:
    """A model's or enumeration's schema, its description (the docstring) after its Vietnamese."""
    json_schema["description"] = f"{MODELS[key(model)]} — {json_schema['description']}"
    return json_schema


def plain(text: str) -> str:
    """A docstring's text without its reST markup (``code``, :role:`target`), as an editor
    shows a description: the text itself."""
    text = re.sub(r":[a-z:]+:`~?([^`<]+?)(?:\s*<[^>]*>)?`", r"\1", text)
    return re.sub(r"``(.+?)``", r"\1", text)


def _plain_descriptions(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: plain(v) if k == "description" and isinstance(v, str) else _plain_descriptions(v)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_plain_descriptions(v) for v in node]
    return node


def json_schemas() -> dict[str, str]:
    """File name → JSON text of each schema."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = _plain_descriptions(model.model_json_schema(schema_generator=FileSchema))
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://vbdocs.invalid/schemas/{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
