"""An ML engineer loads several exports (people, adjudicated, suggestions) with
Hugging Face ``datasets`` and concatenates them: every layer has the same
features, nulls typed (see annotator.core.export.hf_features)."""

from __future__ import annotations

import pytest
from test_export_completeness import half_adjudicated  # noqa: F401 (a fixture)

from annotator.core.export import ExportOptions, export_project
from annotator.core.export.hf_features import hf_features
from annotator.core.project import Project

datasets = pytest.importorskip("datasets")

LAYERS = ("annotators", "adjudicated", "best", "suggestions")


def test_exports_of_every_layer_load_and_concatenate(half_adjudicated, tmp_path):  # noqa: F811
    with Project.open(half_adjudicated) as project:
        for layer in LAYERS:
            export_project(project, ExportOptions(layer=layer), tmp_path / f"{layer}.jsonl")
    features = hf_features()
    loaded = [datasets.load_dataset("json", data_files=str(tmp_path / f"{layer}.jsonl"),
                                    features=features, split="train",
                                    cache_dir=str(tmp_path / "hf-cache"))
              for layer in LAYERS]
    together = datasets.concatenate_datasets(loaded)
    assert len(together) == sum(len(d) for d in loaded)
    assert together.features == features
    claims = [c for record in together for c in record["claims"]]
    assert {c["score"] is None for c in claims} == {True, False}  # people's null, suggestions' number
    assert {c["decision"] for c in claims} >= {"accept", None}
