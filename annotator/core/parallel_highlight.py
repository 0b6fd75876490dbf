"""Highlighting batches of texts on every core (or on a Dask cluster), the
results coming back in the order the batches were submitted.

The pre-highlighter costs a few milliseconds per news article, all of it
CPU-bound Python, so an import or a ``highlight`` run over many articles
spreads batches over worker processes. Only the process that asked writes
anything (the project database, the token cache, stdout): workers receive
texts and return plain data.

What a worker returns for each text (:func:`highlight_batch`): the claim
suggestions (as flat tuples, :func:`pack_claims`; rebuilt on arrival),
when asked the text's token offsets, so that a first export finds them in
the token cache and never runs the tokenizer again
(:mod:`annotator.core.highlight_tokens`), and the claims' facts prepared
for the related-claims index (``facts.PreparedFacts``). What travels is
plain values: pickling objects cost the writer more than writing them.

Three ways to run batches, one interface (``submit(fn, *args)`` returning a
future with ``done()`` and ``result()``):

* :class:`InProcess` - here, at once (small inputs, or no second core);
* :func:`process_pool` - worker processes that die with their parent,
  forked from a process that loaded the highlighter once (or spawned);
* a ``dask.distributed`` client (:mod:`annotator.core.parallel_dask`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotator.core.worker_start import WORKER_NICE, forkservers, lower_priority, worker_context  # noqa: F401 (WORKER_NICE: named here by tests)

BATCH = 64  # texts per batch: ~0.2 s of work, small enough to keep order cheap
IN_FLIGHT_PER_WORKER = 3  # batches queued per worker: workers never idle, memory stays bounded
PARALLEL_FROM_BYTES = 2_000_000  # smaller inputs (~1,000 articles) are highlighted here:
# starting a worker (importing spaCy, loading the lexicons) costs 2-4 s
ZONE_FROM_STRINGS = 100_000  # ~1,500 fresh news articles, ~60 MB: then batches free their new words
RENEW_AFTER = 30_000  # articles a worker pool highlights before new jobs go to a new one (0: never; see _Pool)


@dataclass(frozen=True)
class Learned:
    """What a project learned (``annotator learn``), as plain data a worker
    rebuilds the project's pipeline from with core/learning's own functions:
    the lexicon entries in use, the re-scorer and the span corrector (their
    stored JSON)."""

    cues: tuple[str, ...]
    sources: tuple[str, ...]
    model: bytes | None  # Rescorer.to_bytes(), checked again when read
    hide_below: float | None
    corrector: bytes | None = None  # Corrector.to_bytes(), checked again when read


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same highlighter as this process."""

    model: str  # load_highlighter's argument: "blank" or a spaCy package name
    version: str  # the parent's version string; a worker with another one refuses
    with_tokens: bool  # also return tokens (for the token cache)
    with_facts: bool = False  # also return each claim's facts (for the related-claims index)
    learned: Learned | None = None  # the project's learned pipeline, else the rules by name


class WrongPipeline(RuntimeError):
    """A worker built a highlighter that differs from this process's one."""


def spec_of(highlighter, with_tokens: bool, with_facts: bool = False, learned: Learned | None = None,
            ) -> PipelineSpec:
    base = getattr(highlighter, "highlighter", highlighter) if learned is not None else highlighter
    return PipelineSpec(getattr(base, "model", None) or "blank", highlighter.version, with_tokens,
                        with_facts, learned)


# -- the work (runs in workers, or here) --------------------------------------


Result = tuple[list, Any, Any]  # (claims, tokens or None, facts of each claim or None)


def highlight_batch(spec: PipelineSpec, texts: list[str], published: list | None = None) -> list[Result]:
    """In a worker: (claims, tokens, facts) for each text, in order, by the
    highlighter ``spec`` names (loaded once per process)."""
    highlighter = _pipeline(spec)
    if highlighter.version != spec.version:
        raise WrongPipeline(f"a worker has highlighter {highlighter.version}, "
                            f"this process {spec.version}: install the same annotator everywhere")
    found = highlight_with(highlighter, spec.with_tokens, texts, published if spec.with_facts else None)
    return [(pack_claims(claims), tokens, facts) for claims, tokens, facts in found]


