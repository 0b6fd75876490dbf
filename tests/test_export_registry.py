"""A new export format is one module that registers itself: the CLI, the
export dialog and the selftest offer it without a change of their own."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_export_helpers import seeded_project

from annotator.cli import main
from annotator.core.export import ExportError, ExportFormat, ExportOptions, export_project, formats
from annotator.core.project import Project


def claim_lines(records, tokens) -> bytes:
    """The toy format: one line per accepted claim, its text in capitals."""
    return b"".join(
        f"{record.annotator}\t{record.article.text[claim.start:claim.end].upper()}\n".encode()
        for record in records for claim in record.claims if claim.is_positive)


TOY = ExportFormat(name="shout", title="shout", label="Claims in capitals (toy)",
                   help="shout: every accepted claim in capitals", suffix=".txt",
                   example="claims.txt", writer=claim_lines, file_type="Text")


@pytest.fixture
def toy_format():
    formats.register(TOY)
    yield TOY
    formats.unregister(TOY.name)


def test_the_built_in_formats_register_themselves_in_their_order():
    assert formats.names()[:3] == ["jsonl", "spacy", "doccano"]
    assert formats.get("spacy").folder and not formats.get("spacy").cached
    assert formats.get("jsonl").cached and formats.get("doccano").parallel


def test_an_unknown_format_is_refused_with_the_choices():
    with pytest.raises(ExportError, match="unknown format 'xml'; choose one of jsonl, spacy, doccano"):
        formats.get("xml")


def test_a_registered_format_is_among_the_cli_choices_with_its_help(toy_format):
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())  # the help is wrapped
    assert "[jsonl|spacy|doccano|doccano-flat|shout]" in shown
    assert ("doccano-flat: claims and their source/cue on separate lines, no overlapping spans; "
            "shout: every accepted claim in capitals.") in shown


def test_a_format_leaves_the_cli_when_unregistered(toy_format):
    formats.unregister(toy_format.name)
    result = CliRunner().invoke(main, ["export", "--format", "shout", "-o", "x.txt"])
    assert result.exit_code != 0
    assert "'shout' is not one of 'jsonl', 'spacy', 'doccano'" in result.output


def test_the_cli_exports_in_a_registered_format(toy_format, tmp_path, seed_paths):
    db = tmp_path / "news.sqlite"
    with Project.open(db) as project:
        seeded_project(project, seed_paths)
    result = CliRunner().invoke(main, ["--db", str(db), "export", "--format", "shout",
                                       "-o", str(tmp_path / "claims.txt"), "-q"])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "claims.txt").read_text(encoding="utf-8").splitlines()
    claims = [line.split("\t")[1] for line in lines]
    assert claims and all(claim == claim.upper() for claim in claims)
    assert "- format: `shout`" in (tmp_path / "claims.card.md").read_text(encoding="utf-8")


def test_a_file_format_refuses_a_folder_as_output(toy_format, project, tmp_path):
    with pytest.raises(ExportError, match="is a folder; give a file name"):
        export_project(project, ExportOptions(format="shout"), tmp_path)


def test_the_export_dialog_lists_a_registered_format(qtbot, toy_format, tmp_path):
    from annotator.gui.export_dialog import ExportDialog

    dialog = ExportDialog(["anna"], tmp_path / "claims.jsonl")
    qtbot.addWidget(dialog)
    labels = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert labels[-1] == "Claims in capitals (toy)"
    dialog.format.setCurrentIndex(dialog.format.findData("shout"))
    assert not dialog.reuse.isEnabled()  # not cached: nothing to reuse
    assert dialog.export_button.isEnabled()
