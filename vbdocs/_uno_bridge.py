"""Runs under the Python that has LibreOffice's ``uno`` module (Debian: python3-uno).

Started by ``vbdocs.pdf``: connects to one soffice process over a named pipe and
converts .docx to PDF on request, one JSON line in, one JSON line out, until its
standard input closes. It imports nothing from vbdocs (another interpreter).
"""

import json
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, seconds):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    end = time.monotonic() + seconds
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if time.monotonic() > end:
                raise
            time.sleep(0.05)


def convert(desktop, source, target):
    # Loading with the Word filter named: a file that is not a .docx fails here instead of
    # being opened as plain text.
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (
        prop("Hidden", True), prop("ReadOnly", True), prop("FilterName", "MS Word 2007 XML"),
    ))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        settings = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("EmbedStandardFonts", True),))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), (
            prop("FilterName", "writer_pdf_Export"), prop("FilterData", settings),
        )))
    finally:
        doc.close(True)


def main():
    desktop = connect(sys.argv[1], float(sys.argv[2]))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            convert(desktop, request["docx"], request["pdf"])
            print(json.dumps({"ok": True}), flush=True)
        except Exception as exc:  # every failure goes back to vbdocs as data
            print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}), flush=True)


if __name__ == "__main__":
    main()
