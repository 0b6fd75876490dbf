"""The other formats: doccano's JSONL and spaCy DocBin shards, and a short
spaCy training run on an export (the proof that spaCy can use it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_export_helpers import read_jsonl, seeded_project

from annotator.core.export import ExportError, ExportOptions, export_project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def reviewed(project, seed_paths):
    return seeded_project(project, seed_paths)


def load_docs(folder: Path) -> list:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    docs = []
    for shard in sorted(folder.glob("*.spacy")):
        docs.extend(DocBin(store_user_data=True).from_disk(shard).get_docs(vocab))
    return docs


def test_doccano_lines_have_entities_and_relations_by_id(reviewed, tmp_path):
    export_project(reviewed, ExportOptions(format="doccano", annotators=["anna"]), tmp_path / "d.jsonl")
    line = read_jsonl(tmp_path / "d.jsonl")[0]
    assert set(line) >= {"text", "entities", "relations"}
    by_id = {e["id"]: e for e in line["entities"]}
    assert sorted(e["label"] for e in line["entities"]) == ["CLAIM", "CUE", "SOURCE"]
    for entity in line["entities"]:
        assert set(entity) == {"id", "label", "start_offset", "end_offset"}
    types = {r["type"]: (by_id[r["from_id"]]["label"], by_id[r["to_id"]]["label"]) for r in line["relations"]}
    assert types == {"SOURCE_OF": ("SOURCE", "CLAIM"), "CUE_OF": ("CUE", "CLAIM")}


def test_spacy_docs_carry_spans_and_claims(reviewed, tmp_path):
    export_project(reviewed, ExportOptions(format="spacy", annotators=["anna"]), tmp_path / "corpus")
    docs = load_docs(tmp_path / "corpus")
    assert len(docs) == 5
    doc = docs[0]
    assert sorted(span.label_ for span in doc.spans["sc"]) == ["CLAIM", "CUE", "SOURCE"]
    claims = doc.user_data["claims"]
    assert [c["decision"] for c in claims] == ["accept", "reject"]
    assert claims[0]["source_reliability"] == "B" and doc.user_data["annotator"] == "anna"
    assert (tmp_path / "corpus" / "README.md").exists()


def test_spacy_export_is_written_in_shards(reviewed, tmp_path):
    options = ExportOptions(format="spacy", shard_size=2, split={"train": 0.5, "dev": 0.5}, seed=4)
    summary = export_project(reviewed, options, tmp_path / "corpus")
    corpus = tmp_path / "corpus"
    shards = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.spacy"))
    assert all(shard.split("/")[0] in ("train", "dev") for shard in shards)
    assert (sum(len(load_docs(tmp_path / "corpus" / name)) for name in ("train", "dev"))
            == summary.records == 7)
    assert max(len(load_docs(p.parent)) for p in (tmp_path / "corpus").rglob("0000.spacy")) >= 2


def test_spacy_export_is_byte_identical_across_processes(reviewed, tmp_path):
    # DocBin holds a set of strings; a different hash seed must not reorder the file.
    script = ("import sys; from annotator.core.project import Project\n"
              "from annotator.core.export import ExportOptions, export_project\n"
              "with Project.open(sys.argv[1], create=False) as p:\n"
              "    export_project(p, ExportOptions(format='spacy'), sys.argv[2])\n")
    reviewed.close()
    for number, seed in enumerate(("1", "2")):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / "project.sqlite"),
                        str(tmp_path / f"c{number}")],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    assert (tmp_path / "c0" / "0000.spacy").read_bytes() == (tmp_path / "c1" / "0000.spacy").read_bytes()


def test_a_spacy_export_refuses_a_file_name_and_a_foreign_folder(reviewed, tmp_path):
    with pytest.raises(ExportError, match="folder of .spacy shards"):
        export_project(reviewed, ExportOptions(format="spacy"), tmp_path / "train.spacy")
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="other than a spaCy export"):
        export_project(reviewed, ExportOptions(format="spacy"), tmp_path / "work")
    assert (tmp_path / "work" / "notes.txt").read_text() == "mine"


# SLOW (about 10-30 s): runs `spacy train` for a few steps on CPU. Leave it
# out of a quick run with `-m "not slow"`.
@pytest.mark.slow
def test_slow_spacy_trains_a_spancat_model_on_an_export(reviewed, tmp_path):
    options = ExportOptions(format="spacy", split={"train": 0.6, "dev": 0.4}, seed=1)
    export_project(reviewed, options, tmp_path / "corpus")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(REPO / "docs" / "spancat-example.cfg"),
         "--paths.train", str(tmp_path / "corpus" / "train"),
         "--paths.dev", str(tmp_path / "corpus" / "dev"),
         "--training.max_steps", "6", "--training.eval_frequency", "3",
         "--components.spancat.suggester.max_size", "6",
         "--code", str(REPO / "annotator" / "core" / "export" / "spacy_registry.py"),
         "--output", str(tmp_path / "model")],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "model" / "model-last" / "config.cfg").exists()
    assert time.monotonic() - started < 120
