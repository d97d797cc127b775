"""The grammar of a casualty figure: numbers, the people they count, and the verbs between.

Shared by :mod:`.casualties` (who was killed or injured, from patterns), :mod:`.injuries` (the
people local news says were hit) and :mod:`.victims` (the victims of a verb, from the parse):
"at least 21 civilians", "a dozen", "dozens of", "twenty-one", "a 4-year-old"; ``quantity``
turns a match into ACLED's (low, high) range, see :mod:`.casualties`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import SPEECH_FORMS

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# ACLED codes the unit of a vague plural: "tens" 10, "dozens" 12, "hundreds" 100 (its FAQ on fatalities)
VAGUE: dict[str, tuple[int, int]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "a handful of": (3, 5),
    "a dozen": (12, 12),
    "tens of": (10, 99),
    "dozens of": (12, 99),
    "dozens": (12, 99),
    "scores of": (20, 99),
    "scores": (20, 99),
    "many": (10, 99),
    "hundreds of": (100, 999),
    "hundreds": (100, 999),
    "thousands of": (1000, 9999),
    "thousands": (1000, 9999),
}
# an uncounted toll: ACLED codes 10 for a significant event, 3 for a limited one
UNCOUNTED_SIGNIFICANT = (10, 99)
UNCOUNTED_LIMITED = (3, 9)

WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|single)(?:\s+hundred)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
VAGUE_WORDS = (
    r"a\s+few|several|a\s+handful\s+of|a\s+dozen|tens\s+of|dozens(?:\s+of)?|scores(?:\s+of)?|many"
    r"|hundreds(?:\s+of)?|thousands(?:\s+of)?"
)
_NUM = rf"(?:{_DIGITS}|{WORDNUM})"
# a number of days or kilometres is no toll: "killed over two days", "killed 5 km from the town"
_UNITS_AFTER = (
    r"days?|weeks?|months?|years?|hours?|minutes?|nights?|km|kms|kilometres?|kilometers?|miles?|metres?|"
    r"meters?|percent|per\s+cent|%|am|pm|a\.m|p\.m|o'clock"
)
_QUAL = (
    r"at\s+least|more\s+than|over|nearly|almost|around|about|some|up\s+to|as\s+many\s+as|an\s+estimated|"
    r"approximately|roughly|at\s+most|fewer\s+than|less\s+than|a\s+total\s+of"
)
# an age names one person: "killing 34-year-old Ernest Edwards" is one dead, not 34
_AGE = rf"(?:\d{{1,3}}|{WORDNUM})[\s-]+(?:year|month|week|day)s?[\s-]+old\b(?!-)"
# A number that is not a count of people: money ("$75,000"), a part of a bigger number or a
# decimal, a compound modifier ("12-gauge", "40-caliber"), a place in a series ("Image 23 of 32"),
# the year of a date ("January 9, 2017"), the emergency number ("a 911 call").
_NOT_A_COUNT = r"(?<![$£€#\d.,])(?<!\d\sof\s)(?!911\b)(?!(?<=\d,\s)(?:19|20)\d\d\b)"
_WHOLE = r"(?!\d)(?!-[A-Za-z])"
_QTY = (
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:between\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM})"
    rf"|(?P<age>{_AGE})"
    rf"|{_NOT_A_COUNT}(?P<num>{_NUM}){_WHOLE}(?:\s*(?:to|-|–|or)\s*(?P<num2>{_NUM}){_WHOLE})?"
    rf"(?!\s*(?:{_UNITS_AFTER})\b)"
    rf"|[\"“']?(?P<vague>{VAGUE_WORDS})[\"”']?"
    rf"|(?P<art>an?|another)(?=\s+(?:[\w'.-]+\s+){{0,3}}?(?:{{HEAD1}})\b))"
)
HEADS_PL = (
    r"civilians|people|persons|children|kids|women|men|girls|boys|fighters|militants|jihadists|insurgents|rebels|passersby|"
    r"soldiers|troops|policemen|police\s+officers|officers|members|gunmen|attackers|terrorists|extremists|combatants|"
    r"residents|villagers|passengers|worshippers|students|farmers|herders|bystanders|protesters|protestors|"
    r"demonstrators|recruits|guards|personnel|servicemen|militiamen|others|victims|bodies|individuals|"
    r"journalists|workers|pilgrims|patients|refugees|migrants|displaced|family\s+members|relatives|shoppers|"
    r"commanders|leaders|operatives|suspects|Marines|sailors|pilots|gendarmes|paramilitaries|mourners|traders|"
    r"police|militia|militias|youths|youth|herdsmen|hunters|fishermen|miners|drivers|teachers|pupils|officials|"
    r"activists|supporters|vigilantes|robbers|thieves|bandits|assailants|kidnappers|bombers|raiders|poachers|"
    r"smugglers|prisoners|inmates|detainees|peacekeepers|rangers|elders|chiefs|clerics|Christians|Muslims|citizens|"
    r"nationals|locals|pastoralists|nomads|cattle\s+herders|motorists|hostages|captives|"
    r"relatives|brothers|sons|daughters|wives|babies|infants|teenagers|teens|juveniles|toddlers|adults|"
    r"security\s+forces|forces|army\s+personnel|conscripts|cadets|loyalists|collaborators|informants|"
    r"males|females|neighbou?rs|friends|cousins|customers|employees"
)
HEADS_SG = (
    r"civilian|person|child|woman|man|girl|boy|fighter|militant|jihadist|insurgent|rebel|soldier|policeman|"
    r"officer|member|gunman|attacker|terrorist|commander|leader|resident|villager|passenger|student|farmer|"
    r"protester|protestor|guard|journalist|worker|pilot|gendarme|trooper|serviceman|militiaman|suspect|"
    r"youth|herdsman|hunter|fisherman|miner|driver|teacher|pupil|official|activist|supporter|vigilante|"
    r"robber|thief|bandit|assailant|kidnapper|bomber|raider|poacher|smuggler|prisoner|inmate|detainee|"
    r"peacekeeper|ranger|elder|chief|cleric|imam|pastor|priest|trader|businessman|doctor|nurse|baby|infant|"
    r"teenager|teen|juvenile|toddler|adult|husband|wife|son|daughter|brother|mother|father|captain|lieutenant|"
    r"colonel|general|passerby|"
    r"sergeant|corporal|major|private|conscript|cadet|nightwatchman|watchman|councillor|politician|"
    r"collaborator|informant|body|bystander|victim|male|female|neighbou?r|friend|cousin|sister|uncle|aunt|"
    r"nephew|niece|grandson|granddaughter|grandmother|grandfather|girlfriend|boyfriend|customer|employee|"
    r"clerk|homeowner|roommate|stepfather|stepson|deputy|"
    # an age alone names a person ("the shooting of a 4-year-old"), not before its noun ("4-year-old boy")
    r"[\w]+-year-old(?![\w-]|\s+(?!(?:is|was|were|are|has|had|remains?|died|dies|who|and|fatally|accidentally"
    r"|shot|killed|wounded|injured|hurt|suffers|critically|seriously)\b)[a-z])"
)
# A named group as the victims' head: "4 Imbonerakure killed", "15 Afghan Taliban killed", "150 Syrians".
CALENDAR = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December"
)
NAMED = (
    rf"(?-i:(?!(?:{CALENDAR})\b)(?:(?:al|el|ash|ad|as|an)[\s-])?(?:[A-Z][\w'’.-]+\s+){{0,2}}"
    rf"[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{{2,6}})"
)
TO_DEATH = (
    r"(?:shot|stabbed|hacked|beaten|burnt|burned|stoned|tortured|clubbed|macheted|slashed|starved)"
    r"\s+to\s+death"
)
KILLED = (
    rf"killed|dead|died|slain|executed|beheaded|decapitated|massacred|shot\s+dead|murdered|perished|"
    rf"lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|{TO_DEATH}|lynched|strangled|assassinated|"
    rf"gunned\s+down|(?:burnt|burned|buried)\s+alive|succumbed|slaughtered|fatally\s+(?:shot|wounded|stabbed)"
)
# "shot and killed", "abducted and beheaded": the first verb is the means, the second the toll
MEANS = (
    r"(?:(?:shot|stabbed|abducted|kidnapped|attacked|tortured|beaten|raped|ambushed|captured|arrested|hacked|detained|"
    r"seized|robbed)(?:\s+and|,)\s+)?"
)
INJURED = r"wounded|injured|hurt|maimed"
EITHER = rf"(?:killed|dead)\s+or\s+(?:wounded|injured)|(?:{KILLED})|(?:{INJURED})|casualties"

# A victim phrase never runs across a reporting verb: in "an SDF commander said many militants
# had died" the commander is the source, not one of the dead.
SPEECH = rf"(?:{SPEECH_FORMS})\b"
VICTIM = (
    rf"(?P<victim>(?:(?:(?!{SPEECH}|(?:{EITHER})\b)[\w'.\-]+\s+){{0,4}}?(?:{HEADS_PL}|{HEADS_SG})"
    rf"|{NAMED}(?:\s+(?:{HEADS_PL}|{HEADS_SG}))?)\b)"
)
QTY = _QTY.replace("{HEAD1}", f"{HEADS_SG}")
# further figures coordinated with a first one: "killing four civilians and a soldier"
QTY_BARE = re.sub(r"\?P<\w+>", "", QTY)
VICTIM_BARE = re.sub(r"\?P<\w+>", "", VICTIM)
MORE = (
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:{QTY_BARE})\s+{VICTIM_BARE}|(?:him|her)self\b"
    rf"|(?:his|her)\s+(?:[\w'-]+\s+)?(?:{HEADS_SG})\b))*"
)
_MORE_ONE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<q>{QTY})\s+{VICTIM}", re.I)

AUX = (
    r"(?:(?:were|was|have|has|had|been|are|is|being|got|reportedly|also|later|all|both|allegedly"
    r"|reported|confirmed|found|feared|believed|presumed|thought|remain|remained|remains"
    # how badly or how: "was critically wounded", "were seriously injured", "was accidentally shot"
    r"|critically|seriously|severely|gravely|badly|slightly|mildly|mortally|accidentally|"
    r"unintentionally|apparently|just|then|recently)\s+)*"
)


GUN_WORDS = re.compile(
    r"\b(?:gun\w*|shots?|bullets?|fired|firing|opened fire|pistol|rifle|handgun|went off|discharg\w+)\b", re.I
)


# deaths by accident are no conflict event's toll (ACLED counts political violence only); a gun
# that went off by accident ("accidentally shot his brother") hurt people all the same
_MISHAP_EVENT = re.compile(
    r"\b(?:(?:car|road|traffic|train|plane|boat)\s+(?:accident|crash)|stampede|drown\w*|"
    r"collapse[sd]?|electrocut\w+|self-immolation|suicide\s+(?:by|attempt))\b",
    re.I,
)
_ACCIDENT = re.compile(r"\baccident(?:al(?:ly)?)?\b", re.I)
SHOOTING = re.compile(r"\bshoot(?:s|ing|ings)?\b", re.I)


def mishap(text: str) -> bool:
    """Whether a sentence tells a death or injury by accident: a crash, a drowning, a collapse, or
    an accident with no gun in it."""
    gun = GUN_WORDS.search(text) or SHOOTING.search(text)
    return bool(_MISHAP_EVENT.search(text) or (_ACCIDENT.search(text) and not gun))


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A casualty figure found in text, before its victims are resolved to an actor."""

    kind: str
    low: int
    high: int
    victim_phrase: str  # "civilians", "pro-regime troops", "" when the text names none
    text: str
    start: int
    end: int


