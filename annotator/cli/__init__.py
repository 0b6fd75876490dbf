"""The ``annotator`` command line: a thin click layer over annotator.core.

Each command parses options and calls core functions. No Qt is imported
here; ``annotator gui`` imports the GUI only when it runs.

Command modules are imported only when their command runs (or ``--help``
lists them): ``annotator --version`` and ``annotator highlight`` then never
pay for sqlite-utils, numpy or the export package (tests/test_startup.py).
"""

from __future__ import annotations

import importlib

import click

from annotator import __version__
from annotator.cli.failures import SafeGroup

DB_OPTION_HELP = ("Project database file. Default: $ANNOTATOR_DB, else project.sqlite "
                  "in the user data folder.")

# command name -> (module in annotator.cli, attribute), in the order --help lists them
COMMANDS = {
    "demo": ("app_cmds", "demo"), "gui": ("app_cmds", "gui"),                       # the window
    "import": ("project_cmds", "import_command"), "articles": ("project_cmds", "articles"),
    "info": ("project_cmds", "info"),                                               # the project
    "highlight": ("highlight_cmds", "highlight"), "rehighlight": ("project_cmds", "rehighlight"),
    "evaluate": ("highlight_cmds", "evaluate"),                                     # the pre-highlighter
    "export": ("export_cmds", "export_command"),
    "import-annotations": ("export_cmds", "import_annotations_command"),
    "cache": ("export_cmds", "cache_command"),                                      # training data
    "assign": ("team_cmds", "assign"), "merge": ("team_cmds", "merge"),
    "agreement": ("team_cmds", "agreement"), "unassign": ("team_cmds", "unassign_command"),
    "adjudication": ("adjudicate_cmds", "adjudication"),                            # the team
    "sources": ("sources_cmds", "sources_group"),                                   # the source registry
    "learn": ("learn_cmds", "learn"), "lexicon": ("learn_cmds", "lexicon"),
    "uncertain": ("learn_cmds", "uncertain"),                                       # learning from the team
    "selftest": ("selftest_cmd", "selftest"),
}


class LazyGroup(SafeGroup):
    """A click group that imports a command's module when the command is used
    (click's documented lazy-loading pattern); as a SafeGroup, its commands'
    unexpected failures become messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return super().get_command(ctx, name)
        module, attribute = COMMANDS[name]
        return getattr(importlib.import_module(f"annotator.cli.{module}"), attribute)

    @property
    def all_commands(self) -> dict[str, click.Command]:
        """Every command, loaded (for tests and documentation tools)."""
        ctx = click.Context(self)
        return {name: self.get_command(ctx, name) for name in self.list_commands(ctx)}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="ANNOTATOR_DB",
              help=DB_OPTION_HELP)
@click.option("--create", is_flag=True,
              help="Make --db a new project even if it is an existing empty (0-byte) file.")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, create: bool) -> None:
    """Claim attribution and source-reliability tagging of news articles.

    \b
    Examples:
      annotator demo                      # open the bundled demo corpus
      annotator --db news.sqlite import articles/ feed.jsonl
      annotator --db news.sqlite articles --status new
      annotator --db news.sqlite gui
    """
    ctx.obj = {"db_path": db_path, "create": create}
