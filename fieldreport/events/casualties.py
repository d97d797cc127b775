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
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

# who says so lives in .claimants; importable from here as before
from ..lexicon import SPEECH_FORMS, VEHICLES
from .claimants import claimant_of, expand_org  # noqa: F401

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

_WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|single)(?:\s+hundred)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE = (
    r"a\s+few|several|a\s+handful\s+of|a\s+dozen|tens\s+of|dozens(?:\s+of)?|scores(?:\s+of)?|many"
    r"|hundreds(?:\s+of)?|thousands(?:\s+of)?"
)
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
# a number of days or kilometres is no toll: "killed over two days", "killed 5 km from the town"
_UNITS_AFTER = (
    r"days?|weeks?|months?|years?|hours?|minutes?|nights?|km|kms|kilometres?|kilometers?|miles?|metres?|"
    r"meters?|percent|per\s+cent|%|am|pm|a\.m|p\.m|o'clock"
)
_QUAL = (
    r"at\s+least|more\s+than|over|nearly|almost|around|about|some|up\s+to|as\s+many\s+as|an\s+estimated|"
    r"approximately|roughly|at\s+most|fewer\s+than|less\s+than|a\s+total\s+of"
)
_QTY = (
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:between\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM})"
    rf"|(?P<num>{_NUM})(?:\s*(?:to|-|–|or)\s*(?P<num2>{_NUM}))?(?!\s*(?:{_UNITS_AFTER})\b)"
    rf"|[\"“']?(?P<vague>{_VAGUE})[\"”']?"
    rf"|(?P<art>an?|another)(?=\s+(?:[\w'.-]+\s+){{0,3}}?(?:{{HEAD1}})\b))"
)
_HEADS_PL = (
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
_HEADS_SG = (
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
_CALENDAR = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December"
)
_NAMED = (
    rf"(?-i:(?!(?:{_CALENDAR})\b)(?:(?:al|el|ash|ad|as|an)[\s-])?(?:[A-Z][\w'’.-]+\s+){{0,2}}"
    rf"[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{{2,6}})"
)
_TO_DEATH = (
    r"(?:shot|stabbed|hacked|beaten|burnt|burned|stoned|tortured|clubbed|macheted|slashed|starved)"
    r"\s+to\s+death"
)
_KILLED = (
    rf"killed|dead|died|slain|executed|beheaded|decapitated|massacred|shot\s+dead|murdered|perished|"
    rf"lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|{_TO_DEATH}|lynched|strangled|assassinated|"
    rf"gunned\s+down|(?:burnt|burned|buried)\s+alive|succumbed|slaughtered|fatally\s+(?:shot|wounded|stabbed)"
)
# "shot and killed", "abducted and beheaded": the first verb is the means, the second the toll
_MEANS = (
    r"(?:(?:shot|stabbed|abducted|kidnapped|attacked|tortured|beaten|raped|ambushed|captured|arrested|hacked|detained|"
    r"seized|robbed)(?:\s+and|,)\s+)?"
)
_INJURED = r"wounded|injured|hurt|maimed"
_EITHER = rf"(?:killed|dead)\s+or\s+(?:wounded|injured)|(?:{_KILLED})|(?:{_INJURED})|casualties"

# A victim phrase never runs across a reporting verb: in "an SDF commander said many militants
# had died" the commander is the source, not one of the dead.
_SPEECH = rf"(?:{SPEECH_FORMS})\b"
_VICTIM = (
    rf"(?P<victim>(?:(?:(?!{_SPEECH}|(?:{_EITHER})\b)[\w'.\-]+\s+){{0,4}}?(?:{_HEADS_PL}|{_HEADS_SG})"
    rf"|{_NAMED}(?:\s+(?:{_HEADS_PL}|{_HEADS_SG}))?)\b)"
)
_QTY_FULL = _QTY.replace("{HEAD1}", f"{_HEADS_SG}")
# further figures coordinated with a first one: "killing four civilians and a soldier"
_QTY_BARE = re.sub(r"\?P<\w+>", "", _QTY_FULL)
_VICTIM_BARE = re.sub(r"\?P<\w+>", "", _VICTIM)
_MORE = (
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:{_QTY_BARE})\s+{_VICTIM_BARE}|(?:him|her)self\b"
    rf"|(?:his|her)\s+(?:[\w'-]+\s+)?(?:{_HEADS_SG})\b))*"
)
_MORE_ONE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<q>{_QTY_FULL})\s+{_VICTIM}", re.I)

