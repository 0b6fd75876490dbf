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
  read from the dist-info metadata, which PyInstaller does not copy by itself;
- the highlighter uses a German spaCy model (de_core_news_lg/md/sm) when one
  is installed, found by its metadata and loaded by name: if the build
  environment has one, the bundle gets it too, so the app highlights as the
  developer's installation does. (No model is installed on our build machine,
  so the bundle runs the blank pipeline; this branch is untested here.)
"""

from pathlib import Path

import importlib.util

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

from annotator.core.highlight import MODEL_PREFERENCE
from annotator.core.resources import resource_path

SKIPPED_SUFFIXES = {".pyc"}


def resource_files(root: Path) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every data file under resources/."""
    return [(str(path), str(Path("annotator", "resources", path.parent.relative_to(root))))
            for path in sorted(root.rglob("*"))
            if path.is_file() and path.suffix not in SKIPPED_SUFFIXES
            and "__pycache__" not in path.parts]


def installed_models() -> list[str]:
    return [name for name in MODEL_PREFERENCE if importlib.util.find_spec(name) is not None]


hiddenimports = collect_submodules("annotator")
datas = resource_files(resource_path()) + copy_metadata("annotator")
for model in installed_models():
    hiddenimports += collect_submodules(model)
    datas += collect_data_files(model) + copy_metadata(model)
