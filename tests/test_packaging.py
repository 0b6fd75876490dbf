"""The desktop app: self-check, launcher, spec, desktop integration, icons.

Building the bundle itself takes minutes; CI does it after the tests
(packaging/build.py --check). Here we check everything that is quick.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from configparser import ConfigParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import main
from annotator.core.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
APP_ID = "io.github.newsannotator.Annotator"
DESKTOP_FILE = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load_module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- annotator selftest ---------------------------------------------------------


def test_a_new_installation_checks_itself_and_reports_every_step(tmp_path):
    result = CliRunner().invoke(main, ["selftest"])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"annotator {__version__} selftest")
    steps = [line.split()[0] for line in lines[1:-1]]
    assert set(steps) <= {"ok", "skip"} and steps.count("ok") >= 4
    for step in ("resources", "spaCy", "highlighter", "import", "annotate", "export", "GUI", "window"):
        assert f" {step}" in result.output
    assert re.search(r"ok    import: [1-9]\d* demo articles", result.output)
    assert lines[-1].startswith("selftest passed")


def test_the_selftest_leaves_the_users_data_and_settings_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "mine.sqlite"))
    user_folders = [Path(os.environ[name]) for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")]

    result = CliRunner().invoke(main, ["selftest"])

    assert result.exit_code == 0, result.output
    assert not (tmp_path / "mine.sqlite").exists()
    assert [path for folder in user_folders if folder.exists() for path in folder.rglob("*")] == []


def test_a_broken_installation_fails_the_selftest_and_names_the_missing_file(tmp_path, monkeypatch):
    def nowhere(*parts):
        return tmp_path.joinpath("missing", *parts)

    monkeypatch.setattr("annotator.cli.selftest_cmd.resource_path", nowhere)

    result = CliRunner().invoke(main, ["selftest"])

    assert result.exit_code == 1
    assert "FAIL  resources: FileNotFoundError: demo corpus missing" in result.output
    assert "selftest FAILED" in result.output


def test_selftest_is_listed_in_the_help():
    result = CliRunner().invoke(main, ["--help"])

    assert "selftest" in result.output


# -- the bundle's launcher --------------------------------------------------------


@pytest.fixture
def launcher():
    return load_module(PACKAGING / "launcher.py")


COMMANDS = {"gui", "demo", "import", "selftest"}


def test_the_launcher_runs_a_command_as_the_command_line(tmp_path):
    """As the bundle runs it: `annotator selftest --help` is the command, not
    the window (the command modules load lazily, so the launcher must know
    every command's name without loading them)."""
    import sys

    result = subprocess.run([sys.executable, str(PACKAGING / "launcher.py"), "selftest", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage: annotator selftest" in result.stdout


def test_the_app_started_from_the_desktop_without_arguments_opens_the_window(launcher):
    assert launcher.with_gui_command(["annotator"], "/opt/annotator/annotator", COMMANDS) == ["gui"]


def test_the_app_given_only_a_project_opens_it_in_the_window(launcher):
    args = ["annotator", "--db", "x.sqlite"]

    assert launcher.with_gui_command(args, "/opt/annotator/annotator", COMMANDS) == ["--db", "x.sqlite", "gui"]


@pytest.mark.parametrize("args", [["--db", "x.sqlite", "import", "feed.jsonl"], ["selftest"],
                                  ["--version"], ["--help"], ["--db", "x.sqlite", "gui"]])
def test_the_app_with_a_command_is_the_command_line(launcher, args):
    assert launcher.with_gui_command(["annotator", *args], "/opt/annotator/annotator", COMMANDS) == args


def test_the_windowed_twin_always_opens_the_window_after_global_options(launcher):
    args = ["annotator-gui", "--db", "import"]  # a project file that happens to be called "import"

    assert launcher.with_gui_command(args, "C:/Annotator/annotator-gui.exe", COMMANDS) == ["--db", "import", "gui"]


# -- the PyInstaller spec and hooks ---------------------------------------------


@pytest.mark.parametrize("path", [PACKAGING / "annotator.spec", *sorted((PACKAGING / "hooks").glob("*.py")),
                                  PACKAGING / "build.py", PACKAGING / "render_icons.py"],
                         ids=lambda path: path.name)
def test_the_packaging_scripts_parse(path):
    ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_the_spec_names_files_that_exist():
    spec = (PACKAGING / "annotator.spec").read_text(encoding="utf-8")

    assert '"launcher.py"' in spec and (PACKAGING / "launcher.py").is_file()
    assert f'APP_ID = "{APP_ID}"' in spec
    assert (resource_path("icons", "hicolor", "512x512", "apps", f"{APP_ID}.png")).is_file()


def excluded_qt_modules() -> set[str]:
    spec = ast.parse((PACKAGING / "annotator.spec").read_text(encoding="utf-8"))
    for node in spec.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "QT_EXCLUDES":
            names = node.value.generators[0].iter  # [f"PySide6.{name}" for name in (...)]
            return {f"PySide6.{element.value}" for element in names.elts}
    raise AssertionError("no QT_EXCLUDES in the spec")


def test_the_spec_keeps_every_qt_module_the_app_imports():
    used = {match for path in (REPO / "annotator").rglob("*.py")
            for match in re.findall(r"PySide6\.Qt\w+", path.read_text(encoding="utf-8"))}

    assert "PySide6.QtWebEngineWidgets" in excluded_qt_modules()
    assert used and not used & excluded_qt_modules()


def test_the_spacy_hook_keeps_german_and_the_shared_language_modules():
    # The hook's constants and functions only: its imports and collection need PyInstaller.
    hook = ast.parse((PACKAGING / "hooks" / "hook-spacy.py").read_text(encoding="utf-8"))
    hook.body = [node for node in hook.body if isinstance(node, ast.FunctionDef)
                 or (isinstance(node, ast.Assign) and node.targets[0].id == "LANGUAGES")]
    namespace: dict = {}
    exec(compile(hook, "hook-spacy.py", "exec"), namespace)
    is_other_language = namespace["is_other_language"]

    assert is_other_language("spacy.lang.fr") and is_other_language("spacy.lang.grc.lex_attrs")
    assert not is_other_language("spacy.lang.de") and not is_other_language("spacy.lang.de.syntax_iterators")
    assert not is_other_language("spacy.lang.char_classes")
    assert not is_other_language("spacy.language")


# -- Linux desktop integration ----------------------------------------------------


def test_the_desktop_file_starts_the_gui_with_our_icon():
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP_FILE, encoding="utf-8")
    desktop = entry["Desktop Entry"]

    assert desktop["Exec"] == "annotator gui"
    assert desktop["Icon"] == APP_ID


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_the_appstream_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
                            capture_output=True, text=True)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_describes_this_release_and_launches_the_desktop_file():
    component = ElementTree.parse(METAINFO_FILE).getroot()

    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == DESKTOP_FILE.name
    assert component.find("releases/release").get("version") == __version__


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_icon_exists_in_every_hicolor_size(size):
    icon = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")

    assert png_size(icon) == (size, size)


def test_the_scalable_icon_is_the_drawn_svg():
    drawn = resource_path("icons", "annotator.svg")
    scalable = resource_path("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")

    assert ElementTree.parse(drawn).getroot().tag.endswith("svg")
    assert scalable.read_bytes() == drawn.read_bytes()


# -- installing the built bundle (Linux) ----------------------------------------


@pytest.fixture
def fake_bundle(tmp_path):
    """A folder shaped like dist/annotator: the program and _internal/ with our icons."""
    bundle = tmp_path / "dist" / "annotator"
    icons = bundle / "_internal" / "annotator" / "resources" / "icons"
    shutil.copytree(resource_path("icons"), icons)
    program = bundle / "annotator"
    program.write_text("#!/bin/sh\necho 'annotator, version test'\n")
    program.chmod(0o755)
    return bundle


def run_install(bundle: Path, prefix: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(PACKAGING / "install.sh"), *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(prefix), "BUNDLE": str(bundle),
                               "PREFIX": str(prefix)})


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_installing_the_bundle_puts_it_in_the_desktop_menu_and_uninstalling_removes_it(fake_bundle, tmp_path):
    prefix = tmp_path / "prefix"

    installed = run_install(fake_bundle, prefix)

    assert installed.returncode == 0, installed.stderr
    entry = prefix / "share" / "applications" / DESKTOP_FILE.name
    assert f"Exec={prefix}/lib/annotator/annotator gui" in entry.read_text()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "metainfo" / METAINFO_FILE.name).is_file()
    assert subprocess.run([str(prefix / "bin" / "annotator")], capture_output=True,
                          text=True).stdout.startswith("annotator, version")
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)]).returncode == 0

    removed = run_install(fake_bundle, prefix, "--uninstall")

    assert removed.returncode == 0, removed.stderr
    assert not entry.exists() and not (prefix / "lib" / "annotator").exists()
    assert not (prefix / "bin" / "annotator").exists()


def test_installing_without_a_built_bundle_says_how_to_build_it(tmp_path):
    result = run_install(tmp_path / "nothing", tmp_path / "prefix")

    assert result.returncode == 1
    assert "python packaging/build.py" in result.stderr
