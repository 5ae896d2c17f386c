#!/bin/sh
# Set up and run every check: system packages where missing, a virtual environment
# (.venv) with vbdocs, its test and docs tools, then lint, types, the API reference
# (built from the docstrings, warnings as errors, into site/), the package as released
# (scripts/package-check.sh: sdist and wheel, installed in a fresh venv) and the test suite.
set -eu
cd "$(dirname "$0")/.."
sh scripts/system-deps.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,docs]'
.venv/bin/ruff check vbdocs tests tools benchmarks
.venv/bin/mypy
.venv/bin/mkdocs build --strict --quiet -d site
sh scripts/package-check.sh
.venv/bin/python -m pytest "$@"
