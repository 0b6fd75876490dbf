"""The lead's team tools in the GUI: merge, adjudication view, dashboard."""

from annotator.gui.team.menu import TeamMenu, install_team_menu

__all__ = ["TeamMenu", "install_team_menu"]
