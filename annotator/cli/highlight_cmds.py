"""``annotator highlight`` and ``annotator evaluate``: the pre-highlighter on the command line.

The contract is documented in docs/highlighter.md.  Heavy imports (spaCy,
lexicons) happen inside the commands.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click

from annotator.core.importer import InputError, expand_paths, read_texts

# The highlight contract's wording (docs/highlighter.md) for the shared reader's errors.
_CONTRACT_WORDING = (("not valid JSON", "bad JSON"),
                     ("not a JSON object", 'no "text" string in this line'),
                     ('missing "text" (a string)', 'no "text" string in this line'))


def contract_message(error: InputError) -> str:
    """``path:line: message``, as the highlight contract words it."""
    message = error.message
    for core, contract in _CONTRACT_WORDING:
        if message.startswith(core):
            message = contract + message[len(core):]
    where = error.path if error.line is None else f"{error.path}:{error.line}"
    return f"{where}: {message}"


def iter_inputs(paths: list[str]) -> Iterator[tuple[str, int | None, str]]:
    """(path, line or None, text) for every article, in input order, read by
    the importer's reader (folders searched recursively for .txt, .jsonl and
    .csv); the text is as written, only a BOM removed. InputError on the first
    bad input."""
    given = {Path(raw): raw for raw in paths}  # a path given directly is shown as given
    for item in read_texts(expand_paths(paths)):
        if isinstance(item, InputError):
            raise item
        yield given.get(item.path, str(item.path)), item.line, item.text


def claim_json(c, text: str) -> dict:
    def span(s):
        return None if s is None else {"start": s.start, "end": s.end, "text": text[s.start:s.end]}

    return {
        "start": c.start,
        "end": c.end,
        "text": text[c.start:c.end],
        "source": span(c.source),
        "cue": span(c.cue),
        "attribution": c.attribution.value,
        "hedged": c.hedged,
        "score": c.score,
    }


def _load(model: str | None):
    from annotator.core.highlight import load_highlighter

    try:
        return load_highlighter(model)
    except (OSError, ImportError) as exc:
        raise click.ClickException(f"cannot load spaCy model {model!r}: {exc}") from None


WORKERS_HELP = "Worker processes (default: one per core for large inputs; 0: this process only)."
DASK_HELP = ("Highlight on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
             "for a LocalCluster here; needs annotator[cluster] (docs/scaling.md).")


def parallel_options(command):
    """--workers and --dask, shared by `highlight` and `import`."""
    command = click.option("--dask", "dask", default=None, metavar="ADDRESS|local", help=DASK_HELP)(command)
    return click.option("--workers", type=click.IntRange(min=0), default=None, help=WORKERS_HELP)(command)


def parallel_failures():
    """The exceptions of a parallel run that are the user's to fix (not bugs)."""
    from annotator.core.parallel_dask import DaskUnavailable
    from annotator.core.parallel_highlight import WrongPipeline

    return (DaskUnavailable, WrongPipeline)


@click.command("highlight")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to build on (de_core_news_sm/md/lg, or 'blank'); "
                   "default: an installed de_core_news_* model, else blank German.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per article.")
@parallel_options
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def highlight(model: str | None, fmt: str, workers: int | None, dask: str | None,
              paths: tuple[str, ...]) -> None:
    """Suggest claims, sources and cues in German news articles.

    PATH is a .txt file, a .jsonl file with one article per line ({"text": ...}),
    a .csv file with a "text" column, or a folder searched (recursively, sorted)
    for such files, read as 'annotator import' reads them.  Writes one JSON object
    per article to stdout, in input order:
    {"path", "line", "text", "claims": [{"start", "end", "text", "source",
    "cue", "attribution", "hedged", "score"}]}.
    Large inputs are highlighted by one worker process per core (--workers),
    or on a Dask cluster (--dask); the output is the same.
    """
    from annotator.core.parallel_highlight import highlight_in_order

    for raw in paths:
        if not Path(raw).exists():
            raise click.UsageError(f"{raw}: no such file or folder")
    hl = _load(model)
    reading = _UntilError(iter_inputs(list(paths)))
    size = sum(p.stat().st_size for p in expand_paths(paths))
    try:
        for (path, line, text), claims in highlight_in_order(
                hl, reading, text_of=lambda item: item[2], workers=workers, dask=dask, input_bytes=size):
            obj = {"path": path, "line": line, "text": text, "claims": [claim_json(c, text) for c in claims]}
            click.echo(json.dumps(obj, ensure_ascii=False))
    except parallel_failures() as error:
        raise click.ClickException(str(error)) from None
    if reading.error is not None:
        raise click.ClickException(contract_message(reading.error))


class _UntilError:
    """The inputs up to the first unreadable one, which is kept: the articles
    before it are still highlighted and printed, then the error is reported."""

    def __init__(self, items: Iterator):
        self.items, self.error = items, None

    def __iter__(self):
        try:
            yield from self.items
        except InputError as error:
            self.error = error


def format_table(result: dict) -> str:
    lines = [
        f"SpkAtt-2023 task 2, simplified (split: {result.get('split', 'all')}, "
        f"{result['documents']} documents, pipeline {result.get('pipeline')} {result.get('version')})",
        f"{'role':<10}{'precision':>10}{'recall':>10}{'F1':>10}",
    ]
    for role in ("message", "source"):
        r = result[role]
        lines.append(f"{role.capitalize():<10}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>10.3f}")
    lines.append(f"{'Joint':<10}{'':>10}{'':>10}{result['joint_f1']:>10.3f}")
    lines.append(f"gold annotations {result['gold']}, system claims {result['system']}, paired {result['paired']}")
    if result.get("families"):
        lines.append("suggestions by cue family: " + ", ".join(f"{k} {v}" for k, v in result["families"].items()))
    return "\n".join(lines)


@click.command("evaluate")
@click.option("--spkatt", "spkatt_dir", required=True, type=click.Path(file_okay=False),
              help="Folder of SpkAtt-2023 task-2 .json files.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline, as for 'highlight'.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N files.")
@click.option("--split", type=click.Choice(["all", "dev", "tune", "dev-rest", "heldout"]), default="all",
              show_default=True,
              help="All files, the development part (its halves 'tune' and 'dev-rest'), "
                   "or the held-out part (every 4th file).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate(spkatt_dir: str, model: str | None, limit: int | None, split: str, fmt: str) -> None:
    """Score the highlighter on SpkAtt-2023 task-2 files (Message and Source
    token-overlap precision, recall, F1; simplified subtask)."""
    from annotator.core.highlight.evaluation import evaluate_spkatt

    hl = _load(model)
    try:
        result = evaluate_spkatt(Path(spkatt_dir), hl, limit=limit, split=split)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result))
