"""The Qt desktop GUI (PySide6 Widgets). Only this package imports Qt.

Entry point: :func:`annotator.gui.app.run`. The window is assembled in
:mod:`annotator.gui.main_window`; long jobs run through
:mod:`annotator.gui.workers`.
"""
