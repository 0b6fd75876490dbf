"""The dataset card: a Markdown file next to every export saying what is in
it (counts per label, grade distributions, annotators, sets) and how it was
made (options, tokenizer, project). Built from the data only, so the same
database and options give the same card."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from json.encoder import encode_basestring_ascii  # json.dumps' own key escaper (ensure_ascii)
from pathlib import Path
from typing import NamedTuple

from annotator import __version__
from annotator.core.export import formats
from annotator.core.export.formats import FORMAT_OPTIONS
from annotator.core.export.options import ExportOptions
from annotator.core.export.records import LayerRecord
from annotator.core.models import CREDIBILITY_GRADES, RELIABILITY_GRADES

_FOLD_AT = 4096
_COUNTERS = ("annotators", "decisions", "labels", "relations", "reliability", "credibility",
             "source_types", "attributions", "sources", "source_articles",
             "left_out")


class ArticleCounts(NamedTuple):
    """What the card counts of one article's records. ``stats`` is one line
    per counter, ``name<TAB>canonical JSON`` (:func:`stats_text`), so the
    export cache can keep it beside the article's lines."""

    records: int
    claims: int
    newest: str  # the newest change among the records ('' when none)
    stats: str


def count_article(records: list[LayerRecord]) -> ArticleCounts:
    # each counter's values gathered in a list (C-level comprehensions), then
    # one Counter per list that has any: eleven empty Counters per article
    # and an update per field cost a render more than the counting
    values: dict[str, list] = {name: [] for name in _COUNTERS}
    left_out: Counter[str] = Counter()
    hedged, claims, newest = 0, 0, ""
    for record in records:
        values["annotators"].append(record.annotator)
        newest = max(newest, record.updated_at or "")
        values["labels"] += [span[2] for span in record.spans]
        values["relations"] += [relation[2] for relation in record.relations]
        claims += len(record.claims)
        if record.left_out:
            left_out.update(record.left_out)
        values["decisions"] += [claim.decision or "unreviewed" for claim in record.claims]
        positive = [claim for claim in record.claims if claim.is_positive]
        values["reliability"] += [claim.reliability or "-" for claim in positive]
        values["credibility"] += [str(claim.credibility or "-") for claim in positive]
        values["source_types"] += [claim.source_type or "-" for claim in positive]
        values["attributions"] += [claim.attribution or "-" for claim in positive]
        hedged += sum(claim.hedged for claim in positive)
        # the registry entity (docs/sources.md)
        values["sources"] += [claim.source_id for claim in positive if claim.source_id is not None]
    counters = {name: left_out if name == "left_out" else Counter(found)
                for name, found in values.items() if found or (name == "left_out" and left_out)}
    return ArticleCounts(len(records), claims, newest, stats_text(hedged, counters))


def stats_text(hedged: int, counters: dict[str, Counter]) -> str:
    """An article's counts, a line per counter that counted anything.

    Whole-article JSON made nearly every article's stats distinct (one
    claim more, one source), so the card parsed one JSON per article:
    ~15 µs each, most of the CPU of an export copied from the cache. A
    counter's own line repeats across articles (``decisions`` ``{"unreviewed":12}``),
    so the card counts lines, C-level, and parses each distinct one once.
    JSON never holds a raw newline or tab, so the lines split safely.
    ``source_articles`` is not written: it is 1 for each key of ``sources``."""
    lines = [f"hedged\t{hedged}"]
    lines += [f"{name}\t{counter_json(counter)}"
              for name, counter in counters.items() if counter and name != "source_articles"]
    return "\n".join(lines)


def counter_json(counter: Counter) -> str:
    """``json.dumps(counter, sort_keys=True, separators=(",", ":"))``, the
    same bytes: ~10 counters per article, and json.dumps' own set-up (a new
    encoder for every call with these arguments) cost more than encoding a
    few string keys and int counts. Anything else goes to json.dumps."""
    keys = sorted(counter) if all(type(key) is str for key in counter) else None
    if keys is None or not all(type(counter[key]) is int for key in keys):
        return json.dumps(counter, sort_keys=True, separators=(",", ":"))
    return "{" + ",".join([f"{encode_basestring_ascii(key)}:{counter[key]}" for key in keys]) + "}"


