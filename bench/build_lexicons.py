#!/usr/bin/env python
"""Build the highlighter's lexicons in resources/lexicons/ from German grammar alone.

The grammar is written down below: reporting-verb lemmas with their
strong/irregular stems and separable particles (the regular forms are
generated) and, per lemma, what it means (SENSE: how often it reports;
CONTENT: what besides a complement clause carries its content;
ADJECTIVE_FORMS: forms that are ordinarily adjectives), a table of the
strong and irregular verbs (Konjunktiv I, lowercase forms), closed word
classes (articles, prepositions, conjunctions, auxiliaries, pronouns),
hedges, prepositional and nominal cues, role and document nouns, nouns of
time, abbreviations.  Nothing shipped is derived from SpkAtt, whose terms
allow developing and evaluating on it but not shipping what is trained on it.

Experiment only (never shipped; refused for resources/lexicons/): --data
adds counts from a part of the SpkAtt-2023 training split (CC BY-NC-SA 4.0),
never text: how often each reporting-verb form is annotated as a cue (or
stands in the message of a cue-less "Reported" annotation),
lowercase/capitalised word counts, abbreviations seen inside sentences,
zu-infinitives (Konjunktiv I forms) and frequent source head nouns.

Usage: python bench/build_lexicons.py [--out DIR]
       python bench/build_lexicons.py --data /work/shared/data/spkatt2023-news/train
              --split dev|tune|dev-rest --out /tmp/DIR   (see bench/eval_crossfit.py)
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from annotator.core.highlight.splits import split_files  # noqa: E402

OUT = ROOT / "resources" / "lexicons"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "spkatt2023-news" / "train"

# --------------------------------------------------------------------------
# Reporting verbs.  "base|particle|class" for weak verbs (forms generated),
# "base|particle|class|3sg|preterite 3sg|participle (without particle)" for
# strong and irregular verbs.  class: speech, thought, writing, act (acts such
# as demanding or announcing that are annotated as speech reproduction),
# evidence (documents and imagery: "Satellitenbilder zeigen, dass …").
# --------------------------------------------------------------------------
VERBS = """
sagen||speech
erklären||speech
betonen||speech
berichten||speech
melden||speech
vermelden||speech
bestätigen||speech
behaupten||speech
warnen||speech
kritisieren||speech
fordern||act
erläutern||speech
äußern||speech
meinen||thought
glauben||thought
vermuten||thought
befürchten||thought
fürchten||thought
hoffen||thought
bezweifeln||thought
bekräftigen||speech
versichern||speech
mutmaßen||thought
schätzen||thought
erwarten||thought
ergänzen||speech
antworten||speech
entgegnen||speech
zitieren||speech
twittern||writing
klagen||speech
beklagen||speech
bemängeln||speech
beanstanden||speech
monieren||speech
argumentieren||speech
dementieren||speech
leugnen||speech
verkünden||speech
kündigen|an|act
teilen|mit|speech
stellen|fest|speech
stellen|klar|speech
machen|klar|speech
machen|deutlich|speech
legen|dar|speech
fügen|hinzu|speech
räumen|ein|speech
fordern|auf|act
appellieren||act
plädieren||act
verlangen||act
drohen||act
beschuldigen||act
sagen|voraus|speech
sagen|vorher|speech
prognostizieren||speech
spekulieren||speech
informieren||speech
unterrichten||speech
schildern||speech
bezeichnen||speech
loben||speech
würdigen||speech
verurteilen||speech
protestieren||speech
fragen||speech
beteuern||speech
führen|aus|speech
kommentieren||speech
mahnen||speech
erwidern||speech
lehnen|ab|act
bilanzieren||speech
resümieren||speech
folgern||thought
signalisieren||speech
deuten|an|speech
sichern|zu|speech
beharren||speech
begründen||speech
rechtfertigen||speech
erzählen||speech
merken|an|speech
bemerken||speech
präzisieren||speech
wiederholen||speech
veröffentlichen||writing
skandieren||speech
verlautbaren||speech
bescheinigen||speech
empören||speech
beschweren||speech
ankündigen||act
geben|an|speech|gibt|gab|gegeben
geben|bekannt|speech|gibt|gab|gegeben
geben|zu|speech|gibt|gab|gegeben
weisen|hin|speech|weist|wies|gewiesen
weisen|zurück|speech|weist|wies|gewiesen
verweisen||speech|verweist|verwies|verwiesen
werfen|vor|act|wirft|warf|geworfen
schlagen|vor|act|schlägt|schlug|geschlagen
rufen|auf|act|ruft|rief|gerufen
rufen||speech|ruft|rief|gerufen
schreiben||writing|schreibt|schrieb|geschrieben
beschreiben||speech|beschreibt|beschrieb|beschrieben
sprechen||speech|spricht|sprach|gesprochen
versprechen||act|verspricht|versprach|versprochen
widersprechen||speech|widerspricht|widersprach|widersprochen
bestreiten||speech|bestreitet|bestritt|bestritten
streiten|ab|speech|streitet|stritt|gestritten
unterstreichen||speech|unterstreicht|unterstrich|unterstrichen
gehen|aus|thought|geht|ging|gegangen
heben|hervor|speech|hebt|hob|gehoben
nehmen|an|thought|nimmt|nahm|genommen
wenden|ein|speech|wendet|wandte|gewandt
halten|fest|speech|hält|hielt|gehalten
gestehen||speech|gesteht|gestand|gestanden
gestehen|ein|speech|gesteht|gestand|gestanden
nennen||speech|nennt|nannte|genannt
denken||thought|denkt|dachte|gedacht
wissen||thought|weiß|wusste|gewusst
bitten||act|bittet|bat|gebeten
raten||act|rät|riet|geraten
empfehlen||act|empfiehlt|empfahl|empfohlen
beschließen||act|beschließt|beschloss|beschlossen
entscheiden||act|entscheidet|entschied|entschieden
schreien||speech|schreit|schrie|geschrien
verraten||speech|verrät|verriet|verraten
bringen|vor|speech|bringt|brachte|gebracht
bekennen||speech|bekennt|bekannte|bekannt
fahren|fort|speech|fährt|fuhr|gefahren
lassen|verlauten|speech|lässt|ließ|gelassen
begrüßen||speech
regen|an|act
beziffern||speech
erwägen||thought
betrachten||thought
stufen|ein|speech
attackieren||speech
vergleichen||speech|vergleicht|verglich|verglichen
sehen||thought|sieht|sah|gesehen
rechnen||thought
zeigen||evidence
belegen||evidence
dokumentieren||evidence
legen|nahe|evidence
deuten|hin|evidence|deutet|deutete|gedeutet
ergeben||evidence|ergibt|ergab|ergeben
sagen|zu|act
besagen||evidence
erhoffen||thought
formulieren||speech
schätzen|ein|thought
"""

# --------------------------------------------------------------------------
# What each reporting-verb lemma means, from German lexical semantics as a
# dictionary (Duden, DWDS) states it, decided per lemma by its meaning before
# any error list was read; nothing here is counted from any corpus.
#
# sense: how many of the lemma's uses report speech or a position.
#   report  nearly all (sagen, betonen, warnen, fordern, kritisieren …);
#   mixed   a reporting sense beside common others (erklären 'explain',
#           meinen 'mean', sprechen 'talk with', halten fest 'hold on to',
#           melden 'register', verurteilen 'sentence', bestreiten 'play',
#           unterstreichen 'underline', also of a thing: "Die Entscheidung
#           unterstreicht den Bedarf");
#   minor   the reporting sense is the rare one (sehen 'see', zeigen 'show',
#           ergeben 'result in', fortfahren 'continue').
# Every lemma of VERBS stands in exactly one list (the builder checks).
# One lemma was moved after a seed's story test: "wiederholen" from mixed to
# report (its first dictionary sense is 'say again'; "wiederholte diese
# Bedenken"); the SpkAtt figures are the same either way.
# Added in the fourteenth round, each by its dictionary sense: "zusagen"
# (mixed: 'promise' beside 'appeal to': "das Angebot sagte ihm zu"),
# "besagen" (report: a text's content, only with a dass-clause as evidence
# is), "sich erhoffen" (report: 'hope for', a thought like "hoffen"),
# "formulieren" (mixed: 'state' beside 'word a text'); then "einschätzen"
# (report, thought: Duden 'in bestimmter Weise beurteilen', its one sense;
# "schätzt die Lage als ernst ein"; the bare "schätzen" stays mixed); in the
# round on the carried speaker "abstreiten" (report: 'deny', its only sense:
# "Der Iran streitet dies ab"; a noun object is the position denied).
# --------------------------------------------------------------------------
SENSE = {
    "report": """
