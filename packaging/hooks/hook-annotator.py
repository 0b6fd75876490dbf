"""PyInstaller hook for our own package.

Three traps it closes:
- modules imported lazily (``annotator gui`` imports the GUI inside the
  command, the highlighter is loaded on demand) are invisible to the import
  scanner, so every submodule is collected;
- resources/ lives at the top of the repository but is the package
  ``annotator.resources``; its files go to ``annotator/resources`` in the
  bundle, where ``importlib.resources.files("annotator.resources")`` looks.
  Its ``__init__.py`` goes there too: with an editable install PyInstaller
  cannot find the remapped package, and without the file Python would see a
  namespace package (whose files() is not a plain folder);
- spaCy finds our factories through the ``spacy_factories`` entry points,
  read from the dist-info metadata, which PyInstaller does not copy by itself.
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

from annotator.core.resources import resource_path

SKIPPED_SUFFIXES = {".pyc"}


def resource_files(root: Path) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every data file under resources/."""
    return [(str(path), str(Path("annotator", "resources", path.parent.relative_to(root))))
            for path in sorted(root.rglob("*"))
            if path.is_file() and path.suffix not in SKIPPED_SUFFIXES
            and "__pycache__" not in path.parts]


hiddenimports = collect_submodules("annotator")
datas = resource_files(resource_path()) + copy_metadata("annotator")
