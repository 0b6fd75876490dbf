"""Every action of the window, with its keys and menu, in one table.

Each row names its handler (the window maps names to handlers), its label,
its keys, its section and its menu. The same table creates the QActions
(:func:`create_actions`), fills the menus (:func:`build_menus`), renders the
shortcut sheet (:class:`ShortcutSheet`) and the shortcut list at the end of
the guidelines (:func:`guidelines_section`; a test keeps the file in step),
so none of them can disagree with what the keys do. Plain keys (``a``,
``j``, ``1``) act while the text view, the article list or a button has
focus; in a text field (search, note) they type as usual and Esc returns to
the text.

Regenerate the guidelines' list after changing the table::

    python -m annotator.gui.shortcuts resources/guidelines.md
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import CREDIBILITY_GRADES, RELIABILITY_GRADES, SOURCE_TYPE_LABELS

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str  # handler name, e.g. "accept"
    label: str  # menu text
    keys: tuple[Key, ...]
    group: str  # the sheet's section (and, by default, the menu: see MENU_OF_GROUP)
    tip: str = ""
    menu: str | None = ""  # "" the group's menu; "Menu/Submenu"; None: keys and sheet only
    separator: bool = False  # a separator line before it in its menu


# Menus in menu-bar order; a group's actions go into its menu in table order.
MENUS = ["&File", "&Edit", "&Go", "&Claim", "&View", "&Team", "&Help"]
MENU_OF_GROUP = {"File": "&File", "Edit": "&Edit", "Navigate": "&Go", "Claim": "&Claim",
                 "View": "&View", "Team": "&Team", "Help": "&Help"}
RELIABILITY_MENU = "&Claim/Source &reliability"
CREDIBILITY_MENU = "&Claim/Information &credibility"
SOURCE_TYPE_MENU = "&Claim/Source &type"
THEME_MENU = "&View/&Theme"


def _grade_specs() -> list[ActionSpec]:
    specs = [ActionSpec(f"reliability_{g}", f"Source reliability {g}", (f"Shift+{g}",), "Grades",
                        RELIABILITY_GRADES[g], RELIABILITY_MENU, separator=number == 0)
             for number, g in enumerate(RELIABILITY_GRADES)]
    specs += [ActionSpec(f"credibility_{n}", f"Information credibility {n}", (str(n),), "Grades",
                         CREDIBILITY_GRADES[n], CREDIBILITY_MENU) for n in CREDIBILITY_GRADES]
    specs.append(ActionSpec("clear_grades", "Clear both grades", ("0",), "Grades",
                            menu=CREDIBILITY_MENU))
    specs.append(ActionSpec("take_source_grade", "Reliability: your grade of the source", ("G",), "Grades",
                            "Give the claim the grade you gave its source (grade once)", RELIABILITY_MENU))
    specs += [ActionSpec(f"source_type_{number}", f"Source type: {label}", (f"Alt+{number}",),
                         "Source type", menu=SOURCE_TYPE_MENU) for number, label in
              enumerate(SOURCE_TYPE_LABELS.values(), start=1)]
    specs.append(ActionSpec("source_type_0", "Source type: none", ("Alt+0",), "Source type",
                            menu=SOURCE_TYPE_MENU))
    return specs


UNDO_TIP = ("Undo and redo reach back to the start of this session: the history ends when "
            "the window closes (every change stays saved and logged in the project)")

ACTIONS: list[ActionSpec] = [
    ActionSpec("open_project", "&Open project…", (QKeySequence.StandardKey.Open,), "File"),
    ActionSpec("new_project", "&New project…", (QKeySequence.StandardKey.New,), "File"),
    ActionSpec("import_articles", "&Import articles…", ("Ctrl+I",), "File",
               "Import .txt, .jsonl or .csv files (runs in the background)", separator=True),
    ActionSpec("rehighlight", "Re-&highlight…", ("Ctrl+Shift+H",), "File",
               "Recompute the suggested claims of every article"),
    ActionSpec("learn", "&Learn from reviewed articles", ("Ctrl+Shift+L",), "File",
               "Train the suggestions on the team's decisions; the next re-highlight uses it"),
    ActionSpec("learned_lexicon", "Learned le&xicon…", (), "File",
               "Accept or drop the cue and source phrases learned from the reviewers' marks"),
    ActionSpec("learning_settings", "Learning se&ttings…", (), "File",
               "Hide suggestions the learned model finds unlikely; learn by itself every N finished articles"),
    ActionSpec("import_annotations", "Import &annotations (JSONL)…", ("Ctrl+Shift+I",), "File",
               "Import claims annotated elsewhere, as a layer of their own", separator=True),
    ActionSpec("export", "&Export training data…", ("Ctrl+Shift+E",), "File",
               "Write the reviewed claims as JSONL, spaCy or doccano files"),
    ActionSpec("change_annotator", "Annota&tor…", (), "File",
               "Change the name you annotate under (a new name starts a layer of its own)",
               separator=True),
    ActionSpec("quit", "&Quit", (QKeySequence.StandardKey.Quit, "Ctrl+Q"), "File",
               separator=True),
    ActionSpec("undo", "&Undo", (QKeySequence.StandardKey.Undo,), "Edit", UNDO_TIP),
    ActionSpec("redo", "&Redo", (QKeySequence.StandardKey.Redo, "Ctrl+Y"), "Edit", UNDO_TIP),
    ActionSpec("find_in_article", "&Find in article…", (QKeySequence.StandardKey.Find,), "Edit",
               "Find text in the article; the match is selected, so S, M, C or Ins use it",
               separator=True),
    ActionSpec("find_next", "Find ne&xt", ("F3",), "Edit"),
    ActionSpec("find_previous", "Find pre&vious", ("Shift+F3",), "Edit"),
    ActionSpec("find", "&Search articles", ("Ctrl+Shift+F",), "Edit",
               "Search the titles and texts of every article (the article list's search)"),
    ActionSpec("focus_list", "Go to article &list", ("Ctrl+L",), "Edit"),
    ActionSpec("focus_text", "Back to the &text", ("Esc",), "Edit"),
    ActionSpec("next_unreviewed", "Next &unreviewed claim", ("Space",), "Navigate",
               "The next claim to review; in the next unfinished article when this one is done"),
    ActionSpec("most_uncertain", "&Most uncertain article", ("Ctrl+U",), "Navigate",
               "The article whose unreviewed suggestions the learned model is least sure of"),
    ActionSpec("next_claim", "&Next claim", ("J", "Alt+Down"), "Navigate"),
    ActionSpec("previous_claim", "&Previous claim", ("K", "Alt+Up"), "Navigate"),
    ActionSpec("next_article", "Next &article", ("N", "Ctrl+PgDown"), "Navigate"),
    ActionSpec("previous_article", "Previous a&rticle", ("P", "Ctrl+PgUp"), "Navigate"),
    ActionSpec("check_article", "&Checked, nothing to mark", ("Ctrl+Shift+K",), "Navigate",
               "An article without claims: you read it and found none (it counts as done); again to undo"),
    ActionSpec("next_related", "Next related claim in another article", ("W",), "Navigate",
               "Jump to the next claim in another article about the same thing", separator=True),
    ActionSpec("back_from_related", "Back from the related claims", ("Shift+W",), "Navigate",
               "Return to the claim the jumping began at"),
    ActionSpec("accept", "&Accept", ("A",), "Claim", "Accept the claim and go to the next"),
    ActionSpec("reject", "Re&ject", ("X", "R"), "Claim", "Reject the claim and go to the next"),
    ActionSpec("forget", "Clear review / delete added claim", ("Del", "Backspace"), "Claim"),
    ActionSpec("claim_from_selection", "Claim span from selection", ("M",), "Claim",
               separator=True),
    ActionSpec("source_from_selection", "&Source from selection", ("S",), "Claim"),
    ActionSpec("cue_from_selection", "&Cue from selection", ("C",), "Claim"),
    ActionSpec("new_claim", "New claim from selection", ("Ins", "+"), "Claim",
               "Add a claim the highlighter missed"),
    ActionSpec("unattributed", "&Unattributed", ("U",), "Claim", "The claim names no source",
               separator=True),
    ActionSpec("cycle_attribution", "Next attribution &form", ("F",), "Claim"),
    ActionSpec("hedged", "&Hedged", ("H",), "Claim", "The claim is hedged (könnte, soll, angeblich)"),
    ActionSpec("edit_note", "Edit &note", ("E",), "Claim", "Type a note; Esc returns to the text"),
    ActionSpec("cycle_flag", "Fla&g: flagged, unsure, skipped, none", ("I",), "Claim",
               "Mark the claim to come back to (I again: unsure, skipped, none); "
               "the claims list can show only flagged claims"),
    ActionSpec("link_source", "&Link source entity…", ("L",), "Claim",
               "Pick the registry source of the claim's source (type-ahead); or unlink it", separator=True),
    ActionSpec("new_source_from_selection", "New source entity from selection", ("Shift+L",), "Claim",
               "Make the selected name a registry source and link the claim to it"),
    ActionSpec("judge_pair", "Judge the related pair", ("V",), "Claim",
               "This claim and the related one: corroborates, contradicts, unrelated, none"),
    ActionSpec("apply_proposal", "Set the proposed credibility", ("Shift+V",), "Claim",
               "The credibility proposed from the judged related claims"),
    *_grade_specs(),
    ActionSpec("toggle_article_list", "Article &list", ("F6",), "View"),
    ActionSpec("toggle_claim_list", "&Claims of this article", ("F4",), "View"),
    ActionSpec("claims_filter", "Claims list: all, &flagged, with a note", ("Shift+I",), "View",
               "Show every claim, only the flagged (unsure, skipped) ones or those with a note"),
    ActionSpec("uncertain_claims_first", "Claims list: most &uncertain first", ("Ctrl+Shift+U",), "View",
               "Order the claims list by the learned model's uncertainty (again: reading order)"),
    ActionSpec("toggle_sources", "&Sources", ("F7",), "View",
               "Every source with its claims across articles; Enter on a claim opens it"),
    ActionSpec("toggle_overview", "&Overview: every claim's source", ("O",), "View",
               "Draw a line from each claim to its source in the margin; O again hides them"),
    ActionSpec("text_bigger", "&Bigger text", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), "View",
               "The article text one point bigger (kept across restarts)", separator=True),
    ActionSpec("text_smaller", "&Smaller text", (QKeySequence.StandardKey.ZoomOut,), "View"),
    ActionSpec("text_reset", "&Normal text size", ("Ctrl+0",), "View"),
    ActionSpec("theme_system", "&System colours", (), "View", "Follow the desktop's colours",
               THEME_MENU, separator=True),
    ActionSpec("theme_light", "&Light", (), "View", menu=THEME_MENU),
    ActionSpec("theme_dark", "&Dark", (), "View", menu=THEME_MENU),
    ActionSpec("show_story", "&Story of this claim", ("T",), "View",
               "Every claim about it across articles, by published date"),
    ActionSpec("merge", "&Merge databases…", ("Ctrl+Shift+M",), "Team",
               "Merge the annotators' databases into a new one"),
    ActionSpec("adjudicate", "&Adjudicate disagreements", ("Ctrl+Shift+J",), "Team",
               "Claims where annotators differ, side by side: choose the final version"),
    ActionSpec("dashboard", "&Dashboard", ("Ctrl+Shift+D",), "Team",
               "Progress, grades and agreement of the team"),
    ActionSpec("refresh_dashboard", "Refresh the dashboard", ("F5",), "Team",
               "Compute the dashboard's figures again now", menu=None),
    ActionSpec("show_shortcuts", "&Keyboard shortcuts", (QKeySequence.StandardKey.HelpContents,
                                                        "F1", "?"), "Help"),
    ActionSpec("show_guidelines", "Annotation &guidelines", ("F2",), "Help",
               "Show the guidelines; F2 again hides them"),
    ActionSpec("about", "&About annotator", (), "Help", separator=True),
]


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences += QKeySequence.keyBindings(key)
        else:
            sequences.append(QKeySequence(key))
    unique: list[QKeySequence] = []
    for sequence in sequences:  # a standard key may already include our extra key
        if sequence not in unique:
            unique.append(sequence)
    return unique


def create_actions(parent: QWidget) -> dict[str, QAction]:
    """One QAction per spec, added to ``parent`` so its keys work window-wide."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.label, parent)
        action.setObjectName(spec.name)
        action.setShortcuts(key_sequences(spec))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        parent.addAction(action)
        actions[spec.name] = action
    return actions


