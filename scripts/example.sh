#!/bin/sh
# Set up vbdocs in a virtual environment (.venv) and render the example documents
# of config/ into out/. vbdocs is installed editable, as scripts/test.sh installs it, so that
# either script, run first or after the other, leaves a .venv/bin/vbdocs that runs this clone's code.
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
.venv/bin/vbdocs build config/campaign_2024.yaml -o out/
