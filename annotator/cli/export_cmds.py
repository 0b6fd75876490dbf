"""Commands that turn annotations into training data and back: export,
import-annotations. Thin: options are parsed here, the work is in
annotator.core.export and annotator.core.annotation_import."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import ProgressBar, open_project, split_fractions
from annotator.core.annotation_import import import_annotations, import_layer_name
from annotator.core.export import LAYERS, ExportError, ExportOptions, export_project, formats
from annotator.core.importer import InputError


class FormatChoice(click.Choice):
    """--format's choices: the formats registered when the command runs
    (annotator.core.export.formats), so a new format needs no edit here."""

    def __init__(self) -> None:
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self):
        return formats.names()

    @choices.setter
    def choices(self, value) -> None:
        pass  # click.Choice.__init__ sets it; the registry is the source


class FormatOption(click.Option):
    """--format's help: each registered format's own sentence."""

    def get_help_record(self, ctx):
        self.help = "; ".join(f.help for f in formats.all_formats()) + "."
        return super().get_help_record(ctx)


def _split_option(ctx, param, value: str | None) -> dict[str, float] | None:
    return split_fractions(value)


@click.command("export")
@click.option("--format", "-f", "format_", cls=FormatOption, type=FormatChoice(), default="jsonl",
              show_default=True)
@click.option("--annotator", "annotators", multiple=True, metavar="NAME",
              help="Export only this annotator's layer (repeatable). Default: every annotator.")
@click.option("--layer", type=click.Choice(LAYERS), default="annotators", show_default=True,
              help="annotators: each annotator's layer; adjudicated: the lead's final versions "
              "(with the claims all annotators agreed on); best: one record per article, "
              "adjudicated where the lead adjudicated it, else the most complete annotator "
              "layer; suggestions: the pre-highlighter's own suggestions, unreviewed.")
@click.option("--only-reviewed", is_flag=True,
              help="Only complete records: articles whose every suggestion the layer has judged, "
              "adjudicated articles without open groups.")
@click.option("--require-complete", is_flag=True,
              help="Refuse (write nothing) if any record would leave a claim of its article out.")
@click.option("--split", callback=_split_option, metavar="SET=FRACTION,...",
              help="Split by article into sets, e.g. train=0.8,dev=0.1,test=0.1.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--date", default=None, help="Date for the dataset card (default: from the data).")
@click.option("--shard-size", type=int, default=1000, show_default=True,
              help="spaCy format: Docs per .spacy file.")
@click.option("--no-cache", is_flag=True,
              help="Render every line and tokenize every text afresh, reading and writing no "
              "cache (same output; see 'annotator cache').")
@click.option("--no-token-cache", is_flag=True,
              help="Tokenize every text again instead of reusing cached tokens (same output).")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="Output file, or folder for a format that writes one (spacy).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def export_command(ctx, format_, annotators, layer, only_reviewed, require_complete, split, seed,
                   date, shard_size, no_cache, no_token_cache, output, quiet):
    """Export annotations as training data, with a dataset card beside it.

    Rejected suggestions stay in the JSONL as negatives. The same database
    and options always give byte-identical files. Nothing is written if the
    selection is empty or an option is wrong. Format: docs/export-format.md.

    Records that leave claims of their article out (open or changed groups
    in the adjudicated layer, suggestions not yet judged in an annotator's
    layer) are exported with a warning here and in the dataset card;
    --only-reviewed leaves such articles out, --require-complete refuses.

    Articles unchanged since an earlier export with the same options are
    copied from the export cache instead of rendered again (same bytes).

    \b
    Examples:
      annotator --db news.sqlite export -o claims.jsonl
      annotator --db news.sqlite export --annotator alice --only-reviewed \\
          --split train=0.8,dev=0.1,test=0.1 --seed 7 -o claims.jsonl
      annotator --db news.sqlite export --format spacy --layer best -o corpus
    """
    options = ExportOptions(format=format_, annotators=list(annotators), layer=layer,
                            only_reviewed=only_reviewed, require_complete=require_complete,
                            split=split, seed=seed, date=date,
                            shard_size=shard_size, token_cache=not (no_cache or no_token_cache),
                            line_cache=not no_cache)
    progress = ProgressBar("Exporting", enabled=not quiet)
    with open_project(ctx, create=False) as project:
        try:
            summary = export_project(project, options, output, on_progress=progress)
        except ExportError as error:
            raise click.ClickException(str(error)) from None
        finally:
            progress.close()
    for name, path in zip(summary.sets, summary.files):
        click.echo(f"{path}: {summary.sets[name]} records")
    click.echo(f"exported {summary.records} records ({summary.articles} articles, "
               f"{summary.claims} claims); dataset card: {summary.card}")
    if summary.reused:
        click.echo(summary.reuse_note())
    if summary.left_out:
        click.echo(f"warning: {summary.left_out_note()}", err=True)


@click.command("cache")
@click.option("--clear", is_flag=True, help="Delete the caches (the next export renders everything).")
def cache_command(clear):
    """Show or clear the caches that make repeated exports fast.

    The token cache keeps each text's tokens; the export cache keeps each
    article's rendered lines per export variant (format, layer, annotators,
    filters), about the size of the export itself; the least recently used
    variants beyond a few are deleted automatically. Neither ever changes
    what an export contains: an entry is used only while its article is
    unchanged.
    """
    from annotator.core.export import line_cache, token_cache

    if clear:
        line_cache.clear()
        token_cache.clear()
        click.echo("caches cleared")
        return
    for name, folder, size in (
            ("export cache", line_cache.cache_root(), line_cache.cache_size()),
            ("token cache", token_cache.cache_folder(), token_cache.cache_size())):
        click.echo(f"{name}: {size / 1e6:.1f} MB in {folder}")


@click.command("import-annotations")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--annotator", default=None, metavar="NAME",
              help='Import every record as this annotator (default: each record\'s "_annotator_id").')
@click.option("--replace", is_flag=True,
              help="Replace the annotator's existing annotations of the file's articles.")
@click.option("--allow-partial-tokens", is_flag=True,
              help="Keep spans that start or end inside a word (another tool's character spans); "
              "by default they are refused.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def import_annotations_command(ctx, file, annotator, replace, allow_partial_tokens, quiet):
    """Read an exported JSONL file back as annotator layers.

    Articles the project lacks are added from the records' text and meta.
    One transaction: on a bad line nothing is imported and the error names
    the file and line.

    \b
    Example:
      annotator --db news.sqlite import-annotations model-predictions.jsonl --annotator model-v2
    """
    if annotator is not None:
        try:
            import_layer_name(annotator)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--annotator") from None
    progress = ProgressBar("Importing annotations", enabled=not quiet)
    with open_project(ctx, create=False) as project:
        try:
            summary = import_annotations(project, file, annotator=annotator, replace=replace,
                                         allow_partial_tokens=allow_partial_tokens, on_progress=progress)
        except InputError as error:
            raise click.ClickException(f"{error}\nNothing was imported.") from None
        finally:
            progress.close()
    layers = ", ".join(f"{name} ({count})" for name, count in summary.layers.items())
    click.echo(f"imported {summary.claims} claims in {summary.records} records "
               f"({layers or 'none'}); articles added: {summary.articles_added}; "
               f"annotations replaced: {summary.replaced}")
