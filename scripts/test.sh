#!/bin/sh
# Set up and run every check: system packages where missing, a virtual environment
# (.venv) with vbdocs and its test tools, then lint, types, the package as released
# (scripts/package-check.sh: sdist and wheel, installed in a fresh venv) and the test suite.
set -eu
cd "$(dirname "$0")/.."
sh scripts/system-deps.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check vbdocs tests tools benchmarks
.venv/bin/mypy
sh scripts/package-check.sh
.venv/bin/python -m pytest "$@"
