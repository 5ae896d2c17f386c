#!/bin/sh
# Install the Debian packages vbdocs uses outside Python, where they are missing:
#   libreoffice-writer-nogui  .docx -> PDF, headless
#   fonts-liberation2         metric-compatible with Times New Roman, every Vietnamese glyph
#   poppler-utils             PDF text, fonts and page images (pdftotext, pdffonts, pdftoppm)
#   python3-uno               LibreOffice's Python bridge: one LibreOffice converts many documents
#   chromium                  a real browser, headless, for the tests of vbdocs serve's page
#   postgresql                a real PostgreSQL server (initdb, pg_ctl) for the register's tests
# Needs root (or sudo); without either it says what is missing and goes on.
set -eu
missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing="$missing fonts-liberation2"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || missing="$missing python3-uno"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "vbdocs: not installed (needs root):$missing; the LibreOffice and browser tests will be skipped" >&2
    exit 0
fi
echo "vbdocs: installing$missing" >&2
$as_root apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends $missing >/dev/null
