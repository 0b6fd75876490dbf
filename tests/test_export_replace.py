"""Exporting again to the same file replaces the earlier export in one step
(readers see the old file or the new one), leaves no temporary file behind,
and does so where the atomic swap is missing too."""

from __future__ import annotations

import os
import sys

import pytest

from annotator.core.export import replace
from annotator.core.export.files import AtomicOutputs


def export_twice(tmp_path, first: bytes, second: bytes):
    final = tmp_path / "claims.jsonl"
    for data in (first, second):
        outputs = AtomicOutputs()
        outputs.file(final).write_bytes(data)
        outputs.commit()
    return final


def test_a_re_export_replaces_the_earlier_file_and_leaves_nothing_else(tmp_path):
    final = export_twice(tmp_path, b"alt\n" * 1000, b"neu\n")
    assert final.read_bytes() == b"neu\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_the_names_are_swapped_not_renamed_over(tmp_path, monkeypatch):
    """(os.replace over an existing file makes ext4 write the new file to disk first.)"""
    monkeypatch.setattr(os, "replace", lambda *a: pytest.fail("os.replace over an existing export"))
    old = tmp_path / "old"
    old.write_bytes(b"alt")
    new = tmp_path / "new"
    new.write_bytes(b"neu")
    if replace._renameat2() is None:
        pytest.skip("this C library has no renameat2")
    replace.replace_file(new, old)
    assert old.read_bytes() == b"neu" and not new.exists()


def test_without_the_swap_the_file_is_still_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(replace, "_RENAMEAT2", [None])
    final = export_twice(tmp_path, b"alt\n", b"neu\n")
    assert final.read_bytes() == b"neu\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


def test_a_file_system_refusing_the_swap_falls_back_to_a_rename(tmp_path, monkeypatch):
    monkeypatch.setattr(replace, "_RENAMEAT2", [lambda *args: -1])  # as for EINVAL
    final = export_twice(tmp_path, b"alt\n", b"neu\n")
    assert final.read_bytes() == b"neu\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]

