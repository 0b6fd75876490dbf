"""Peak memory of importing one huge text, against a small import (baseline).

Texts over the 8 MiB limit are refused; the refusal must not read the text
whole, so peak memory stays near the baseline whatever the size. Prints
peak RSS (MB) of an ``annotator import`` child process per format and size.

    .venv/bin/python bench/hostile_memory.py [SIZE_MB ...]   (default: 20 60 120)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys
from annotator.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
    code = 0
except Exception:
    code = 1
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)
"""


def peak_rss_mb(args: list[str]) -> tuple[float, int]:
    """Peak RSS of the import's own process (measured inside it, so memory
    of this script's fork is not counted) and whether it succeeded (0/1)."""
    result = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True)
    peak_kb, code = result.stderr.strip().splitlines()[-1].split()
    return int(peak_kb) / 1024, int(code)


def write_inputs(folder: Path, megabytes: int) -> dict[str, Path]:
    """One article of ``megabytes`` MB per format, written in 1 MB chunks
    (this script stays small: a child's peak RSS starts from its fork)."""
    chunk = "Wort " * (1024 * 1024 // 5)
    files = {"txt": folder / f"big{megabytes}.txt", "jsonl": folder / f"big{megabytes}.jsonl",
             "csv": folder / f"big{megabytes}.csv"}
    for fmt, path in files.items():
        with path.open("w") as out:
            out.write({"txt": "", "jsonl": '{"text": "', "csv": "text\n"}[fmt])
            for _ in range(megabytes):
                out.write(chunk)
            out.write({"txt": "", "jsonl": '"}\n', "csv": "\n"}[fmt])
    return files


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small = folder / "small.jsonl"
        small.write_text(json.dumps({"text": "Ein kleiner Artikel."}) + "\n")
        base, _ = peak_rss_mb(["--db", str(folder / "base.sqlite"), "import", "--no-highlight", "-q", str(small)])
        print(f"baseline (one small article): {base:.0f} MB peak RSS")
        print(f"{'format':<7}{'size MB':>8}{'peak MB':>9}{'exit':>5}")
        for size in sizes:
            for fmt, path in write_inputs(folder, size).items():
                db = folder / f"{fmt}{size}.sqlite"
                peak, code = peak_rss_mb(["--db", str(db), "import", "--no-highlight", "-q", str(path)])
                print(f"{fmt:<7}{size:>8}{peak:>9.0f}{code:>5}")
                path.unlink()
        print("(flat peak = bounded memory; exit 1 = refused as too long, as texts over 8 MiB are)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20, 60, 120])
