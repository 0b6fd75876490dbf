"""The seed gold as a reviewer writes it: each claim by its text, source and cue.

One tuple per claim, in text order: (claim, form, source, cue, source name).
Forms: Q direct quote, I indirect, A according to, R reported, U unattributed
(the outlet's own voice: no source, no cue). Notation: make_seeds_gold.py.
"""

FORMS = {"Q": "direct_quote", "I": "indirect", "A": "according_to",
         "R": "reported", "U": "unattributed"}

SELENSKYJ = "Wolodymyr Selenskyj"

_000 = [
    ("dass Russland sich darauf vorbereitet, … der Ukraine einzusetzen", "I",
     "Der ukrainische Präsident Wolodymyr Selenskyj", "warnte", SELENSKYJ),
    ("eine klare Eskalation durch Russland", "Q", "wandte sich [Selenskyj]", "bezeichnete", SELENSKYJ),
    # Outside the quotation marks: the outlet's words, not Selenskyj's.
    ("das sich an einen unwahrscheinlichen Verbündeten wendet, um seine Kräfte zu verstärken", "U",
     None, None, None),
    ("Dieser gewagte Schritt … die internationale Stabilität bedroht", "U", None, None, None),
    ("Während Selenskyj es vermied, spezifische Frontlinienstandorte bekannt zu geben", "U",
     None, None, None),
    ("dass bereits mehrere nordkoreanische Einheiten … einen größeren Vorstoß unternommen hatten", "I",
     "die Verteidigungsintelligenz der Ukraine", "bestätigte", "Verteidigungsintelligenz der Ukraine"),
    ("sind etwa 12.000 nordkoreanische Soldaten, … im Osten des Landes", "A",
     "ukrainischem Geheimdienst", "Laut", "ukrainischer Geheimdienst"),
    # Reportative "sollen" right after the Geheimdienst's report carries it on.
    ("Diese neu ausgebildeten Einheiten sollen … auf dem ukrainischen Schlachtfeld anschließen", "R",
     "<ukrainischem Geheimdienst", "sollen", "ukrainischer Geheimdienst"),
    ("was das Potenzial für eine weitere Eskalation erhöht", "U", None, None, None),
    ("Die Entscheidung Russlands, nordkoreanische Soldaten zu rekrutieren, unterstreicht den "
     "zunehmenden Bedarf an Verstärkungen", "U", None, None, None),
    ("da es sich einer widerstandsfähigen ukrainischen Gegenwehr gegenübersieht", "U", None, None, None),
    ("Die Annäherung des Kremls an Nordkorea, … gegen demokratische Bündnisse gerichtet ist", "U",
     None, None, None),
    ("dass diese Ausrichtung eine weitere Destabilisierung fördern könnte, nicht nur in Europa, "
     "sondern weltweit", "I", "Experten", "befürchten", "Experten"),
    ("Die Zusammenarbeit Russlands mit Nordkorea ist ein Weckruf für die internationale Gemeinschaft",
     "Q", "ein Verteidigungsexperte in Kiew", "sagte", "Verteidigungsexperte in Kiew"),
    ("Es zeigt, wie weit Moskau … der Welt zu rekrutieren", "Q",
     "<ein Verteidigungsexperte in Kiew", "<sagte", "Verteidigungsexperte in Kiew"),
    ("Das ist nicht mehr nur der Kampf der Ukraine", "Q",
     "<ein Verteidigungsexperte in Kiew", "<sagte", "Verteidigungsexperte in Kiew"),
    ("es ist ein Kampf um die Zukunft der globalen Ordnung", "Q",
     "<ein Verteidigungsexperte in Kiew", "<sagte", "Verteidigungsexperte in Kiew"),
    # The warning's content is not given; the sentence is the outlet's assessment of it.
    ("Mit der tickenden Uhr hinterlässt … wenig Zeit zum Handeln", "U", None, None, None),
    ("dass Russlands Aktionen andere abtrünnige Nationen … autoritären und demokratischen Staaten "
     "verwandeln", "I", "Die Verbündeten", "besorgt", "Die Verbündeten"),
    ("Während sich die Ukraine auf nordkoreanische Truppen auf ihrem Boden vorbereitet", "U",
     None, None, None),
    ("Dieser Krieg ist ein Kampf zwischen Freiheit und Unterdrückung, … weit über die Ukraine "
     "hinausgehen", "R", "Zelenskis", "Botschaft", SELENSKYJ),
]

_002 = [
    ("die Anwesenheit nordkoreanischer Truppen in Russlands Kursk-Region", "R",
     "der NATO-Generalsekretär Mark Rutte", "bestätigt", "Mark Rutte"),
    ("was eine bedeutende Eskalation im laufenden Konflikt in der Ukraine darstellt", "U",
     None, None, None),
    ("diesen alarmierenden Schritt als Indiz … im langwierigen Krieg", "R",
     "beschrieb [Rutte]", "beschrieb", "Mark Rutte"),
    ("Diese militärische Zusammenarbeit unterstreicht eine besorgniserregende Allianz", "U",
     None, None, None),
    ("da Nordkorea Berichten zufolge … auf den Einsatz in Kampfgebieten vorzubereiten", "A",
     "Berichten", "zufolge", "Berichte"),
    ("dass Russland beabsichtige, … bereits am 27. Oktober einzusetzen", "I",
     "Der ukrainische Präsident Wolodymyr Selenskyj", "gewarnt", SELENSKYJ),
    ("„greifbaren“ internationalen Druck, … die UN-Resolutionen zu verletzen", "R",
     "Der ukrainische Präsident Wolodymyr Selenskyj", "forderte", SELENSKYJ),
    ("Die Welt kann Russlands wahre Absichten klar erkennen: den Krieg fortzusetzen", "Q",
     "betonte [Selenskyj]", "betonte", SELENSKYJ),
    ("entschieden auf diese eskalierende Bedrohung zu reagieren", "R",
     "betonte [Selenskyj]", "forderte", SELENSKYJ),
    ("Sein Aufruf zur Aktion betont … die Region weiter destabilisieren könnte", "U", None, None, None),
    # Coordinated predicates of one subject (Kirby): one claim.
    ("diese Bedenken und hob … Beteiligung am Konflikt", "R",
     "Der Sprecher für nationale Sicherheit des Weißen Hauses, John Kirby", "wiederholte", "John Kirby"),
    ("Während die internationale Gemeinschaft genau hinsieht", "U", None, None, None),
    ("könnten die potenziellen Folgen dieser Allianz … in der Ukraine erheblich verändern", "U",
     None, None, None),
    ("Während die Spannungen steigen", "U", None, None, None),
    ("die Einsätze immer höher werden", "U", None, None, None),
    ("muss die Welt mit den Implikationen einer neuen Phase dieses Konflikts umgehen", "U",
     None, None, None),
    ("nordkoreanische Truppen in Russland", "R", "der NATO", "Bestätigung", "NATO"),
    ("Die Situation entwickelt sich schnell", "U", None, None, None),
    ("der Bedarf an entschlossenem Handeln war noch nie so kritisch", "U", None, None, None),
]

ARTICLES = {"000": _000, "002": _002}