def menu_path(spec: ActionSpec) -> str | None:
    return MENU_OF_GROUP.get(spec.group) if spec.menu == "" else spec.menu


def build_menus(bar: QMenuBar, actions: dict[str, QAction]) -> tuple[dict[str, QMenu],
                                                                       dict[str, QAction]]:
    """Fill the menu bar from the table: menus by path ("&Claim/Source &type"),
    actions in table order. Returns the menus by path and the separator line
    placed before each action that asks for one (by action name)."""
    menus: dict[str, QMenu] = {title: bar.addMenu(title) for title in MENUS}
    separators: dict[str, QAction] = {}
    for spec in ACTIONS:
        path = menu_path(spec)
        if path is None:
            continue
        if path not in menus:
            parent, _, title = path.rpartition("/")
            if spec.separator:
                separators[spec.name] = menus[parent].addSeparator()
            menus[path] = menus[parent].addMenu(title)
        elif spec.separator:
            separators[spec.name] = menus[path].addSeparator()
        menus[path].addAction(actions[spec.name])
    return menus, separators


def guidelines_section() -> str:
    """The shortcut list that ends resources/guidelines.md, from the table."""
    note = "Generated from the window's action table (F1 shows the same list)."
    lines = [GUIDELINES_HEADING, "", note, ""]
    group = None
    for spec in ACTIONS:
        if spec.group != group:
            group = spec.group
            lines += ["", f"### {group}", "", "| Action | Keys |", "| --- | --- |"]
        keys = key_text(spec) or "—"
        lines.append(f"| {spec.label.replace('&', '')} | {keys} |")
    return "\n".join(lines) + "\n"