_AUX = (
    r"(?:(?:were|was|have|has|had|been|are|is|being|got|reportedly|also|later|all|both|allegedly"
    r"|reported|confirmed|found|feared|believed|presumed|thought|remain|remained|remains"
    # how badly or how: "was critically wounded", "were seriously injured", "was accidentally shot"
    r"|critically|seriously|severely|gravely|badly|slightly|mildly|mortally|accidentally|"
    r"unintentionally|apparently|just|then|recently)\s+)*"
)
# a figure starts after no ASCII word character: a quote mis-decoded as "â€œ" ends in a letter
_PASSIVE = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+(?:{_VICTIM}\s*)?(?:(?:of|from)\s+(?:the\s+|both\s+)?(?:[\w'.-]+\s+){{0,3}}?)?"
    rf"(?:,[^,]{{1,80}},\s*|\([^)]{{1,60}}\)\s*)?{_AUX}"
    rf"{_MEANS}(?P<verb>{_EITHER})\b",
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
    rf"(?P<q>{_QTY_FULL})(?:\s+{_VICTIM})?(?P<more>{_MORE})(?:\s+(?P<state>dead|wounded|injured))?",
    re.I,
)
# Local news counts the people shot: "Seven people were shot", "4 shot outside a club". Those the
# sentence does not count dead are the injured; "shot at" (not "shot at a bar") hit no one.
_SHOT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+(?:{_VICTIM}\s*)?{_AUX}shot\b"
    r"(?!\s+(?:dead|to\s+death|and\s+killed|and\s+fatally|(?:him|her|them)sel(?:f|ves))\b)"
    r"(?!\s+at(?:\s*[.,;]|\s+(?:but|by|from|and|several|multiple|least|him|her|them|police|officers)\b))",
    re.I,
)
GUN_WORDS = re.compile(
    r"\b(?:gun\w*|shots?|bullets?|fired|firing|opened fire|pistol|rifle|handgun|went off|discharg\w+)\b", re.I
)
# "the gun went off, hitting a bystander": hit by a bullet, so injured unless the sentence says dead
_HIT = re.compile(rf"\b(?:hitting|striking)\s+(?P<q>{_QTY_FULL})\s+{_VICTIM}", re.I)
# Other ways local news tells that people were hit, each read as injured unless the sentence
# counts them dead: "a boy who was shot in the head", "shot himself in the leg", "a shooting that
# injured a teenager", "seriously wounding him", "was hit by a stray bullet", "a man with a
# gunshot wound", "the shooting of a 4-year-old", "a teen is in critical condition after a
# shooting".
_WHO_SHOT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+{_VICTIM}\s*,?\s+who\s+{_AUX}shot\b(?!\s+(?:dead|to\s+death|at)\b)",
    re.I,
)
_SHOT_IN = re.compile(
    rf"\b(?:shot|shoots|shooting)\s+(?:(?P<q>{_QTY_FULL})\s+{_VICTIM}|(?P<pron>him|her)\b)\s+in\s+(?:the|his|her)\s+"
    r"(?:head|face|neck|chest|back|stomach|abdomen|torso|arm|arms|hand|hands|leg|legs|foot|feet|shoulder|hip|"
    r"thigh|knee|buttocks|side|groin|wrist|finger|ankle|shin|calf|jaw|eye|lower|upper|left|right)\b",
    re.I,
)
_SELF_SHOT = re.compile(
    r"\b(?:accidentally\s+|reportedly\s+|apparently\s+)?(?:shot|shoots|shooting)\s+(?P<victim>him|her)self\b"
    r"(?!\s+(?:dead|to\s+death|fatally)\b)",
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
_WOUNDING = re.compile(
    rf"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hitting|striking|struck|grazing)\s+(?:(?:critically|seriously|"
    rf"severely|fatally)\s+)?(?:(?P<q>{_QTY_FULL})\s+{_VICTIM}|(?P<pron>him|her)\b)",
    re.I,
)
_BULLET_HIT = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+{_VICTIM}\s+{_AUX}(?:hit|struck|grazed)\s+(?:by|with)\s+"
    r"(?:a\s+|the\s+)?(?:stray\s+)?(?:bullets?|gunfire|shots?|rounds?|a\s+round)\b",
    re.I,
)
_GUNSHOT_WOUND = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+{_VICTIM}\s+(?:{_AUX}(?:with|suffer\w*|sustain\w*|nursing|"
    rf"treated\s+for|(?:has|had|have))\s+(?:an?\s+|(?:multiple|several|non-life-threatening|minor|serious)\s+)?"
    r"(?:[\w-]+\s+)?gunshot\s+wounds?)",
    re.I,
)
_CONDITION = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+{_VICTIM}\s+(?:{_AUX}|(?:is|are|was|were|remains?)\s+)(?:listed\s+)?"
    r"in\s+(?:critical|serious|stable|fair|good|grave|life-threatening)(?:\s+but\s+stable)?\s+condition\b",
    re.I,
)
_SHOOTING_OF = re.compile(
    rf"\bshooting\s+(?:that\s+(?:injured|wounded)\s+|of\s+)(?P<q>{_QTY_FULL})\s+{_VICTIM}", re.I
)
# ... unless by a car: "was struck by a pickup" is a road accident
_NOT_BY_VEHICLE = rf"(?!\s+(?:by|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:{VEHICLES})\b)"
# "four victims were struck", "a man was hit": by gunfire only beside a gun or a shooting
_STRUCK = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+{_VICTIM}\s+{_AUX}(?:hit|struck|grazed)\b{_NOT_BY_VEHICLE}",
    re.I,
)
# "the girl was shot in the leg", "the victim had been shot": one hit, where the sentence counts
# no one else (a victim told before is one of the same group, so fusion takes the larger figure)
# "her 6-year-old daughter was shot", "the 17-year-old senior underwent surgery after being shot"
_ONE_VICTIM = (
    rf"\b(?P<q>(?P<art>[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir))\s+(?P<victim>(?:[\w'-]+\s+){{0,2}}?(?:{_HEADS_SG}))\s+"
    r"(?:(?:has\s+been|had\s+been|was|is|got)\s+|(?:[\w'-]+\s+){1,4}?after\s+being\s+)"
    r"(?:(?:also|accidentally|apparently|reportedly|allegedly|critically|seriously|then)\s+)?"
)
_THE_SHOT = re.compile(
    rf"{_ONE_VICTIM}(?:shot|grazed)\b(?!\s+(?:dead|to\s+death|and\s+killed|and\s+fatally|at|(?:him|her)self)\b)"
)
# "the officer was struck in the hand": by gunfire only beside a gun or a shooting
_THE_STRUCK = re.compile(rf"{_ONE_VICTIM}(?:struck|hit)\b{_NOT_BY_VEHICLE}")
# in the order _shot reads them; the last two, a victim struck or in a condition, only beside a
# gun or a shooting
_HIT_READINGS = (_WHO_SHOT, _SHOT_IN, _BULLET_HIT, _GUNSHOT_WOUND, _SHOOTING_OF, _WOUNDING, _THE_SHOT)
_GUN_HIT_READINGS = (_STRUCK, _THE_STRUCK, _CONDITION)
# "Four people were shot, one fatally": the dead among them
_FATALLY = re.compile(
    rf"(?<![A-Za-z0-9_])(?P<q>{_QTY_FULL})\s+(?:of\s+them\s+)?(?:were\s+|was\s+)?fatally\b", re.I
)
# "claiming 12 lives", "resulted in 3 deaths", "seven deaths reported"
_LIVES = re.compile(
    rf"\b(?:claim\w*|cost\w*|took|taking|result(?:ed|ing|s)?\s+in|caus\w+|left|leaving)\s+"
    rf"(?P<q>{_QTY_FULL})\s+(?:more\s+|(?:civilian|reported|confirmed)\s+)?(?:lives|deaths?|fatalit(?:y|ies))\b",
    re.I,
)
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
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+(?:of\s+(?:these|those|the)\s+)?(?:more\s+)?(?:deaths?|fatalit(?:y|ies))\b"
    rf"(?:\s+(?:(?:were|was|have|has|had|been)\s+)*(?:reported|recorded|confirmed|registered)\b"
    rf"|(?=\s+(?:(?:have|has|had)\s+)?(?:(?:taken|took)\s+place\s+|occurred\s+)?{_BY_VIOLENCE}))",
    re.I,
)
# a headline's victim with no article counts one: "Soldier shot and killed by gunmen in Yei",
# "Driver presumed dead"
_HEADLINE_VICTIM = (
    rf"^[\W_]*(?!(?:the|a|an|this|that|his|her|their|its|one|another)\b)(?P<victim>(?:[\w'-]+\s+){{0,2}}?"
    rf"(?:{_HEADS_SG}))\s+{_AUX}"
)
_HEADLINE_ONE = re.compile(
    rf"{_HEADLINE_VICTIM}{_MEANS}(?P<verb>{_KILLED}|dies)\b",
    re.I,
)
# ... and one hurt: "Rock Hill teen shot in foot", "Teen suffers gunshot wound", "3-year-old wounded"
_HEADLINE_HURT = re.compile(
    rf"{_HEADLINE_VICTIM}(?P<verb>shot|wounded|injured|hurt|grazed|suffers\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"gunshot\s+wounds?)\b(?!\s+(?:dead|to\s+death|and\s+killed|fatally|himself|herself)\b)",
    re.I,
)
# "Two reported deaths."; a figure that opens a sentence as a headline does: "Five deaths, ..."
_DEATHS_STATED = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+(?:reported|confirmed|recorded)\s+(?:deaths?|fatalit(?:y|ies))\b",
    re.I,
)
_DEATHS_LEAD = re.compile(
    rf"^[\W_]*(?P<q>{_QTY_FULL})\s+(?:deaths?|fatalit(?:y|ies))\b(?=\s*[,.;:]|\s+and\b|$)", re.I
)
# bodies found are deaths (ACLED counts them): "28 bodies were buried", "a mass grave with 30
# bodies", "the bodies of six women and two boys were found"
_BODIES = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+(?:dead\s+|more\s+|charred\s+|decomposed\s+)?bodies\b"
    rf"(?:\s+of\s+{_VICTIM})?"
    rf"|\bbodies\s+of\s+(?P<q2>{_QTY_BARE})(?:\s+(?P<victim2>(?:[\w'.-]+\s+){{0,3}}?(?:{_HEADS_PL}|{_HEADS_SG})\b))?"
    rf"(?P<more>{_MORE})",
    re.I,
)
_BODY_FOUND = re.compile(
    r"\b(?:found|discovered|recovered|retrieved|buried|exhumed|unearthed|dumped|washed|lying|lay|grave|graves"
    r"|morgue|mortuary|identified)\b",
    re.I,
)
# suicide attackers among the dead: "two bombers ..., killing only themselves"
_THEMSELVES = re.compile(
    rf"(?<![A-Za-z0-9_,:])(?P<q>{_QTY_FULL})\s+(?:[\w'-]+\s+){{0,3}}?(?:bombers|attackers|assailants|militants"
    rf"|gunmen|fighters)\b[^.;]{{0,120}}?\b(?P<verb>killing|killed|kill)\s+(?:only\s+)?themselves(?P<more>{_MORE})",
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
_TOLL = re.compile(rf"\b(?:death\s+toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of)\s+(?P<q>{_QTY_FULL})", re.I)
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
# earlier one: "Police are investigating after one man was killed"
_INQUIRY_AFTER = re.compile(
    r"\b(?:investigat\w+|respond\w*|called|dispatched|searching|looking|hunting|on\s+the\s+scene|"
    r"closed|blocked|cordoned)\b[^.;]{0,30}?\bafter\s+$",
    re.I,
)


def _cause_before(before: str) -> bool:
    """Whether a toll is named as the cause or memory of the sentence's event (not its toll)."""
    return bool(_CAUSE_BEFORE.search(before)) and not _INQUIRY_AFTER.search(before)


# deaths by accident are no conflict event's toll (ACLED counts political violence only); a gun
# that went off by accident ("accidentally shot his brother") hurt people all the same
_MISHAP_EVENT = re.compile(
    r"\b(?:(?:car|road|traffic|train|plane|boat)\s+(?:accident|crash)|stampede|drown\w*|"
    r"collapse[sd]?|electrocut\w+|self-immolation|suicide\s+(?:by|attempt))\b",
    re.I,
)
_ACCIDENT = re.compile(r"\baccident(?:al(?:ly)?)?\b", re.I)
_SHOOTING = re.compile(r"\bshoot(?:s|ing|ings)?\b", re.I)


def _mishap(text: str) -> bool:
    """Whether a sentence tells a death or injury by accident: a crash, a drowning, a collapse, or
    an accident with no gun in it."""
    gun = GUN_WORDS.search(text) or _SHOOTING.search(text)
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


_PERSON_WORD = re.compile(rf"(?:{_HEADS_SG}|{_HEADS_PL})", re.I)


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
_DIED = re.compile(r"\b(?:died|dies|dead|killed|killing|fatal(?:ly)?|death|succumbed)\b", re.I)


def _shot(text: str, found: list[RawClaim], add: Any) -> None:
    """The people a sentence says were shot, less those it counts dead, are its injured."""
    if any(c.kind == "injured" for c in found) or _mishap(text):
        return
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
        if rng is not None and rng[1] > dead:
            victim = m.group("victim") or ""
            add("injured", (max(0, rng[0] - dead), rng[1] - dead), victim, m.start(), m.end(), m.start("q"))
    if dead or _DIED.search(text) or any(c.kind == "injured" for c in found):
        return  # the dead are not hurt; people counted shot are not counted again
    readings = _HIT_READINGS
    if GUN_WORDS.search(text) or _SHOOTING.search(text):
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


def quantity(m: re.Match[str]) -> tuple[int, int] | None:
    """(low, high) for a match of the quantity pattern, by the rules in the module docstring."""
    g = m.groupdict()
    if g.get("vague"):
        return VAGUE.get(re.sub(r"\s+", " ", g["vague"].lower()))
    if g.get("art"):
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


_A_FIGURE = re.compile(rf"\d|\b(?:{_WORDNUM}|dozen)\b", re.I)
_ESTIMATE_WORDS = re.compile(
    rf"\b(?:{_VAGUE}|casualt\w+|causalit\w+|losses|lives|fatalities|deaths|unknown\s+number)\b", re.I
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
    return "injured" if re.fullmatch(_INJURED, v) else "killed"


def _quantity_at(m: re.Match[str], group: str) -> tuple[int, int] | None:
    """``quantity`` of the figure in group ``group`` of a pattern holding more than one."""
    inner = re.fullmatch(_QTY_FULL, m.group(group), re.I)
    return quantity(inner) if inner else None


def _plus(rng: tuple[int, int], more: str) -> tuple[int, int]:
    """``rng`` with the coordinated figures of ``more`` added: "four civilians[ and a soldier]"."""
    lo, hi = rng
    if re.search(r"\band\s+(?:him|her)self\b", more, re.I):
        lo, hi = lo + 1, hi + 1  # a suicide attacker among the dead
    for _ in re.finditer(rf"(?:,|\band)\s+(?:his|her)\s+(?:[\w'-]+\s+)?(?:{_HEADS_SG})\b", more, re.I):
        lo, hi = lo + 1, hi + 1  # "a village elder and his son"
    for m in _MORE_ONE.finditer(more):
        extra = quantity(m)
        if extra is not None:
            lo, hi = lo + extra[0], hi + extra[1]
    return lo, hi


def find_claims(text: str, offset: int = 0, span: Span | None = None) -> list[RawClaim]:
    """Every casualty figure in ``text`` (one sentence); offsets are shifted by ``offset``.

    With ``span``, the sentence's parse (``span.doc`` offsets = ``text`` offsets + ``offset``), the
    victims of killing verbs that carry no figure are counted as well (see the module docstring).
    """
    found: list[RawClaim] = []
    spans: list[tuple[int, int]] = []

    def taken(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in spans)

    def add(kind: str, rng: tuple[int, int], victim: str, a: int, b: int, qstart: int) -> None:
        if taken(qstart, b) or _SUBSET.search(text[max(0, qstart - 30) : qstart]):
            return
        if _MODAL_BEFORE.search(text[max(0, a - 40) : a]) or _cause_before(text[max(0, a - 40) : a]):
            return
        if kind != "injured" and _mishap(text):
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
        add(
            kind, _plus(rng, m.group("more") or ""), m.group("victim") or "", m.start(), m.end(), m.start("q")
        )
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
            rng = _plus(rng, victim)
        add(_kind(m.group("verb")), rng, victim, m.start(), m.end(), m.start())
    for rx in (_TOLL, _LIVES, _DEATHS_REPORTED, _DEATHS_STATED, _DEATHS_LEAD):
        for m in rx.finditer(text):
            rng = quantity(m)
            if rng is not None:
                add("killed", rng, "", m.start(), m.end(), m.start("q"))
    for m in _HEADLINE_ONE.finditer(text):
        add("killed", (1, 1), m.group("victim"), m.start("victim"), m.end(), m.start("victim"))
    others = any(c.kind == "killed" and c.low > 0 for c in found)
    for m in _SELF_KILLED.finditer(text):
        # "killed two people before killing himself": one more than the others; alone ("the boy
        # fatally shot himself"), the toll of the one victim the article may name again
        who = (m.group("victim") or m.group("victim2")) + "self" if others else ""
        add("killed", (1, 1), who, m.start(), m.end(), m.start())
    if not any(c.kind in ("killed", "injured") for c in found) and not _DIED.search(text):
        for m in _HEADLINE_HURT.finditer(text):
            add("injured", (1, 1), m.group("victim"), m.start("victim"), m.end(), m.start("victim"))
    if _BODY_FOUND.search(text):
        for m in _BODIES.finditer(text):
            q = "q" if m.group("q") else "q2"
            rng = _quantity_at(m, q)
            if rng is not None:
                victim = m.group("victim") or m.group("victim2") or ""
                add("killed", _plus(rng, m.group("more") or ""), victim, m.start(), m.end(), m.start(q))
    for m in _THEMSELVES.finditer(text):
        rng = quantity(m)
        if rng is not None:
            start = m.start("verb")
            add("killed", _plus(rng, m.group("more") or ""), "attackers", start, m.end(), start)
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
        # imported here, not at the top: victims imports this module (its numbers), a cycle
        from .victims import parsed_claims, told_as_cause

        kept = [c for c in found if c.kind == "injured" or not told_as_cause(span, c.start, c.end)]
        spans[:] = [(c.start - offset, c.end - offset) for c in found]  # a dropped cause stays taken
        found[:] = kept

        killed_spans = [(c.start - offset, c.end - offset) for c in found if c.kind == "killed"]
        for c in parsed_claims(span):
            local = (c.start - offset, c.end - offset)
            # "was wounded ... and later died": a death told after an injury still counts
            overlap = any(local[0] < e and s < local[1] for s, e in killed_spans) or _mishap(text)
            before = text[max(0, local[0] - 40) : local[0]]
            if not overlap and not _MODAL_BEFORE.search(before) and not _cause_before(before):
                found.append(RawClaim(c.kind, c.low, c.high, c.victim_phrase, c.text, c.start, c.end))
                spans.append(local)
    _shot(text, found, add)
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
