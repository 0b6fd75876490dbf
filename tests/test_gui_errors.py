"""Error dialogs say what happened and what to do."""

from __future__ import annotations

import errno
import sqlite3

from annotator.core.database import ProjectError
from annotator.core.importer import InputError
from annotator.gui.errors import explain


def test_a_full_disk_is_named_and_the_advice_is_to_free_space():
    happened, todo = explain(OSError(errno.ENOSPC, "No space left on device", "/data/p.sqlite"))
    assert happened == "The disk is full." and "Free some disk space" in todo
    happened, _ = explain(sqlite3.OperationalError("database or disk is full"))
    assert happened == "The disk is full."


def test_an_unreadable_file_names_the_file():
    happened, todo = explain(PermissionError(errno.EACCES, "Permission denied", "/in/feed.jsonl"))
    assert "/in/feed.jsonl" in happened and "Permission denied" in happened
    assert "read and write" in todo


def test_a_locked_database_says_to_wait_and_that_nothing_saved_was_lost():
    happened, todo = explain(sqlite3.OperationalError("database is locked"))
    assert "locked" in happened and "try again" in todo and "lost" in todo


def test_bad_input_names_file_and_line_and_the_unchanged_project():
    happened, todo = explain(InputError("feed.csv", 12, "malformed CSV"))
    assert happened == "Cannot import feed.csv, line 12: malformed CSV"
    assert "not changed" in todo


def test_a_project_error_is_passed_on_with_advice():
    happened, todo = explain(ProjectError("x.sqlite: not a project database"))
    assert happened == "x.sqlite: not a project database" and "another file" in todo
