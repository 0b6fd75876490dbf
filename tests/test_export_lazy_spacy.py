"""Starting the CLI or the window must not load spaCy (~1 s and ~80 MB):
the export package imports it only when an export tokenizes or writes a
DocBin. Each check runs in a fresh interpreter, where sys.modules is clean."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def spacy_loaded_after(imports: str) -> bool:
    code = f"import sys; import {imports}; print('spacy' in sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "True"


def test_the_command_line_and_the_export_package_start_without_spacy():
    assert not spacy_loaded_after("annotator.cli, annotator.core.export")


def test_the_format_modules_load_spacy_only_when_they_tokenize():
    assert not spacy_loaded_after("annotator.core.export.spacy_format, "
                                  "annotator.core.export.token_cache, annotator.core.export.tokens")


def test_the_export_dialog_and_the_main_window_start_without_spacy():
    pytest.importorskip("PySide6")
    assert not spacy_loaded_after("annotator.gui.export_dialog, annotator.gui.main_window")


def test_an_export_that_tokenizes_does_load_spacy():
    # The other side of the bargain: the lazy imports really happen.
    assert spacy_loaded_after("annotator.core.export.tokens; "
                              "list(annotator.core.export.tokens.tokenize(['Ein Satz.']))")
