"""The injured of local news: people a sentence says were hit, less those it counts dead.

Local news counts the people shot ("Seven people were shot", "4 shot outside a club") or tells one
hit ("a boy who was shot in the head", "shot himself in the leg", "a shooting that injured a
teenager", "seriously wounding him", "was hit by a stray bullet", "a man with a gunshot wound",
"the shooting of a 4-year-old", "a teen is in critical condition after a shooting"). Each is read
as injured unless the sentence counts the same people dead; "shot at" (not "shot at a bar") hit no
one. :func:`shot_claims` adds them to the claims :func:`.casualties.find_claims` found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from ..lexicon import BY_VEHICLE
from .figures import (
    AUX,
    CALENDAR,
    DIED,
    GUN_WORDS,
    HEADS_SG,
    MORE,
    QTY,
    SHOOTING,
    VICTIM,
    RawClaim,
    mishap,
    plus,
    quantity,
)
from .victims import people_count

Add = Callable[[str, tuple[int, int], str, int, int, int], None]

# Local news counts the people shot: "Seven people were shot", "4 shot outside a club". Those the
# sentence does not count dead are the injured; "shot at" (not "shot at a bar") hit no one.
_SHOT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+(?:{VICTIM}(?P<more>{MORE})\s*)?{AUX}shot\b"
    r"(?!\s+(?:dead|to\s+death|and\s+killed|and\s+fatally|(?:him|her|them)sel(?:f|ves))\b)"
    r"(?!\s+at(?:\s*[.,;]|\s+(?:but|by|from|and|several|multiple|least|him|her|them|police|officers|while|when|as"
    r"|during)\b))",
    re.I,
)

# "the gun went off, hitting a bystander": hit by a bullet, so injured unless the sentence says dead
_HIT = re.compile(rf"\b(?:hitting|striking)\s+(?P<q>{QTY})\s+{VICTIM}", re.I)
# Other ways local news tells that people were hit, each read as injured unless the sentence
# counts them dead: "a boy who was shot in the head", "shot himself in the leg", "a shooting that
# injured a teenager", "seriously wounding him", "was hit by a stray bullet", "a man with a
# gunshot wound", "the shooting of a 4-year-old", "a teen is in critical condition after a
# shooting".
# ... "who was shot", not "the two men who shot a woman": the shooters
_WHO_SHOT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s*,?\s+who\s+(?:(?:was|were|had|has|have|been|got)\s+){AUX}"
    r"shot\b(?!\s+(?:dead|to\s+death|at)\b)",
    re.I,
)
_SHOT_IN = re.compile(
    rf"\b(?:shot|shoots|shooting)\s+(?:(?P<q>{QTY})\s+{VICTIM}|(?P<pron>him|her)\b)\s+in\s+(?:the|his|her)\s+"
    r"(?:head|face|neck|chest|back|stomach|abdomen|torso|arm|arms|hand|hands|leg|legs|foot|feet|shoulder|hip|"
    r"thigh|knee|buttocks|side|groin|wrist|finger|ankle|shin|calf|jaw|eye|lower|upper|left|right)\b",
    re.I,
)
_SELF_SHOT = re.compile(
    r"\b(?:accidentally\s+|reportedly\s+|apparently\s+)?(?:shot|shoots|shooting)\s+(?P<victim>him|her)self\b"
    r"(?!\s+(?:dead|to\s+death|fatally)\b)",
    re.I,
)

_WOUNDING = re.compile(
    rf"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hitting|striking|struck|grazing)\s+(?:(?:critically|seriously|"
    rf"severely|fatally)\s+)?(?:(?P<q>{QTY})\s+{VICTIM}|(?P<pron>him|her)\b)",
    re.I,
)
# One more person hurt, told beside the dead or by name: "killing Lewis and critically wounding the
# other man", "striking and injuring Keith Jones", "left two people dead and another injured". A
# verb that names the living ("wounding", "injured") is never the dead, so these are read in a
# sentence that tells deaths too.
_ONE_MORE = (
    r"(?:the\s+other|another|a\s+second|a\s+third|one\s+other)(?:\s+(?:[\w'-]+\s+){0,2}?"
    rf"(?:{HEADS_SG}))?"
)
# how badly: "critically wounding", "was seriously injured"
_HOW_BADLY = r"(?:(?:critically|seriously|severely|gravely|badly|slightly)\s+)?"
# a person's name, not a day's or a month's, and not an owner's ("Smith's brother")
_WORD = r"[A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:-[A-Z][a-z]+)?"
_NAME = rf"(?-i:(?!(?:{CALENDAR})\b){_WORD}(?:\s+[A-Z]\.)?(?:\s+{_WORD}){{0,2}})(?!\s*['’]s\b)"
# the one person hurt: "the other man", a name, "his daughter"
_ONE_HURT = rf"{_ONE_MORE}|{_NAME}|(?:his|her|their)\s+(?:[\w'-]+\s+){{0,2}}?(?:{HEADS_SG})"
_WOUNDING_ONE = re.compile(
    rf"\b(?<!fatally\s)(?<!mortally\s)(?:(?:hitting|striking)\s+and\s+)?(?:injuring|wounding)\s+{_HOW_BADLY}"
    rf"(?P<victim>{_ONE_HURT})\b",
    re.I,
)
# "the driver who killed his son and wounded his daughter": a past verb, with its victim's owner
_WOUNDED_ONE = re.compile(
    rf"\b(?:killed|shot)\s+[^.;]{{0,60}}?\band\s+{_HOW_BADLY}(?:injured|wounded)\s+(?P<victim>{_ONE_HURT})\b",
    re.I,
)
# "Kendall Lacy accidentally shot a man in his home": one hit, where the sentence tells no death
# ("soldiers shot two protesters" may have killed them: a count there is left to the patterns)
_SHOT_OBJECT = re.compile(
    rf"\b(?:shot|shoots|shooting)\s+(?P<q>(?P<art>an?))\s+(?P<victim>(?:[\w'-]+\s+){{0,2}}?(?:{HEADS_SG}))\b"
    r"(?!\s+(?:dead|to\s+death)\b)",
    re.I,
)
# "a group of men who shot five people", "Moore shot three teens": a count someone shot, read as
# hit where the sentence tells no death and the shooter is no force ("soldiers shot two
# protesters" may have killed them: left to the patterns)
_SHOT_COUNT = re.compile(
    "".join(rf"(?<!{w}\s)" for w in "soldiers troops police officers forces militants army".split())
    + rf"\bshot\s+(?P<q>{QTY})\s+{VICTIM}(?!\s+(?:dead|to\s+death)\b)",
    re.I,
)
# ... or in a state only the living are in: "Four people are dead and another is fighting for her
# life", "a girl has died and her father is listed in critical condition"
_ALIVE = (
    r"(?:fighting\s+for\s+(?:his|her|their)\s+li(?:fe|ves)|(?:listed\s+)?in\s+(?:critical|serious|stable|fair"
    r"|grave)(?:\s+but\s+stable)?\s+condition)"
)
_AND_ANOTHER = re.compile(
    rf"\b(?:dead|killed|died)\s*,?\s+(?:and|while)\s+(?:left\s+|leaving\s+)?(?P<victim>{_ONE_MORE}"
    rf"|(?:his|her|their)\s+(?:[\w'-]+\s+){{0,2}}?(?:{HEADS_SG}))\s+"
    rf"(?:(?:(?:was|is)\s+)?{_HOW_BADLY}(?:injured|wounded|hurt)\b|(?:was|is|remains|remained)\s+{_ALIVE})",
    re.I,
)
_BULLET_HIT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+{AUX}(?:hit|struck|grazed)\s+(?:by|with)\s+"
    r"(?:a\s+|the\s+)?(?:stray\s+)?(?:bullets?|gunfire|shots?|rounds?|a\s+round)\b",
    re.I,
)
_GUNSHOT_WOUND = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+(?:{AUX}(?:with|suffer\w*|sustain\w*|nursing|"
    rf"treated\s+for|(?:has|had|have))\s+(?:an?\s+|(?:multiple|several|non-life-threatening|minor|serious)\s+)?"
    r"(?:[\w-]+\s+){0,3}?gunshot\s+wounds?)",
    re.I,
)
# taken to hospital hurt: "seven people were treated for non-life-threatening wounds", "the
# 19-year-old was taken to a hospital with a gunshot wound to the leg"
_TREATED = (
    r"(?:taken|driven|rushed|transported|airlifted|flown|treated|hospitali[sz]ed|admitted)\b[^.;]{0,80}?\b(?:for|with)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:gunshot\s+wounds?|wounds?|injuries|gunshot)\b"
)
_COUNT_TREATED = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+(?:{AUX}|had\s+to\s+be\s+)?{_TREATED}", re.I
)
_CONDITION = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+(?:{AUX}|(?:is|are|was|were|remains?)\s+)(?:listed\s+)?"
    r"in\s+(?:critical|serious|stable|fair|good|grave|life-threatening)(?:\s+but\s+stable)?\s+condition\b",
    re.I,
)
_SHOOTING_OF = re.compile(
    rf"\bshooting\s+(?:that\s+(?:injured|wounded)\s+|of\s+)(?P<q>{QTY})\s+{VICTIM}", re.I
)
# ... unless by a car: "was struck by a pickup" is a road accident
_NOT_BY_VEHICLE = rf"(?!{BY_VEHICLE})"
# "four victims were struck", "a man was hit": by gunfire only beside a gun or a shooting
_STRUCK = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{QTY})\s+{VICTIM}\s+{AUX}(?:hit|struck|grazed)\b{_NOT_BY_VEHICLE}",
    re.I,
)
# "the girl was shot in the leg", "the victim had been shot": one hit, where the sentence counts
# no one else (a victim told before is one of the same group, so fusion takes the larger figure)
# "her 6-year-old daughter was shot", "the 17-year-old senior underwent surgery after being shot"
_ONE_VICTIM = (
    rf"\b(?P<q>(?P<art>[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir))\s+(?P<victim>(?:[\w'-]+\s+){{0,2}}?(?:{HEADS_SG}))\s+"
    r"(?:(?:who\s+|that\s+)?(?:has\s+been|had\s+been|was|is|got)\s+|(?:[\w'-]+\s+){1,8}?after\s+being\s+)"
    r"(?:(?:also|accidentally|apparently|reportedly|allegedly|critically|seriously|then)\s+)?"
)
_THE_SHOT = re.compile(
    rf"{_ONE_VICTIM}(?:shot|grazed)\b(?!\s+(?:dead|to\s+death|and\s+killed|and\s+fatally|at|(?:him|her)self)\b)"
)
# "the officer was struck in the hand": by gunfire only beside a gun or a shooting
_THE_STRUCK = re.compile(rf"{_ONE_VICTIM}(?:struck|hit)\b{_NOT_BY_VEHICLE}")
_THE_TREATED = re.compile(rf"{_ONE_VICTIM}{_TREATED}")
# in the order shot_claims reads them; the last two, a victim struck or in a condition, only beside a
# gun or a shooting
_HIT_READINGS = (
    _WHO_SHOT,
    _SHOT_IN,
    _BULLET_HIT,
    _GUNSHOT_WOUND,
    _SHOOTING_OF,
    _WOUNDING,
    _THE_SHOT,
    _SHOT_OBJECT,
    _SHOT_COUNT,
)
_GUN_HIT_READINGS = (_STRUCK, _THE_STRUCK, _CONDITION, _COUNT_TREATED, _THE_TREATED)
# "Four people were shot, one fatally": the dead among them
_FATALLY = re.compile(rf"(?<![A-Za-z0-9_])(?P<q>{QTY})\s+(?:of\s+them\s+)?(?:were\s+|was\s+)?fatally\b", re.I)


def shot_claims(
    text: str,
    found: list[RawClaim],
    add: Add,
    span: Span | None = None,
    offset: int = 0,
    armed: bool = False,
) -> None:
    """The people a sentence says were shot, less those it counts dead, are its injured.

    With ``span``, the sentence's parse (``span.doc`` offsets = ``text`` offsets + ``offset``), the
    people a hurting verb takes with no pattern's shape are read too (:func:`parsed_hurt`).
    ``armed``: the article tells a gun or a shooting, so people struck, in a condition or taken to
    a hospital in a sentence that names no gun were hurt by it ("The victim was taken to a hospital
    with non-life-threatening injuries" two sentences after the shooting)."""

    def counted() -> bool:
        # "no one else was hurt" is a count of nothing more, not the toll that rules out the rest
        return any(c.kind == "injured" and c.high > 0 for c in found)

    if counted() or mishap(text):
        return
    for rx in (_AND_ANOTHER, _WOUNDING_ONE, _WOUNDED_ONE):
        for m in rx.finditer(text):
            add("injured", (1, 1), m.group("victim"), m.start(), m.end(), m.start("victim"))
    for m in _FATALLY.finditer(text):
        rng = quantity(m)
        if rng is not None and not any(c.kind == "killed" for c in found):
            add("killed", rng, "", m.start(), m.end(), m.start("q"))
    dead = sum(c.low for c in found if c.kind == "killed")
    if GUN_WORDS.search(text) and not dead:
        for m in _HIT.finditer(text):
            rng = quantity(m)
            if rng is not None:
                add("injured", rng, m.group("victim") or "", m.start(), m.end(), m.start("q"))
    for m in _SHOT.finditer(text):
        rng = quantity(m)
        if rng is not None:
            rng = plus(rng, m.group("more") or "")  # "three boys and a man were shot": 4
        if rng is not None and rng[1] > dead:
            victim = m.group("victim") or ""
            add("injured", (max(0, rng[0] - dead), rng[1] - dead), victim, m.start(), m.end(), m.start("q"))
    # the dead are not hurt; people counted shot are not counted again
    dies = bool(dead or DIED.search(text))
    gun = bool(armed or GUN_WORDS.search(text) or SHOOTING.search(text))
    if not dies and not counted():
        readings = _HIT_READINGS
        if gun:
            readings += _GUN_HIT_READINGS  # "in critical condition" after a crash is no shooting's injured
        for rx in readings:
            for m in rx.finditer(text):
                if m.groupdict().get("pron"):
                    add("injured", (1, 1), m.group("pron"), m.start(), m.end(), m.start("pron"))
                    continue
                rng = quantity(m)
                if rng is not None:
                    add("injured", rng, m.group("victim") or "", m.start(), m.end(), m.start("q"))
        for m in _SELF_SHOT.finditer(text):
            add("injured", (1, 1), m.group("victim") + "self", m.start(), m.end(), m.start())
    if span is not None and not counted():
        for victim, n, a, b in parsed_hurt(span, dies, gun):
            add("injured", (n, n), victim, a - offset, b - offset, a - offset)


# verbs that hurt the people they take: "four men attending a party were injured when ...", "a
# passenger in the car suffered a gunshot wound", "two teens are recovering"; shot only where the
# sentence tells no death
_HURT = frozenset("injure wound hurt shoot graze".split())
_SUFFER = frozenset("suffer sustain have receive".split())
_WOUND_NOUNS = frozenset("wound injury".split())
# taken to a hospital: hurt, beside a gun ("Two boys were rushed to the hospital after the shooting")
_CARRIED = frozenset(
    "take rush transport send airlift fly drive carry bring evacuate hospitalize hospitalise admit".split()
)
# "was found in the yard with a gunshot wound": the one found is as often dead, told next
_FOUND = frozenset("find locate discover".split())
_CARE = frozenset("hospital center centre clinic trauma icu".split())


def _hurt_subject(v: Token) -> Token | None:
    if v.lemma_.lower() in _HURT and v.tag_ == "VBN":
        if any(c.dep_ == "neg" or c.lower_ in ("fatally", "mortally") for c in v.children):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "at" and c.i == v.i + 1 for c in v.children):
            return None  # "shot at" hit no one
        subj = [c for c in v.children if c.dep_ == "nsubjpass"]
        if not subj and v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.head.children):
            subj = [c for c in v.head.children if c.dep_ == "nsubjpass"]
        return subj[0] if subj else None
    if v.lemma_.lower() in _SUFFER and v.pos_ == "VERB":
        wounds = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in _WOUND_NOUNS]
        if wounds and not any(c.lower_ in ("fatal", "mortal") for c in wounds[0].children):
            subj = [c for c in v.children if c.dep_ == "nsubj"]
            return subj[0] if subj else None
    if v.lemma_.lower() == "recover" and v.tag_ == "VBG" and any(c.dep_ == "aux" for c in v.children):
        # "Four people are recovering after being shot": hurt, and alive
        if not any(c.dep_ == "neg" for c in v.children):
            subj = [c for c in v.children if c.dep_ == "nsubj"]
            return subj[0] if subj else None
    return None


