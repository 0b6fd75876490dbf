"""A spaCy user trains on an export with the config it ships: the project's
tokenizer (registered with spaCy) and a suggester covering every span, checked
by ``spacy debug data`` (no misaligned span, no span the suggester cannot propose)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_helpers import seeded_project

from annotator.core.export import ExportOptions, export_project
from annotator.core.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
REGISTRY = REPO / "annotator" / "core" / "export" / "spacy_registry.py"


@pytest.fixture
def reviewed(project, seed_paths):
    return seeded_project(project, seed_paths)


def test_the_shipped_example_config_is_the_one_exports_write():
    assert (REPO / "docs" / "spancat-example.cfg").read_text(encoding="utf-8") == \
        resource_path("spacy", "spancat.cfg").read_text(encoding="utf-8")


def test_the_project_tokenizer_is_registered_with_spacy():
    import spacy

    import annotator.core.export.spacy_registry  # noqa: F401 (registers; the entry point does too)
    from annotator.core.highlight.tokenizer import make_tokenizer_nlp

    config = {"nlp": {"tokenizer": {"@tokenizers": "annotator.Tokenizer.v1"}}}
    nlp = spacy.blank("de", config=config)
    text = "Er sagte:„Wir kommen.“Dann ging er."
    assert [t.text for t in nlp(text)] == [t.text for t in make_tokenizer_nlp()(text)]
    assert "„" in [t.text for t in nlp(text)]


def test_spacy_debug_data_finds_no_misaligned_span_in_an_export(reviewed, tmp_path):
    export_project(reviewed, ExportOptions(format="spacy", split={"train": 0.6, "dev": 0.4}, seed=1),
                   tmp_path / "corpus")
    config = tmp_path / "corpus" / "spancat.cfg"
    max_size = int(re.search(r"max_size = (\d+)", config.read_text(encoding="utf-8")).group(1))
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "debug", "data", str(config),
         "--paths.train", str(tmp_path / "corpus" / "train"),
         "--paths.dev", str(tmp_path / "corpus" / "dev"), "--code", str(REGISTRY), "--no-format"],
        capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert not re.search(r"\d+ misaligned tokens", output), output
    assert "Corpus is loadable" in output and "misaligned" not in output, output
    longest = int(re.search(r"min=\d+, max=(\d+)", output).group(1))
    assert max_size >= longest  # the suggester proposes every span length in the data (all sets)