# What travels back to the writer: each claim as a flat tuple of plain values,
# not a dataclass holding Spans and an Enum (pickling those cost the writer
# ~7 us a claim to load, plus the worker's dumps; a flat tuple costs ~2 us to rebuild).
_NO_SPAN = (None, None)


def pack_claims(claims: list) -> list[tuple]:
    return [(c.start, c.end, *((c.source.start, c.source.end) if c.source is not None else _NO_SPAN),
             *((c.cue.start, c.cue.end) if c.cue is not None else _NO_SPAN), c.attribution.value, c.hedged,
             c.score, c.id, c.article_id, c.pipeline, c.pipeline_version) for c in claims]


def unpack_claims(rows: list[tuple]) -> list:
    """The ClaimSuggestions of :func:`pack_claims`, equal to the worker's."""
    from annotator.core.models import Attribution, ClaimSuggestion, Span

    attributions = {a.value: a for a in Attribution}  # Attribution(value) is a slow Python call
    out = []
    for start, end, source_start, source_end, cue_start, cue_end, attribution, hedged, score, *stored in rows:
        out.append(ClaimSuggestion(start, end, Span(source_start, source_end) if source_start is not None else None,
                                   Span(cue_start, cue_end) if cue_start is not None else None,
                                   attributions[attribution], hedged, score, *stored))
    return out


_learned_pipelines: dict[PipelineSpec, Any] = {}  # per worker process


def _pipeline(spec: PipelineSpec):
    """The highlighter ``spec`` names, built once per process."""
    from annotator.core.highlight import load_highlighter

    if spec.learned is None:
        return load_highlighter(spec.model)
    if spec not in _learned_pipelines:
        _learned_pipelines.clear()  # one project's pipeline at a time
        _learned_pipelines[spec] = build_learned(spec.model, spec.learned)
    return _learned_pipelines[spec]


def build_learned(model: str, learned: Learned):
    """The project's pipeline as core/learning builds it (project_pipeline)."""
    from annotator.core.highlight import load_highlighter
    from annotator.core.learning.apply import load_model
    from annotator.core.learning.learned_rules import learned_highlighter
    from annotator.core.learning.pipeline import LearnedPipeline

    if learned.cues or learned.sources:
        rules = learned_highlighter(list(learned.cues), list(learned.sources), model)
    else:
        rules = load_highlighter(model)
    from annotator.core.learning.corrector import Corrector

    rescorer = load_model(learned.model)[0] if learned.model is not None else None
    corrector = Corrector.from_bytes(learned.corrector) if learned.corrector is not None else None
    return LearnedPipeline(rules, rescorer, learned.hide_below, learned_cues=learned.cues, corrector=corrector)


def learned_of(highlighter, project) -> Learned | None:
    """What workers need to rebuild ``highlighter``, a project's learned
    pipeline (learning.project_store.project_pipeline), or None when it is
    not one or they could not build the same (its version says)."""
    from annotator.core.learning.pipeline import LearnedPipeline

    if type(highlighter) is not LearnedPipeline or project is None:
        return None
    from annotator.core.highlight import Highlighter
    from annotator.core.learning.lexicon_learner import in_use
    from annotator.core.learning.project_store import learned_entries

    if is_plain(highlighter.plain):
        # nothing learned yet (the CLI and the window always pass the project's
        # pipeline): the rules by name, which give tokens, so the import
        # renders the first export's lines; sent as "learned", none were made
        return None
    rules = highlighter.highlighter
    learned = Learned(tuple(sorted(highlighter.learned_cues)), tuple(in_use(learned_entries(project), "source")),
                      highlighter.model.to_bytes() if highlighter.model is not None else None,
                      highlighter.hide_below,
                      highlighter.corrector.to_bytes() if highlighter.corrector is not None else None)
    base = getattr(rules, "model", None) or "blank"
    if type(rules) is not Highlighter or build_learned(base, learned).version != highlighter.version:
        return None  # e.g. a re-scorer built apart: it highlights here
    return learned


