"""Casualty claims: who says how many were killed or injured.

A claim needs a number (digits, number words, or a vague quantity) next to a casualty word: "at least
21 civilians were killed", "killed eight civilians", "One SDF fighter was killed and four were
wounded", "leaving 5 dead". Numbers with no casualty word ("2,500 militants are defending") are not
claims, nor are subsets ("including three children").

Ranges (``low``..``high``), following ACLED's rule of the most conservative figure:

* an exact number N, and "at least / more than / over / some / about N" -> N..N (fusion may widen);
* "nearly / almost N" -> 90% of N..N; "up to / as many as N" -> 1..N;
* "between N and M", "N to M", "N-M" -> N..M;
* coordinated figures under one verb add up: "killing four civilians and a soldier" -> 5;
* vague words take the low figure ACLED codes for them ("tens" 10, "dozens" 12, "hundreds" 100,
  and so on): "a few" 2..5, "several" 3..9, "a dozen" 12..12, "tens" 10..99, "dozens" 12..99,
  "scores" 20..99, "many" 10..99, "hundreds" 100..999, "thousands" 1000..9999;
* deaths reported but not counted ("an unknown number of soldiers died", "heavy casualties",
  "causing casualties") -> 10..99, ACLED's code for an uncounted toll in a significant attack;
  a toll the text itself calls small ("a few casualties", "light casualties") -> 3..9, ACLED's
  code for a limited one, as are deaths told by their violent cause ("deaths in police firing")
  and lives taken with no figure ("the firing claimed lives");
* a count of deaths stated as such ("seven deaths reported") or as the toll of violence ("77
  deaths due to police firing"); a bare count ("300 deaths in the district") may sum many events;
* "killed or wounded N" -> killed 0..N; "no one was killed", "no casualties" -> killed 0..0.

:func:`find_claims` reads figures with patterns; given the sentence's parse it also reads the
victims a killing verb takes without a figure: "killed him", "a man was shot dead", "beheaded a
traditional elder" count 1 each (a singular noun, a name or a singular pronoun), coordinated ones
add up, and plural people with no figure ("killed civilians", "more people died in the firing")
take ACLED's 3..9 for a limited uncounted toll unless they may be a group counted before ("the
villagers", "them"); see :mod:`.victims`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# who says so lives in .claimants; importable from here as before
from .claimants import claimant_of, expand_org  # noqa: F401
from .figures import (
    AUX,
    DIED,
    EITHER,
    HEADS_PL,
    HEADS_SG,
    INJURED,
    KILLED,
    MEANS,
    MORE,
    NAMED,
    QTY,
    QTY_BARE,
    UNCOUNTED_LIMITED,
    UNCOUNTED_SIGNIFICANT,
    VAGUE_WORDS,
    VICTIM,
    WORDNUM,
    RawClaim,
    mishap,
    plus,
    quantity,
    quantity_at,
)
from .injuries import shot_claims
from .victims import parsed_claims, told_as_cause

# a figure starts after no ASCII word character: a quote mis-decoded as "â€œ" ends in a letter
_PASSIVE = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:{VICTIM}\s*)?(?:(?:of|from)\s+(?:the\s+|both\s+)?(?:[\w'.-]+\s+){{0,3}}?)?"
    rf"(?:,[^,]{{1,80}},\s*|\([^)]{{1,60}}\)\s*)?{AUX}"
    rf"{MEANS}(?P<verb>{EITHER})\b",
    re.I,
)
# an object right after the verb: the figure before it is the subject of an active verb
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores"
    r"|hundreds|\d+)\b",
    re.I,
)
_HAS_AUX = re.compile(r"\b(?:were|was|been|are|is|have|has|had|being|got)\b", re.I)
_ACTIVE = re.compile(
    rf"\b(?P<verb>fatally\s+(?:shot|shooting|wounded|wounding|stabbed|stabbing)|"
    rf"killing|killed|kills|kill|wounding|wounded|injuring|injured|left|leaving|leaves|shoots?|shot|"
    rf"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|shot\s+dead|executed|beheaded|massacred|murdered|"
    rf"shot\s+and\s+killed|shooting\s+and\s+killing|gunned\s+down|lynched|lynching|decapitated|"
    rf"(?:lynch|burn|beat|stone|hack|stab)\w*\s+to\s+death|"
    rf"assassinated|slaughtered|slaughtering|executing|beheading|massacring|murdering|"
    rf"(?:resulted|resulting|results)\s+in\s+the\s+deaths?\s+of|the\s+deaths?\s+of|the\s+killings?\s+of)\s+"
    rf"(?P<q>{QTY})(?:\s+{VICTIM})?(?P<more>{MORE})(?:\s+(?P<state>dead|wounded|injured))?",
    re.I,
)
# what may come before a headline's figure: quotes, or a video's running time ("0:50 One dead ...")
_HEADLINE_START = re.compile(r"[\s\"'“‘(]*(?:\d{1,2}:\d{2}\s+)?")
# the shooter's own death: "fatally shot himself", "before killing herself", "turned the gun on himself"
_SELF_KILLED = re.compile(
    r"\b(?:(?:fatally\s+shot|killed|killing|shot\s+and\s+killed|turned\s+the\s+(?:gun|weapon|rifle|pistol)\s+on)"
    r"\s+(?P<victim>him|her)sel(?:f)\b|\bshot\s+(?P<victim2>him|her)self\s+(?:dead|to\s+death|fatally)\b)",
    re.I,
)
# "claiming 12 lives", "resulted in 3 deaths", "seven deaths reported"
_LIVES = re.compile(
    rf"\b(?:claim\w*|cost\w*|took|taking|result(?:ed|ing|s)?\s+in|caus\w+|left|leaving)\s+"
    rf"(?P<q>{QTY})\s+(?:more\s+|(?:civilian|reported|confirmed)\s+)?(?:lives|deaths?|fatalit(?:y|ies))\b",
    re.I,
)
# "a shooting claimed a life": one dead ("a" counts only a person in the figure patterns)
_A_LIFE = re.compile(r"\b(?:claim(?:ed|s|ing)?|took|takes|taking)\s+(?P<q>a|one)\s+(?:more\s+)?life\b", re.I)
# what deaths are told as the toll of: "deaths due to police firing", "deaths in the clashes"
_BY_VIOLENCE = (
    r"(?:in|during|due\s+to|owing\s+to|caused\s+by)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:firing|shooting|fire"
    r"|bullets|shelling|bombing|clash(?:es)?|fighting|violence|riots?|rioting|attacks?|raids?|crossfire|gunfire"
    r"|explosions?|blasts?)\b"
)
# a count of deaths stated as such ("seven deaths reported") or as the toll of violence ("77 deaths
# due to police firing", "40 of these deaths took place in the clashes"); a bare count ("486 deaths
# in the district") may sum several events
_DEATHS_REPORTED = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:of\s+(?:these|those|the)\s+)?(?:more\s+)?(?:deaths?|fatalit(?:y|ies))\b"
    rf"(?:\s+(?:(?:were|was|have|has|had|been)\s+)*(?:reported|recorded|confirmed|registered)\b"
    rf"|(?=\s+(?:(?:have|has|had)\s+)?(?:(?:taken|took)\s+place\s+|occurred\s+)?{_BY_VIOLENCE}))",
    re.I,
)
# a headline's victim with no article counts one: "Soldier shot and killed by gunmen in Yei",
# "Driver presumed dead", after its source ("Deputies: ...") and before an age ("Boy, 3, dies")
_HEADLINE_VICTIM = (
    rf"^[\W_]*(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,2}}:\s+)?"
    rf"(?!(?:the|a|an|this|that|his|her|their|its|one|another)\b)(?P<victim>(?:[\w'-]+\s+){{0,2}}?"
    rf"(?:{HEADS_SG}))(?:,\s+\d{{1,3}},)?\s+{AUX}"
)
_HEADLINE_ONE = re.compile(
    rf"{_HEADLINE_VICTIM}{MEANS}(?P<verb>{KILLED}|dies)\b",
    re.I,
)
# a killing named by its deadly means: "the fatal shooting of a man", "the deadly stabbing of two teens"
_FATAL_MEANS = re.compile(
    rf"\b(?:fatal|deadly)\s+(?:shooting|stabbing|beating)\s+of\s+(?P<q>{QTY})(?:\s+{VICTIM})?",
    re.I,
)
# ... and one hurt: "Rock Hill teen shot in foot", "Teen suffers gunshot wound", "3-year-old wounded"
_HEADLINE_HURT = re.compile(
    rf"{_HEADLINE_VICTIM}(?P<verb>shot|wounded|injured|hurt|grazed|suffers\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"gunshot\s+wounds?)\b(?!\s+(?:dead|to\s+death|and\s+killed|fatally|himself|herself)\b)",
    re.I,
)
# An ordinal victim's death tells the toll so far: "a third died at the hospital" after "two were
# killed at the scene" is three dead, "a second victim has died" two ("the second man died" may
# be the second of two shot, so only "a"); after people hurt, the ordinal counts the people ("two
# were injured and a third person died" is one dead). Alone, only a victim or a person: "a fourth
# commander was killed" counts a series of incidents.
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_ORDINAL_DEATH = re.compile(
    rf"\ba\s+(?P<ord>{'|'.join(_ORDINALS)})\s+(?P<head>(?:[\w'-]+\s+){{0,2}}?(?:{HEADS_SG})\s+)?"
    r"(?:(?:has|had|later|also|then|subsequently)\s+)*(?:died|dies|was\s+(?:killed|pronounced\s+dead)|succumbed)\b",
    re.I,
)
_VICTIM_ORDINAL = re.compile(r"(?i)(?:[\w'-]+\s+){0,2}?(?:victim|person)\b")
_HURT_BEFORE = re.compile(r"\b(?:injur\w*|wounded|hurt|shot)\b", re.I)
_DEAD_BEFORE = re.compile(r"\b(?:killed|dead|died|dies)\b", re.I)
# "Two reported deaths."; a figure that opens a sentence as a headline does: "Five deaths, ..."
_DEATHS_STATED = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:reported|confirmed|recorded)\s+(?:deaths?|fatalit(?:y|ies))\b",
    re.I,
)
_DEATHS_LEAD = re.compile(
    rf"^[\W_]*(?P<q>{QTY})\s+(?:deaths?|fatalit(?:y|ies))\b(?=\s*[,.;:]|\s+and\b|$)", re.I
)
# bodies found are deaths (ACLED counts them): "28 bodies were buried", "a mass grave with 30
# bodies", "the bodies of six women and two boys were found"
_BODIES = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:dead\s+|more\s+|charred\s+|decomposed\s+)?bodies\b"
    rf"(?:\s+of\s+{VICTIM})?"
    rf"|\bbodies\s+of\s+(?P<q2>{QTY_BARE})(?:\s+(?P<victim2>(?:[\w'.-]+\s+){{0,3}}?(?:{HEADS_PL}|{HEADS_SG})\b"
    rf"|{NAMED}))?"
    rf"(?P<more>{MORE})",
    re.I,
)
_BODY_FOUND = re.compile(
    r"\b(?:found|discovered|recovered|retrieved|buried|exhumed|unearthed|dumped|washed|lying|lay|grave|graves"
    r"|morgue|mortuary|identified)\b",
    re.I,
)
# suicide attackers among the dead: "two bombers ..., killing only themselves"
_THEMSELVES = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:[\w'-]+\s+){{0,3}}?(?:bombers|attackers|assailants|militants"
    rf"|gunmen|fighters)\b[^.;]{{0,120}}?\b(?P<verb>killing|killed|kill)\s+(?:only\s+)?themselves(?P<more>{MORE})",
    re.I,
)

# deaths reported without a figure (see the module docstring)
_UNCOUNTED = re.compile(
    r"\b(?:an?\s+)?(?P<unknown>unknown|undetermined|unspecified|undisclosed|unconfirmed|unidentified)\s+numbers?\s+"
    r"(?:of\s+)?"
    r"(?:[\w'.\-]+\s+){0,4}?(?:(?:were|was|have|had|been|are|reportedly|feared|also)\s+)*"
    r"(?P<verb>killed|dead|died|deaths|fatalities|casualties|lives|losses)\b"
    r"|\bcasualties\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+|had\s+)?(?:reported|occurred|recorded)\b"
    r"|\b(?:killing|killed|kills|leaving|left)\s+an?\s+(?:unknown|undetermined|unspecified|undisclosed|unconfirmed"
    r"|unidentified)"
    r"\s+numbers?\b"
    r"|\b(?P<size>heavy|many|numerous|massive|huge|significant|high|serious|several|light|minor|a\s+few|few|some)"
    r"\s+(?P<noun>casualties|deaths|fatalities|loss\s+of\s+life)\b"
    r"|\b(?:caus\w+|inflict\w*|result\w*\s+in|with|left|leaving)\s+(?:some\s+)?(?P<bare>casualties|deaths|fatalities)\b"
    # lives taken with no figure: "police firing claimed lives in three towns"
    r"|\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes)\s+(?:more\s+)?(?P<lives>lives)\b"
    # deaths told by their violent means: "the number of deaths in police firing"
    rf"|(?<!\bthe\s)\b(?P<means>deaths)(?=\s+{_BY_VIOLENCE})",
    re.I,
)
# a toll, not a running total over a period: "the city's homicide toll to 85 this year"
_TOLL = re.compile(
    rf"\b(?<!homicide\s)(?<!murder\s)(?:death\s+toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of)\s+(?P<q>{QTY})"
    rf"(?![^.;]{{0,40}}\b(?:this\s+year|so\s+far|(?:for|in)\s+(?:the\s+year|(?:19|20)\d\d)|since)\b)",
    re.I,
)
# the ages of the victims, not their number: "five men between the ages of 21 and 58 were shot"
_AGES_BEFORE = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?(?:\d{1,3}\s*(?:and|to|or|-)\s*)?$", re.I
)
_NONE = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}?(?:was|were)\s+(?:\w+\s+)?(?P<verb>killed|hurt|injured|wounded)"
    r"|\bno\s+(?:[\w-]+\s+){0,2}?(?P<noun>casualties|deaths|fatalities|injuries)\b"
    r"|\bwithout\s+(?P<noun2>casualties)\b",
    re.I,
)
_ELSE = re.compile(r"\b(?:else|other|further|additional|more)\b", re.I)
_SUBSET = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead)\s*$", re.I
)
_MODAL_BEFORE = re.compile(
    r"\b(?:could|would|might|may|will|threaten(?:s|ed)?\s+to|risk|(?:tried|tries|try|trying|attempted|attempting|"
    r"want(?:s|ed)?|plann?(?:ed|ing)|plott?(?:ed|ing)|vow(?:s|ed)?)\s+to)\s+(?:\w+\s+)?$",
    re.I,
)


# A death named as the cause or the memory of the event ("protested over the killing of two
# students", "to mark the deaths of 22 fans") is an earlier event's toll, not this one's.
_CAUSE = (
    r"after|over|following|against|protest(?:s|ed|ing)?|commemorat\w+|mark(?:s|ed|ing)?|mourn\w*|"
    r"condemn\w*|denounc\w*|into|for|about|since|anniversary\s+of|memory\s+of|justice\s+for"
)
_CAUSE_BEFORE = re.compile(
    rf"\b(?:{_CAUSE})\s+(?:(?:the|a|an)\s+)?(?:(?:deaths?|killings?|murders?|massacre)\s+of\s+)?$", re.I
)
# ... but what the police do after the deaths is this event's investigation, not a protest over an
# earlier one: "Police are investigating after one man was killed"; nor is the hospital a victim
# is taken to: "a teen was taken to the hospital after accidentally shooting himself"
_INQUIRY_AFTER = re.compile(
    r"\b(?:investigat\w+|respond\w*|called|dispatched|searching|looking|hunting|on\s+the\s+scene|"
    r"closed|blocked|cordoned|taken|rushed|airlifted|flown|transported|hospitali[sz]ed|admitted|treated)"
    r"\b[^.;]{0,30}?\bafter\s+$",
    re.I,
)


def _cause_before(before: str) -> bool:
    """Whether a toll is named as the cause or memory of the sentence's event (not its toll)."""
    return bool(_CAUSE_BEFORE.search(before)) and not _INQUIRY_AFTER.search(before)


