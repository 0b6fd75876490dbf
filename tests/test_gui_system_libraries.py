"""A bare machine: before Qt loads, the window names every missing system
library with the command that installs it (Qt itself named one and aborted)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from annotator import system_libraries
from annotator.cli import main as cli
from annotator.gui import app as gui_app

README = Path(__file__).resolve().parents[1] / "README.md"
X11 = {"DISPLAY": ":0"}


def without(*missing: str):
    return lambda soname: soname not in missing


def test_every_missing_library_is_named_with_its_apt_command():
    message = system_libraries.check(without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"), X11)
    assert "libxcb-icccm4" in message and "libxcb-keysyms1" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert "libxcb-cursor0" not in message  # present: not named


def test_nothing_missing_or_no_x11_means_no_message():
    assert system_libraries.check(without(), X11) is None
    nothing = without(*system_libraries.XCB_LIBRARIES)
    assert system_libraries.check(nothing, {"QT_QPA_PLATFORM": "offscreen"}) is None
    assert system_libraries.check(nothing, {"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert system_libraries.check(nothing, {"QT_QPA_PLATFORM": "xcb"}) is not None


def test_no_display_is_said_in_words_instead_of_a_qt_core_dump():
    """Over SSH without X forwarding, with every library present, Qt aborted
    ("could not connect to display", core dumped): the check says why first."""
    message = system_libraries.check(without(), {})
    assert message is not None and "no display" in message and "ssh -X" in message
    assert system_libraries.check(without(), X11) is None


def test_the_readme_apt_line_lists_every_library_the_check_knows():
    line = next(line for line in README.read_text(encoding="utf-8").splitlines()
                if "sudo apt-get install libgl1" in line)
    listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", line.split("install", 1)[1]))
    assert set(system_libraries.XCB_LIBRARIES.values()) <= listed


def test_gui_start_says_what_is_missing_instead_of_loading_qt(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(system_libraries, "loadable", without("libxcb-keysyms.so.1"))
    monkeypatch.setattr(system_libraries, "uses_xcb", lambda environ=None: True)
    assert gui_app.run(tmp_path / "p.sqlite") == 1
    assert "sudo apt-get install libxcb-keysyms1" in capsys.readouterr().err
    assert not (tmp_path / "p.sqlite").exists()


def test_demo_says_it_before_building_the_project(monkeypatch, tmp_path):
    monkeypatch.setattr(system_libraries, "check",
                        lambda: system_libraries.missing_message(["libxcb-icccm4"]))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "demo.sqlite"), "demo"])
    assert result.exit_code == 1
    assert "sudo apt-get install libxcb-icccm4" in result.output
    assert not (tmp_path / "demo.sqlite").exists()


def test_the_check_runs_before_any_qt_library_loads():
    """On a bare Debian even `import PySide6.QtCore` fails (libglib is missing),
    so `annotator demo`, `annotator gui` and `annotator-gui` must check without
    importing annotator.gui, whose package loads QtCore."""
    import subprocess
    import sys

    probe = ("import sys\n"
             "import annotator.gui_launcher, annotator.cli.app_cmds, annotator.system_libraries as s\n"
             "s.check()\n"
             "print(sorted(m for m in sys.modules\n"
             "             if m.split('.')[0] == 'PySide6' or m.split('.')[:2] == ['annotator', 'gui']))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