def highlight_with(highlighter, with_tokens: bool, texts: list[str], published: list | None = None,
                   ) -> list[Result]:
    """(claims, tokens or None, facts or None) for each text, by
    ``highlighter``: a loaded Highlighter (its Docs give the tokens too), or
    any object with its ``pipe``, e.g. one that re-scores (then without
    tokens). Facts (:func:`new_suggestions.claim_facts`) when ``published``
    (each text's publication date) is given."""
    if not is_plain(highlighter) or any(len(text) > highlighter.nlp.max_length for text in texts):
        # a wrapper, or a text the highlighter cuts into pieces (long_texts): its own pipe()
        found = [(list(claims), None) for claims in highlighter.pipe(texts, batch_size=len(texts) or 1)]
    else:
        with _memory_zone(highlighter.nlp):
            found = [(list(doc._.annotator_claims), _offsets(doc) if with_tokens else None)
                     for doc in highlighter.nlp.pipe(texts, batch_size=len(texts) or 1)]
    if published is None:
        return [(claims, tokens, None) for claims, tokens in found]
    from annotator.core.new_suggestions import claim_facts

    return [(claims, tokens, claim_facts(text, claims, date))
            for (claims, tokens), text, date in zip(found, texts, published)]


def _memory_zone(nlp):
    """spaCy keeps every word form it meets (string store, lexemes, the
    tokenizer's cache): on fresh news a worker grew ~25 MB per 1,000
    articles (bench_import.py --feed fresh). Once it keeps ZONE_FROM_STRINGS
    strings, each batch is highlighted inside ``nlp.memory_zone()``, which
    drops what the batch added when it ends, so memory stays flat while the
    words met before (the frequent ones) stay cached. Only plain data leaves
    the zone: claims and offsets."""
    zone = getattr(nlp, "memory_zone", None)  # spaCy >= 3.8
    if zone is None or len(nlp.vocab.strings) < ZONE_FROM_STRINGS:
        from contextlib import nullcontext

        return nullcontext()
    return zone()


def is_plain(highlighter) -> bool:
    """Whether ``highlighter`` is a Highlighter as load_highlighter() makes it,
    which a worker rebuilds by name. A wrapper (the learned re-scorer, a
    test's stand-in) or a variant (learned lexicon entries) runs here,
    through its own ``pipe``."""
    from annotator.core.highlight import Highlighter, is_loaded_by_name

    return type(highlighter) is Highlighter and is_loaded_by_name(highlighter)


def unwrap(highlighter):
    """The highlighter itself where a wrapper adds nothing (``plain``)."""
    return getattr(highlighter, "plain", highlighter)


def _offsets(doc):
    """The doc's token offsets as int arrays: a quarter the size of int lists
    when pickled, and what the token cache stores (their JSON is rendered by
    the export that needs it, not here: that would cost the import ~10%)."""
    from array import array

    from spacy.attrs import IDX, LENGTH

    from annotator.core.export.tokens import Tokens

    starts, ends = array("i"), array("i")
    if len(doc):
        columns = doc.to_array([IDX, LENGTH]).astype("int32")
        starts.frombytes(columns[:, 0].tobytes())
        ends.frombytes((columns[:, 0] + columns[:, 1]).tobytes())
    return Tokens(starts, ends)


# -- ways to run it -------------------------------------------------------------


class _Done:
    """A future that is already resolved (work done in this process)."""

    def __init__(self, fn: Callable, args: tuple):
        try:
            self.value, self.error = fn(*args), None
        except Exception as error:  # handed over on result(), like a real future
            self.value, self.error = None, error

    def done(self) -> bool:
        return True

    def result(self):
        if self.error is not None:
            raise self.error
        return self.value


