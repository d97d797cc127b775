"""The trigger table: the words that report an event, the ACLED sub-event type each decides, its
kind (how the rest of the events stage types and checks it) and a confidence.

Rules are data: one row per trigger, read in order by :func:`.detect.find_triggers`, which anchors
each match to a token and filters out what is not a reported event.
"""

from __future__ import annotations

import re

from . import crowds
from .figures import HEADS_PL, HEADS_SG
from .taxonomy import (
    ABDUCTION,
    AGREEMENT,
    AIR_STRIKE,
    ARMED_CLASH,
    ARRESTS,
    ATTACK,
    CHEMICAL_WEAPON,
    GRENADE,
    HQ_ESTABLISHED,
    LOOTING,
    NONVIOLENT_TRANSFER,
    NSA_OVERTAKES_TERRITORY,
    PEACEFUL_PROTEST,
    REMOTE_EXPLOSIVE,
    SEXUAL_VIOLENCE,
    SHELLING,
    SUICIDE_BOMB,
    VIOLENT_DEMONSTRATION,
)

# kinds: specific (typed by the words), weapon (a weapon noun: needs firing context), explosion
# (generic blast: only when nothing more specific), attack (generic: typed by actors), capture
# (territory change: typed by who captured), advance, kill (a killing verb: typed by victims),
# protest, riot, strategic.


