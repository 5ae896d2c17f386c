#!/bin/sh
# Check vbdocs as it is released: build the sdist and the wheel (python -m build builds the wheel
# from the sdist, so a file missing from the sdist is missing from the wheel), check their metadata
# (twine check --strict), install the wheel into a fresh virtual environment in a temporary folder,
# check that it holds every file of vbdocs/ (the templates, schemas, layout metrics and compiled
# catalogs; the catalogs' .po sources stay in the sdist) and build the example set of config/ with it.
# Then, in a clean copy of the clone, run the README's quick start (scripts/example.sh) as a newcomer would.
# Needs build and twine (the test extra) in $PYTHON (default .venv/bin/python), and pip's index for
# the fresh environment's dependencies. Run by scripts/test.sh.
set -eu
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vbdocs-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
started=$(date +%s)

# From a copy of the files git knows (tracked, or new and not ignored), as a clean clone has them:
# a vbdocs.egg-info left in the clone by an editable install would otherwise fill the sdist's list.
mkdir "$work/src"
git ls-files --cached --others --exclude-standard >"$work/files"
while IFS= read -r name; do
    if [ -e "$name" ]; then printf '%s\n' "$name"; fi  # not a file deleted in the work tree
done <"$work/files" >"$work/present"
tar -cf - --files-from="$work/present" | tar -xf - -C "$work/src"
cp -R "$work/src" "$work/clone"
if ! "$python" -m build --outdir "$work/dist" "$work/src" >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "package-check: python -m build failed" >&2
    exit 1
fi
if grep -E "^(WARNING|warning:)|Warning" "$work/build.log" | grep -v "byte-compiling is disabled" >&2; then
    echo "package-check: python -m build warned (above); fix pyproject.toml" >&2
    exit 1
fi
"$python" -m twine check --strict "$work/dist"/*.tar.gz "$work/dist"/*.whl

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$work/dist"/*.whl

# From the temporary folder, so that the clone's own vbdocs/ cannot be the one imported.
git ls-files vbdocs | grep -v '\.po$' >"$work/expected"
(cd "$work" && venv/bin/python - <<'EOF'
import gettext
import sys
from pathlib import Path

import vbdocs
from vbdocs import i18n

package = Path(vbdocs.__file__).parent
assert package.is_relative_to(Path(sys.prefix)), f"vbdocs imported from {package}, not the fresh environment"
expected = set(Path("expected").read_text().split())
installed = {f"vbdocs/{p.relative_to(package)}" for p in package.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
missing = sorted(expected - installed)
assert not missing, f"the wheel lacks {missing}"
gettext.translation(i18n.DOMAIN, i18n.LOCALES, languages=["vi"])  # raises if the .mo is not there
EOF
)

"$work/venv/bin/vbdocs" --version
"$work/venv/bin/vbdocs" build config/campaign_2024.yaml -o "$work/out"
"$work/venv/bin/vbdocs" check "$work/out/ke-hoach-2024.docx"
(cd "$work" && venv/bin/python - <<'EOF'
import json
from pathlib import Path

manifest = json.loads(Path("out/manifest.json").read_text(encoding="utf-8"))
names = sorted(entry["path"] for entry in manifest["documents"])
assert "ke-hoach-2024.docx" in names and len(names) > 10, names
assert sorted(p.name for p in Path("out").iterdir()) == sorted([*names, "manifest.json"])
EOF
)
packaged=$(date +%s)

# A clean clone follows the README's quick start: sh scripts/example.sh makes its .venv, installs
# vbdocs and writes out/; then a command of the README runs as pasted there.
(cd "$work/clone" && sh scripts/example.sh && .venv/bin/vbdocs validate config/campaign_2024.yaml)
test -f "$work/clone/out/manifest.json"

echo "package-check: sdist and wheel built, twine check passed, the wheel installed in a fresh venv" \
     "built the example set ($(( packaged - started )) s); a clean copy's quick start built it too" \
     "($(( $(date +%s) - packaged )) s)"
