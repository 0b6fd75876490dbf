"""Word lists and base scores shared by the claim rules.

Closed German word classes the rule classes test tokens against
(complementizers, relative pronouns, name particles, time words …) and the
base score of each attribution type.  They live apart from the rules so
every cue family reads the same sets and none of them owns them.
"""

from __future__ import annotations

from annotator.core.models import Attribution

QUOTE_PAIRS = {"„": ("“", "”", '"'), "»": ("«",), "«": ("»",), "“": ("”",), "‚": ("‘",), '"': ('"',)}
ALL_QUOTES = {"„", "“", "”", "»", "«", '"', "‚", "‘"}
PUNCT = {",", ".", ";", ":", "!", "?", "…", "(", ")", "-", "–", "—", "/"} | ALL_QUOTES
COMPLEMENTIZERS = {"dass", "daß", "ob"}
NON_COMPLEMENT_STARTS = {
    "um", "weil", "da", "und", "oder", "aber", "sondern", "als", "wenn", "nachdem", "obwohl",
    "während", "bevor", "wo", "sodass", "damit", "indem", "denn", "doch", "jedoch", "sowie", "bis",
    "seit", "seitdem", "ehe", "falls", "ohne", "statt", "wobei", "wodurch", "womit", "weshalb",
    "welche", "welcher", "welches", "welchen", "welchem", "denen", "dessen", "deren", "zumal",
    "sobald", "solange", "obgleich", "wonach",
}
WH = {"wer", "was", "wann", "wo", "warum", "weshalb", "wieso", "wie", "welche", "welcher", "welches",
      "wohin", "woher", "wodurch", "womit", "wofür", "wozu", "inwiefern", "inwieweit", "wieviel", "wieviele"}
RELATIVE = {"der", "die", "das", "dem", "den", "denen", "dessen", "deren"}
NAME_PARTICLES = {"von", "van", "de", "da", "di", "der", "den", "bin", "ibn", "al", "el", "le", "la", "du", "dos",
                  "del", "zu", "ten", "ter", "mc", "st.", "des", "of", "the"}
SUBJECT_PRONOUNS = {"er", "sie", "es", "man", "wir", "ich", "ihr"}
GENITIVE_DETS = {"des", "der", "eines", "einer", "aller"}
PARTITIVES = {"einer", "eine", "eines", "keiner", "keine", "jeder", "jede", "einige", "viele", "mehrere", "alle",
              "zwei", "drei", "vier"}
TIME_WORDS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "wochenende",
              "abend", "morgen", "vormittag", "nachmittag", "januar", "februar", "märz", "april", "mai", "juni",
              "juli", "august", "september", "oktober", "november", "dezember", "rande"}
POSSESSIVES = {"seiner", "ihrer", "deren", "dessen", "meiner", "unserer"}
BASE_SCORE = {
    Attribution.DIRECT_QUOTE: 0.9,
    Attribution.ACCORDING_TO: 0.85,
    Attribution.INDIRECT: 0.8,
    Attribution.REPORTED: 0.55,
    Attribution.UNATTRIBUTED: 0.3,
}
MODALS = frozenset("soll sollen sollte sollten will wollen wollte wollten kann können konnte konnten "
                   "muss müssen musste mussten darf dürfen durfte durften möchte möchten mag "
                   "könnte könnten müsste müssten dürfte dürften".split())
# "werden" with an infinitive: the future and the conditional ("wird erklären", "würde sagen")
FUTURE_AUX = frozenset("wird werden würde würden".split())

PASSIVE_AUX = frozenset("wird werden wurde wurden worden würde würden".split())
