"""The JSON Schemas shipped for editors are those the models generate."""

from vbdocs.render import BUILTIN_TEMPLATES
from vbdocs.schema.jsonschema import json_schemas

SCHEMAS = BUILTIN_TEMPLATES.parent / "schemas"


def test_shipped_schemas_are_up_to_date() -> None:
    for name, text in json_schemas().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"run: vbdocs schema -o vbdocs/schemas ({name})"


def test_every_field_has_a_description() -> None:
    import json

    for text in json_schemas().values():
        schema = json.loads(text)
        for model in [schema, *schema.get("$defs", {}).values()]:
            for field, spec in model.get("properties", {}).items():
                assert spec.get("description"), f"{model.get('title')}.{field} has no description"