_T: list[tuple[str, str, str, float]] = [
    (
        r"suicide[\s-]+(?:car[\s-]+)?(?:bomb(?:er|ers|ing|ings|s)?|attacks?|assaults?|vests?|blasts?|attackers?)"
        r"|blew\s+(?:himself|herself|themselves)\s+up|self[\s-]detonat\w+",
        SUICIDE_BOMB,
        "specific",
        0.75,
    ),
    (
        r"air[\s-]?strikes?|air[\s-]?raids?|bombing\s+raids?|air\s+assaults?|aerial\s+(?:bombardments?|attacks?|strikes?)"
        r"|drone\s+(?:strikes?|attacks?)|warplanes?|war\s+planes|fighter\s+jets|helicopter\s+gunships?|barrel\s+bombs?"
        r"|air\s+bombardments?",
        AIR_STRIKE,
        "specific",
        0.8,
    ),
    (
        r"(?<!hunger\s)(?<!general\s)(?<!workers'\s)\bstrikes?\b|\bbomb(?:ed|ing|ings|ardment|ardments|arded)\b"
        r"|\bpound(?:ed|ing)\b|\bstruck\b",
        AIR_STRIKE,
        "ambiguous",
        0.55,
    ),
    (
        r"artillery(?:\s+(?:fire|shells?|barrages?))?|shelling|shelled|\bshells\b|mortar(?:s|\s+(?:rounds?|shells?|fire|attacks?))?"
        r"|rocket(?:s|\s+fire|\s+attacks?)?|missiles?|howitzers?|katyushas?|grad\s+rockets",
        SHELLING,
        "weapon",
        0.7,
    ),
    (
        r"improvised\s+explosive\s+devices?|\bIEDs?\b|roadside\s+bombs?|land\s*mines?|\bmines?\b|car\s+bombs?|\bVBIEDs?\b"
        r"|booby[\s-]traps?|explosive\s+devices?|bombs?\b",
        REMOTE_EXPLOSIVE,
        "device",
        0.7,
    ),
    (
        r"explosions?|blasts?|exploded|detonated|went\s+off|blew\s+up|blown\s+up",
        REMOTE_EXPLOSIVE,
        "explosion",
        0.5,
    ),
    (r"(?<!rocket-propelled\s)(?:hand\s+)?grenades?", GRENADE, "weapon", 0.7),
    (
        r"chemical\s+(?:attacks?|weapons?|strikes?)|chlorine(?:\s+gas)?|sarin|mustard\s+gas|toxic\s+gas|gas\s+attacks?"
        r"|nerve\s+agents?",
        CHEMICAL_WEAPON,
        "specific",
        0.7,
    ),
    (
        r"clash(?:es|ed|ing)?|fighting|fought|\bfights?\b|\bbattl(?:e|es|ed|ing)\b|gun\s*battles?|fire\s*fights?|gunfights?"
        r"|exchange(?:d|s)?\s+(?:of\s+)?fire|skirmish(?:es|ed)?|ambush(?:ed|es)?|c(?:a|o)me\s+under\s+(?:attack|fire)"
        r"|sniper\s+fire|gunfire|machine[\s-]?gun\s+fire|met\s+with\s+fire|opened\s+(?:gun\s*)?fire|heavy\s+resistance"
        r"|fracas|brawls?|scuffles?|fist\s*fights?|melee",
        ARMED_CLASH,
        "specific",
        0.7,
    ),
    (
        r"attack(?:s|ed|ing)?|assault(?:s|ed)?|raid(?:s|ed)?|offensive|stormed|targeted|\bhit\b",
        ARMED_CLASH,
        "attack",
        0.55,
    ),
    (
        r"recaptur(?:ed|e|es|ing)|captur(?:ed|e|es|ing)|seiz(?:ed|e|es|ing)|retook|retake|retaken|retaking"
        r"|t(?:ook|aken|ake)\s+(?:full\s+)?control|gain(?:ed|s)?\s+(?:full\s+)?control|took\s+over|overran|overrun"
        r"|liberat(?:ed|e|ing)|regain(?:ed|s)?"
        r"|wrested|fell\s+to",
        NSA_OVERTAKES_TERRITORY,
        "capture",
        0.7,
    ),
    (
        r"broke\s+into|break\s+into|breach(?:ed)?|entered|gain(?:ed|s)\s+ground|advanc(?:ed|ing|es)\s+(?:into|on|toward|towards)"
        r"|pushed\s+into|tightened\s+the\s+noose|closing\s+in\s+on",
        ARMED_CLASH,
        "advance",
        0.6,
    ),
    (
        # bodily harm short of a toll: an attack on whoever suffers it, unless they are armed
        r"beat(?:en)?(?:\s+up)?|stabbed|tortured|whipped|flogged|hacked|mutilated|shot(?=\s+(?:at\s+)?by\b)|shot\s+and\s+(?:seriously\s+|severely\s+)?(?:wounded|injured)"
        # local news: someone "was shot" (not "shot at", "shot down", "shot dead": other rules),
        # "a shooting" (not a shooting range or a film's), or "the shooting happened ...": a
        # definite "the shooting" otherwise refers back ("arrested Sunday in the shooting") and
        # tells no incident, nor its day
        r"|(?:was|were|been|being|got|is|are)\s+(?:(?:reportedly|allegedly|critically|seriously|accidentally|also"
        r"|apparently|then|later|fatally)\s+)?shot(?!\s+(?:at|down|dead|to\s+death)\b)"
        # someone "shot" a person, a pronoun or a head of people after it ("police say he shot the
        # victims", "a 3-year-old shot himself"; not "shot a video")
        r"|(?<!\bwas\s)(?<!\bwere\s)shot(?:s)?\s+(?:him|her|them|himself|herself|themselves"
        rf"|(?:a|an|the|his|her|their|two|three|four|five|six|several|\d+)\s+(?:[\w'-]+\s+){{0,3}}?(?:{HEADS_PL}|{HEADS_SG}))\b"
        r"|(?:a|an)\s+(?:[\w'-]+\s+){0,2}?shooting(?!\s+(?:range|script|schedule|star|guard))"
        r"|the\s+(?:[\w'-]+\s+){0,2}?shooting(?=\s+(?:happened|occurred|took\s+place|erupted|broke\s+out|unfolded"
        r"|was\s+reported)\b)",
        ATTACK,
        "harm",
        0.45,
    ),
    (
        r"kidnap(?:s|ped|ping|pings)?|abduct(?:s|ed|ion|ions|ing)?|t(?:aken|ook)\s+hostage|forcibly\s+disappeared"
        r"|(?:enforced|forced)\s+disappearances?",
        ABDUCTION,
        "specific",
        0.7,
    ),
    (
        r"\brap(?:ed|es|ing)\b|\brape(?=\s+(?:a|an|the|two|three|\d+|her|girls?|wom[ae]n|children|minors?)\b)"
        r"|sexual(?:ly)?\s+(?:assault(?:ed)?|violence|abuse[sd]?|exploit(?:ed|ation))",
        SEXUAL_VIOLENCE,
        "specific",
        0.6,
    ),
    (
        r"executed|beheaded|decapitated|massacred|massacres?|lynched|stoned\s+to\s+death|shot\s+dead|gunned\s+down|murdered"
        r"|hacked\s+to\s+death|stabbed\s+to\s+death|burn(?:ed|t)\s+to\s+death|assass?inated|killed|killing|kills?",
        ATTACK,
        "kill",
        0.5,
    ),
    (
        r"protest(?:ed|ers|ors|s|ing)?|demonstrat(?:ed|ions?|ors|ing|e|es)|rall(?:y|ies|ied)|sit-ins?"
        r"|marche[ds]|marching|took\s+to\s+the\s+streets|picket(?:ed|ing|s)?"
        r"|blocked\s+(?:a\s+|the\s+)?(?:main\s+)?(?:roads?|routes?|highways?|streets?)",
        PEACEFUL_PROTEST,
        "protest",
        0.6,
    ),
    (
        # a work stoppage is a protest in ACLED's terms, never an air strike
        crowds.LABOUR_STRIKE,
        PEACEFUL_PROTEST,
        "protest",
        0.6,
    ),
    (r"riot(?:s|ed|ing|ers)?", VIOLENT_DEMONSTRATION, "riot", 0.6),
    (r"arrest(?:ed|s|ing)?|detain(?:ed|s)|rounded\s+up|taken\s+into\s+custody", ARRESTS, "strategic", 0.6),
    (
        r"(?:signed|reached|agreed\s+(?:on|to))\s+(?:a\s+|an\s+)?(?:ceasefire|truce|peace\s+(?:deal|agreement)|agreement|deal)"
        r"|prisoner\s+(?:exchange|swap)",
        AGREEMENT,
        "strategic",
        0.6,
    ),
    (
        r"(?:established|set\s+up)\s+(?:a\s+|an\s+|new\s+)?(?:military\s+)?(?:base|headquarters|outpost)",
        HQ_ESTABLISHED,
        "strategic",
        0.55,
    ),
    (
        r"loot(?:ed|ing)|torched|set\s+(?:on\s+)?fire\s+to|set\s+(?:alight|ablaze)|razed|ransacked|burn(?:ed|t)\s+down",
        LOOTING,
        "strategic",
        0.55,
    ),
    (
        r"withdrew\s+from|pulled\s+out\s+of|handed\s+over\s+control",
        NONVIOLENT_TRANSFER,
        "strategic",
        0.45,
    ),
]
TRIGGERS = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.I), sub, kind, conf) for p, sub, kind, conf in _T]
