"""Reports of things ACLED does not code, for ``fieldreport classify``: disasters, organised crime,
diplomacy, and claims of (or blame for) an attack.

CASE 2021 task 2 extends ACLED's 25 sub-event types with these five classes so that a classifier
can say what a text is about when it is not a political-violence event. They never become event
mentions: the pipeline's dataset stays ACLED-style. This is a small rule-based detector, separate
from :mod:`.detect` on purpose: cue phrases per class (word lists written for this module), kept
only when the clause they sit in is asserted (not negated, hypothetical, intended, dated years
back, or a question), so "no group has claimed responsibility" and "a quake could strike" are not
reports. A present-tense clause counts: headlines ("Quake kills 12") are written so.

How ``classify`` weighs these against the ACLED mentions is documented in :mod:`fieldreport.classify`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..records import Sentence
from . import detect as d

NATURAL = "Natural disaster"
MAN_MADE = "Man-made disaster"
CRIME = "Organized crime"
DIPLOMATIC = "Diplomatic event"
ATTRIBUTION = "Attribution of responsibility"

OTHER_SUB_EVENT_TYPES = (NATURAL, MAN_MADE, CRIME, DIPLOMATIC, ATTRIBUTION)
NON_ACLED = "Non-ACLED event"  # the event_type classify gives these five sub-event types

_BUILDINGS = (
    r"factory|plant|warehouse|mill|refinery|mine|depot|facility|workshop|laboratory|lab|hospital|market"
    r"|building|hotel|club|nightclub|mall|shop|store|school|slum|apartment|tower|house|ship|tanker"
)
_VEHICLES = r"plane|aircraft|airliner|helicopter|jet|bus|minibus|truck|lorry|train|car|vehicle|van|tanker"

_CUES: dict[str, str] = {
    NATURAL: (
        r"earthquakes?|quakes?|tremors?|aftershocks?|magnitude[\s-]+\d(?:\.\d)?|seismic"
        r"|floods?|flooding|flooded|flash[\s-]floods?|inundated|deluge|landslides?|landslips?|mudslides?"
        r"|cyclones?|hurricanes?|typhoons?|tornado(?:e)?s?|tropical\s+storms?|(?<!political\s)(?<!media\s)storms?"
        r"|snowstorms?|blizzards?|hailstorms?|(?:heavy|torrential|incessant|monsoon)\s+rains?|cloudbursts?"
        r"|tsunamis?|volcan(?:o|oes|ic)|eruptions?|erupted\s+(?:volcano|crater)|droughts?|famine|dry\s+spell"
        r"|wildfires?|forest\s+fires?|bush\s*fires?|avalanches?|heat\s*waves?|cold\s+waves?|lightning"
        r"|locusts?|epidemics?|pandemics?|outbreaks?|cholera|ebola|covid(?:-19)?|coronavirus|dengue|measles"
        r"|heavy\s+snow(?:fall)?|snowfall|extreme\s+(?:heat|cold|weather)|high\s+winds|gales?|severe\s+weather"
        r"|bird\s+flu|swine\s+flu|infections?\s+(?:rose|rise|climbed|surged)|new\s+cases"
    ),
    MAN_MADE: (
        r"fire\s+(?:broke\s+out|erupted|swept|raged|gutted|engulfed|ravaged|spread)|caught\s+fire|gutted"
        r"|blazes?|infernos?|(?:massive|huge|major|big|devastating|deadly|fierce)\s+fire"
        rf"|fire\s+(?:at|in)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}(?:{_BUILDINGS})s?\b|short[\s-]circuit"
        r"|(?:building|bridge|roof|wall|dam|tunnel|house|structure|stadium|stage|flyover|overpass|mine|balcony)s?"
        r"\s+(?:\w+\s+){0,2}collaps\w*|collapse\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}\w+|caved\s+in"
        r"|derail\w*|(?:train|rail|road|bus|car|traffic|air|plane|boat|ferry|mine|industrial|workplace)\s+"
        r"(?:accidents?|crash(?:es)?|collisions?|mishaps?|disasters?|tragedy|tragedies)"
        rf"|(?:{_VEHICLES})s?\s+(?:\w+\s+){{0,2}}(?:crashed|collided|overturned|plunged|skidded|veered)"
        r"|head[\s-]on\s+collision|capsiz\w+|(?:boat|ship|ferry|vessel)s?\s+(?:\w+\s+)?sank|shipwrecks?"
        r"|(?:gas|chemical|toxic|oil|ammonia|chlorine)\s+(?:leaks?|spills?)|oil\s+spill|leaked\s+gas"
        r"|(?:cylinder|boiler|gas|pipeline|tanker|transformer|reactor|firecrackers?|fireworks)\s+"
        r"(?:\w+\s+)?(?:explosions?|blasts?|exploded|burst)"
        rf"|(?:explosion|blast|fire)s?\s+(?:at|in|inside)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}(?:{_BUILDINGS})s?\b"
        r"|catch(?:es|ing)?\s+fire|crash(?:es|ed)?|lost\s+control|pile[\s-]?ups?|ammonium\s+nitrate"
        r"|(?:tanks?|plants?|containers?|cylinders?|boilers?|factory|factories|warehouses?|pipelines?|reactors?|refinery)"
        r"\s+(?:[\w-]+\s+){0,3}(?:exploded|explodes|blew\s+up|caught\s+fire|burned|burnt|burns)"
        r"|(?:gas|chemical|oil|toxic)\s+leakage|adulterated|contaminated|poisoning"
        r"|stampedes?|electrocuted|spurious\s+liquor|hooch|toxic\s+alcohol|food\s+poisoning"
    ),
    CRIME: (
        r"(?:drugs?|narco)[\s-]*(?:cartels?|lords?|barons?|traffick\w*|gangs?|smugg\w*|dealers?|peddl\w*|mafia|rings?"
        r"|haul|bust|seizures?)|cartels?|mafia|mafiosi|gangs?(?![\s-]*rap)|gangsters?|gangland|narcotics?"
        r"|cocaine|heroin|methamphetamine|meth|cannabis|marijuana|hashish|opium|fentanyl|ganja|tramadol"
        r"|smuggl\w+|traffick(?:ers?|ing|ed)|robber(?:y|ies|s)|robbed|heists?|burglar(?:y|ies|s)"
        r"|thefts?|thieves|stole|stolen|fraud\w*|scams?|swindl\w*|embezzl\w*|brib(?:e|es|ed|ery)|corruption"
        r"|break[\s-]and[\s-]enter|(?:cyber|hate|violent)\s*crimes?|child\s+pornography|pickpocket\w*"
        r"|extortion|extort\w*|money\s+laundering|ransom|counterfeit\w*|poach(?:ers?|ing)|contraband"
        r"|organi[sz]ed\s+crime|crime\s+(?:syndicates?|bosses|boss|families)|criminal\s+(?:gangs?|groups?"
        r"|networks?|organi[sz]ations?|syndicates?)|hit\s*m[ae]n|contract\s+killings?|kingpins?"
    ),
    DIPLOMATIC: (
        r"held\s+(?:\w+\s+){0,3}(?:talks|discussions|consultations|a\s+meeting)|(?:bilateral|trilateral|diplomatic"
        r"|high-level|ministerial|summit)\s+(?:talks|meetings?|relations|ties|visit)|talks\s+with|summits?"
        r"|met\s+(?:with\s+)?(?:[\w-]+\s+){0,4}?(?:president|prime\s+minister|minister|counterpart|king|emir|envoy"
        r"|ambassador|delegation|secretary|chancellor|leaders?|officials)"
        r"|(?:state|official|diplomatic|two-day|three-day)\s+visit|(?:phone|telephone)\s+(?:call|conversation)"
        r"|summoned\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:ambassador|envoy|charg[eé])|ambassadors?\s+(?:was\s+|were\s+)?summoned"
        r"|(?:expel(?:s|led|ling)?|throws?\s+out|threw\s+out)\s+(?:\w+\s+){0,2}diplomats?|memorandum\s+of\s+understanding|\bMoU\b|treaty|accords?"
        r"|(?:imposed|announced|lifted|extended)\s+(?:new\s+)?sanctions|sanctions\s+(?:on|against)"
        r"|foreign\s+ministers?|secretary\s+of\s+state|envoys?|embassy|diplomats?|diplomacy"
    ),
    ATTRIBUTION: (
        r"claim(?:ed|s|ing)?\s+(?:of\s+)?(?:the\s+)?responsibility|(?:took|take|takes|accepted|accepts|admitted)"
        r"\s+responsibility|responsibility\s+for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:attacks?|bombings?|blasts?"
        r"|explosions?|killings?|assassinations?|abductions?|kidnappings?|strikes?|shootings?|massacres?)"
        r"|blam(?:ed|es|ing)|accus(?:ed|es|ing|ations?)\s+(?:[\w-]+\s+){0,6}?(?:of|that)\s+(?:carrying\s+out|being\s+behind"
        r"|orchestrating|masterminding|perpetrating|staging|launching|attacking|bombing|shelling|targeting"
        r"|the\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|strikes?|blasts?))"
        r"|responsible\s+for\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}(?:attacks?|bombings?|blasts?|explosions?"
        r"|killings?|assassinations?|strikes?|shootings?|massacres?)|denied\s+(?:any\s+)?(?:responsibility|involvement)"
        r"|(?:was|were|is|are|being)\s+behind\s+the\s+(?:[\w-]+\s+){0,2}(?:attacks?|bombings?|blasts?|explosions?"
        r"|killings?|assassinations?|massacres?)|held\s+(?:\w+\s+){0,4}responsible|pointed\s+(?:the\s+)?fingers?"
        r"|masterminded|attributed\s+the\s+(?:[\w-]+\s+)?(?:attack|bombing|blast|killing)"
    ),
}
CUES = {sub: re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.I) for sub, p in _CUES.items()}

# a clause governed by one of these reports a possibility or an intention ("threatened to impose sanctions")
_IRREALIS = frozenset("threaten plan vow warn intend propose consider seek want hope expect fear".split())
# "rained bombs", "a hail of bullets": weather words that are conflict talk
_FIGURATIVE = re.compile(
    r"\brain(?:ed|ing|s)?\s+(?:down\s+)?(?:bombs|shells|rockets|bullets)|\bhail\s+of\b", re.I
)


@dataclass(frozen=True, slots=True)
class OtherMention:
    """One asserted cue of a non-ACLED class in one sentence."""

    sub_event_type: str
    sentence_index: int
    start: int  # the cue's offsets in the text
    end: int
    cue: str


def detect(doc: Doc, sentences: Sequence[Sentence], ref_year: int | None = None) -> list[OtherMention]:
    """The asserted cues of the five non-ACLED classes, in text order (one per class and sentence)."""
    out: list[OtherMention] = []
    for sent in sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for sub, rx in CUES.items():
            for m in rx.finditer(sent.text):
                start, end = sent.start + m.start(), sent.start + m.end()
                if sub == NATURAL and _FIGURATIVE.search(sent.text):
                    continue
                if _asserted(span, start, end, ref_year):
                    out.append(OtherMention(sub, sent.index, start, end, m.group(0)))
                    break
    out.sort(key=lambda x: (x.start, OTHER_SUB_EVENT_TYPES.index(x.sub_event_type)))
    return out


def _asserted(span: Span, start: int, end: int, ref_year: int | None) -> bool:
    """Whether the cue reports something that happened: not negated ("no group has claimed
    responsibility"), not under a modal or a condition ("a quake could strike", "if talks fail"),
    not what someone means or threatens to do, not from a year before ``ref_year``, not a question.

    Lighter than ``detect.reject_reason``, whose rules are written for conflict triggers (it reads
    "died after floods" in "are known to have died after floods" as an intention, for one)."""
    doc = span.doc
    sub = doc.char_span(start, end, alignment_mode="expand")
    if sub is None or len(sub) == 0:
        return True
    verbs = [t for t in sub if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    tok = verbs[0] if verbs else sub.root
    clause = d.clause_of(tok)
    if span.text.rstrip().endswith("?"):
        return False
    prev = doc[max(span.start, sub.start - 2) : sub.start].text.lower().split()
    if prev[-1:] in (["no"], ["without"], ["never"]):
        return False
    for t in {tok, clause}:
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")):
                return False
            if c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in ("nobody", "none", "noone") or any(x.lower_ == "no" for x in c.children)
            ):
                return False
        if t.pos_ in ("VERB", "AUX") and d.has_modal(t):
            return False
    head = clause.head
    if head.i != clause.i and head.lemma_.lower() in _IRREALIS and clause.dep_ in ("xcomp", "ccomp"):
        return False
    if ref_year:
        scope = {t.i for t in clause.subtree}
        for t in span:
            if t.i in scope and re.fullmatch(r"(?:19|20)\d\d", t.text) and int(t.text) < ref_year:
                return False
    return True