class InProcess:
    """Runs each batch at once, in this process."""

    workers = 1

    def submit(self, fn: Callable, *args) -> _Done:
        return _Done(fn, args)

    def close(self) -> None:
        pass


class _Pool:
    """A ProcessPoolExecutor whose close() drops queued batches, renewed
    after it has highlighted RENEW_AFTER articles.

    Why renew: a worker's memory grows with every word it has met once,
    in a structure no code of ours holds. Inside spaCy's memory zone
    (:func:`_memory_zone`) each batch's new words are added to the string
    store's and the vocabulary's hash tables and removed at the zone's end,
    but preshed's tables only mark a removed cell deleted: the cells stay
    used until the table doubles, and it doubles every time as many words
    were added as it has cells. So both tables grow with the number of
    word forms *ever* added in zones (~55 lexemes and ~80 strings per fresh
    news article, ~16 bytes a cell), though they hold 100,000 strings:
    ~50 MB of one worker's job's +90 MB from 10,000 to 100,000 articles, the
    rest the highlighter's per-word noun-kind memo (docs/benchmarks.md,
    "Eighth round"). spaCy has no way to shrink them; a new process does.

    Renewing: the old pool finishes what it was given (its results wait in
    their futures: InOrder keeps the order) and its workers and threads end;
    only then does the new pool start. Not beside it: two pools at once hold
    twice the workers' memory, and with the new pool started beside the old
    one the writer gained ~30 MB at the first renewal (its new threads find
    no malloc arena free and make new ones: suspected). The pipeline waits for
    the old jobs and the new workers' start (~2 s every RENEW_AFTER
    articles); a spawned worker's start costs ~1-1.5 s of CPU, ~0.1 ms per
    article; one forked from the forkserver (:func:`worker_context`) almost
    nothing."""

    def __init__(self, workers: int, spec: PipelineSpec):
        self.workers, self.spec = workers, spec
        self.context = worker_context()
        self.pool, self.articles = self._start(), 0
        self.closed = False
        forkservers.open(self.context)

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context,
                                   initializer=_start_worker, initargs=(self.spec,))

    def submit(self, fn: Callable, *args):
        if fn is highlight_batch:  # (spec, texts, published): other jobs (render) leave no words behind
            if RENEW_AFTER and self.articles >= RENEW_AFTER:
                self.pool.shutdown(wait=True)  # runs what it holds; its workers and threads end
                self.pool, self.articles = self._start(), 0
            self.articles += len(args[1])
        return self.pool.submit(fn, *args)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)  # its workers have exited
        if not self.closed:
            self.closed = True
            forkservers.close(self.context)


def process_pool(workers: int, spec: PipelineSpec) -> _Pool:
    return _Pool(workers, spec)


def _start_worker(spec: PipelineSpec) -> None:
    """In each worker: die with the parent, run at a lower priority, then
    load the highlighter once."""
    import multiprocessing
    import threading

    from annotator.core.worker_start import exit_with

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=exit_with, args=(parent.sentinel,), daemon=True).start()
    lower_priority()
    from annotator.core.worker_spacy import import_spacy

    import_spacy()  # without spaCy's command line (done already in a forkserver's fork)
    _pipeline(spec)
    from annotator.core.import_gc import settle_worker

    settle_worker()  # what is loaded never becomes garbage: out of the collector's way


def worker_count(requested: int | None, input_bytes: int) -> int:
    """Workers for this run: ``requested`` if given (0 or 1: in-process),
    else one per core (at most 4) for inputs worth it, else 0."""
    if requested is None and input_bytes < PARALLEL_FROM_BYTES:
        return 0
    # the export's rules: cores worth using, and when spawned workers are safe
    from annotator.core.export.parallel import main_module_is_safe
    from annotator.core.export.parallel import worker_count as cores

    if requested is not None:
        return requested if requested > 1 and main_module_is_safe() else 0
    return cores()


