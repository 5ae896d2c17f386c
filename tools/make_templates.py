"""Write the built-in template (vbdocs/templates/document.docx) from the Decree's numbers:
``python tools/make_templates.py`` (or ``make templates``). The builder is
``vbdocs.layout.template``."""

from vbdocs.layout.template import main

if __name__ == "__main__":
    main()
