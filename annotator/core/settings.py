"""The user's settings: annotator name, projects, last position, window layout.

One JSON file in ``platformdirs.user_config_dir("annotator")``. No Qt here:
the GUI stores its window layout as opaque base64 strings. Writes are
atomic (temp file + rename), so a crash never leaves half a settings file;
an unreadable file is moved aside and the user starts with defaults rather
than with an app that cannot start.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from annotator.core.database import APP_NAME

FILE_NAME = "settings.json"
MAX_RECENT = 10


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


@dataclass
class Position:
    """Where the reviewer was in one project: an article and a claim in it."""

    article_id: str
    claim_key: str | None = None


@dataclass
class Settings:
    annotator: str | None = None
    last_project: str | None = None
    recent_projects: list[str] = field(default_factory=list)
    # Keyed by the project's resolved path.
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Opaque strings the GUI writes (window geometry and dock layout).
    window: dict[str, str] = field(default_factory=dict)
    theme: str = "system"  # the window's View ▸ Theme: system, light or dark
    text_size: int = 0  # points added to the article text's font (Ctrl+plus/minus)
    path: Path | None = field(default=None, repr=False, compare=False)

    # -- loading and saving -------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
        except FileNotFoundError:
            return cls(path=path)
        except (OSError, ValueError):
            _move_aside(path)
            return cls(path=path)
        return cls._from_dict(raw, path)

    @classmethod
    def _from_dict(cls, raw: dict[str, Any], path: Path) -> Settings:
        def typed(key: str, kind: type, default: Any) -> Any:
            value = raw.get(key, default)
            return value if isinstance(value, kind) else default

        return cls(
            annotator=typed("annotator", str, None),
            last_project=typed("last_project", str, None),
            recent_projects=[p for p in typed("recent_projects", list, []) if isinstance(p, str)],
            positions=typed("positions", dict, {}),
            window=typed("window", dict, {}),
            theme=typed("theme", str, "system"),
            text_size=typed("text_size", int, 0),
            path=path,
        )

    def save(self) -> None:
        """Write the file atomically."""
        path = self.path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # -- projects and positions -----------------------------------------------

    def remember_project(self, project_path: Path | str) -> None:
        key = _key(project_path)
        self.last_project = key
        self.recent_projects = [key] + [p for p in self.recent_projects if p != key]
        del self.recent_projects[MAX_RECENT:]

    def position(self, project_path: Path | str) -> Position | None:
        raw = self.positions.get(_key(project_path))
        if not isinstance(raw, dict) or not isinstance(raw.get("article_id"), str):
            return None
        claim = raw.get("claim_key")
        return Position(raw["article_id"], claim if isinstance(claim, str) else None)

    def set_position(self, project_path: Path | str, position: Position) -> None:
        self.positions[_key(project_path)] = asdict(position)


def _key(project_path: Path | str) -> str:
    return str(Path(project_path).expanduser().resolve())


def _move_aside(path: Path) -> None:
    try:
        path.replace(path.with_name(path.name + ".unreadable"))
    except OSError:
        pass
