"""The learned claim finder: speech among the claims the rules left unattributed (issue 16)."""

from __future__ import annotations

import json

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.learning.corrector import Corrector, explain_spans, train_corrector
from annotator.core.learning.decisions import Review, correction_cases
from annotator.core.learning.pipeline import LearnedPipeline
from annotator.core.learning.rescorer import Example, train
from annotator.core.models import Annotation, Attribution, Decision, NewArticle

# The rules see three claims and attribute none. This team reads "angeblich"
# (allegedly: someone says so) as speech and keeps that claim as speech
# (the reviewer names the speaker later); the plain facts stay claims with
# no speaker.
ARTICLE = "Das Stadion wurde {year} gebaut. {alleged} Der Zug fuhr um {hour} Uhr ab."
ALLEGED = ["Die Firma plant angeblich {n} neue Stellen in der Stadt.",
           "Der Konzern baut angeblich {n} Häuser am Rhein.",
           "Das Amt prüft angeblich {n} weitere Anträge aus Köln.", "Ein Investor kauft angeblich {n} Hektar Land.",
           "Die Bahn streicht angeblich {n} Verbindungen im Winter.", "Der Verband verliert angeblich {n} Mitglieder.",
           "Die Klinik sucht angeblich {n} Pflegekräfte für den Sommer.", "Das Werk schließt angeblich {n} Hallen."]
PLACES = [(1990 + k, 10 + k, 6 + k % 5) for k in range(8)]


@pytest.fixture(scope="module")
def hl():
    return load_highlighter("blank")


def article(k: int) -> str:
    if k >= len(PLACES):
        alleged = f"Die Firma plant angeblich {k} neue Stellen in der Stadt."
        return ARTICLE.format(year=1970 + k, hour=7, alleged=alleged)
    year, n, hour = PLACES[k]
    return ARTICLE.format(year=year, hour=hour, alleged=ALLEGED[k].format(n=n))


def judged(text: str, s) -> Annotation:
    """The team's decision on one of the rules' claims."""
    speech = "angeblich" in text[s.start:s.end]
    return Annotation("a", "alice", Decision.ACCEPT, s.start, s.end, suggestion_id=1, unattributed=not speech)


def team_reviews(hl, speech_too: bool = True) -> list[Review]:
    reviews = []
    for k in range(len(PLACES)):
        text = article(k)
        claims = hl.highlight(text)
        assert [c.attribution for c in claims] == [Attribution.UNATTRIBUTED] * 3
        for s in claims:
            ann = judged(text, s)
            reviews.append(Review(text, s, ann if speech_too else ann.evolve(unattributed=True)))
    return reviews


def test_a_team_that_keeps_alleged_claims_as_speech_teaches_the_finder(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    assert corrector.finder is not None and corrector.finder.counts["kept"] == len(PLACES)
    text = "Das Rathaus wurde 1875 gebaut. Der Verein sucht angeblich einen neuen Trainer. Der Bus fuhr um neun Uhr ab."
    before = hl.highlight(text)
    after, why = corrector.correct(text, before)
    found = [text[s.start:s.end] for s, w in zip(after, why) if w.found]
    assert found == ["Der Verein sucht angeblich einen neuen Trainer"]
    (speech,) = [s for s, w in zip(after, why) if w.found]
    assert speech.attribution == Attribution.INDIRECT and speech.source is None and speech.score >= 0.35
    assert [s.attribution for s, w in zip(after, why) if not w.found] == [Attribution.UNATTRIBUTED] * 2


def test_a_team_that_keeps_no_unattributed_claim_as_speech_teaches_no_finder(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl, speech_too=False)))
    assert corrector.finder is None and corrector.counts["finder_kept"] == 0
    text = article(20)
    assert corrector.correct(text, hl.highlight(text))[0] == hl.highlight(text)


def test_the_finder_travels_in_the_corrector_and_says_why(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    doc = json.loads(corrector.to_bytes())
    assert doc["payload"]["finder"]["counts"]["kept"] == len(PLACES)
    again = Corrector.from_bytes(corrector.to_bytes())
    assert again.version == corrector.version and again.finder.threshold == corrector.finder.threshold
    # a corrector stored before the finder existed still loads, without one
    del doc["payload"]["finder"]
    from annotator.core.learning.sealed import seal

    assert Corrector.from_bytes(seal(doc["format"], doc["format_version"], doc["payload"])).finder is None
    text = article(20)
    (speech,) = [s for s in again.correct(text, hl.highlight(text))[0] if s.attribution != Attribution.UNATTRIBUTED]
    why = explain_spans(again, text, speech)
    assert corrector.version in why and "proposed by the learned claim finder" in why and "w=angeblich +" in why


def test_the_pipeline_shows_the_finders_speech_even_when_the_rescorer_hides(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    # a re-scorer that would hide everything it has not seen kept
    model = train([Example({"attribution": "indirect"}, False), Example({"attribution": "indirect"}, False),
                   Example({"attribution": "reported"}, True), Example({"attribution": "reported"}, True)])
    pipeline = LearnedPipeline(hl, model, hide_below=0.9, corrector=corrector)
    assert corrector.version in pipeline.version
    text = article(20)
    shown = [text[s.start:s.end] for s in pipeline.highlight(text) if s.attribution != Attribution.UNATTRIBUTED]
    assert shown == [text[text.index("Die Firma"):text.index(" Stadt") + 6]]


def reviewed_by_the_team(project, hl) -> None:
    """The team's articles imported, highlighted and every suggestion judged."""
    from annotator.core.importer import highlight_project

    for k in range(len(PLACES)):
        project.add_article(NewArticle(text=article(k)))
    highlight_project(project, hl)
    for article_id in project.article_ids():
        text = project.article(article_id).text
        for s in project.suggestions(article_id):
            project.save_annotation(judged(text, s).evolve(article_id=article_id, suggestion_id=s.id))


def test_learn_and_rehighlight_find_the_speech_and_keep_the_human_layer(project, hl):
    from annotator.core.importer import highlight_project
    from annotator.core.learning.project_store import project_pipeline
    from annotator.core.operations.learn import learn

    reviewed_by_the_team(project, hl)
    result = learn(project).result
    assert result.corrector is not None and result.corrector.finder is not None
    human = project.annotations()
    new_id, _ = project.insert_article(NewArticle(text=article(20)))
    pipeline, warning = project_pipeline(project, base=hl)
    assert warning is None
    highlight_project(project, pipeline)
    assert project.annotations() == human
    text = project.article(new_id).text
    speech = [s for s in project.suggestions(new_id) if s.attribution != Attribution.UNATTRIBUTED]
    assert [text[s.start:s.end] for s in speech] == [text[text.index("Die Firma"):text.index(" Stadt") + 6]]
    assert result.corrector.version in speech[0].pipeline_version


def test_the_lead_sees_what_the_finder_learned_from_the_command_line(tmp_path, hl):
    from click.testing import CliRunner

    from annotator.cli import main
    from annotator.core.project import Project

    db = tmp_path / "team.sqlite"
    with Project.open(db) as project:
        reviewed_by_the_team(project, hl)
    result = CliRunner().invoke(main, ["--db", str(db), "learn", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"({len(PLACES)} kept as speech)" in result.output and "claim finder: learned from" in result.output
