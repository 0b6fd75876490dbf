"""Team workflow: work packages, merging databases, agreement, adjudication.

No Qt here; the GUI (annotator.gui.team) and the CLI (annotator.cli.team_cmds)
call these modules.
"""
