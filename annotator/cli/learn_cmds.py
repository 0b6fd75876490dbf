"""``annotator learn``, ``lexicon`` and ``uncertain``: learning from the team's decisions.

Thin faces over ``annotator.core.learning`` (see docs/learning.md).
"""

from __future__ import annotations

import click

from annotator.cli.common import ProgressBar, open_project


def _threshold(value: str | None) -> float | None | str:
    """'off' -> None; a probability -> float; not given -> 'keep'. Checked
    before anything is learned, so a typo stores nothing."""
    if value is None:
        return "keep"
    if value.lower() == "off":
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise click.BadParameter(f"{value!r} is neither a probability (0-1) nor 'off'",
                                 param_hint="--hide-below")
    return number


def _every(value: str | None) -> int | None | str:
    """'off' -> None; a count >= 1 -> int; not given -> 'keep'."""
    if value is None:
        return "keep"
    if value.lower() == "off":
        return None
    if not value.isdigit() or int(value) < 1:
        raise click.BadParameter(f"{value!r} is neither a number of articles (1 or more) nor 'off'",
                                 param_hint="--auto-every")
    return int(value)


def learned_pipeline(project, model: str | None):
    """The highlighter with the project's learned model and lexicon; a
    damaged model is reported on stderr and the rules are used alone."""
    from annotator.core.learning.project_store import project_pipeline

    pipeline, warning = project_pipeline(project, model)
    if warning:
        click.echo(f"warning: {warning}", err=True)
    return pipeline


@click.command()
@click.option("--annotator", default=None, help="Learn from this annotator's decisions only (default: everyone's).")
@click.option("--hide-below", default=None, metavar="P|off",
              help="Hide suggestions a reviewer keeps with probability below P on the next highlighting "
                   "(project setting; 'off', the default, shows all).")
@click.option("--auto-every", default=None, metavar="N|off",
              help="The window learns again by itself after every N articles a reviewer finishes "
                   "(project setting; 'off', the default, only on request).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def learn(ctx, annotator, hide_below, auto_every, quiet):
    """Learn from the project's reviewed articles.

    Trains the re-scorer on every accept, reject and correction and counts
    cue and source phrases marked by hand, then stores both in the project
    (human annotations are only read). `annotator rehighlight` uses them.

    \b
    Examples:
      annotator learn
      annotator learn --annotator alice --hide-below 0.3
      annotator learn --auto-every 10
    """
    from annotator.core.learning.project_store import set_auto_every, set_hide_below
    from annotator.core.operations.learn import learn as learn_operation

    threshold = _threshold(hide_below)
    every = _every(auto_every)
    progress = ProgressBar("Reading decisions", enabled=not quiet)
    with open_project(ctx, create=False) as project:
        try:
            result = learn_operation(project, annotator=annotator, on_progress=progress).result
        finally:
            progress.close()
        if result is None:
            raise click.ClickException("nothing to learn from: no reviewed suggestions"
                                       + (f" by {annotator}" if annotator else ""))
        if threshold != "keep":
            set_hide_below(project, threshold)  # type: ignore[arg-type]
        if every != "keep":
            set_auto_every(project, every)  # type: ignore[arg-type]
    c = result.counts
    click.echo(f"learned {result.model.version} from {c['reviewed']} reviewed suggestions "
               f"({c['accepted']} kept, {c['rejected']} rejected) in {c['articles']} articles, "
               f"{c['hand_added']} claims added by hand; {result.seconds:.1f} s")
    proposed = [e for e in result.entries if e.status == "proposed" and e.count > 0]
    click.echo(f"lexicon: {len(proposed)} proposed entries (see 'annotator lexicon')")
    if result.corrector is not None:
        k = result.corrector
        click.echo(f"spans: {k.version}: the source chooser corrects {len(k.contexts)} kind(s) of suggestion, "
                   f"{len(k.edits)} message edit(s) learned")
        if k.finder is not None:
            f = k.finder.counts
            click.echo(f"claim finder: learned from {f.get('examples', 0)} unattributed suggestions "
                       f"({f.get('kept', 0)} kept as speech); it marks likely speech above {k.finder.threshold:.2f}")


@click.group()
def lexicon():
    """Review the cue and source entries learned from the reviewers' marks.

    \b
    Examples:
      annotator lexicon list
      annotator lexicon accept cue postete
      annotator lexicon drop source "Der Minister"
    """


@lexicon.command("list")
@click.pass_context
def lexicon_list(ctx):
    """List learned entries: kind, count, status, phrase."""
    from annotator.core.learning.lexicon_learner import MIN_COUNT
    from annotator.core.learning.project_store import latest_model_info, learned_entries

    with open_project(ctx, create=False) as project:
        entries = learned_entries(project)
        info = latest_model_info(project)
    if info is None:
        click.echo("nothing learned yet: run 'annotator learn'")
        return
    click.echo(f"model {info['version']} learned {info['created_at']} "
               f"from {info['annotator'] or 'all annotators'}")
    for e in entries:
        used = e.status == "accepted" or (e.status == "proposed" and e.count >= MIN_COUNT)
        click.echo(f"{e.kind}\t{e.count}\t{e.status}{' (in use)' if used else ''}\t{e.phrase}")


def _verdict(ctx, kind: str, phrase: str, status: str) -> None:
    from annotator.core.learning.project_store import set_entry_status

    with open_project(ctx, create=False) as project:
        try:
            set_entry_status(project, kind, phrase, status)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"{kind} {phrase!r}: {status}")


@lexicon.command("accept")
@click.argument("kind", type=click.Choice(["cue", "source"]))
@click.argument("phrase")
@click.pass_context
def lexicon_accept(ctx, kind, phrase):
    """Use this entry on every highlighting, whatever its count."""
    _verdict(ctx, kind, phrase, "accepted")


@lexicon.command("drop")
@click.argument("kind", type=click.Choice(["cue", "source"]))
@click.argument("phrase")
@click.pass_context
def lexicon_drop(ctx, kind, phrase):
    """Never use this entry (relearning keeps the verdict)."""
    _verdict(ctx, kind, phrase, "dropped")


@click.command()
@click.option("--annotator", default=None, help="Count only this annotator's reviews (default: anyone's).")
@click.option("--limit", type=int, default=20, show_default=True, help="How many articles to list (0: all).")
@click.pass_context
def uncertain(ctx, annotator, limit):
    """List articles to review next, most uncertain first.

    An article's uncertainty is that of its most uncertain unreviewed
    suggestion (1.0 at P(keep) = 0.5), as scored by the learned model on
    the last re-highlight: reviewing these teaches the model most.

    \b
    Example:
      annotator uncertain --annotator alice --limit 10
    """
    from annotator.core.learning.uncertainty import project_uncertain_articles

    with open_project(ctx, create=False) as project:
        rows = project_uncertain_articles(project, annotator)
        if not rows:
            click.echo("no unreviewed suggestions scored by a learned model: "
                       "run 'annotator learn', then 'annotator rehighlight'")
            return
        for article_id, score, count in rows[:limit or None]:
            article = project.article(article_id)
            click.echo(f"{article.seq}\t{score:.3f}\t{count} open\t{article.title or ''}")
