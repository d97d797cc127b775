"""Which sub-event type a trigger and its sides make, by ACLED's codebook: who was attacked
(armed or not), who fought whom (the state, a crowd, a community), what a crowd did.

:func:`sub_type` types one trigger; :func:`one_sided` and :func:`crowd_events` revise an
article's drafts once their casualty figures are attached.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from ..lexicon import CROWD_WORDS, PROTEST_WORDS, STATE_SIDE_NOUNS
from . import crowds, force, retype
from . import detect as d
from .actors import ACTOR_NOUNS, CIVILIANS, EXTERNAL, Actor, rioters
from .roles import ARMED_MEN, ARMED_TARGET, FOUGHT_BACK, Context, defenceless, unarmed, unnamed_actor
from .taxonomy import (
    ABDUCTION,
    AIR_STRIKE,
    ARMED_CLASH,
    ARRESTS,
    ATTACK,
    EVENT_TYPES,
    EXCESSIVE_FORCE,
    GOV_REGAINS_TERRITORY,
    LOOTING,
    MOB_VIOLENCE,
    NONVIOLENT_TRANSFER,
    NSA_OVERTAKES_TERRITORY,
    PEACEFUL_PROTEST,
    PROTEST_WITH_INTERVENTION,
    PROTESTS,
    SHELLING,
    VIOLENT_DEMONSTRATION,
)

# ACLED: a demonstration is violent when the demonstrators themselves use violence or destroy
# property, whatever the police do then
_PROTESTERS_VIOLENT = re.compile(
    r"\b(?:thr(?:ew|owing|ow)|hurl(?:ed|ing)|pelt(?:ed|ing)|lobb(?:ed|ing))\s+(?:\w+\s+){0,2}?(?:stones|rocks"
    r"|bricks|bottles|petrol\s+bombs|molotov|projectiles)|\b(?:torch(?:ed|ing)|vandali[sz]\w*|loot(?:ed|ing)"
    r"|ransack\w*|smash(?:ed|ing)|stormed)\b|\bset\s+(?:\w+\s+){0,3}?(?:on\s+)?fire|\bburn(?:ed|t|ing)\s+(?:\w+\s+)?"
    r"(?:tyres|tires|cars|vehicles|buildings|shops|barricades|offices)|\bclash(?:ed|es)?\s+with\s+(?:the\s+)?"
    r"(?:police|security|troops|soldiers|riot)|\bturned\s+violent|\bviolent\s+(?:protests?|demonstrations?)"
    r"|\bclash(?:ed|es|ing)?\b|\bscuffles?\b|\bconfront(?:ed|ing)\s+(?:the\s+)?(?:police|security|troops)"
    r"|\bmolotov|\bfireworks\b|\bset\s+ablaze|\bpull(?:ed)?\s+down|\bstreet\s+(?:violence|battles)"
    r"|\baggressive\s+(?:protesters|demonstrat\w+)|\bpelted\b|\bthrowing\s+(?:rocks|stones|bottles|projectiles)",
    re.I,
)
# ACLED: demonstrators fighting the police or another group are a violent demonstration, not a battle
_CROWD = re.compile(rf"\b(?:{CROWD_WORDS})\b", re.I)
_PROTEST_WORDS = re.compile(rf"\b(?:{PROTEST_WORDS})\b", re.I)
# triggers that say both sides fought; any other can name one side firing on people who do not
MUTUAL = re.compile(
    r"clash|fight|fought|battl|skirmish|exchange|resistance|c[ao]me\s+under|heavy\s+fighting|fracas|brawl|scuffle"
    r"|melee",
    re.I,
)
# ACLED: Non-violent transfer of territory is ground changing hands with no armed exchange
_UNOPPOSED = re.compile(
    r"\bwithout\s+(?:a\s+|any\s+)?(?:fight|fighting|resistance|clash(?:es)?|bloodshed|violence|a\s+shot)|\bunopposed\b"
    r"|\bpeacefully\b|\bhanded\s+over\b|\b(?:after|following|as)\s+(?:\w+\s+){0,6}?(?:withdrew|pulled\s+out"
    r"|vacated|abandoned|retreated|the\s+withdrawal)",
    re.I,
)


def sub_type(t: d.Trigger, a1: Actor | None, a2: Actor | None, span: Span) -> str:
    if t.kind == "ambiguous":
        if _work_stoppage(t, span):
            return PEACEFUL_PROTEST
        return AIR_STRIKE if _air_context(t, span, bool(a1 and a1.air and a1.inter == EXTERNAL)) else SHELLING
    if t.kind in ("capture", "advance") and _UNOPPOSED.search(span.text):
        return NONVIOLENT_TRANSFER
    if t.kind == "capture" and (a1 is None or a1.inter != 1) and _people_taken(t.token):
        return ABDUCTION  # "IS fighters captured two medical workers": people taken, not ground
    if t.kind == "capture":
        if a1 is None or a1.inter is None:
            return ARMED_CLASH
        return GOV_REGAINS_TERRITORY if a1.inter in (1, 8) else NSA_OVERTAKES_TERRITORY
    if t.kind in ("attack", "harm") and (a1 is None or a1.inter == 1) and _PROTEST_WORDS.search(span.text):
        crowd_hit = _CROWD.search(span.doc.text[t.end : span.end_char])
        if crowd_hit and not _CROWD.search(span.doc.text[span.start_char : t.start]):
            # "police assaulted protesters during a protest": ACLED's excessive force, beyond
            # the arrests or tear gas of an intervention
            return EXCESSIVE_FORCE
    if d.MOB_KILLING.search(t.text):
        return MOB_VIOLENCE
    if re.match(r"(?i)scuffle|brawl|fist|melee", t.text) and not ARMED_WORDS.search(span.text):
        # a fight with fists and sticks is a riot, whoever fought it
        return VIOLENT_DEMONSTRATION if _PROTEST_WORDS.search(span.text) else MOB_VIOLENCE
    one_way = t.kind in ("attack", "kill", "harm") or (t.sub == ARMED_CLASH and not MUTUAL.search(t.text))
    unarmed_crowd = not ARMED_WORDS.search(span.text) and not _COMMUNAL_SIDES.search(span.text)
    crowd = _crowd_did(t, a1)
    if one_way and unarmed_crowd and crowd == "crowd":
        # "angry voters beat up a polling agent", "unemployed youths stormed the offices": ACLED's
        # rioters, whoever they attacked
        return VIOLENT_DEMONSTRATION if _PROTEST_WORDS.search(span.text) else MOB_VIOLENCE
    if one_way and crowd == "partisans" and t.kind in ("attack", "harm", "kill"):
        return ATTACK  # "supporters of the party attacked a man": its militia, on a civilian
    if one_way and defenceless(span.text):
        return ATTACK
    if t.kind == "attack":
        if a2 is not None and a2.inter == CIVILIANS:
            return ATTACK
        if (a2 is None or a2.inter is None) and _unarmed_patient(t.token):
            return ATTACK  # "assaulted two photojournalists": people of no side
        if a1 is not None and a1.inter == EXTERNAL and a1.air:
            return AIR_STRIKE
        if _BY_AIR.search(span.text):
            return AIR_STRIKE  # "the air force targeted positions", "attacked with helicopters"
        if _BY_GUNS.search(span.text):
            return SHELLING  # "attacked ADF positions with artillery": ACLED's remote violence
        return ARMED_CLASH
    if t.kind in ("kill", "harm"):
        if (a2 is None or a2.inter == CIVILIANS) and _armed_patient(t.token):
            return ARMED_CLASH  # "soldiers shot dead two armed Islamists": whoever they were, they bore arms
        if a2 is not None and a2.inter is None and _unarmed_patient(t.token):
            return ATTACK  # "assaulted two Libyan photojournalists": no side's men
        return ATTACK if (a2 is None or a2.inter == CIVILIANS) else ARMED_CLASH
    if t.sub == ARMED_CLASH and a2 is not None and a2.inter == CIVILIANS and not MUTUAL.search(t.text):
        return ATTACK  # "ambushed some motorcyclists", "opened fire on a market"
    if t.sub == ARMED_CLASH and not MUTUAL.search(t.text) and force.FORCE_ON_PROTESTERS.search(span.text):
        return EXCESSIVE_FORCE  # "police opened fire on demonstrators"
    if t.sub == ARMED_CLASH and t.kind == "specific" and _CROWD.search(span.text):
        before = span.doc.text[span.start_char : t.start]
        if ((a1 is None or a1.inter != 1) and _CROWD.search(before)) or MUTUAL.search(t.text):
            return VIOLENT_DEMONSTRATION  # the crowd attacked, or fought back
        if _PROTEST_WORDS.search(span.text):
            # the police attacked the protest: ACLED grades the force used on it
            return force.force_on_protest(span.text) or PROTEST_WITH_INTERVENTION
    if t.sub == ARMED_CLASH and MUTUAL.search(t.text) and _unarmed_fight(a1, a2, span.text):
        return VIOLENT_DEMONSTRATION  # ACLED: residents or students fighting the police riot
    if t.sub == ARMED_CLASH and MUTUAL.search(t.text) and _crowd_brawl(a1, a2, span.text):
        return VIOLENT_DEMONSTRATION  # party supporters, students or touts fighting: rioters
    if (
        t.sub == ARMED_CLASH
        and t.token.pos_ == "VERB"
        and crowds.crowd_subject(t.token)
        and not ARMED_WORDS.search(span.text)
        and not _COMMUNAL.search(span.text)
    ):
        # "angry customers stormed the bank", "200 riders stormed the office": a crowd's violence
        return VIOLENT_DEMONSTRATION if _PROTEST_WORDS.search(span.text) else MOB_VIOLENCE
    if t.kind == "protest":
        if _PROTESTERS_VIOLENT.search(span.text):
            return VIOLENT_DEMONSTRATION
        return force.force_on_protest(force.without_told_arrests(span)) or PEACEFUL_PROTEST
    return t.sub


# people, armed or not, as what a capture verb took ("captured two medical workers", "three
# captured soldiers", "seven people captured in Mujejuru")
_TAKEN = frozenset(
    """people persons man men woman women boy boys girl girls child children workers soldiers troops
    fighters members militants policemen officers hostages civilians villagers residents traders
    passengers drivers herders farmers students""".split()
)


# a crowd of a community, clan or tribe that attacks is a communal militia (battles), wherever it is
_COMMUNAL_SIDES = re.compile(
    r"\b(?:communit\w+|communal|clans?|tribes?|tribal|ethnic|herd\w*|inter-?communal|chieftaincy)\b", re.I
)


def _crowd_did(t: d.Trigger, a1: Actor | None) -> str | None:
    """ "crowd" when a crowd did what the trigger says, "partisans" when a party's supporters did
    (ACLED codes them as the party's militia), else None."""
    if a1 is not None and a1.inter in (5, 6):
        return "crowd"
    verb = t.token
    if verb.pos_ != "VERB":
        return None
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if any(_PARTISANS.search(" ".join(x.text for x in g.subtree)) for g in doers):
        return "partisans"
    return "crowd" if crowds.crowd_agent(verb) else None


_PARTISANS = re.compile(r"\b(?:supporters|activists|cadres|loyalists|thugs)\b", re.I)


def _people_taken(tok: Any) -> bool:
    if tok.dep_ in ("amod", "acl") and tok.head.lower_ in _TAKEN:
        return True
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _TAKEN for c in tok.children)