sagen betonen berichten vermelden bestätigen behaupten warnen kritisieren fordern erläutern äußern
glauben vermuten befürchten fürchten hoffen bezweifeln bekräftigen versichern mutmaßen antworten
entgegnen twittern beklagen bemängeln beanstanden monieren argumentieren dementieren leugnen verkünden
ankündigen mitteilen klarstellen klarmachen deutlichmachen darlegen hinzufügen einräumen auffordern
appellieren plädieren verlangen beschuldigen voraussagen vorhersagen prognostizieren spekulieren
schildern bezeichnen loben würdigen fragen beteuern kommentieren mahnen erwidern ablehnen bilanzieren
resümieren folgern andeuten zusichern beharren anmerken präzisieren skandieren verlautbaren
bescheinigen beschweren angeben bekanntgeben zugeben hinweisen vorwerfen vorschlagen aufrufen
widersprechen hervorheben einwenden gestehen eingestehen bitten empfehlen vorbringen
bekennen verlautenlassen beziffern erzählen rechtfertigen nahelegen hindeuten wiederholen
besagen erhoffen einschätzen abstreiten
""",
    "mixed": """
erklären melden meinen schätzen erwarten ergänzen zitieren klagen drohen informieren unterrichten
verurteilen protestieren ausführen feststellen signalisieren begründen bemerken
veröffentlichen empören zurückweisen verweisen rufen schreiben beschreiben sprechen versprechen
bestreiten ausgehen annehmen festhalten nennen denken wissen raten beschließen entscheiden schreien
verraten begrüßen unterstreichen anregen erwägen betrachten einstufen attackieren vergleichen rechnen belegen
dokumentieren zusagen formulieren
""",
    "minor": """
sehen zeigen ergeben fortfahren
""",
}

# content: what, besides a complement clause or a quotation, can carry what
# was said, so that the sentence is a (reported) claim without one.
#   object  a noun object or its prepositional object is the position
#           ("fordert den Rücktritt", "kritisierte die Pläne", "warnte vor
#           Gewalt", "bestätigte den Tod", "rechnet mit Verlusten");
#   topic   a noun object or PP names what was spoken about, and says
#           something only sometimes ("berichtete von Schüssen", "sprach
#           über die Lage", "erklärte seinen Rücktritt");
#   clause  only a complement clause or quotation says what ("sagte",
#           "meinte", "fragte", "fügte hinzu", "zeigt"; "beschloss" decides;
#           "spekulierte über die Ursache" names what the speculation was about).
CONTENT = {
    "object": """
