"""``python -m vbdocs``: the command line, the same as the ``vbdocs`` command."""

from .cli import main

if __name__ == "__main__":
    main()
