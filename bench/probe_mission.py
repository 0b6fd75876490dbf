"""The mission's own kind of sentence, and what the highlighter makes of each.

    python bench/probe_mission.py > after.txt   # diff against a run on the commit before

SpkAtt's figures miss regressions in the seeds' domain (a rule that takes *Die
Nato warnte …* away from its speaker can still raise Source F1), so a change of
the rules is also diffed on these sentences: one line per sentence, with each
claim's attribution and source span.
"""

from __future__ import annotations

from annotator.core.highlight import load_highlighter

SENTENCES = [
    "Die Ukraine forderte mehr Waffen von ihren Verbündeten.",
    "Selenskyj warnte, dass Russland nordkoreanische Truppen einsetzen werde.",
    "Der ukrainische Präsident sagte, die Lage an der Front sei ernst.",
    "Laut südkoreanischem Geheimdienst sind etwa 12.000 Soldaten in Russland.",
    "Berichten zufolge wurden 3.000 Soldaten nach Kursk verlegt.",
    "Die Nato bestätigte die Anwesenheit nordkoreanischer Truppen.",
    "Der Kreml wies die Vorwürfe zurück.",
    "Moskau dementierte die Berichte.",
    "Pjöngjang äußerte sich nicht zu den Berichten.",
    "Nato-Generalsekretär Rutte sprach von einer gefährlichen Eskalation.",
    "Das Pentagon schätzt die Zahl der Soldaten auf 10.000.",
    "Die USA zeigten sich besorgt über die Entwicklung.",
    "Experten gehen davon aus, dass weitere Truppen folgen.",
    "Nach Angaben des Verteidigungsministeriums kamen die Soldaten im Oktober an.",
    "Die südkoreanische Regierung kündigte an, die Ukraine mit Waffen zu unterstützen.",
    "Putin lobte die Zusammenarbeit mit Nordkorea.",
    "Kim Jong Un versprach Russland volle Unterstützung.",
    "Die EU verurteilte die Entsendung scharf.",
    "Washington kritisierte Pjöngjang für die Lieferung.",
    "Ein Sprecher des Außenministeriums erklärte, man beobachte die Lage genau.",
    "Er betonte, die Truppen seien gut ausgebildet.",
    "Die Soldaten sollen bereits in Kämpfe verwickelt sein.",
    "Selenskyj zufolge sind die ersten Einheiten bereits im Einsatz.",
    "Die Ukraine meldete am Montag erste Gefechte mit nordkoreanischen Soldaten.",
    "Russlands Außenminister Lawrow nannte die Berichte eine Provokation.",
    "Der Geheimdienst geht von 11.000 Soldaten aus.",
    "Seoul warnte vor den Folgen für die Sicherheit auf der koreanischen Halbinsel.",
    "Biden forderte China auf, Einfluss auf Nordkorea zu nehmen.",
]


def main() -> None:
    highlighter = load_highlighter()
    for sentence, doc in zip(SENTENCES, highlighter.nlp.pipe(SENTENCES)):
        claims = [(c.attribution.value, c.source.text(sentence) if c.source else None)
                  for c in doc._.annotator_claims]
        print(sentence, claims)


if __name__ == "__main__":
    main()
