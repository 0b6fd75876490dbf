"""Before Qt loads: are the system libraries Qt and its X11 (xcb) platform need there?

Qt's own error names only the first library it misses (and on Debian it named
xcb-cursor0, which was installed, while libxcb-icccm4 and libxcb-keysyms1 were
not), then aborts. This check tries each library the xcb plugin links to and
names every missing one with the apt command that installs it.

The list is ``ldd`` of PySide6's ``plugins/platforms/libqxcb.so`` and
``lib/libQt6XcbQpa.so.6`` (PySide6 6.x), minus the C runtime and Qt's own
libraries. It also covers what Qt's core libraries need (libglib, libGL),
which a bare Debian lacks too: there even ``import PySide6.QtCore`` fails.

This module lives outside ``annotator.gui`` on purpose: importing that package
loads QtCore (gui/compat.py), so a check inside it would never run on the
machines it is for. No Qt import here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# soname -> Debian/Ubuntu package (the README's apt line lists the same packages)
XCB_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds the library (it loads it, as Qt would)."""
    try:
        ctypes.CDLL(soname, mode=getattr(os, "RTLD_LAZY", 0))
    except OSError:
        return False
    return True


def uses_xcb(environ: dict[str, str] | os._Environ[str] | None = None,
             platform: str | None = None) -> bool:
    """Whether Qt will load its xcb plugin: on Linux, unless another platform is
    chosen (offscreen, wayland) or a Wayland session without X is running."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"))


def missing_libraries(is_loadable: Callable[[str], bool] | None = None) -> list[str]:
    """The Debian packages of the xcb libraries the loader cannot find."""
    is_loadable = is_loadable or loadable
    return [package for soname, package in XCB_LIBRARIES.items() if not is_loadable(soname)]


def missing_message(packages: list[str]) -> str:
    return ("The window cannot start: Qt's X11 platform needs system libraries that are "
            "missing:\n  " + "\n  ".join(packages) + "\nInstall them with:\n"
            "  sudo apt-get install " + " ".join(packages) + "\n"
            "(Other systems: install the packages providing these libraries.)")


NO_DISPLAY_MESSAGE = (
    "The window cannot start: there is no display to show it on (DISPLAY is not set). "
    "Start it from a desktop session, or over SSH with X forwarding (ssh -X). "
    "Every other command works without a display: see `annotator --help`.")


def check(is_loadable: Callable[[str], bool] | None = None,
          environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """None when the window can start, else the message naming every missing
    library, or saying there is no display (Qt would abort with a core dump)."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ):
        return None
    packages = missing_libraries(is_loadable)
    if packages:
        return missing_message(packages)
    return None if environ.get("DISPLAY") else NO_DISPLAY_MESSAGE