def _unarmed_patient(tok: Any) -> bool:
    """Whether what a killing or beating verb took are people of no armed side, by their noun."""
    return any(c.dep_ in ("dobj", "nsubjpass") and unarmed(c.lower_) for c in tok.children)


def _armed_patient(tok: Any) -> bool:
    """Whether what a killing verb took names armed men ("two armed Islamists", "the gunmen")."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            phrase = tok.doc[c.left_edge.i : c.right_edge.i + 1].text
            if ARMED_TARGET.search(phrase) or ARMED_MEN.search(phrase):
                return True
    return False


def _work_stoppage(t: d.Trigger, span: Span) -> bool:
    """A bare "strike" in a sentence with no word of war, in a text that speaks of a work
    stoppage, is one ("the strike is to last 72 hours" after "teachers went on strike"), which
    ACLED codes a protest."""
    if not t.text.lower().startswith("strike"):
        return False
    if d.AIR_CONTEXT.search(span.text):
        return False
    if re.search(crowds.LABOUR_STRIKE, span.text, re.I) or (
        t.token.pos_ == "VERB"
        and (crowds.crowd_subject(t.token) or (t.token.dep_ == "conj" and crowds.crowd_subject(t.token.head)))
    ):
        # the sentence names the stoppage itself ("protest strikes were held following the killing
        # of 17", "employees strike in Aweil"), whatever else it tells
        return True
    if crowds.MILITARY_CONTEXT.search(span.text):
        return False
    text = d.AIR_STRIKES.sub("", span.doc.text)  # "launched air strikes" is no stoppage launched
    if re.search(crowds.LABOUR_STRIKE, text, re.I) or crowds.LABOUR_CONTEXT.search(span.text):
        return True
    return bool(crowds.LABOUR_CONTEXT.search(text) and _PROTEST_WORDS.search(text))


# the means of an attack, as its subject or with "with"/"using": what ACLED types it by
_BY_AIR = re.compile(
    r"^(?:[\w'-]+\s+){0,3}?(?:air\s+force|helicopters?|aircraft|warplanes?|jets|drones?)\b"
    r"|\b(?:with|using|by)\s+(?:[\w-]+\s+){0,3}?(?:helicopters?|aircraft|warplanes?|jets|drones?|air\s*strikes?)\b",
    re.I,
)
_BY_GUNS = re.compile(
    r"\b(?:with|using)\s+(?:[\w-]+\s+){0,3}?(?:artillery|mortars?|rockets?|shells|missiles?|projectiles)\b",
    re.I,
)


def _crowd_brawl(a1: Actor | None, a2: Actor | None, text: str) -> bool:
    """A clash the sentence fights out between crowds (supporters, students, touts, workers) and
    no armed group: ACLED's rioters, whoever the police are among them."""
    if any(a is not None and a.inter in (2, EXTERNAL) for a in (a1, a2)):
        return False
    # "community members turned on police": members of a community are a crowd, not its militia
    communal = _COMMUNAL.search(re.sub(r"(?i)community\s+members", "", text))
    return bool(_CROWD_SIDES.search(text)) and not ARMED_WORDS.search(text) and not communal


