#!/usr/bin/env python3
"""Build the desktop bundle with PyInstaller and (optionally) check it.

Usage (from any folder, with the Python that has the annotator installed):

    python packaging/build.py            # build dist/annotator/
    python packaging/build.py --check    # ... then run --version and selftest in it
    python packaging/build.py --archive  # ... and pack dist/annotator-<version>-<os>.tar.gz

Needs PyInstaller (``pip install pyinstaller``). Prints the build time and the
bundle's size; exits non-zero if the build or a check fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "annotator.spec"


def bundle_folder(dist: Path) -> Path:
    return dist / "annotator"


def bundle_executable(dist: Path) -> Path:
    name = "annotator.exe" if sys.platform == "win32" else "annotator"
    return bundle_folder(dist) / name


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
                    str(SPEC)], check=True, cwd=ROOT)
    return time.perf_counter() - started


def check(dist: Path) -> None:
    """The built app answers --version and passes its self-check."""
    exe = str(bundle_executable(dist))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for args in ([exe, "--version"], [exe, "selftest"]):
        print("$", " ".join(args), flush=True)
        subprocess.run(args, check=True, env=env, cwd=dist)


def archive(dist: Path) -> Path:
    from annotator import __version__

    system = f"{platform.system().lower()}-{platform.machine().lower()}"
    target = dist / f"annotator-{__version__}-{system}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle_folder(dist), arcname=f"annotator-{__version__}")
        tar.add(HERE / "linux", arcname=f"annotator-{__version__}/packaging/linux")
        tar.add(HERE / "install.sh", arcname=f"annotator-{__version__}/install.sh")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (build/pyinstaller/)")
    parser.add_argument("--check", action="store_true", help="run --version and selftest in the bundle")
    parser.add_argument("--archive", action="store_true", help="pack the bundle as a .tar.gz")
    options = parser.parse_args()
    if not _has_pyinstaller():
        sys.exit("PyInstaller is not installed: pip install pyinstaller")
    seconds = build(options.dist, options.work)
    size = folder_size(bundle_folder(options.dist))
    print(f"built {bundle_folder(options.dist)} in {seconds / 60:.1f} min, "
          f"{size / 1e6:.0f} MB", flush=True)
    if options.check:
        check(options.dist)
    if options.archive:
        target = archive(options.dist)
        print(f"archive {target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


def _has_pyinstaller() -> bool:
    import importlib.util

    return importlib.util.find_spec("PyInstaller") is not None


if __name__ == "__main__":
    sys.exit(main())
