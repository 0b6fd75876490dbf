"""The user's settings file: name, projects, positions, layout."""

from __future__ import annotations

import json

from annotator.core.settings import Position, Settings, settings_path


def test_settings_live_in_the_user_config_folder(tmp_path):
    # conftest points XDG_CONFIG_HOME at a temp folder
    assert settings_path().parts[-2:] == ("annotator", "settings.json")
    assert not settings_path().exists()


def test_a_first_start_has_no_name_and_no_project():
    settings = Settings.load()
    assert settings.annotator is None and settings.last_project is None


def test_what_is_saved_is_loaded_again(tmp_path):
    project = tmp_path / "news.sqlite"
    settings = Settings.load()
    settings.annotator = "Jörg"
    settings.remember_project(project)
    settings.set_position(project, Position("abc123", "s17"))
    settings.window["geometry"] = "AAAA"
    settings.save()

    again = Settings.load()
    assert again.annotator == "Jörg"
    assert again.last_project == str(project.resolve())
    assert again.position(tmp_path / "." / "news.sqlite") == Position("abc123", "s17")
    assert again.window == {"geometry": "AAAA"}
    assert json.loads(settings_path().read_text(encoding="utf-8"))["annotator"] == "Jörg"


def test_recent_projects_are_most_recent_first_without_repeats(tmp_path):
    settings = Settings.load()
    for name in ["a", "b", "a", "c"]:
        settings.remember_project(tmp_path / f"{name}.sqlite")
    assert [p.rsplit("/", 1)[-1] for p in settings.recent_projects] == \
        ["c.sqlite", "a.sqlite", "b.sqlite"]


def test_an_unreadable_settings_file_is_moved_aside_not_fatal():
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    settings = Settings.load()
    assert settings.annotator is None
    assert path.with_name("settings.json.unreadable").read_text(encoding="utf-8") == "{not json"
    settings.annotator = "anna"
    settings.save()
    assert Settings.load().annotator == "anna"


def test_wrongly_typed_values_fall_back_to_defaults():
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"annotator": 5, "positions": [], "recent_projects": ["x", 3]}))
    settings = Settings.load()
    assert settings.annotator is None and settings.positions == {}
    assert settings.recent_projects == ["x"]
    assert settings.position("x") is None


def test_saving_is_atomic_no_temp_files_left(tmp_path):
    settings = Settings(path=tmp_path / "s.json", annotator="anna")
    settings.save()
    settings.save()
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]
