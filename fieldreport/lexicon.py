"""Word lists of news reports that the readers of fieldreport share: weekday names, reporting verbs
(who says so), crowd words (who gathers, protests or riots) and force nouns (who uses force), for
``genre``, ``stories`` and ``events`` alike.

A list is here once, named for what it decides where it is used, in the form its users need: a
regular-expression alternation to put inside a pattern (``"said|says|told"``), or a set of lemmas.
Lists of one word class that differ are kept apart on purpose, each saying what it is for: merging
them would change what their rules find. (The temporal words are in :mod:`fieldreport.dates.lexicon`.)
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- days

# the days of the week (lower case; patterns using it ignore case): a recent day anchors a
# reported incident (genre), two weekdays part two incidents (events.incidents)
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# ---------------------------------------------------------------- what happened

# the words of a concrete incident, violent or not (protests, arrests): a lead with one and a
# recent day is a report (genre); the first day told beside one dates the article's lead
# incident (dates.eventdate). An alternation for patterns that ignore case; "march" only in
# lower case, since the month is not a march.
VIOLENCE_FORMS = (
    r"kill(?:ed|ing|s)?|dead|died|die|death toll|wound(?:ed|ing)|injur(?:ed|ing|ies)|attack(?:ed|s|ing)?"
    r"|bomb(?:ed|ing|ings|s|ardment)?|shell(?:ed|ing)|strikes?|airstrikes?|raids?|raided|clash(?:ed|es)?"
    r"|fight(?:ing)?|fought|battles?|explo(?:ded|sion|sions)|blasts?|detonated|ambush(?:ed)?|ambushes"
    r"|gunmen|gunfire|opened fire|fired|shot|shooting|stormed|captured|seized|overran|recaptured|retook"
    r"|abduct(?:ed|ion)|kidnapp(?:ed|ing)|executed|beheaded|massacred?|torched|looted|burn(?:ed|t)"
    r"|arrest(?:ed|s)|detained|protest(?:ed|s|ers)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied|ies)"
    r"|(?-i:march(?:ed|es)?)|riot(?:s|ed|ing)?|dispersed|tear gas|offensive|assault(?:ed)?|rockets?|mortars?"
    r"|missiles?|grenades?|RPGs?|IEDs?|landmines?|gunshots?"
    r"|shoots?|bullets?|stabb(?:ed|ing)|murder(?:ed|s)?|homicides?|slain|grazed"
)
# what strikes people on a road: "struck by a car" is an accident, not a strike nor a shooting
VEHICLES = "car|vehicle|truck|train|bus|suv|van|motorist|driver|pickup|motorcycle|taxi|tractor"
# ... told right after the verb: "was struck by a pickup", "hit with his car"
BY_VEHICLE = rf"\s+(?:by|with)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+)?(?:{VEHICLES})\b"

# the same as whole words, compiled once for genre and headline
VIOLENCE = re.compile(rf"\b(?:{VIOLENCE_FORMS})\b", re.I)

# ---------------------------------------------------------------- reporting verbs

# lemmas of the verbs that attribute a sentence to its claimant ("the Observatory said", "told
# AFP"): events.claimants
REPORT_LEMMAS = frozenset(
    "say tell state report claim announce add confirm estimate allege write tweet declare note explain "
    "document record".split()
)
# forms that a victim phrase never runs across: in "an SDF commander said many militants had
# died" the commander is the source, not one of the dead (events.casualties)
SPEECH_FORMS = "said|says|told|tells|stated|states|reported|added|claimed|announced|according"
# the reporter's attribution of a paragraph to someone, which reports do nearly everywhere and
# columns seldom (genre); lower case only ("Said" and "Told" are also names), bar "According to"
ATTRIBUTION_FORMS = (
    "said|says|told|added|stated|[Aa]ccording to|quoted|tweeted|wrote|asked|explained|warned|insisted"
    "|claimed|announced|reported|recalled|recounts?|recounted"
)
# the story's own official sources, whose totals an outlet reports as its count ("police said",
# "according to the Cook County medical examiner's office", "a sheriff's spokesman"): fuse.toll
OFFICIAL_SOURCE = re.compile(
    r"\b(?:police|sheriff|deput(?:y|ies)|officers?|investigators?|authorit(?:y|ies)|officials?|detectives?|cops?"
    r"|coroner|medical\s+examiner|spokes(?:man|woman|person)|troopers?|dispatch(?:ers?)?|(?:police\s+)?sources?)\b"
    r"|'s\s+(?:office|department)\b|\b(?:the\s+)?(?:department|office)\s+of\b",
    re.I,
)
# what the source of a count of people says of it ("the UN estimated", "officials warn"): stories
FIGURE_SOURCE_FORMS = "said|says|warn(?:s|ed)?|estimated|estimates|reported|believes?"

# ---------------------------------------------------------------- crowd words

# lemmas of the nouns that make a subject a crowd ("workers", "hundreds of students", "members of
# the union"): events.crowds
CROWD_NOUNS = frozenset(
    "worker employee staff student pupil resident villager trader driver operator teacher nurse "
    "doctor lecturer pensioner retiree youth farmer farmworker miner member supporter activist "
    "people protester protestor demonstrator union community vendor graduate relative family "
    "marketer transporter tout motorist customer contractor rider cadre graduate loyalist servant "
    "picketer pensioner hundred thousand dozen voter passenger refugee inmate prisoner detainee fan rioter "
    "mob crowd".split()
)
# a crowd that can fight the police or another group, which makes a violent demonstration of a
# clash, not a battle (events.kinds)
CROWD_WORDS = r"protest(?:ers|ors|ing)?|demonstrat(?:ors|ions?|ing)|rioters?|marchers|crowds?|mobs?"
# a protest told in the sentence or the text: a riot is then a violent demonstration, not mob
# violence, and force on it is graded as force on a protest (events.kinds)
PROTEST_WORDS = r"protest\w*|demonstrat\w*|marchers|march|rally|sit-in"
# a gathering a shooting could have been force on: without one, a shooting is no force on
# protesters (events.gunfire)
GATHERING_WORDS = r"protest\w*|demonstrat\w+|rall(?:y|ies)|march\w*|riot\w*|sit-in"

# ---------------------------------------------------------------- force nouns

# the nouns of a country's armed forces and police, which make "Nigerian army" the "Military
# Forces of Nigeria" and "Kenyan police" the "Police Forces of Kenya" (events.actors)
MILITARY_NOUNS = (
    "armed forces|army|military|forces|force|troops|soldiers|security forces|special forces|air force|"
    "warplanes|jets|aircraft|navy|government forces|government troops|artillery|drones?"
)
POLICE_NOUNS = "police|policemen|police officers|police forces|gendarmes|gendarmerie"
# who uses force on a protest: with people hurt, the force was excessive (events.force)
FORCE_NOUNS = (
    r"police\w*|soldiers?|troops|security\s+(?:forces|agents|personnel|officers)|gendarm\w*|army"
    r"|military|authorities|forces|officers|riot\s+squad"
)
# the state's side of a fight with residents or students ("clashes between soldiers and
# residents"), which ACLED codes as a riot (events.kinds)
STATE_SIDE_NOUNS = "forces|police|policemen|soldiers|troops|army|military|gendarmes"
