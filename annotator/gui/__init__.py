"""The Qt desktop GUI (PySide6 Widgets). Only this package imports Qt.

Entry point: :func:`annotator.gui.app.run`. The window is assembled in
:mod:`annotator.gui.main_window`; long jobs run through
:mod:`annotator.gui.workers`.
"""

# Must run before any other Qt call: see compat.py (PySide6 6.12 on Python 3.11).
from annotator.gui import compat as _compat  # noqa: E402,F401
