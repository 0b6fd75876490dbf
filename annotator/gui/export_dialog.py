"""File → Export…: the export options as a form; the export itself runs in
a worker (progress dialog, Cancel) through annotator.core.export.

The form only builds :class:`ExportOptions`; their own validation drives
the message under the form and the Export button, so the GUI and the CLI
refuse the same things with the same words.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.export import ExportCancelled, ExportError, ExportOptions, formats, parse_split
from annotator.gui import jobs

LAYERS = [("annotators", "Each annotator's layer"),
          ("best", "Best: adjudicated where it exists, else the annotators'"),
          ("adjudicated", "Adjudicated versions only"),
          ("suggestions", "Pre-highlighter suggestions (unreviewed)")]
DEFAULT_SPLIT = "train=0.8,dev=0.1,test=0.1"


class ExportDialog(QDialog):
    def __init__(self, annotators: list[str], default_output: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export training data")
        self.format = _combo([(f.name, f.label) for f in formats.all_formats()], "Format")
        self.layer = _combo(LAYERS, "Layer")
        self.annotators = QListWidget(accessibleName="Annotators")
        for name in annotators:
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Checked)
            self.annotators.addItem(item)
        self.annotators.setMaximumHeight(90)
        self.only_reviewed = QCheckBox("Only fully reviewed articles (every suggestion judged)")
        self.require_complete = QCheckBox("Refuse if a record would leave claims of its article out")
        self.require_complete.setToolTip("Open or changed claim groups of adjudicated articles, "
                                         "suggestions not yet judged: nothing is written if any")
        self.reuse = QCheckBox("&Reuse unchanged articles from earlier exports (same output, faster)")
        self.reuse.setChecked(True)
        self.reuse.setToolTip("The export cache keeps each article's lines; an article unchanged since "
                              "an export with the same options is copied instead of rendered. Uses "
                              "about one export's size of disk ('annotator cache' shows it).")
        self.split_enabled = QCheckBox("Split by article")
        self.split = QLineEdit(DEFAULT_SPLIT, accessibleName="Split")
        self.seed = QSpinBox(maximum=2**31 - 1, accessibleName="Seed")
        self.output = QLineEdit(str(default_output), accessibleName="Output")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # errors quote paths
        self.message.setObjectName("exportMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(browse)
        self.format.currentIndexChanged.connect(self._match_output_to_format)
        for signal in (self.format.currentIndexChanged, self.layer.currentIndexChanged,
                       self.annotators.itemChanged, self.split_enabled.toggled,
                       self.split.textChanged, self.output.textChanged):
            signal.connect(self._update)
        self._update()

    def _lay_out(self, browse: QPushButton) -> None:
        form = QFormLayout()
        form.addRow("&Format:", self.format)
        form.addRow("&Layer:", self.layer)
        form.addRow("&Annotators:", self.annotators)
        form.addRow("", self.only_reviewed)
        form.addRow("", self.require_complete)
        form.addRow("", self.reuse)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_enabled)
        split_row.addWidget(self.split, 1)
        split_row.addWidget(QLabel("&Seed:", buddy=self.seed))
        split_row.addWidget(self.seed)
        form.addRow(QLabel("S&plit:", buddy=self.split_enabled), split_row)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        form.addRow(QLabel("&Output:", buddy=self.output), output_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

    # -- the form as options -----------------------------------------------------------

    def options(self) -> ExportOptions:
        """The options the form shows; raises ExportError when they are wrong."""
        layer = self.layer.currentData()
        checked = [self.annotators.item(i).text() for i in range(self.annotators.count())
                   if self.annotators.item(i).checkState() == Qt.CheckState.Checked]
        if layer in ("annotators", "best") and self.annotators.count() and not checked:
            raise ExportError("tick at least one annotator")
        everyone = len(checked) == self.annotators.count()
        options = ExportOptions(
            format=self.format.currentData(), layer=layer,
            annotators=[] if everyone or layer in ("adjudicated", "suggestions") else checked,
            only_reviewed=self.only_reviewed.isChecked() and layer != "suggestions",
            require_complete=self.require_complete.isChecked(),
            split=parse_split(self.split.text()) if self.split_enabled.isChecked() else None,
            seed=self.seed.value(), line_cache=self.reuse.isChecked())
        options.validate()
        if not self.output.text().strip():
            raise ExportError("choose where to write the export")
        return options

    def output_path(self) -> Path:
        return Path(self.output.text().strip()).expanduser()

    def _update(self) -> None:
        layer = self.layer.currentData()
        self.annotators.setEnabled(layer in ("annotators", "best"))
        self.only_reviewed.setEnabled(layer != "suggestions")
        self.reuse.setEnabled(self._format().cached)
        self.split.setEnabled(self.split_enabled.isChecked())
        self.seed.setEnabled(self.split_enabled.isChecked())
        try:
            self.options()
        except ExportError as error:
            self.message.setText(f"⚠ {str(error)[:1].upper()}{str(error)[1:]}.")
            self.export_button.setEnabled(False)
            return
        chosen = self._format()
        where = f"a folder of {chosen.suffix} files" if chosen.folder else "a file"
        self.message.setText(f"Writes {where} and a dataset card beside it. "
                             "Nothing is written if the export fails or is cancelled.")
        self.export_button.setEnabled(True)

    def _format(self) -> formats.ExportFormat:
        return formats.get(self.format.currentData())

    def _match_output_to_format(self) -> None:
        """A folder format (spaCy) writes a folder, the others a file: adapt the default name."""
        text = self.output.text().strip()
        if not text:
            return
        path = Path(text)
        if not path.name:
            return
        chosen = self._format()
        file_suffixes = {f.suffix for f in formats.all_formats() if not f.folder}
        if chosen.folder and path.suffix in file_suffixes:
            self.output.setText(str(path.with_suffix("")))
        elif not chosen.folder and not path.suffix:
            self.output.setText(str(path.with_suffix(chosen.suffix)))

    def _browse(self) -> None:
        chosen_format = self._format()
        if chosen_format.folder:
            chosen = QFileDialog.getSaveFileName(self, "Export into folder", self.output.text())[0]
        else:
            kind = chosen_format.file_type or chosen_format.title
            chosen = QFileDialog.getSaveFileName(self, "Export to file", self.output.text(),
                                                 f"{kind} (*{chosen_format.suffix});;All files (*)")[0]
        if chosen:
            self.output.setText(chosen)


def _combo(choices: list[tuple[str, str]], name: str) -> QComboBox:
    combo = QComboBox(accessibleName=name)
    for value, label in choices:
        combo.addItem(label, value)
    return combo


# -- wiring into the main window ----------------------------------------------------------


def start_export(window, options: ExportOptions, output: Path):
    """Run the export in a worker of ``window``; tell the user the outcome."""
    def done(summary) -> None:
        sets = "".join(f"\n  {path.name}: {summary.sets[name]} records"
                       for name, path in zip(summary.sets, summary.files))
        reuse = f"\n\n{summary.reuse_note()}." if summary.reused else ""
        text = (f"Exported {summary.records} records ({summary.articles} articles, "
                f"{summary.claims} claims).{sets}{reuse}\n\nDataset card: {summary.card}")
        if summary.left_out:  # loud: these records would teach a model false negatives
            QMessageBox.warning(window, "Export finished with incomplete records",
                                f"Warning: {summary.left_out_note()}\n\n{text}")
        else:
            QMessageBox.information(window, "Export finished", text)

    def failed(error: BaseException) -> None:
        if isinstance(error, ExportError) and not isinstance(error, ExportCancelled):
            QMessageBox.warning(window, "Nothing exported",
                                f"{error}.\n\nChange the options and try again; no file was written.")
        else:
            from annotator.gui import errors

            errors.show_error(window, "Export", error)

    return window.run_job("Export", jobs.export_job(options, output), label="Exporting…",
                          on_success=done, on_error=failed, show_at_once=True)


def warm_up_tokenizer() -> threading.Thread:
    """Load spaCy's tokenizer (seconds on a first export) in the background while
    the reviewer fills in the dialog; the export then finds it loaded. Daemon:
    quitting never waits for it."""
    from annotator.core.export import tokens

    thread = threading.Thread(target=tokens.tokenizer_nlp, name="spacy warm-up", daemon=True)
    thread.start()
    return thread


def open_export_dialog(window) -> None:
    default = window.project_path.with_name(f"{window.project_path.stem}-claims.jsonl")
    people = [name for name in window.project.annotators() if not name.startswith("@")]
    dialog = ExportDialog(people, default, window)
    warm_up_tokenizer()
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_export(window, dialog.options(), dialog.output_path())


def install_export_action(window) -> QAction:
    """Add File → Export… (Ctrl+Shift+E) to the main window."""
    window.export_action = window.add_file_action("&Export training data…", "Ctrl+Shift+E",
                                                  lambda: open_export_dialog(window))
    return window.export_action
