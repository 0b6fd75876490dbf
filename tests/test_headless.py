"""The core and the CLI run without Qt: importing them loads no PySide6."""

import pkgutil
import subprocess
import sys


def test_core_and_cli_never_import_qt():
    import annotator.cli

    modules = ["annotator.cli"] + [
        info.name for info in pkgutil.walk_packages(annotator.cli.__path__, "annotator.cli.")
    ] + [
        info.name for info in pkgutil.walk_packages(annotator.core.__path__, "annotator.core.")
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt loaded by the core or CLI: {result.stdout}"
