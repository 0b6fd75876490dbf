"""Shared fixtures: fresh projects, the seed articles, the shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt tests run without a display unless the caller chose a platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SPKATT = SHARED / "data" / "spkatt2023-news" / "train"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Tests never touch the real user's data, config or last project."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)


@pytest.fixture
def project(tmp_path):
    from annotator.core.project import Project

    with Project.open(tmp_path / "project.sqlite") as opened:
        yield opened


@pytest.fixture(scope="session")
def hl():
    """The built-in highlighter (spacy.blank("de") with our components), loaded once."""
    from annotator.core.highlight import load_highlighter

    return load_highlighter("blank")


@pytest.fixture
def seed_paths() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def spkatt_dir() -> Path:
    if not SPKATT.is_dir():
        pytest.skip("../shared/data/spkatt2023-news is not present")
    return SPKATT


# The reviewer window's fixtures (open_window, review_db, settings, window),
# shared by every GUI test file; helpers such as press() are imported there.
from gui_support import open_window, review_db, settings, window  # noqa: E402, F401
