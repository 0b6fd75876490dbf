"""The ``annotator-gui`` command: check the system libraries, then open the window.

It lives outside ``annotator.gui`` because importing that package loads QtCore
(gui/compat.py): on a bare machine that import itself fails (libglib, libGL
missing), so the check that names every missing library must run first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator import __version__, system_libraries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="annotator-gui",
                                     description="Open the annotator review window.")
    parser.add_argument("--db", type=Path, help="project database (default: the last one)")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    args = parser.parse_args(argv)
    problem = system_libraries.check()
    if problem is not None:  # Qt would abort naming only the first one
        print(problem, file=sys.stderr)
        return 1
    from annotator.gui.app import run  # Qt loads only here

    return run(args.db)


if __name__ == "__main__":
    sys.exit(main())
