#!/bin/sh
# Set up vbdocs in a virtual environment (.venv) and render the example documents
# of config/ into out/.
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check .
.venv/bin/vbdocs build config/campaign_2024.yaml -o out/