_A_FIGURE = re.compile(rf"\d|\b(?:{WORDNUM}|dozen)\b", re.I)
_ESTIMATE_WORDS = re.compile(
    rf"\b(?:{VAGUE_WORDS}|casualt\w+|causalit\w+|losses|lives|fatalities|deaths|unknown\s+number)\b", re.I
)


def estimated(text: str) -> bool:
    """Whether a claim's words give ACLED's code for an uncounted toll ("heavy casualties",
    "dozens were killed") rather than a count: a code is each event's, not a total to share out."""
    return not _A_FIGURE.search(text) and _ESTIMATE_WORDS.search(text) is not None


def _kind(verb: str) -> str:
    v = verb.lower()
    if re.match(r"(?:killed|dead)\s+or\s+", v):
        return "killed_or_injured"
    if v == "casualties":
        return "injured"
    return "injured" if re.fullmatch(INJURED, v) else "killed"


def find_claims(text: str, offset: int = 0, span: Span | None = None, armed: bool = False) -> list[RawClaim]:
    """Every casualty figure in ``text`` (one sentence); offsets are shifted by ``offset``.

    With ``span``, the sentence's parse (``span.doc`` offsets = ``text`` offsets + ``offset``), the
    victims of killing verbs that carry no figure are counted as well (see the module docstring).
    ``armed``: the article around the sentence tells a gun or a shooting (see
    :func:`.injuries.shot_claims`).
    """
    found: list[RawClaim] = []
    spans: list[tuple[int, int]] = []

    def taken(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in spans)

    def add(kind: str, rng: tuple[int, int], victim: str, a: int, b: int, qstart: int) -> None:
        if taken(qstart, b) or _SUBSET.search(text[max(0, qstart - 30) : qstart]):
            return
        if _AGES_BEFORE.search(text[max(0, qstart - 40) : qstart]):
            return
        if _MODAL_BEFORE.search(text[max(0, a - 40) : a]) or _cause_before(text[max(0, a - 40) : a]):
            return
        if kind != "injured" and mishap(text):
            return
        low, high = rng
        if kind == "killed_or_injured":
            kind, low = "killed", 0
        found.append(RawClaim(kind, low, high, victim.strip(), text[a:b], offset + a, offset + b))
        spans.append((qstart, b))

    for m in _NONE.finditer(text):
        if _ELSE.search(m.group()):
            continue  # "no one else was hurt": nothing more, not a toll of nothing
        noun = (m.group("noun") or m.group("noun2") or "").lower()
        kind = (
            "injured"
            if (m.group("verb") or "").lower() in ("hurt", "injured", "wounded") or noun == "injuries"
            else "killed"
        )
        add(kind, (0, 0), "", m.start(), m.end(), m.start())
    for m in _ORDINAL_DEATH.finditer(text):
        n = _ORDINALS[m.group("ord").lower()]
        dead_before = _DEAD_BEFORE.search(text, 0, m.start())
        if _HURT_BEFORE.search(text, 0, m.start()) and not dead_before:
            n = 1  # "two suffered injuries and a third person died": the third of the people, one dead
        elif not dead_before and not _VICTIM_ORDINAL.match(m.group("head") or "victim"):
            continue  # "a fourth commander was killed": a series of incidents, not this one's toll
        add("killed", (n, n), "", m.start(), m.end(), m.start())
    for m in _ACTIVE.finditer(text):
        verb = m.group("verb").lower()
        rng = quantity(m)
        if rng is None:
            continue
        state = (m.group("state") or "").lower()
        if verb in ("shoot", "shoots", "shot") and state != "dead":
            continue  # "shot two protesters" may have wounded them; "shoot one dead" killed
        if verb in ("left", "leaving", "leaves"):
            if not state:
                continue
            kind = "killed" if state == "dead" else "injured"
        elif verb.startswith("shoot") or verb == "shot":
            kind = "killed"
        else:
            kind = "injured" if verb.startswith(("wound", "injur")) else "killed"
        if not m.group("victim") and not state and m.group("art"):
            continue
        add(kind, plus(rng, m.group("more") or ""), m.group("victim") or "", m.start(), m.end(), m.start("q"))
    for m in _PASSIVE.finditer(text):
        rng = quantity(m)
        if rng is None:
            continue
        if _ACTIVE_OBJECT.match(text, m.end()) and not _HAS_AUX.search(m.group(0)):
            continue  # "A police officer shot and wounded a man": the subject did it
        victim = m.group("victim") or ""
        if not victim:
            # a bare number: a headline's figure ("Three dead and two injured in ..."), or one
            # right after a first figure ("... and four were wounded")
            headline = not m.group("art") and (
                _HEADLINE_START.fullmatch(text[: m.start()]) is not None
                or re.search(r"[.;:]\s+$", text[: m.start()]) is not None
            )
            # or a toll stated as such ("..., 8 reported dead")
            stated = re.search(
                r"\b(?:reported|confirmed|feared)\s+$", text[m.start("q") : m.start("verb")], re.I
            )
            after_comma = re.search(r"[,;]\s*$", text[: m.start()]) is not None and not m.group("art")
            if not headline and not stated and not after_comma and (m.group("art") or not found):
                continue
            if (
                not headline
                and not stated
                and not re.search(r"(?:\band|\bwhile|,)\s*$", text[max(0, m.start() - 8) : m.start()])
            ):
                continue
        else:
            rng = plus(rng, victim)
        add(_kind(m.group("verb")), rng, victim, m.start(), m.end(), m.start())
    for rx in (_TOLL, _LIVES, _DEATHS_REPORTED, _DEATHS_STATED, _DEATHS_LEAD):
        for m in rx.finditer(text):
            rng = quantity(m)
            if rng is not None:
                add("killed", rng, "", m.start(), m.end(), m.start("q"))
    for m in _HEADLINE_ONE.finditer(text):
        add("killed", (1, 1), m.group("victim"), m.start("victim"), m.end(), m.start("victim"))
    for m in _A_LIFE.finditer(text):
        add("killed", (1, 1), "", m.start(), m.end(), m.start("q"))
    for m in _FATAL_MEANS.finditer(text):
        rng = quantity(m)
        if rng is not None and (m.group("victim") or m.group("age")):  # "of 2-year-old": one person
            add("killed", rng, m.group("victim") or "", m.start(), m.end(), m.start("q"))
    others = any(c.kind == "killed" and c.low > 0 for c in found)
    for m in _SELF_KILLED.finditer(text):
        # "killed two people before killing himself": one more than the others; alone ("the boy
        # fatally shot himself"), the toll of the one victim the article may name again
        who = (m.group("victim") or m.group("victim2")) + "self" if others else ""
        add("killed", (1, 1), who, m.start(), m.end(), m.start())
    if not any(c.kind in ("killed", "injured") for c in found) and not DIED.search(text):
        for m in _HEADLINE_HURT.finditer(text):
            add("injured", (1, 1), m.group("victim"), m.start("victim"), m.end(), m.start("victim"))
    if _BODY_FOUND.search(text):
        for m in _BODIES.finditer(text):
            q = "q" if m.group("q") else "q2"
            rng = quantity_at(m, q)
            if rng is not None:
                victim = m.group("victim") or m.group("victim2") or ""
                add("killed", plus(rng, m.group("more") or ""), victim, m.start(), m.end(), m.start(q))
    for m in _THEMSELVES.finditer(text):
        rng = quantity(m)
        if rng is not None:
            start = m.start("verb")
            add("killed", plus(rng, m.group("more") or ""), "attackers", start, m.end(), start)
    if not any(c.kind == "killed" and c.high > 0 for c in found):
        for m in _UNCOUNTED.finditer(text):
            size = re.sub(r"\s+", " ", (m.group("size") or "").lower())
            if (
                size in ("light", "minor", "a few", "few", "some", "several")
                or m.group("means")
                or m.group("lives")
            ):
                rng = UNCOUNTED_LIMITED
            else:
                rng = UNCOUNTED_SIGNIFICANT
            add("killed", rng, "", m.start(), m.end(), m.start())
    if span is not None:
        kept = [c for c in found if c.kind == "injured" or not told_as_cause(span, c.start, c.end)]
        spans[:] = [(c.start - offset, c.end - offset) for c in found]  # a dropped cause stays taken
        found[:] = kept

        killed_spans = [(c.start - offset, c.end - offset) for c in found if c.kind == "killed"]
        for c in parsed_claims(span):
            local = (c.start - offset, c.end - offset)
            # "was wounded ... and later died": a death told after an injury still counts
            overlap = any(local[0] < e and s < local[1] for s, e in killed_spans) or mishap(text)
            before = text[max(0, local[0] - 40) : local[0]]
            if not overlap and not _MODAL_BEFORE.search(before) and not _cause_before(before):
                found.append(RawClaim(c.kind, c.low, c.high, c.victim_phrase, c.text, c.start, c.end))
                spans.append(local)
    shot_claims(text, found, add, span, offset, armed)
    found.sort(key=lambda c: c.start)
    # "One fighter was killed and four were wounded": a bare number takes the previous victims.
    out: list[RawClaim] = []
    for c in found:
        if (
            (not c.victim_phrase or c.victim_phrase.lower() in ("others", "more", "other people"))
            and out
            and out[-1].victim_phrase
        ):
            c = RawClaim(c.kind, c.low, c.high, out[-1].victim_phrase, c.text, c.start, c.end)
        out.append(c)
    return out
