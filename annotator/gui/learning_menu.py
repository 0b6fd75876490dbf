"""The handlers of the learning actions (docs/learning.md): learn from the
reviewed articles, the learned-lexicon view, and "most uncertain article"
(review what teaches the model most first). Thin slots: the work runs as
core operations in a worker with progress and Cancel; the actions are rows
of the window's action table (annotator.gui.shortcuts).

When the project says so (``annotator learn --auto-every N``), learning
also runs by itself each time the reviewer has finished N more articles,
a few seconds after the last change (writes come in bursts)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from annotator.core.learning.project_store import auto_every, finished_articles
from annotator.gui import jobs


class LearningMenu:
    def __init__(self, window):
        self.window = window
        self.auto_job = None
        # finished articles when the window opened or last learned by itself
        self.finished_at_last = finished_articles(window.project, window.annotator) \
            if auto_every(window.project) else None
        self.timer = QTimer(window, singleShot=True, interval=2000)
        self.timer.timeout.connect(self.maybe_learn)
        window.bus.changed.connect(self._changed)

    def _changed(self, changes, initiator) -> None:
        if changes.annotations and self.finished_at_last is not None:
            self.timer.start()

    def maybe_learn(self):
        """Learn when N more articles were finished since the last time."""
        n = auto_every(self.window.project)
        if n is None or self.finished_at_last is None or self.window.closing:
            return None
        finished = finished_articles(self.window.project, self.window.annotator)
        if finished - self.finished_at_last < n or (self.auto_job is not None and self.auto_job.isRunning()):
            return None
        self.finished_at_last = finished
        self.auto_job = self.learn()
        return self.auto_job

    def handlers(self) -> dict:
        """The learning actions' handlers by action name (annotator.gui.shortcuts)."""
        return {"learn": self.learn, "learned_lexicon": self.open_learned_lexicon,
                "most_uncertain": self.most_uncertain_article, "learning_settings": self.open_settings,
                "uncertain_claims_first": self.toggle_uncertain_claims_first}

    def toggle_uncertain_claims_first(self) -> None:
        on = self.window.claim_list.toggle_uncertain_first()
        self.window.claims_dock.setVisible(True)
        self.window.statusBar().showMessage(
            "Claims list: most uncertain suggestion first (Ctrl+Shift+U: reading order)" if on
            else "Claims list: reading order", 8000)

    def open_settings(self):
        """The hiding threshold and automatic learning (as 'annotator learn
        --hide-below / --auto-every' set them)."""
        from annotator.gui.learning_settings import LearningSettingsDialog

        dialog = LearningSettingsDialog(self.window.project, self.window)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()
        return dialog

    def _settings_changed(self) -> None:
        # automatic learning counts finished articles from now on
        self.finished_at_last = finished_articles(self.window.project, self.window.annotator) \
            if auto_every(self.window.project) else None
        self.window.statusBar().showMessage("Learning settings saved; the next re-highlight uses them", 8000)

    def learn(self):
        from annotator.core.operations.learn import LEARNED

        return self.window.run_operation("Learn", jobs.learn_job(), LEARNED,
                                         label="Learning from the reviewed articles…",
                                         on_success=self._learned)

    def _learned(self, result) -> None:
        if result is None:
            text = "Nothing to learn from yet: accept or reject some suggestions first"
        else:
            text = (f"Learned from {result.counts['reviewed']} reviewed suggestions; "
                    "Re-highlight (Ctrl+Shift+H) to use it")
        self.window.statusBar().showMessage(text, 10000)

    def open_learned_lexicon(self):
        from annotator.gui.learned_lexicon_dialog import LearnedLexiconDialog

        dialog = LearnedLexiconDialog(self.window.project, self.window)
        dialog.show()
        return dialog

    def most_uncertain_article(self):
        """Open the article whose unreviewed suggestions the model is least sure of."""
        return self.window.run_job("Most uncertain article", jobs.uncertain_job(self.window.annotator),
                                   label="Finding the most uncertain article…",
                                   on_success=self._open_uncertain)

    def _open_uncertain(self, rows) -> None:
        if not rows:
            self.window.statusBar().showMessage(
                "No unreviewed suggestion scored by a learned model: Learn, then Re-highlight", 10000)
            return
        article_id, uncertainty, count = rows[0]
        self.window.workspace.open_article(article_id, at_unreviewed=True)
        self.window.statusBar().showMessage(
            f"Most uncertain article: {count} open suggestions, uncertainty {uncertainty:.2f}", 10000)


def install_learning_menu(window) -> LearningMenu:
    """The learning actions' controller, kept on the window."""
    window.learning = LearningMenu(window)
    return window.learning