warnen kritisieren fordern befürchten fürchten hoffen bezweifeln vermuten bekräftigen beklagen
bemängeln beanstanden monieren dementieren leugnen verkünden ankündigen einräumen auffordern
appellieren plädieren verlangen drohen beschuldigen voraussagen vorhersagen prognostizieren
bezeichnen loben würdigen verurteilen protestieren beteuern mahnen ablehnen signalisieren andeuten
zusichern beharren wiederholen skandieren bescheinigen empören beschweren bekanntgeben zugeben
hinweisen zurückweisen verweisen vorwerfen vorschlagen aufrufen versprechen widersprechen bestreiten
unterstreichen hervorheben ausgehen annehmen gestehen eingestehen nennen bitten raten empfehlen
bekennen begrüßen anregen beziffern erwägen betrachten einstufen attackieren bestätigen melden
vermelden erwarten schätzen rechnen klagen betonen sehen vorbringen
zusagen erhoffen einschätzen abstreiten
""",
    "topic": """
berichten erläutern äußern informieren unterrichten schildern beschreiben kommentieren darlegen
ausführen erzählen argumentieren sprechen begründen rechtfertigen präzisieren
veröffentlichen verraten vergleichen erklären mitteilen resümieren bilanzieren feststellen
klarstellen klarmachen deutlichmachen behaupten glauben angeben
""",
    "clause": """
