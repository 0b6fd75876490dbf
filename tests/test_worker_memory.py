"""A highlighting worker's memory stays bounded however long the import:
spaCy's tables grow with every word form a worker has ever met, and nothing
shrinks them, so the pool is renewed after a number of articles (not of
jobs: rendering a batch's export lines leaves no words behind)."""

from __future__ import annotations

from annotator.core import parallel_highlight
from annotator.core.export.import_lines import render_job
from annotator.core.parallel_highlight import _Pool, highlight_batch


class _Executor:
    """Stands in for a ProcessPoolExecutor: records what it was given."""

    def __init__(self):
        self.jobs: list = []
        self.shut = False

    def submit(self, fn, *args):
        assert not self.shut, "a retired pool gets no new job"
        self.jobs.append(fn)
        return fn

    def shutdown(self, wait=True, cancel_futures=False):
        self.shut = True


def test_the_pool_is_renewed_after_so_many_highlighted_articles_not_jobs(monkeypatch):
    monkeypatch.setattr(parallel_highlight, "RENEW_AFTER", 100)
    started: list[_Executor] = []
    monkeypatch.setattr(_Pool, "_start", lambda self: started.append(_Executor()) or started[-1])
    pool = _Pool(2, spec=None)  # type: ignore[arg-type]
    batch = ["ein Text"] * 40
    for _ in range(3):  # 120 articles: the third batch still goes to the first pool
        pool.submit(highlight_batch, None, batch, None)
        pool.submit(render_job, "jsonl", (), {})  # rendering counts for nothing
    assert len(started) == 1
    pool.submit(highlight_batch, None, batch, None)  # past 100: a new pool takes it
    assert len(started) == 2 and started[0].shut and not started[1].shut  # the old one ended first
    assert started[1].jobs == [highlight_batch]
    pool.submit(render_job, "jsonl", (), {})  # the batch's render goes where new jobs go
    assert started[1].jobs == [highlight_batch, render_job]
    pool.close()
    assert all(executor.shut for executor in started)


def test_spacys_string_table_keeps_the_cells_of_words_a_memory_zone_removed():
    """Why the pool is renewed at all: each memory zone removes the words it
    added, but the string store's hash table keeps their cells until it
    doubles. If this fails, a spaCy or preshed upgrade shrinks the table,
    and renewing the pool (RENEW_AFTER) may no longer be needed."""
    import spacy

    nlp = spacy.blank("de")
    strings = nlp.vocab.strings
    for n in range(20_000):
        strings.add(f"dauerhaft{n}")
    held, cells = len(strings), strings._map.capacity
    for zone in range(40):
        with nlp.memory_zone():
            for n in range(5_000):
                strings.add(f"einmal{zone}-{n}")
    assert len(strings) == held  # every word of the zones was removed ...
    assert strings._map.capacity >= 4 * cells  # ... and the table grew all the same
