"""The desktop ends the program (logout, shutdown, ``kill``, Ctrl+C in the
terminal): the window closes as its close button would, the project is
closed and its write-ahead log folded into the database file, and the
program exits cleanly rather than dying on the signal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from annotator.core.models import NewArticle
from annotator.core.project import Project


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("ending", ["SIGTERM", "SIGINT"])
def test_an_ending_signal_closes_the_window_and_the_project(tmp_path, ending):
    db = tmp_path / "project.sqlite"
    project = Project.open(db)
    project.add_article(NewArticle(title="Lage", text="Der Minister sagte, die Lage sei ernst."))
    project.close()
    config = tmp_path / "config"
    (config / "annotator").mkdir(parents=True)
    (config / "annotator" / "settings.json").write_text(json.dumps({"annotator": "lead"}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    window = subprocess.Popen([sys.executable, "-m", "annotator", "--db", str(db), "gui"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wal = db.with_name(db.name + "-wal")
        deadline = time.monotonic() + 60
        while not wal.exists() and time.monotonic() < deadline and window.poll() is None:
            time.sleep(0.2)
        assert wal.exists(), "the window never opened the project"
        time.sleep(3)  # the window shown and its event loop running
        window.send_signal(getattr(signal, ending))
        output, _ = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, output
    assert "Traceback" not in output
    assert not wal.exists() and not db.with_name(db.name + "-shm").exists()
    # the layout was saved on the way out, as a closed window saves it
    settings = json.loads((config / "annotator" / "settings.json").read_text(encoding="utf-8"))
    assert settings.get("window")
