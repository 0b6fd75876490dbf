"""The shipped word lists come out of bench/build_lexicons.py byte for byte,
so anyone can check what they hold and where each line came from (grammar
written down in the script, counts over the dev part of SpkAtt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPKATT = ROOT.parent / "shared" / "data" / "spkatt2023-news" / "train"
SHIPPED = ROOT / "resources" / "lexicons"

pytestmark = pytest.mark.skipif(not SPKATT.is_dir(), reason="SpkAtt-2023 data not beside the project")


def test_rebuilding_the_lexicons_gives_the_shipped_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "bench" / "build_lexicons.py"), "--data", str(SPKATT),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built, "the script wrote no lexicon"
    for name in built:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name