# a place the wounded are in, where the parse hangs "with" on the place: "are at Harborview
# Medical Center with life-threatening injuries", "found lying in the roadway with gunshot wounds"
_PLACE_PREPS = frozenset("at in to on inside outside into near".split())


def _wound_holders(span: Span) -> frozenset[int]:
    """The tokens whose clause's people carry a wound ("were found in the roadway with gunshot
    wounds", "are at the medical center with life-threatening injuries"), read once per sentence."""
    out = set()
    for w in span:
        if w.dep_ != "pobj" or w.lemma_.lower() not in _WOUND_NOUNS or w.head.lower_ != "with":
            continue
        if any(c.lower_ in ("fatal", "mortal", "fatally") for c in w.subtree):
            continue
        at = w.head.head
        # the place the clause puts its people in, not a person ("a man with a gunshot wound")
        while at.dep_ == "pobj" and at.head.lower_ in _PLACE_PREPS and at.head.head.i != at.i:
            at = at.head.head
        out.add(at.i)
    return frozenset(out)


def _carried(v: Token) -> bool:
    """ "were rushed to the hospital", "was airlifted to Harborview Medical Center", "were
    hospitalized": taken into care."""
    lemma = v.lemma_.lower()
    if lemma not in _CARRIED or v.tag_ != "VBN":
        return False
    if lemma in ("hospitalize", "hospitalise"):
        return True
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ in ("to", "at"):
            if any(t.lower_ in _CARE for t in p.subtree):
                return True
    return False


