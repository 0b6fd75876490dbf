"""The ``annotator`` command line: a thin click layer over annotator.core.

Each command parses options and calls core functions. No Qt is imported
here; ``annotator gui`` imports the GUI only when it runs.
"""

from __future__ import annotations

import click

from annotator import __version__
from annotator.cli.common import DB_OPTION_HELP


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="ANNOTATOR_DB",
              help=DB_OPTION_HELP)
@click.pass_context
def main(ctx: click.Context, db_path: str | None) -> None:
    """Claim attribution and source-reliability tagging of news articles.

    \b
    Examples:
      annotator demo                      # open the bundled demo corpus
      annotator --db news.sqlite import articles/ feed.jsonl
      annotator --db news.sqlite articles --status new
      annotator --db news.sqlite gui
    """
    ctx.obj = {"db_path": db_path}


from annotator.cli.app_cmds import demo, gui  # noqa: E402
from annotator.cli.export_cmds import cache_command, export_command, import_annotations_command  # noqa: E402
from annotator.cli.highlight_cmds import evaluate, highlight  # noqa: E402
from annotator.cli.project_cmds import articles, import_command, info, rehighlight  # noqa: E402
from annotator.cli.related_cmds import (  # noqa: E402
    export_pairs_command,
    index_claims_command,
    judge_pair_command,
    related_command,
)
from annotator.cli.selftest_cmd import selftest  # noqa: E402
from annotator.cli.team_cmds import agreement, assign, merge  # noqa: E402

for command in (
    demo, gui,                                              # the window
    import_command, articles, info,                         # the project
    highlight, rehighlight, evaluate,                       # the pre-highlighter
    export_command, import_annotations_command, cache_command,  # training data
    assign, merge, agreement,                               # the team
    selftest,
    index_claims_command, related_command, judge_pair_command,  # claims across articles
    export_pairs_command,
):
    main.add_command(command)