_CROWD_SIDES = re.compile(
    r"\b(?i:supporters|activists|students|pupils|touts|transporters|workers|employees|youths|fans|ultras|traders"
    r"|drivers|motorcyclists|protesters|protestors|demonstrators|prisoners|inmates|party\s+members|residents|locals"
    r"|cadres|customers|contractors|riders|unemployed|graduates|political\s+groups|party\s+violence"
    r"|community\s+members|intra-?party|nationals|league\s+members)\b"
    r"|\bfactions\s+of\s+the\s+[A-Z]\w*"
    r"|\bmembers\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,5}(?:party\b|union\b|\([A-Z]+\))"
    r"|\b(?:members\s+of\s+[A-Z]{2,6}|[A-Z]{2,6}(?:-[A-Z])?\s+(?i:members|supporters))\b"
)
ARMED_WORDS = re.compile(
    r"\b(?:militants?|fighters?|rebels?|gunmen|insurgents?|jihadists?|militias?|militiamen|bandits?|armed"
    r"|guns?|gunfire|gunshots?|rifles?|soldiers|troops|army|military|terrorists?)\b",
    re.I,
)


def _unarmed_fight(a1: Actor | None, a2: Actor | None, text: str) -> bool:
    """A fight between unarmed people and the state, or between students or party supporters
    (ACLED: rioters); communities, clans and herders who fight are communal militias (battles)."""
    rest = _STATE_VS_PEOPLE.sub("", text)
    if (
        _STATE_VS_PEOPLE.search(text)
        and not ARMED_WORDS.search(rest)
        and not re.search(r"(?i)raiders|rustlers", text)
    ):
        return True  # "clashes erupted between military forces and residents of Assuefri"
    sides = [a.inter for a in (a1, a2) if a is not None]
    if CIVILIANS not in sides or not all(i in (CIVILIANS, 1, 5, 6) for i in sides):
        return False
    return 1 in sides or not _COMMUNAL.search(text)