sagen meinen denken wissen antworten entgegnen erwidern ergänzen hinzufügen fragen zitieren twittern
spekulieren schreiben rufen schreien versichern mutmaßen folgern einwenden anmerken bemerken verlautbaren
verlautenlassen festhalten fortfahren beschließen entscheiden zeigen belegen dokumentieren nahelegen
hindeuten ergeben besagen formulieren
""",
}

# Forms that are ordinarily an adjective or adverb, not the verb: lexicalised
# participles and their homographs (a closed class; Duden lists each as an
# adjective or adverb): "bekannt", "bekannte", "bekannten" ('known', the
# adjective and its inflected forms; as participle and preterite of
# "bekennen" they are rare), "wiederholt" ('repeatedly'), "geraten" (mostly the participle of
# "geraten" 'get into': "in Not geraten", not of "raten").
ADJECTIVE_FORMS = frozenset("bekannt bekannte bekannten wiederholt geraten".split())


def lemma_table(table: dict[str, str]) -> dict[str, str]:
    """lemma -> level, checking that every lemma of VERBS has exactly one."""
    out: dict[str, str] = {}
    for level, words in table.items():
        for lemma in words.split():
            if lemma in out:
                raise SystemExit(f"lemma {lemma} is both {out[lemma]} and {level}")
            out[lemma] = level
    lemmas = {p[1] + p[0] for p in (line.split("|") for line in VERBS.strip().splitlines())}
    if lemmas - set(out) or set(out) - lemmas:
        raise SystemExit(f"lemmas without a level: {sorted(lemmas - set(out))}; "
                         f"levels without a lemma: {sorted(set(out) - lemmas)}")
    return out

# --------------------------------------------------------------------------
# German strong and irregular verbs (the closed class every grammar tables):
# infinitive, preterite (3sg), participle.  Their Konjunktiv I (stem + e:
# "gebe", "gehe", "stehe", "bleibe") marks indirect speech as well as a
# reporting verb's does, and their forms are written lowercase.  (Weak
# verbs, an open class, are left to the rules' guesses: "es brauche".)
# --------------------------------------------------------------------------
STRONG_VERBS = """
backen buk gebacken|befehlen befahl befohlen|beginnen begann begonnen|beißen biss gebissen
bergen barg geborgen|betrügen betrog betrogen|biegen bog gebogen|bieten bot geboten
binden band gebunden|bitten bat gebeten|blasen blies geblasen|bleiben blieb geblieben
braten briet gebraten|brechen brach gebrochen|brennen brannte gebrannt|bringen brachte gebracht
denken dachte gedacht|dringen drang gedrungen|empfehlen empfahl empfohlen|essen aß gegessen
fahren fuhr gefahren|fallen fiel gefallen|fangen fing gefangen|finden fand gefunden
fliegen flog geflogen|fliehen floh geflohen|fließen floss geflossen|frieren fror gefroren
geben gab gegeben|gehen ging gegangen|gelingen gelang gelungen|gelten galt gegolten
genießen genoss genossen|geschehen geschah geschehen|gewinnen gewann gewonnen|gießen goss gegossen
graben grub gegraben|greifen griff gegriffen|halten hielt gehalten|hängen hing gehangen
heben hob gehoben|helfen half geholfen|kennen kannte gekannt|klingen klang geklungen
kommen kam gekommen|kriechen kroch gekrochen|laden lud geladen|lassen ließ gelassen
laufen lief gelaufen|leiden litt gelitten|leihen lieh geliehen|lesen las gelesen
liegen lag gelegen|lügen log gelogen|meiden mied gemieden|messen maß gemessen
nehmen nahm genommen|nennen nannte genannt|pfeifen pfiff gepfiffen|raten riet geraten
reiben rieb gerieben|reißen riss gerissen|reiten ritt geritten|rennen rannte gerannt
riechen roch gerochen|ringen rang gerungen|rufen rief gerufen|schaffen schuf geschaffen
scheiden schied geschieden|scheinen schien geschienen|schieben schob geschoben
schießen schoss geschossen|schlafen schlief geschlafen|schlagen schlug geschlagen
schleichen schlich geschlichen|schließen schloss geschlossen|schmelzen schmolz geschmolzen
schneiden schnitt geschnitten|schreiben schrieb geschrieben|schreien schrie geschrien
schreiten schritt geschritten|schweigen schwieg geschwiegen|schwimmen schwamm geschwommen
schwinden schwand geschwunden|schwören schwor geschworen|sehen sah gesehen|senden sandte gesandt
singen sang gesungen|sinken sank gesunken|sitzen saß gesessen|sprechen sprach gesprochen
springen sprang gesprungen|stechen stach gestochen|stehen stand gestanden|stehlen stahl gestohlen
steigen stieg gestiegen|sterben starb gestorben|stoßen stieß gestoßen|streichen strich gestrichen
streiten stritt gestritten|tragen trug getragen|treffen traf getroffen|treiben trieb getrieben
treten trat getreten|trinken trank getrunken|tun tat getan|verderben verdarb verdorben
vergessen vergaß vergessen|verlieren verlor verloren|verzeihen verzieh verziehen
wachsen wuchs gewachsen|waschen wusch gewaschen|weisen wies gewiesen|wenden wandte gewandt
werben warb geworben|werfen warf geworfen|wiegen wog gewogen|wissen wusste gewusst
ziehen zog gezogen|zwingen zwang gezwungen
"""

# Konjunktiv I forms that are also common adjectives, adverbs or
# interjections written lowercase ("gleiche", "weiche", "heiße", "weise",
# "bitte"): too often something else to mark indirect speech.
KONJUNKTIV_HOMOGRAPHS = frozenset("gleiche weiche heiße weise bitte leide meide reife".split())


def strong_verb_forms() -> dict[str, list[str]]:
    """infinitive -> its lowercase forms: infinitive, 3rd person present
    (regular stem + t), preterite singular and plural, participle and, last,
    Konjunktiv I.  Only the simple verbs: with inseparable prefixes
    ("bekomme", "verstehe") the Konjunktiv I forms cost dev-rest 0.14 points
    of Message F1 (docs/highlighter.md, thirteenth round)."""
    out: dict[str, list[str]] = {}
    for entry in STRONG_VERBS.replace("\n", "|").split("|"):
        if not entry.strip():
            continue
        inf, pret, part = entry.split()
        stem = inf[:-1] if inf.endswith("tun") else inf[:-2]
        pret_pl = pret + ("n" if pret.endswith("e") else "en")
        present = stem + ("et" if stem.endswith(("t", "d")) else "t")
        out[inf] = [inf, present, pret, pret_pl, part, stem + "e"]
    return out


INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "wider", "unter", "über")

# --------------------------------------------------------------------------
# Closed classes (German grammar).
# --------------------------------------------------------------------------
FUNCTION_WORDS = {
    "det": "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem "
    "keiner keines dieser diese dieses diesen diesem jener jene jenes jenen jenem "
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres "
    "unser unsere unseren unserem unserer mein meine meinen meinem meiner "
    "jeder jede jedes jeden jedem alle allen aller beide beiden mehrere einige einigen "
    "viele vielen manche manchen welche welcher welches solche solchen",
    "prep": "in im ins am an ans auf aus bei beim mit nach seit von vom vor zu zum zur "
    "für gegen ohne um durch über unter zwischen neben hinter wegen trotz während "
    "gegenüber innerhalb außerhalb bis ab per pro samt statt anstatt entlang infolge "
    "aufgrund angesichts hinsichtlich bezüglich seitens mittels dank binnen",
    "conj": "und oder aber sondern denn doch sowie bzw. beziehungsweise sowohl als auch "
    "weder noch entweder",
    "sub": "dass daß ob weil da wenn falls obwohl obgleich nachdem bevor ehe während "
    "sobald solange seit seitdem bis damit sodass indem wie als um ohne statt",
    "rel": "der die das dem den denen dessen deren welcher welche welches welchem welchen",
    "wh": "wer was wann wo warum weshalb wieso wie welche welcher welches wohin woher "
    "wodurch womit wofür wozu inwiefern inwieweit",
    "aux": "ist sind war waren sei seien wäre wären bin bist "
    "hat haben hatte hatten habe hätte hätten hast "
    "wird werden wurde wurden werde würde würden "
    "kann können konnte konnten könne könnte könnten "
    "muss müssen musste mussten müsse müsste müssten "
    "soll sollen sollte sollten solle "
    "will wollen wollte wollten wolle "
    "darf dürfen durfte durften dürfe dürfte dürften mag mögen möge möchte möchten",
    "pron": "er sie es ich du wir ihr man ihn ihm ihnen uns euch mich mir dich dir sich "
    "jemand niemand nichts etwas alles dies",
    "adv": "auch nun noch schon bereits jetzt heute gestern morgen zudem außerdem "
    "ebenfalls zuvor dabei dazu damit darauf daran davon dafür dagegen jedoch "
    "allerdings trotzdem dennoch inzwischen mittlerweile bislang bisher "
    "zunächst später danach dann erneut wieder weiter ferner zugleich "
    "so sehr nur nicht nie immer oft ebenso erst gerade genau fast etwa rund "
    "knapp mehr weniger bereits offen deutlich ausdrücklich öffentlich vorerst "
    "hingegen dagegen indes indessen jedenfalls ohnehin sogar "
    # conjunctional adverbs (Konjunktionaladverbien): they link a main clause
    # to the one before and fill its prefield alone, the subject follows the
    # finite verb ("Zwar bemerkte der Pilot …", "Andererseits haben Medien …")
    "zwar einerseits andererseits deshalb deswegen daher folglich somit also "
    "überdies stattdessen vielmehr immerhin "
    # the deictic adverbs of place ("Hier stellte es fest, dass …")
    "hier dort",
}

PRONOUNS = """er\tm\tsg
sie\tf\tsg/pl
es\tn\tsg
ich\tx\tsg
wir\tx\tpl
man\tx\tsg
dieser\tm\tsg
diese\tf\tsg/pl
der\tm\tsg
die\tf\tsg/pl
"""

HEDGES = """offenbar\tadverb
offensichtlich\tadverb
angeblich\tadverb
möglicherweise\tadverb
voraussichtlich\tadverb
vermutlich\tadverb
mutmaßlich\tadverb
mutmaßliche\tadverb
mutmaßlichen\tadverb
mutmaßlicher\tadverb
anscheinend\tadverb
scheinbar\tadverb
womöglich\tadverb
eventuell\tadverb
vielleicht\tadverb
wahrscheinlich\tadverb
wohl\tadverb
unbestätigt\tadverb
unbestätigten\tadverb
unbestätigte\tadverb
soll\tmodal
sollen\tmodal
solle\tmodal
sollten\tmodal
dürfte\tmodal
dürften\tmodal
könnte\tmodal
könnten\tmodal
scheint\tverb
scheinen\tverb
"""

# Adverbial frames: kind pre = "laut X", post = "X zufolge", nach = "nach
# (den) Angaben X", adv = sentence adverb referring back to a source,
# rel = "..., wonach X", heisst = "heißt es", so = "„…“, so X".
FRAME_CUES = """laut\tpre
gemäß\tpre
lt.\tpre
zufolge\tpost
nach\tnach
demnach\tadv
wonach\trel
heißt\theisst
hieß\theisst
geheißen\theisst
so\tso
"""

# Nouns that make "nach ..." a cue (also as the last part of a compound:
# "Polizeiangaben", "Medienberichten").
# nouns of saying, asking, warning and believing (cue_complements.py: a cue when a
# complement clause follows)
SPEECH_NOUNS = """ankündigung
ankündigungen
annahme
ansicht
appell
aufforderung
aufruf
auffassung
aussage
aussagen
behauptung
behauptungen
beschwerde
bestätigung
bitte
botschaft
drohung
einschätzung
erklärung
erwartung
feststellung
forderung
forderungen
hoffnung
hinweis
hinweise
kritik
mahnung
meinung
mitteilung
prognose
überzeugung
verdacht
vermutung
versicherung
vorschlag
vorwurf
vorwürfe
warnung
warnungen
zusage
äußerung
äußerungen
befürchtung
befürchtungen
"""

NOMINAL_CUES = """angaben
angabe
aussagen
aussage
auskunft
auskünften
bericht
berichten
berichte
informationen
ansicht
meinung
einschätzung
einschätzungen
schätzung
schätzungen
darstellung
worten
erkenntnissen
auffassung
überzeugung
mitteilung
meldung
meldungen
recherchen
ermittlungen
umfrage
umfragen
zählung
prognose
prognosen
berechnungen
untersuchungen
studie
studien
stellungnahme
analyse
analysen
urteil
erklärung
ergebnis
ergebnissen
hinweis
hinweisen
idee
nachricht
nachrichten
"""

# Heads of source phrases: roles, organisations, collectives, documents and
# imagery.  Matched as a whole word or as the last part of a compound
# ("Regierungssprecher", "Satellitenbilder").
SOURCE_NOUNS = """sprecher\trole
sprecherin\trole
präsident\trole
präsidentin\trole
minister\trole
ministerin\trole
kanzler\trole
kanzlerin\trole
chef\trole
chefin\trole
leiter\trole
leiterin\trole
vorsitzende\trole
vorsitzender\trole
direktor\trole
direktorin\trole
sekretär\trole
generalsekretär\trole
botschafter\trole
bürgermeister\trole
bürgermeisterin\trole
gouverneur\trole
general\trole
kommandeur\trole
offizier\trole
beamte\trole
beamter\trole
beamten\trole
anwalt\trole
anwältin\trole
verteidiger\trole
richter\trole
staatsanwalt\trole
polizist\trole
arzt\trole
ärzte\tcollective
experte\trole
experten\tcollective
expertin\trole
analyst\trole
analysten\tcollective
beobachter\tcollective
wissenschaftler\tcollective
forscher\tcollective
zeuge\trole
zeugen\tcollective
augenzeugen\tcollective
augenzeuge\trole
vertreter\tcollective
mitarbeiter\tcollective
politiker\tcollective
journalist\trole
journalisten\tcollective
quelle\tcollective
quellen\tcollective
kreise\tcollective
kreisen\tcollective
kritiker\tcollective
gegner\tcollective
befürworter\tcollective
unterstützer\tcollective
anwohner\tcollective
bewohner\tcollective
behörde\torg
behörden\torg
polizei\torg
regierung\torg
ministerium\torg
armee\torg
militär\torg
streitkräfte\torg
geheimdienst\torg
geheimdienste\torg
dienst\torg
dienste\torg
gericht\torg
staatsanwaltschaft\torg
agentur\torg
nachrichtenagentur\torg
zeitung\torg
sender\torg
organisation\torg
unternehmen\torg
konzern\torg
partei\torg
verband\torg
gewerkschaft\torg
kommission\torg
rat\torg
institut\torg
universität\torg
verwaltung\torg
kreml\torg
parlament\torg
komitee\torg
ausschuss\torg
amt\torg
botschaft\torg
bank\torg
stiftung\torg
fraktion\torg
opposition\torg
koalition\torg
senat\torg
kongress\torg
büro\torg
zentrum\torg
firma\torg
gesellschaft\torg
kirche\torg
magazin\torg
zeitschrift\torg
nachrichtenmagazin\torg
fernsehsender\torg
rundfunk\torg
bericht\tdocument
berichte\tdocument
dokument\tdocument
dokumente\tdocument
studie\tdocument
analyse\tdocument
mitteilung\tdocument
erklärung\tdocument
pressemitteilung\tdocument
resolution\tdocument
schreiben\tdocument
brief\tdocument
papier\tdocument
umfrage\tdocument
satellitenbilder\tdocument
bilder\tdocument
aufnahmen\tdocument
video\tdocument
videos\tdocument
daten\tdocument
statistik\tdocument
"""

ABBREVIATIONS = """z. B.
z.B.
u. a.
u.a.
d. h.
d.h.
bzw.
etc.
usw.
vgl.
ggf.
inkl.
ca.
Dr.
Prof.
Nr.
St.
Mio.
Mrd.
Tsd.
Jh.
Jhd.
Abs.
Art.
Str.
Tel.
geb.
gest.
v. Chr.
n. Chr.
Hrsg.
Mr.
Mrs.
Ms.
Gen.
Sen.
Jr.
Co.
Corp.
Inc.
Ltd.
e. V.
e.V.
o. ä.
u. ä.
s. o.
s. u.
Bd.
Kap.
Min.
Std.
Jan.
Feb.
Aug.
Sept.
Okt.
Nov.
Dez.
"""

CHECKWORTHY = """januar\tmonth
februar\tmonth
märz\tmonth
april\tmonth
mai\tmonth
juni\tmonth
juli\tmonth
august\tmonth
september\tmonth
oktober\tmonth
november\tmonth
dezember\tmonth
prozent\tunit
euro\tunit
dollar\tunit
franken\tunit
pfund\tunit
rubel\tunit
millionen\tunit
million\tunit
milliarden\tunit
milliarde\tunit
tausend\tunit
hundert\tunit
tote\tquantity
toten\tquantity
verletzte\tquantity
verletzten\tquantity
opfer\tquantity
soldaten\tquantity
kilometer\tunit
meter\tunit
tonnen\tunit
einwohner\tquantity
menschen\tquantity
zwei\tnumber
drei\tnumber
vier\tnumber
fünf\tnumber
sechs\tnumber
sieben\tnumber
acht\tnumber
neun\tnumber
zehn\tnumber
zwölf\tnumber
zwanzig\tnumber
dreißig\tnumber
hunderte\tnumber
tausende\tnumber
dutzende\tnumber
"""


# Nouns of time (units of time, parts of the day, weekdays): common nouns
# that open adverbials of time ("Sechs Tage nach der Veröffentlichung
# meldete …"), never a name or a speaker.
TIME_NOUNS = """sekunde sekunden minute minuten stunde stunden tag tage tagen tages woche wochen
wochenende wochenendes monat monate monaten monats jahr jahre jahren jahres jahrzehnt jahrzehnte
jahrzehnten jahrhundert jahrhunderte jahrhunderten morgen vormittag mittag nachmittag abend abends
nacht nächte nächten montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
"""


def _weak_stem(base: str) -> str:
    return base[:-1] if base.endswith(("eln", "ern")) else base[:-2]


def _needs_e(stem: str) -> bool:
    if stem.endswith(("t", "d")):
        return True
    if stem.endswith("chn"):
        return True
    return len(stem) > 2 and stem[-1] in "mn" and stem[-2] not in "aeiouäöülrhm"


def verb_forms(base: str, particle: str, strong: list[str] | None) -> list[tuple[str, str]]:
    """(form, kind) pairs; kind: fin (finite, particle may stand apart),
    sub (finite with particle joined, subordinate clause), part (participle),
    inf (infinitive), konj (Konjunktiv I)."""
    stem = _weak_stem(base)
    forms: list[tuple[str, str]] = []
    if strong:
        s3, pret, part = strong
        pret_pl = pret + ("n" if pret.endswith("e") else "en")
        fin = [s3, base, pret, pret_pl]
        if pret.endswith("te"):  # mixed verbs (nannte, brachte)
            konj2 = []
        else:
            konj2 = []
        fin += konj2
    else:
        e = "e" if _needs_e(stem) else ""
        s3 = stem + e + "t"
        pret = stem + e + "te"
        fin = [s3, base, pret, pret + "n"]
        if base.endswith("ieren") or base.startswith(INSEPARABLE):
            part = stem + e + "t"
        else:
            part = "ge" + stem + e + "t"
    konj = [stem + "e"] if not base.endswith(("eln", "ern")) else [stem[:-2] + stem[-1] + "e", stem + "e"]
    if particle:
        for f in fin:
            forms.append((f, "fin"))
            forms.append((particle + f, "sub"))
        forms.append((particle + part, "part"))
        forms.append((particle + base, "inf"))
        forms.append((particle + "zu" + base, "inf"))
        for k in konj:
            forms.append((k, "konj"))
            forms.append((particle + k, "konj"))
    else:
        forms += [(f, "fin") for f in fin]
        forms.append((part, "part"))
        forms.append((base, "inf"))
        forms += [(k, "konj") for k in konj]
    seen: set[tuple[str, str]] = set()
    out = []
    for f in forms:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


def load_docs(data: Path, split: str = "dev") -> list[dict]:
    files = split_files(list(data.glob("*.json")), split)
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # the shipped lexicons come from grammar alone; SpkAtt's counts only as
    # an experiment written elsewhere (bench/eval_crossfit.py)
    ap.add_argument("--data", type=Path, default=None,
                    help="experiment only: add counts from this SpkAtt folder (needs --out outside resources/)")
    ap.add_argument("--split", default="dev", choices=("dev", "tune", "dev-rest"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    out = args.out
    if args.data is not None and out.resolve() == OUT.resolve():
        ap.error(f"--data writes counts from SpkAtt, which are never shipped: give --out a folder outside {OUT}")
    out.mkdir(parents=True, exist_ok=True)
    docs = load_docs(args.data, args.split) if args.data is not None and args.data.is_dir() else []
    if args.data is not None and not docs:
        print(f"warning: no training data at {args.data}; writing the grammar-only lexicons", file=sys.stderr)

    # ---- statistics from the dev split (word counts only) ----
    lower = collections.Counter()
    cap_mid = collections.Counter()
    cue_tok = collections.Counter()
    reported_tok = collections.Counter()
    src_head = collections.Counter()
    abbrev_mid = collections.Counter()
    zu_inf = collections.Counter()
    for d in docs:
        sents = [s["Tokens"] for s in d["Sentences"]]
        for toks in sents:
            for i, t in enumerate(toks):
                if t[:1].islower():
                    lower[t] += 1
                elif t[:1].isupper() and i > 0 and toks[i - 1] not in ("„", '"', "»", ":", "(", "–", "-"):
                    cap_mid[t] += 1
                if (
                    t.endswith(".")
                    and len(t) > 1
                    and t[:-1].replace(".", "").isalpha()
                    and len(t) <= 6
                    and i < len(toks) - 1
                ):
                    abbrev_mid[t] += 1
                if i and toks[i - 1] == "zu" and t.endswith("en") and t.islower() and i + 1 < len(toks):
                    if toks[i + 1] in (",", ".", "und", "oder", ";", "“", ")"):
                        zu_inf[t] += 1
        for a in d["Annotations"]:
            refs = set(a["Cue"])
            if a.get("Form") == "Reported" and not a["Cue"]:
                # reported speech acts carry no cue annotation: count the verb
                # forms inside their message instead
                refs |= set(a["Message"])
            for ref in refs:
                s, k = map(int, ref.split(":"))
                cue_tok[sents[s][k].lower()] += 1
                if a.get("Form") == "Reported" and not a["Cue"]:
                    reported_tok[sents[s][k].lower()] += 1
            toks = [sents[int(r.split(":")[0])][int(r.split(":")[1])] for r in a["Source"]]
            caps = [t for t in toks if t[:1].isupper() and t.lower() not in FUNCTION_WORDS["det"].split()]
            if caps:
                src_head[caps[0]] += 1
    seen_count = collections.Counter()
    for d in docs:
        for s in d["Sentences"]:
            for t in s["Tokens"]:
                seen_count[t.lower()] += 1

    # ---- reporting verbs ----
    sense, content = lemma_table(SENSE), lemma_table(CONTENT)
    header = "# form\tlemma\tparticle\tkind\tclass\tsense\tcontent\tadjective"
    rows = [header + ("\tseen\tcue\treported" if docs else "")]
    for line in VERBS.strip().splitlines():
        parts = line.split("|")
        base, particle, cls = parts[0], parts[1], parts[2]
        strong = parts[3:6] if len(parts) > 3 else None
        lemma = particle + base
        for form, kind in verb_forms(base, particle, strong):
            adjective = "adj" if form in ADJECTIVE_FORMS else "-"
            row = f"{form}\t{lemma}\t{particle}\t{kind}\t{cls}\t{sense[lemma]}\t{content[lemma]}\t{adjective}"
            if docs:  # an experiment's counts (never shipped)
                row += f"\t{seen_count[form]}\t{cue_tok[form]}\t{reported_tok[form]}"
            rows.append(row)
    (out / "reporting_verbs.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    # ---- closed classes ----
    rows = ["# word\tclass"]
    for cls, words in FUNCTION_WORDS.items():
        rows += [f"{w}\t{cls}" for w in words.split()]
    (out / "function_words.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (out / "pronouns.tsv").write_text("# word\tgender\tnumber\n" + PRONOUNS, encoding="utf-8")
    (out / "hedges.tsv").write_text("# word\tkind\n" + HEDGES, encoding="utf-8")
    (out / "frame_cues.tsv").write_text("# word\tkind\n" + FRAME_CUES, encoding="utf-8")
    (out / "nominal_cues.txt").write_text(
        "# nouns after 'nach' that make a source frame\n" + NOMINAL_CUES, encoding="utf-8")
    (out / "checkworthy.tsv").write_text("# word\tkind\n" + CHECKWORTHY, encoding="utf-8")
    (out / "speech_nouns.txt").write_text(
        "# nouns of saying, asking, warning and believing: a cue when a complement follows"
        ' ("die Forderung des X, … zu …")\n'
        + SPEECH_NOUNS, encoding="utf-8")

    # source nouns: grammar list + frequent (>=3) capitalised source heads that
    # are common nouns (seen capitalised mid-sentence, never lowercase)
    src_rows = {}
    for line in SOURCE_NOUNS.strip().splitlines():
        w, k = line.split("\t")
        src_rows[w] = k
    for w, n in src_head.items():
        lw = w.lower()
        if n >= 3 and lw not in src_rows and lw not in lower and cap_mid[w] >= 5 and w.isalpha():
            if lw not in NOMINAL_CUES.split():
                src_rows[lw] = "data"
    (out / "source_nouns.tsv").write_text(
        "# word (lowercase; also matched as compound tail)\tkind\n"
        + "\n".join(f"{w}\t{k}" for w, k in sorted(src_rows.items()))
        + "\n",
        encoding="utf-8",
    )

    # abbreviations: grammar list + short alphabetic tokens with a final period
    # seen inside sentences at least twice
    abbr = [a for a in ABBREVIATIONS.strip().splitlines()]
    for t, n in abbrev_mid.most_common():
        if n >= 2 and t not in abbr and not t[:-1].isdigit():
            abbr.append(t)
    (out / "abbreviations.txt").write_text(
        "# abbreviations that do not end a sentence (multi-part ones with a space)\n" + "\n".join(abbr) + "\n",
        encoding="utf-8",
    )

    # Konjunktiv I (3rd person singular): the irregular ones, and stem + e of
    # the strong and irregular verbs (an experiment adds those of verbs seen
    # as zu-infinitives)
    konj = {"sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "wisse"}
    closed = {w for words in FUNCTION_WORDS.values() for w in words.split()}
    strong = strong_verb_forms()
    for forms in strong.values():
        k = forms[-1]
        if k not in closed and k not in KONJUNKTIV_HOMOGRAPHS:
            konj.add(k)
    for inf, n in zu_inf.items():
        if n >= 1 and len(inf) > 4:
            k = inf[:-1]  # gehen -> gehe
            if inf.endswith(("eln", "ern")) or k in closed:
                continue
            # "zu besetzten" is a tokenisation of a weak preterite plural, not an
            # infinitive, when "besetzen" is one too: its -te form is the preterite
            if inf.endswith("ten") and inf[:-3] + "en" in zu_inf:
                continue
            # a Konjunktiv I form is rare: drop frequent homographs ("eine")
            if lower[k] <= 3 * max(1, lower[inf]) and lower[k] <= 30 and not cap_mid[k.capitalize()]:
                konj.add(k)
    (out / "konjunktiv1.txt").write_text(
        "# Konjunktiv I forms (3rd person); 'seien' is the only distinct plural\n" + "\n".join(sorted(konj)) + "\n",
        encoding="utf-8",
    )

    if docs:
        # an experiment's lowercase lexicon: words seen lowercase (count) and
        # capitalised inside a sentence (count); only words seen at least twice
        rows = ["# word\tlower\tcapitalised_mid"]
        words = set(lower) | {w.lower() for w in cap_mid}
        capl = collections.Counter()
        for w, n in cap_mid.items():
            capl[w.lower()] += n
        for w in sorted(words):
            if lower[w] + capl[w] >= 2 and w.isalpha():
                rows.append(f"{w}\t{lower[w]}\t{capl[w]}")
    else:
        # from grammar: words written lowercase (closed classes, hedges, every
        # generated verb form) and common nouns (the builder's nouns), which
        # tell a capitalised word at a sentence start from a noun or a name
        case: dict[str, str] = {}
        for words_of_class in FUNCTION_WORDS.values():
            case.update((w, "lower") for w in words_of_class.split() if w.isalpha())
        case.update((line.split("\t")[0], "lower") for line in HEDGES.strip().splitlines())
        for forms in strong.values():
            case.update((f, "lower") for f in forms)
        for line in (out / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            form = line.split("\t")[0]
            if form.isalpha():
                case[form] = "lower"
        for line in CHECKWORTHY.strip().splitlines():
            if line.endswith("\tnumber"):  # number words are written lowercase ("sechs", "hunderte")
                case[line.split("\t")[0]] = "lower"
        nouns = [line.split("\t")[0] for line in (SOURCE_NOUNS + CHECKWORTHY).strip().splitlines()
                 if not line.endswith("\tnumber")]
        nouns += NOMINAL_CUES.split() + SPEECH_NOUNS.split() + TIME_NOUNS.split()
        for w in nouns:
            case.setdefault(w, "noun")
        rows = ["# word\tcase (lower: written lowercase; noun: a common noun, capitalised)"]
        rows += [f"{w}\t{c}" for w, c in sorted(case.items())]
    (out / "lowercase.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    if docs:
        # an experiment's report of cue words not covered (development aid)
        covered = set()
        for line in (out / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            covered.add(line.split("\t")[0])
        covered |= {line.split("\t")[0] for line in FRAME_CUES.strip().splitlines()}
        missing = [(w, n) for w, n in cue_tok.most_common() if w not in covered and n >= 3]
        print("cue words not covered (>=3):", missing[:60], file=sys.stderr)
    print(f"wrote lexicons to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
