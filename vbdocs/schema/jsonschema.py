"""JSON Schemas of the YAML files, generated from the models, for editors' autocompletion.

The files in ``vbdocs/schemas/`` are this module's output (``vbdocs schema``); a
test keeps them equal to the models. Point an editor at them with a first line
``# yaml-language-server: $schema=…/campaign.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from . import CampaignFile, UnitsFile

SCHEMAS: dict[str, Any] = {"campaign": CampaignFile, "units": UnitsFile}


def json_schemas() -> dict[str, str]:
    """File name → JSON text of each schema."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://vbdocs.invalid/schemas/{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