_STATE = rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{STATE_SIDE_NOUNS})"
_PEOPLE_SIDE = (
    r"(?:[\w-]+\s+){0,2}?(?:residents|farmers|villagers|youths?|students|traders|people|protesters|locals|miners"
    r"|workers|vendors|drivers|fans)"
)
_STATE_VS_PEOPLE = re.compile(
    rf"\bbetween\s+{_STATE}\s+and\s+{_PEOPLE_SIDE}\b|\bbetween\s+{_PEOPLE_SIDE}\s+and\s+{_STATE}\b", re.I
)
_COMMUNAL = re.compile(
    r"\b(?:communit\w+|communal|clans?|famil\w+|tribes?|tribal|ethnic|herd\w*|farmers|villages?|villagers"
    r"|inter-?communal|chieftaincy|chieftancy)\b",
    re.I,
)


def crowd_events(drafts: list[Any], doc: Doc, ctx: Context) -> list[Any]:
    """ACLED codes what a crowd does as the crowd's event: arrests of protesters at a protest are
    the police's intervention in it, and a crowd's looting or burning is a riot, not a strategic
    development."""
    protests = {x.sentence.index: x for x in drafts if x.sub in EVENT_TYPES[PROTESTS]}
    armed = _armed_group_told(doc, ctx)
    out = []
    for x in drafts:
        span = doc.char_span(x.sentence.start, x.sentence.end, alignment_mode="expand")
        near = any(abs(i - x.sentence.index) <= 2 for i in protests)
        if x.sub == ARMED_CLASH and MUTUAL.search(x.trigger) and near and not armed and span is not None:
            # "Protesters marched ... Clashes led to one soldier injured": the protest turned
            # violent; no armed group is told to have fought
            retype.set_type(x, VIOLENT_DEMONSTRATION, ctx, span)
        if x.sub == ARRESTS and x.sentence.index not in protests and span is not None:
            if _AT_PROTEST.search(x.sentence.text) or _PROTESTING.search(x.sentence.text):
                # "police arrested 15 supporters for holding an unlawful demonstration": the
                # protest is told only through its arrests, which are the intervention in it
                retype.set_type(x, PROTEST_WITH_INTERVENTION, ctx, span)
        at_protest = _AT_PROTEST.search(x.sentence.text) or _PROTESTING.search(x.sentence.text)
        if x.sub == ARRESTS and x.sentence.index in protests and at_protest:
            protest = protests[x.sentence.index]
            if span is not None:
                if protest.sub == PEACEFUL_PROTEST:
                    retype.set_type(protest, PROTEST_WITH_INTERVENTION, ctx, span)
                if x.actor1 is not None and x.actor1.inter == 1:
                    protest.actor2 = x.actor1  # the police who arrested them intervened
                protest.claims.extend(x.claims)
                continue
        if x.sub == ARRESTS and span is not None and _riot_arrests(x, doc, ctx):
            # "4 people were arrested after two trains were torched": ACLED codes the riot, its
            # arrests the police's answer to it
            riot = VIOLENT_DEMONSTRATION if _PROTEST_WORDS.search(doc.text) else MOB_VIOLENCE
            retype.set_type(x, riot, ctx, span)
            country = (x.location.country if x.location else None) or ctx.country
            police, x.actor1 = x.actor1, rioters(country)
            x.actor2 = police if police is not None and police.inter == 1 else None
        mob = _MOB.search(x.sentence.text) or (
            _MOB.search(doc.text[: x.sentence.end])
            and not armed
            and not ARMED_MEN.search(doc.text)
            and (x.actor1 is None or x.actor1.inter in (None, CIVILIANS, 5, 6))
        )
        if x.sub == LOOTING and mob and span is not None:
            # "villagers ... burned his car. Then they set fire to the magistrate's home": a riot
            protest = re.search(r"protest|demonstrat", x.sentence.text, re.I)
            retype.set_type(x, VIOLENT_DEMONSTRATION if protest else MOB_VIOLENCE, ctx, span)
            if not protest:
                country = (x.location.country if x.location else None) or ctx.country
                x.actor1 = rioters(country)
        out.append(x)
    for x in out:
        force.force_told_after(x, out, doc, ctx)
    return out