def open_queue(highlighter, *, with_tokens: bool, workers: int | None, dask: str | None,
               input_bytes: int, with_facts: bool = False, project=None) -> InOrder:
    """Batches for ``highlighter``: on a Dask scheduler (``dask="local"``
    starts a LocalCluster of ``workers`` or 2), in worker processes where
    that pays, else here. A project's learned pipeline travels to the
    workers when ``project`` (whose learning it holds) is given."""
    learned = learned_of(highlighter, project)  # before unwrap: learned lexicon entries alone travel too
    if learned is None:
        highlighter = unwrap(highlighter)
    spec = spec_of(highlighter, with_tokens, with_facts, learned)
    parallel = is_plain(highlighter) or learned is not None  # workers rebuild it
    if dask and not parallel:
        from annotator.core.parallel_dask import DaskUnavailable

        raise DaskUnavailable("--dask rebuilds the highlighter on the workers from its name and what the "
                              "project learned; this one was built otherwise: run without --dask")
    if dask:
        from annotator.core.parallel_dask import DaskRunner

        return InOrder(DaskRunner(dask, workers or 2), highlight_batch, spec)
    count = worker_count(workers, input_bytes) if parallel else 0
    if count > 1:
        return InOrder(process_pool(count, spec), highlight_batch, spec)
    return InOrder(InProcess(), highlight_with, highlighter, with_tokens)


# -- in order -------------------------------------------------------------------


class InOrder:
    """Batches handed to a runner as ``fn(*args, texts)``; results taken back
    oldest first."""

    def __init__(self, runner, fn: Callable, *args):
        self.runner, self.call = runner, (fn, *args)
        self.pending: deque = deque()  # (ticket, future)
        self.limit = max(1, runner.workers) * IN_FLIGHT_PER_WORKER

    @property
    def full(self) -> bool:
        return len(self.pending) >= self.limit

    def submit(self, ticket, texts: list[str], *more) -> None:
        self.pending.append((ticket, self.runner.submit(*self.call, texts, *more)))

    def ready(self) -> bool:
        return bool(self.pending) and self.pending[0][1].done()

    def take(self):
        """(ticket, [(claims, tokens, facts), ...]) of the oldest batch, waiting for it."""
        ticket, future = self.pending.popleft()
        results = future.result()
        if self.call[0] is highlight_batch:  # from a worker: claims packed
            results = [(unpack_claims(claims), tokens, facts) for claims, tokens, facts in results]
        return ticket, results

    def close(self) -> None:
        self.pending.clear()
        self.runner.close()


def highlight_in_order(highlighter, items: Iterable[Any], *, text_of: Callable[[Any], str],
                       workers: int | None = None, dask: str | None = None,
                       input_bytes: int = 0) -> Iterator[tuple[Any, list]]:
    """(item, claims) for every item, in order; ``text_of(item)`` is its text.
    Highlighted in batches by worker processes or Dask where that pays."""
    queue = open_queue(highlighter, with_tokens=False, workers=workers, dask=dask, input_bytes=input_bytes)
    try:
        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH:
                yield from _submit_and_drain(queue, batch, text_of)
                batch = []
        if batch:
            yield from _submit_and_drain(queue, batch, text_of)
        while queue.pending:
            yield from _pairs(queue.take())
    finally:
        queue.close()


def _submit_and_drain(queue: InOrder, batch: list, text_of) -> Iterator[tuple[Any, list]]:
    while queue.full:
        yield from _pairs(queue.take())
    queue.submit(batch, [text_of(item) for item in batch])
    while queue.ready():
        yield from _pairs(queue.take())


def _pairs(taken) -> Iterator[tuple[Any, list]]:
    batch, results = taken
    for item, result in zip(batch, results):
        yield item, result[0]
