"""Suggestions that learn from the team's decisions (issue 16), core only."""

from __future__ import annotations

import json
import logging

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.learning.apply import explain_text, load_model, rescore
from annotator.core.learning.decisions import Review, training_set
from annotator.core.learning.lexicon_learner import (
    entries_from_json,
    entries_to_json,
    in_use,
    learn_lexicon,
    merge_verdicts,
    set_status,
)
from annotator.core.learning.rescorer import ModelError, Rescorer, train
from annotator.core.learning.uncertainty import articles_most_uncertain_first, most_uncertain_first
from annotator.core.models import Annotation, Decision, Span

EVIDENCE = "Die Zahlen zeigen, dass die Steuern im nächsten Jahr steigen."
ACCORDING = "Laut Polizei gab es am Morgen drei Verletzte."


@pytest.fixture(scope="module")
def hl():
    return load_highlighter("blank")


def judged(text: str, suggestion, decision: Decision, **changes) -> Review:
    ann = Annotation(article_id="a", annotator="ann", decision=decision, start=suggestion.start,
                     end=suggestion.end, source=suggestion.source, cue=suggestion.cue,
                     suggestion_id=suggestion.id)
    return Review(text, suggestion, ann.evolve(**changes))


def team_reviews(hl, rounds: int = 12) -> list[Review]:
    """A team that keeps evidence claims ('Die Zahlen zeigen, dass …') and
    rejects 'laut X' frames — the opposite of the rules' own confidence."""
    reviews = []
    for _ in range(rounds):
        (ev,) = hl.highlight(EVIDENCE)
        (fr,) = hl.highlight(ACCORDING)
        reviews.append(judged(EVIDENCE, ev, Decision.ACCEPT))
        reviews.append(judged(ACCORDING, fr, Decision.REJECT))
    return reviews


def test_learning_reverses_the_order_the_team_disagrees_with(hl):
    (ev,) = hl.highlight(EVIDENCE)
    (fr,) = hl.highlight(ACCORDING)
    assert fr.score > ev.score  # the rules trust 'laut' more than 'zeigen'
    data = training_set(team_reviews(hl))
    assert data.counts == {"reviewed": 24, "accepted": 12, "rejected": 12, "sources": 12}
    model = train(data.claims, data.sources)

    (ev2,) = rescore(EVIDENCE, [ev], model).suggestions
    (fr2,) = rescore(ACCORDING, [fr], model).suggestions
    assert ev2.score > 0.5 > fr2.score
    # the rules' fields are untouched, only the score is the learned one
    assert (ev2.start, ev2.end, ev2.cue, ev2.source) == (ev.start, ev.end, ev.cue, ev.source)


def test_the_threshold_hides_only_when_the_project_asks(hl):
    model = train(training_set(team_reviews(hl)).claims)
    (fr,) = hl.highlight(ACCORDING)
    assert len(rescore(ACCORDING, [fr], model).suggestions) == 1  # off by default
    hidden = rescore(ACCORDING, [fr], model, hide_below=0.5)
    assert hidden.suggestions == [] and hidden.hidden == 1


def test_a_reviewer_sees_why_a_suggestion_scored_as_it_did(hl):
    model = train(training_set(team_reviews(hl)).claims)
    (fr,) = hl.highlight(ACCORDING)
    result = rescore(ACCORDING, [fr], model)
    tip = explain_text(result.reasons[0])
    assert "according_to" in tip or "laut" in tip
    assert "-" in tip  # the reasons pull the score down


def test_the_model_is_plain_json_with_its_counts(hl):
    model = train(training_set(team_reviews(hl)).claims)
    data = model.to_bytes()
    doc = json.loads(data)  # JSON, never pickle
    assert doc["format"] == "annotator-rescorer"
    assert doc["payload"]["claim"]["counts"]["examples"] == 24
    again = Rescorer.from_bytes(data)
    assert again.version == model.version and again.version.startswith("rescorer-")


@pytest.mark.parametrize("damage", [
    lambda b: b[:-20],  # cut short
    lambda b: b.replace(b'"intercept": ', b'"intercept": 1'),  # edited numbers
    lambda b: b"\x80\x04\x95pickle",  # not JSON at all
    lambda b: json.dumps({"format": "other"}).encode(),
])
def test_a_damaged_model_falls_back_to_the_rules_with_a_warning(hl, caplog, damage):
    good = train(training_set(team_reviews(hl)).claims).to_bytes()
    with pytest.raises(ModelError):
        Rescorer.from_bytes(damage(good))
    (fr,) = hl.highlight(ACCORDING)
    with caplog.at_level(logging.WARNING):
        model, warning = load_model(damage(good))
    assert model is None and "rules" in warning
    assert "rules" in caplog.text
    assert rescore(ACCORDING, [fr], model).suggestions == [fr]