def _armed_group_told(doc: Doc, ctx: Context) -> bool:
    """Whether a text names a non-state armed group, by name or by its words ("militants")."""
    if _ARMED_GROUP_WORDS.search(doc.text):
        return True
    return ctx.names_any((2, 3, 4, EXTERNAL))


_ARMED_GROUP_WORDS = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|jihadists?|gunmen|bandits|militias?|militiamen|terrorists?|fighters)\b",
    re.I,
)


def _riot_arrests(x: Any, doc: Doc, ctx: Context) -> bool:
    """Arrests told with a crowd's violence (stones thrown, property burned) and no armed men."""
    if not _CROWD_VIOLENCE.search(doc.text[: x.sentence.end]) or ARMED_WORDS.search(doc.text):
        return False
    return not ctx.names_any((2, 3, EXTERNAL))


_CROWD_VIOLENCE = re.compile(
    r"\b(?:thr(?:ew|owing|ow)|hurl(?:ed|ing)|pelt(?:ed|ing))\s+(?:\w+\s+){0,2}?(?:stones|rocks|bricks|bottles)"
    r"|\b(?:pelted|torch(?:ed|ing)|vandali[sz]\w*|ransack\w*|rampage|scuffles?|brawl)\b"
    r"|\b(?:damag\w+|destroy\w*|burn(?:ed|t|ing))\s+(?:\w+\s+){0,3}?(?:property|properties|vehicles|cars|tyres|tires"
    r"|buildings|shops|offices|homes|houses|police\s+station)|\bset\s+(?:\w+\s+){0,4}?(?:on\s+)?fire\b"
    r"|\bset\s+light\s+to\b",
    re.I,
)


