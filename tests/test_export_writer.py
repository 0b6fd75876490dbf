"""The export copies the cache's lines into its file in a background thread
while it reads on: the bytes still come out in order, a failing disk still
fails the export (with its error), and a cancelled export stops writing
before its files and the cache's pack are closed."""

from __future__ import annotations

import os
import threading

import pytest

from annotator.core.export import line_export, output_writer
from annotator.core.export.line_export import LineFiles
from annotator.core.export.output_writer import OutputWriter


def pack_of(tmp_path, data: bytes) -> int:
    path = tmp_path / "lines.pack"
    path.write_bytes(data)
    return os.open(path, os.O_RDONLY)


def test_lines_written_and_copied_come_out_in_the_order_given(tmp_path, monkeypatch):
    monkeypatch.setattr(line_export, "_COPY_AT", 8)  # copies start while lines are still given
    monkeypatch.setattr(output_writer, "STEP", 5)  # and are cut into steps
    pack = pack_of(tmp_path, b"".join(b"line %02d\n" % n for n in range(40)))
    out = tmp_path / "out.jsonl"
    out.touch()
    files = LineFiles({"all": out})
    expected = b""
    for n in range(40):
        if n % 7 == 3:
            data = b"fresh %02d\n" % n
            files.write("all", data)
            expected += data
        else:
            files.copy("all", pack, n * 8, 8)
            expected += b"line %02d\n" % n
    files.flush()
    files.close()
    os.close(pack)
    assert out.read_bytes() == expected


def test_a_failing_write_fails_the_export_with_its_error(tmp_path):
    writer = OutputWriter()
    read_only = os.open(tmp_path / "x", os.O_RDONLY | os.O_CREAT, 0o644)
    writer.write(read_only, b"nicht schreibbar")
    with pytest.raises(OSError):
        writer.wait()
    with pytest.raises(OSError):  # and nothing more is accepted
        writer.write(read_only, b"noch mehr")
    writer.stop()
    os.close(read_only)


def test_stopping_drops_what_is_queued_and_ends_the_thread(tmp_path, monkeypatch):
    started, release = threading.Event(), threading.Event()
    written: list[bytes] = []

    def slow_write(fd, data):
        started.set()
        release.wait(5)
        written.append(data)

    monkeypatch.setattr(output_writer, "write_fd", slow_write)
    writer = OutputWriter()
    writer.write(1, b"under way")
    started.wait(5)
    for n in range(output_writer.WAITING):
        writer.write(1, b"queued %d" % n)
    threading.Timer(0.2, release.set).start()  # the write under way ends while stop() waits
    writer.stop()
    writer.stop()  # twice is harmless (the export's error path and close both stop it)
    assert written == [b"under way"]
    assert not writer._thread.is_alive()