def test_a_model_learned_with_other_features_is_not_used(hl):
    model = train(training_set(team_reviews(hl)).claims)
    model.features_version = "0"
    again, warning = load_model(model.to_bytes())
    assert again is None and "features version '0'" in warning


def test_a_missing_model_uses_the_rules_and_says_so(hl):
    model, warning = load_model(None)
    assert model is None and "no learned model" in warning


def test_one_kind_of_decision_gives_the_acceptance_rate(hl):
    reviews = [r for r in team_reviews(hl, 3) if r.annotation.decision == Decision.ACCEPT]
    model = train(training_set(reviews).claims)
    assert model.probability({"attribution": "indirect"}) == pytest.approx(4 / 5)


def test_unreviewed_suggestions_teach_nothing(hl):
    (ev,) = hl.highlight(EVIDENCE)
    assert training_set([Review(EVIDENCE, ev, None)]).counts["reviewed"] == 0


def test_hand_marked_unknown_cues_and_corrected_sources_are_learned(hl):
    text = "Der Minister postete, die Steuern würden steigen."
    # a claim the rules missed, added by hand with its cue and source
    added = Annotation(article_id="a", annotator="ann", decision=Decision.ACCEPT, start=21, end=49,
                       source=Span(0, 12), cue=Span(13, 20))
    assert added.cue.text(text) == "postete"
    (ev,) = hl.highlight(EVIDENCE)
    corrected = judged(EVIDENCE, ev, Decision.ACCEPT, source=Span(4, 10))  # "Zahlen"
    reviews = [Review(text, None, added), Review(text, None, added), corrected]
    entries = learn_lexicon(reviews)
    got = {(e.kind, e.phrase): e.count for e in entries}
    assert got == {("cue", "postete"): 2, ("source", "Der Minister"): 2, ("source", "Zahlen"): 1}
    assert in_use(entries, "cue") == ["postete"]
    assert in_use(entries, "source") == ["Der Minister"]  # "Zahlen" seen once only


def test_known_cues_are_not_learned_again(hl):
    text = "Der Minister sagte, dass die Steuern steigen."
    added = Annotation(article_id="a", annotator="ann", decision=Decision.ACCEPT, start=20, end=44,
                       cue=Span(13, 18))
    assert learn_lexicon([Review(text, None, added)]) == []


def test_a_leads_verdicts_survive_relearning():
    from annotator.core.learning.lexicon_learner import LearnedEntry

    old = [LearnedEntry("cue", "postete", 2), LearnedEntry("cue", "raunte", 5)]
    set_status(old, "cue", "raunte", "dropped")
    set_status(old, "cue", "postete", "accepted")
    with pytest.raises(ValueError, match="status"):
        set_status(old, "cue", "postete", "maybe")
    new = [LearnedEntry("cue", "raunte", 7), LearnedEntry("cue", "tweetete", 3)]
    merged = merge_verdicts(old, new)
    assert {(e.phrase, e.count, e.status) for e in merged} == {
        ("raunte", 7, "dropped"), ("tweetete", 3, "proposed"), ("postete", 0, "accepted")}
    assert sorted(in_use(merged, "cue")) == ["postete", "tweetete"]
    assert entries_from_json(entries_to_json(merged)) == merged
    with pytest.raises(ValueError, match="damaged"):
        entries_from_json('[{"kind": "cue"}]')


def test_most_uncertain_first():
    probs = {"sure-yes": 0.97, "coin": 0.52, "sure-no": 0.03, "leaning": 0.7}
    assert most_uncertain_first(list(probs), probs.get) == ["coin", "leaning", "sure-yes", "sure-no"]
    articles = {"a1": [0.99, 0.95], "a2": [0.9, 0.45], "a3": [], "a4": [0.2]}
    assert articles_most_uncertain_first(articles) == ["a2", "a4", "a1", "a3"]


def test_a_heads_fast_scoring_is_its_weights_summed_over_every_feature():
    """Scoring looks weights up by name and value; a numeric feature whose
    name holds '=' (the claim finder's "w=sei") counts as much as a category."""
    from annotator.core.learning.rescorer import Head, feature_items

    head = Head({"w=sei": 1.5, "attribution=indirect": 0.5, "position": 2.0, "cue_family=verb:speech": -1.0}, 0.1)
    for feats in ({"w=sei": 1.0}, {"attribution": "indirect", "position": 0.25},
                  {"attribution": "reported", "w=sei": 1.0, "cue_family": "verb:speech", "w=nie": 1.0}):
        expected = head.intercept + sum(head.weights.get(n, 0.0) * v for n, v in feature_items(feats))
        assert head.logit(feats) == pytest.approx(expected)
