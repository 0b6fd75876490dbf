"""spaCy imported in a highlighting worker without its command line.

``import spacy`` imports ``spacy.cli`` for one name, ``spacy.info``, and
the command line brings typer, weasel, httpx and ~350 modules more: about a
third of what a worker's start costs in CPU (0.25-0.3 s of ~0.9 s on the
2-core machine, docs/benchmarks.md, "Eighth round (issue 19): the import's
CPU"), paid by every worker of every import. A worker only tokenizes and
highlights, so it imports spaCy with a stand-in for ``spacy.cli.info``
while ``spacy`` itself loads. The stand-in goes away at once: anything that
asks for ``spacy.cli`` later gets the real one, and ``spacy.info`` imports
it when called. If spaCy will not load so (a version that takes more from
its command line), it is imported as usual.
"""

from __future__ import annotations

import sys
import types

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> None:
    """Import spaCy without ``spacy.cli`` (here, in a worker process only:
    the window and the command line import it as usual)."""
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package, so that "spacy.cli.info" can be its module
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:
        _drop_spacy()
        import spacy  # noqa: F401  (as usual)
    else:
        _drop_stand_ins(spacy)


def _info(*args, **kwargs):
    """``spacy.info`` as spaCy gives it, its command line imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _drop_stand_ins(spacy) -> None:
    for name in _STAND_INS:
        sys.modules.pop(name, None)
    if isinstance(getattr(spacy, "cli", None), types.ModuleType) and spacy.cli.__name__ == "spacy.cli" \
            and not getattr(spacy.cli, "__file__", None):
        del spacy.cli  # "from spacy import cli" then imports the real one


def _drop_spacy() -> None:
    """Forget a half-imported spaCy (and the stand-ins) before importing it again."""
    for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
        del sys.modules[name]