_PERSON_WORD = re.compile(rf"(?:{HEADS_SG}|{HEADS_PL})", re.I)


def is_person_word(word: str) -> bool:
    """Whether a noun names people ("soldier", "villagers"), as the victims of a toll do."""
    return _PERSON_WORD.fullmatch(word) is not None


def word_number(text: str) -> int | None:
    """'21' -> 21, '2,500' -> 2500, 'twenty-one' -> 21, 'three hundred' -> 300, 'a' -> 1."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    total = 0
    for w in re.split(r"[\s-]+", t):
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _TENS:
            total += _TENS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        else:
            return None
    return total


# a sentence that tells a death: its victims are not (only) hurt
DIED = re.compile(r"\b(?:died|dies|dead|killed|killing|fatal(?:ly)?|death|succumbed)\b", re.I)


def quantity(m: re.Match[str]) -> tuple[int, int] | None:
    """(low, high) for a match of the quantity pattern, by the rules in the module docstring."""
    g = m.groupdict()
    if g.get("vague"):
        return VAGUE.get(re.sub(r"\s+", " ", g["vague"].lower()))
    if g.get("art") or g.get("age"):
        return (1, 1)
    if g.get("b1"):
        lo, hi = word_number(g["b1"]), word_number(g["b2"])
        return (lo, hi) if lo is not None and hi is not None else None
    n = word_number(g.get("num") or "")
    if n is None:
        return None
    if g.get("num2"):
        n2 = word_number(g["num2"])
        if n2 is not None and n2 > n:
            return (n, n2)
    qual = re.sub(r"\s+", " ", (g.get("qual") or "").lower())
    if qual in ("nearly", "almost"):
        return (max(1, (n * 9) // 10), n)
    if qual in ("up to", "as many as", "at most", "fewer than", "less than"):
        return (1 if n else 0, n)
    return (n, n)


def quantity_at(m: re.Match[str], group: str) -> tuple[int, int] | None:
    """``quantity`` of the figure in group ``group`` of a pattern holding more than one."""
    inner = re.fullmatch(QTY, m.group(group), re.I)
    return quantity(inner) if inner else None


def plus(rng: tuple[int, int], more: str) -> tuple[int, int]:
    """``rng`` with the coordinated figures of ``more`` added: "four civilians[ and a soldier]"."""
    lo, hi = rng
    if re.search(r"\band\s+(?:him|her)self\b", more, re.I):
        lo, hi = lo + 1, hi + 1  # a suicide attacker among the dead
    for _ in re.finditer(rf"(?:,|\band)\s+(?:his|her)\s+(?:[\w'-]+\s+)?(?:{HEADS_SG})\b", more, re.I):
        lo, hi = lo + 1, hi + 1  # "a village elder and his son"
    for m in _MORE_ONE.finditer(more):
        extra = quantity(m)
        if extra is not None:
            lo, hi = lo + extra[0], hi + extra[1]
    return lo, hi
