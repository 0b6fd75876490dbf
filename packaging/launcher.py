"""Entry script of the desktop bundle: the ``annotator`` CLI and GUI in one.

With a command it is the ``annotator`` command line (``annotator selftest``,
``annotator --db x.sqlite import ...``). Without a command - started from the
desktop menu, a double-click, Finder, or as ``annotator --db x.sqlite`` - it
opens the window, as does an executable whose name ends in ``-gui`` (the
windowed twin the spec builds on Windows and macOS).
"""

import multiprocessing
import sys
from pathlib import Path


INFO_OPTIONS = {"--help", "-h", "--version"}


def with_gui_command(argv: list[str], executable: str, commands: set[str]) -> list[str]:
    """The arguments click sees: ``gui`` added where the window is wanted,
    after global options such as ``--db``, which go before the command."""
    args = argv[1:]
    if "gui" in args or INFO_OPTIONS & set(args):
        return args
    windowed = Path(executable).stem.endswith("-gui")
    if windowed or not set(args) & commands:
        return args + ["gui"]
    return args


if __name__ == "__main__":
    multiprocessing.freeze_support()  # spaCy/thinc may start worker processes
    from annotator.cli import COMMANDS, main

    # the command modules load lazily, so the names come from the command table
    main(args=with_gui_command(sys.argv, sys.executable, set(COMMANDS) | set(main.commands)),
         prog_name="annotator")