# the arrested are the protesters, there and then ("arrested 40 demonstrators", "detained during
# the march"), not people charged over a protest or held before a rally
_AT_PROTEST = re.compile(
    r"\b(?:arrest|detain)\w*\s+(?:\w+\s+){0,5}?(?:protest[eo]rs|demonstrators|marchers|strikers)\b"
    r"|\b(?:protest[eo]rs|demonstrators|marchers|strikers)\s+(?:\w+\s+){0,3}?(?:were|was|been)\s+(?:\w+\s+)?"
    r"(?:arrested|detained)|\b(?:during|at|for)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:protests?|protesting"
    r"|demonstrations?|demonstrating|marche?s?|marching|sit-ins?)\b|\bwho\s+(?:had\s+)?(?:gathered|marched|rallied)",
    re.I,
)
_PROTESTING = re.compile(
    r"\b(?:protesting|demonstrating|marching|picketing|in\s+protest|(?:staged|stage|holding|held|organi[sz]ed)"
    r"\s+(?:an?\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:demonstration|protest|march|sit-in|rally))\b",
    re.I,
)
# a crowd, not a few named or counted people: "angry residents", "a mob", "students", "youths"
_MOB = re.compile(
    r"\b(?:protest(?:ers|ors)|demonstrators|rioters?|crowds?|mobs?|residents|youths|students|supporters"
    r"|villagers|locals|inhabitants|rioting|angry|community\s+members|pupils|workers|rampage)\b",
    re.I,
)


def armed_victims(x: Any, ctx: Context) -> None:
    """A killing typed an attack on civilians for want of a named target is a battle when its
    dead are of an armed side ("Security forces kill four members of al Shabaab")."""
    if x.sub != ATTACK or defenceless(x.sentence.text):
        return
    hurt = [c for c in x.claims if c.high > 0]
    if any(_civilian_dead(c) for c in hurt):
        return  # civilians among the dead: the attack was on them
    for c in x.claims:
        if c.high == 0:
            continue
        side = ctx.get(c.victims)
        if side is None and ACTOR_NOUNS.get(c.victims.lower()) in (1, 2, 3, 4, 8):
            # "scores of terrorists", "two soldiers": an armed side by its noun alone
            side = ctx.insurgent(x.sentence.paragraph) if ACTOR_NOUNS[c.victims.lower()] == 2 else None
            side = side or Actor(c.victims, ACTOR_NOUNS[c.victims.lower()])
        named = ARMED_TARGET.search(c.text) if side is None else None
        if named is not None:  # "20 members of the security forces": the state's men, by their words
            country = (x.location.country if x.location else None) or ctx.country
            side = unnamed_actor(named[0], ctx, country) or Actor(named[0], None)
        armed = side is not None and (side.inter in (1, 2, 3, 4, 8) or side.inter is None)
        if armed and (x.actor1 is None or side.name != x.actor1.name):
            x.sub, x.actor2 = ARMED_CLASH, side
            return
    foe = _armed_group_named(x, ctx) if not hurt or all(c.victims == "unknown" for c in hurt) else None
    if foe is not None:  # "troops clear a Boko Haram camp, killing 58": the dead are the group's
        x.sub, x.actor2 = ARMED_CLASH, foe
        return
    if x.actor2 is None and (x.actor1 is None or x.actor1.inter != CIVILIANS):
        # ACLED: violence against civilians always names them as actor2
        x.actor2 = ctx.civilians(x.location.country if x.location else None, x.actor1)


