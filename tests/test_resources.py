"""Bundled resources are found however the package is installed."""

from annotator.core.resources import resource_path


def test_the_demo_corpus_and_lexicons_are_found():
    assert (resource_path("demo") / "demo-articles.jsonl").is_file()
    assert resource_path("lexicons").is_dir()
    assert resource_path("guidelines.md").is_file()
