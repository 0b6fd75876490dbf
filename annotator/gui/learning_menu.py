"""The handlers of the learning actions (docs/learning.md): learn from the
reviewed articles, the learned-lexicon view, and "most uncertain article"
(review what teaches the model most first). Thin slots: the work runs as
core operations in a worker with progress and Cancel; the actions are rows
of the window's action table (annotator.gui.shortcuts)."""

from __future__ import annotations

from annotator.gui import jobs


class LearningMenu:
    def __init__(self, window):
        self.window = window

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