def _armed_group_named(x: Any, ctx: Context) -> Actor | None:
    """The armed group a state force's killing names in its sentence, when no one unarmed is."""
    if x.actor1 is None or x.actor1.inter not in (1, EXTERNAL) or _UNARMED_WORDS.search(x.sentence.text):
        return None
    for found in ctx.book.find(x.sentence.text):
        a = found.actor
        if a.inter in (2, 3, 4) and a.name != x.actor1.name and a.name not in x.actor1.allies:
            return a
    return None


_UNARMED_WORDS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|women|children|passengers?|students?|protest[eo]rs|demonstrators"
    r"|worshippers|farmers|traders|herders|people|persons|man|woman|boy|girl|family|families|suspects?)\b",
    re.I,
)


def _civilian_dead(c: Any) -> bool:
    return c.victims == "civilians" or (unarmed(c.victims) and not ARMED_TARGET.search(c.text))


def answered(drafts: list[Any], doc: Doc, ctx: Context) -> None:
    """An attack the next sentence says armed men fought off is a battle with them, as ACLED codes
    it ("Armed men attacked Nero-village. Security forces pushed them back quickly.")."""
    sents = list(doc.sents)
    for x in drafts:
        if x.sub != ATTACK or (x.actor1 is not None and x.actor1.inter == 1):
            continue
        after = next((s for s in sents if s.start_char >= x.sentence.end), None)
        fought = FOUGHT_BACK.search(after.text) if after is not None else None
        if after is None or not (fought or (_RESPONDED.search(after.text) and _HIT_BACK.search(after.text))):
            continue
        found = _DEFENDERS.search(after.text)
        if found is None:
            continue
        country = (x.location.country if x.location else None) or ctx.country
        x.sub = ARMED_CLASH
        state = re.match(r"(?i)security|soldiers|troops|army|police|gendarmes", found[0])
        x.actor2 = unnamed_actor(found[0], ctx, country) or Actor(found[0], 1 if state else None)


_RESPONDED = re.compile(r"\b(?:responded|retaliated|intervened|pursued)\b", re.I)
_HIT_BACK = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|clash\w*|exchange\w*|fire|fired|shot)\b", re.I)
_DEFENDERS = re.compile(
    r"\b(?:security\s+forces|soldiers|troops|army|police|gendarmes|guards|vigilantes|militia(?:men)?|villagers"
    r"|residents)\b",
    re.I,
)


def one_sided(x: Any, ctx: Context) -> None:
    """An armed side's attack with no one fighting back, whose dead and wounded are not of any
    armed side, is violence against civilians in ACLED's coding ("gunmen attacked ..., killing 2")."""
    civilians_first = x.actor1 is not None and x.actor1.inter == CIVILIANS
    if x.sub == ARMED_CLASH and civilians_first and not MUTUAL.search(x.trigger):
        # "civilians died when people fleeing ... were hit": civilians are who was attacked
        x.actor1, x.actor2 = x.actor2, x.actor1
        by_air = x.actor1 is not None and x.actor1.inter == EXTERNAL and x.actor1.air
        x.sub = AIR_STRIKE if by_air else ATTACK  # a foreign air force's hit is a strike, as sub_type has it
        return
    if x.sub != ARMED_CLASH or x.actor2 is not None or MUTUAL.search(x.trigger):
        return
    if x.actor1 is not None and x.actor1.inter in (CIVILIANS, 5, 6):
        return
    hurt = [c for c in x.claims if c.high > 0]
    if not hurt or not all(c.victims == "unknown" or unarmed(c.victims) for c in hurt):
        return
    named = [c for c in hurt if c.victims != "unknown"]
    if x.actor1 is None or x.actor1.inter == 1:
        if not named:
            return  # a bare toll, or the state's dead suspects: nothing says who they were
    elif ARMED_TARGET.search(x.sentence.text):
        return  # "attacked a police station, injuring two": the state's men were there
    x.sub = ATTACK
    x.actor2 = ctx.civilians(x.location.country if x.location else None, x.actor1)


def _air_context(trig: d.Trigger, span: Span, air_actor: bool) -> bool:
    """Whether an ambiguous "strike"/"bombing"/"pounding" is from the air."""
    if air_actor or d.AIR_CONTEXT.search(span.text):
        return True
    if re.search(r"\b(?:artillery|mortars?|rockets?|missiles?|shells?|tanks?|howitzers?)\b", span.text, re.I):
        return False
    return trig.text.lower().startswith(("strike", "struck"))