@dataclass
class CardStats:
    records: Counter = field(default_factory=Counter)  # per set
    articles: Counter = field(default_factory=Counter)  # per set
    annotators: Counter = field(default_factory=Counter)  # records per layer
    decisions: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    reliability: Counter = field(default_factory=Counter)
    credibility: Counter = field(default_factory=Counter)
    source_types: Counter = field(default_factory=Counter)
    attributions: Counter = field(default_factory=Counter)
    sources: Counter = field(default_factory=Counter)  # claims per source entity id
    source_articles: Counter = field(default_factory=Counter)  # articles per source entity id
    left_out: Counter = field(default_factory=Counter)  # claims left out, by reason
    hedged: int = 0
    claims: int = 0
    newest: str = ""
    # Articles' stats lines (stats_text), decoded once per distinct line: a
    # re-export from the cache then never parses 100,000 small JSONs. Folded
    # into the counters every _FOLD_AT distinct lines, so memory stays bounded.
    _pending: Counter = field(default_factory=Counter)

    def add_article(self, set_name: str, counts: ArticleCounts) -> None:
        if not counts.records:
            return
        self.records[set_name] += counts.records
        self.articles[set_name] += 1
        self.claims += counts.claims
        if counts.newest > self.newest:
            self.newest = counts.newest
        self._pending.update(counts.stats.split("\n"))
        if len(self._pending) >= _FOLD_AT:
            self.finish()

    def finish(self) -> None:
        """Fold the pending articles' stats into the counters."""
        counters = {name: getattr(self, name) for name in _COUNTERS}
        for line, times in self._pending.items():
            name, _, value = line.partition("\t")
            if name == "hedged":
                self.hedged += int(value) * times
            elif name in counters:
                counter, data = counters[name], json.loads(value)
                for key, count in data.items():
                    counter[key] += count * times
                if name == "sources":  # each source an article names counts once for it
                    self.source_articles.update(dict.fromkeys(data, times))
        self._pending.clear()

    @property
    def total_records(self) -> int:
        return sum(self.records.values())


def _table(header: tuple[str, str], counts: Counter, order=None) -> str:
    keys = list(order) if order is not None else sorted(counts)
    keys += sorted(k for k in counts if k not in keys)
    lines = [f"| {header[0]} | {header[1]} |", "|---|---:|"]
    lines += [f"| {key} | {counts.get(key, 0)} |" for key in keys]
    return "\n".join(lines)


def left_out_note(left_out: Counter) -> str:
    """One sentence naming how many claims of exported articles are not in
    their records, and why ('' when none): they would read as non-claims."""
    if not left_out:
        return ""
    reasons = "; ".join(f"{count} {reason}" for reason, count in sorted(left_out.items()))
    return (f"{sum(left_out.values())} claim(s) of exported articles were left out of their "
            f"records ({reasons}); a model trained on these records would learn them as "
            "non-claims. Use --only-reviewed to leave such articles out, or --require-complete "
            "to refuse the export.")


def _left_out_section(left_out: Counter) -> str:
    if not left_out:
        return "## Left out\nNo claim of an exported article was left out: every record is complete."
    return ("## Left out (incomplete records)\n**Warning:** " + left_out_note(left_out) + "\n\n"
            + _table(("reason", "claims"), left_out))


def render_card(stats: CardStats, options: ExportOptions, name: str, files: list[Path],
                project_uuid: str, tokenizer: str | None) -> str:
    if options.date:
        date = f"{options.date} (set by option)"
    else:
        date = f"{stats.newest[:10] or 'unknown'} (the newest change in the exported data)"
    unused = set(FORMAT_OPTIONS) - set(formats.get(options.format).card_options)
    hidden = {"date", "token_cache", "line_cache"} | unused
    chosen = {k: v for k, v in asdict(options).items() if k not in hidden}
    sections = [
        f"# Dataset card: {name}",
        f"Exported by annotator {__version__} from project `{project_uuid}`.\nDate: {date}.",
        "## Options\n" + "\n".join(f"- {k}: `{v}`" for k, v in chosen.items()),
        "## Files\n" + "\n".join(f"- `{f.name}`" for f in files),
        "## Sets\n" + _table(("set", "records (articles)"), Counter(
            {k: f"{stats.records[k]} ({stats.articles[k]})" for k in stats.records}),
            options.split or None),
        "## Layers (annotators)\n" + _table(("annotator", "records"), stats.annotators),
        "## Claims by decision\n" + _table(("decision", "claims"), stats.decisions,
                                           ("accept", "reject", "unreviewed")),
        "## Spans per label (accepted claims)\n" + _table(("label", "spans"), stats.labels,
                                                        ("CLAIM", "SOURCE", "CUE")),
        "## Relations\n" + _table(("label", "relations"), stats.relations, ("SOURCE_OF", "CUE_OF")),
        "## Source reliability (accepted claims; - = not graded)\n"
        + _table(("grade", "claims"), stats.reliability, [*RELIABILITY_GRADES, "-"]),
        "## Information credibility (accepted claims; - = not graded)\n"
        + _table(("grade", "claims"), stats.credibility, [*map(str, CREDIBILITY_GRADES), "-"]),
        "## Source types (accepted claims)\n" + _table(("source type", "claims"), stats.source_types),
        "## Attribution forms (accepted claims)\n" + _table(("form", "claims"), stats.attributions),
        f"Hedged claims: {stats.hedged}.",
        _left_out_section(stats.left_out),
    ]
    if tokenizer:
        sections.append(f"Tokens: spaCy tokenizer `{tokenizer}`.")
    sections.append("Field reference: docs/export-format.md of the annotator project.")
    return "\n\n".join(sections) + "\n"
