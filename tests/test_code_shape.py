"""The codebase stays readable: small modules and short functions.

Issue 11 set the limits: no module over 500 lines, no function over 60
lines, outside the highlighter (its own issue reshapes it) and outside the
released migrations, which are never edited."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
RELEASED_MIGRATIONS = {"m001_initial", "m002_team", "m003_article_stamps"}


def _modules() -> list[Path]:
    highlighter = PACKAGE / "core" / "highlight"
    return [p for p in sorted(PACKAGE.rglob("*.py")) if highlighter not in p.parents]


def test_no_module_is_over_500_lines():
    too_long = {p.relative_to(PACKAGE).as_posix(): n for p in _modules()
                if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES}
    assert too_long == {}


def test_no_function_is_over_60_lines():
    too_long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) \
                    and node.name not in RELEASED_MIGRATIONS:
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(PACKAGE).as_posix()}:{node.name}"] = length
    assert too_long == {}
