"""File → Import annotations…: read an exported JSONL file back as annotator
layers (another tool's predictions, another project's export), as
``annotator import-annotations`` does. The import runs in a worker
(progress dialog, Cancel) through annotator.core.annotation_import; it is
one transaction, so a bad line or a cancel leaves the project unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotation_import import import_layer_name
from annotator.core.importer import InputError
from annotator.core.operations import IMPORTED_ANNOTATIONS
from annotator.gui import jobs


class AnnotationImportDialog(QDialog):
    def __init__(self, start_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import annotations")
        self.start_folder = start_folder
        self.file = QLineEdit(accessibleName="JSONL file")
        self.file.setPlaceholderText("a .jsonl file exported by annotator (or in its format)")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.annotator = QLineEdit(accessibleName="Import as annotator")
        self.annotator.setPlaceholderText("empty: each record's _annotator_id")
        self.replace = QCheckBox("&Replace that annotator's existing annotations of these articles")
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # errors quote file lines
        self.message.setObjectName("importMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form.addRow(QLabel("&File:", buddy=self.file), file_row)
        form.addRow(QLabel("&As annotator:", buddy=self.annotator), self.annotator)
        form.addRow("", self.replace)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.file.textChanged.connect(self._update)
        self.annotator.textChanged.connect(self._update)
        # Room for two lines from the start: the message changes as the user
        # types, and a dialog already shown does not grow for it.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 4)
        self._update()
        self.resize(620, self.sizeHint().height())

    def path(self) -> Path:
        return Path(self.file.text().strip()).expanduser()

    def annotator_name(self) -> str | None:
        """The name to import under, or None for each record's own."""
        return self.annotator.text().strip() or None

    def problem(self) -> str | None:
        """Why the form cannot be imported yet (None when it can)."""
        if not self.file.text().strip():
            return "Choose the JSONL file to import."
        if not self.path().is_file():
            return f"There is no file {self.path()}."
        if self.annotator_name() is not None:
            try:
                import_layer_name(self.annotator_name())
            except ValueError as error:
                return f"As annotator: {error}."
        return None

    def _update(self) -> None:
        problem = self.problem()
        self.import_button.setEnabled(problem is None)
        self.message.setText(f"⚠ {problem}" if problem else
                             "One transaction: a bad line or Cancel leaves the project unchanged. "
                             "Articles the project lacks are added from the records.")

    def _browse(self) -> None:
        chosen = QFileDialog.getOpenFileName(self, "Import annotations", str(self.start_folder),
                                             "JSON Lines (*.jsonl);;All files (*)")[0]
        if chosen:
            self.file.setText(chosen)


def start_annotation_import(window, path: Path, annotator: str | None, replace: bool):
    """Run the import in a worker of ``window``; tell the user the outcome."""
    def done(summary) -> None:
        layers = ", ".join(f"{name} ({count})" for name, count in summary.layers.items())
        QMessageBox.information(
            window, "Annotations imported",
            f"Imported {summary.claims} claims in {summary.records} records from {path.name}.\n\n"
            f"Layers: {layers or 'none'}\nArticles added: {summary.articles_added}\n"
            f"Annotations replaced: {summary.replaced}")

    def failed(error: BaseException) -> None:
        if isinstance(error, InputError):
            QMessageBox.warning(window, "Nothing imported",
                                f"{error}\n\nNothing was imported; fix the file and try again.")
        else:
            from annotator.gui import errors

            errors.show_error(window, "Import annotations", error)

    def cancelled() -> None:
        if job.result is not None:  # Cancel came after the import had committed
            done(job.result.result)
        else:
            window.statusBar().showMessage("Import of annotations cancelled; nothing was imported", 10000)

    job = window.run_operation("Import annotations",
                               jobs.annotation_import_job(path, annotator, replace),
                               IMPORTED_ANNOTATIONS, label="Importing annotations…",
                               on_success=done, on_error=failed, on_cancel=cancelled)
    return job


def open_annotation_import_dialog(window) -> None:
    dialog = AnnotationImportDialog(window.project_path.parent, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_annotation_import(window, dialog.path(), dialog.annotator_name(), dialog.replace.isChecked())