def _carrier_subject(v: Token, wounded: frozenset[int], gun: bool) -> Token | None:
    """The counted subject of a clause that puts its people in care with a wound (``wounded``:
    :func:`_wound_holders`), or (beside a gun) in a hospital; a verb joined to such a clause
    shares its subject ("were found lying in the road with gunshot wounds")."""
    if not (v.i in wounded or (gun and _carried(v))):
        return None
    head = v
    for _ in range(3):
        if head.lemma_.lower() in _FOUND:
            return None
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if head.dep_ not in ("xcomp", "conj", "advcl") or head.head is head:
            return None
        head = head.head
    return None


def parsed_hurt(span: Span, dies: bool = False, gun: bool = False) -> list[tuple[str, int, int, int]]:
    """(victims, count, start, end) for each subject of a hurting verb the parse counts: a figure,
    one person, a name, or coordinated ones added up (``span.doc`` offsets). In a sentence that
    ``dies`` (tells a death), those shot may be the dead: only "injured" and "wounded" count, and
    no one taken into care. Where the sentence or its article tells a ``gun``, those taken to a
    hospital were hurt by it."""
    out = []
    wounded = _wound_holders(span) if not dies else frozenset()
    for v in span:
        if dies and v.lemma_.lower() in ("shoot", "graze"):
            continue
        subj = _hurt_subject(v)
        if subj is None and not dies and v.pos_ in ("VERB", "AUX"):
            subj = _carrier_subject(v, wounded, gun)
        if subj is not None and (
            subj.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in subj.children)
        ):
            continue  # "no one inside was hurt": a count of nothing (the patterns read it)
        n = people_count(subj) if subj is not None else None
        if subj is None or not n:
            continue
        lo = min(subj.left_edge.i, v.i)
        # "suffered a gunshot wound" ends with the wound: the evidence that tells a hit
        wound = [c.i for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in _WOUND_NOUNS]
        hi = max(subj.i, v.i, *wound)
        sub = span.doc[lo : hi + 1]
        out.append((span.doc[subj.left_edge.i : subj.i + 1].text, n, sub.start_char, sub.end_char))
    return out