GUIDELINES_HEADING = "## 7. Keyboard shortcuts"


def write_guidelines(path: str) -> None:
    """Replace the guidelines' shortcut section (from its heading to the end)."""
    from pathlib import Path

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    head = text.split(GUIDELINES_HEADING)[0].rstrip("\n")
    file.write_text(head + "\n\n" + guidelines_section(), encoding="utf-8")


def _typeable(sequence: QKeySequence) -> bool:
    """Keys on an ordinary keyboard. Standard bindings also bring X11 media
    and Sun keys ("Undo", "Open", F14): they work, but the sheet skips them."""
    return sequence.count() > 0 and sequence[0].key().value <= Qt.Key.Key_F12.value


def key_text(spec: ActionSpec) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in key_sequences(spec) if _typeable(s))


class ShortcutSheet(QDialog):
    """The sheet behind F1 / ?: every action and its keys, by section."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(ACTIONS), 3, self)
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Section", "Action", "Keys"])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, spec in enumerate(ACTIONS):
            for column, value in enumerate((spec.group, spec.label.replace("&", ""), key_text(spec))):
                item = QTableWidgetItem(value)
                item.setToolTip(spec.tip)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        # The keys that open the sheet close it (the window's F1 does not reach a dialog).
        opener = next(spec for spec in ACTIONS if spec.name == "show_shortcuts")
        for sequence in key_sequences(opener):
            QShortcut(sequence, self).activated.connect(self.reject)
        self.resize(640, 760)


if __name__ == "__main__":  # python -m annotator.gui.shortcuts resources/guidelines.md
    import sys

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # standard key bindings need one
    write_guidelines(sys.argv[1])
