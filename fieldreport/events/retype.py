"""The example classifier's vote on the pipeline's event mentions (see :mod:`.prototypes`).

The trigger rules of :mod:`.detect` find where an event is reported and its actors; their typing
rests on single words ("attacked", "clashed", "killed"), which mistype what the rest of the
sentence makes plain (villagers "attacked" by gunmen are civilians targeted, not a battle;
"clashes" between protesters and police are a riot). So each mention's sentence is also read by
the example classifier, and the two vote as ``fieldreport classify`` does (the classifier's
probability per ACLED sub-event type, plus ``RULE_WEIGHT`` on the rules' type):

* the vote is held only for mentions whose trigger types them loosely (:func:`looseness`:
  "attacked", "killed", a bare death toll; "struck" and "explosion" among explosion types only);
  a word that names its type ("air strikes", "a roadside bomb", "protested") keeps it;
* the winner retypes the mention (:func:`set_type` gives it the actors ACLED codes the type
  with); a territory type needs the rules' capture word, and between the two the rules decide
  (they know which side took the ground);
* ``none`` winning over the rules' type plus its weight drops the mention: the sentence reads as
  commentary, a threat or history, not a report (a mention holding a casualty claim stays);
* an article where the rules found nothing gets one chance through its lead: the first of its
  first ``LEAD_SENTENCES`` sentences that the classifier reads as an ACLED event with at least
  ``LEAD_MIN`` probability (more than ``none`` and the five non-ACLED classes together) becomes a
  mention. Reports without a trigger word ("Military forces dislodged the militia from its camps",
  "Residents blocked the road to demand water") are found this way. The rules' filters still
  apply (:func:`unreported`): a negated, hypothetical, habitual or background sentence is no lead;
  nor is one without a word of conflict, protest or repression (:data:`CONFLICT_WORDS`): the
  classifier knows conflict reports, and forces a sports or fashion headline into its nearest class.

Only the ACLED classes (and ``none``) take part: a disaster or a crime is no ACLED event, and the
pipeline's dataset stays ACLED's. Without the model package nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

from ..records import Claim, Sentence
from . import detect as d
from . import prototypes
from .actors import CIVILIAN_WORDS, CIVILIANS, protesters, rioters
from .drafts import Draft, fill, subject_actor
from .figures import GUN_WORDS, SHOOTING
from .roles import ARMED_MEN, ARMED_TARGET, Context, defenceless
from .taxonomy import (
    AIR_STRIKE,
    ARMED_CLASH,
    ATTACK,
    BATTLES,
    CHEMICAL_WEAPON,
    DISRUPTED_WEAPONS,
    EVENT_TYPES,
    EXPLOSIONS,
    GRENADE,
    MOB_VIOLENCE,
    PEACEFUL_PROTEST,
    PROTESTS,
    REMOTE_EXPLOSIVE,
    SHELLING,
    SUB_EVENT_TYPES,
    SUICIDE_BOMB,
    TERRITORY,
    VAC,
    VIOLENT_DEMONSTRATION,
    rules_decide,
)

RULE_WEIGHT = 0.3  # probability mass the rules' reading adds to its class before the two readings vote
LEAD_SENTENCES = 3
LEAD_MIN = 0.5
# trigger kinds of :mod:`.detect` whose type is a guess from one word: the vote may retype these.
# The others name their type ("air strikes", "a roadside bomb", "protested", "arrested") and a
# sentence-level reading of a long article's sentence is no better than the word (measured on the
# seed reports: it read "air strikes" as shelling, "seized an arms dump" as a suicide bombing).
# "attack", "kill" and a bare death toll say only that there was violence: any ACLED type may
# win; "struck", "bombing", "an explosion" say it was a strike or a blast: the vote stays among
# Explosions/Remote violence.
LOOSE_KINDS = frozenset({"attack", "kill", "ambiguous", "explosion"})
_WITHIN_EXPLOSIONS = frozenset({"ambiguous", "explosion"})
_KIND_OF = [(rx, kind) for rx, _, kind, _ in d.TRIGGERS]


def looseness(trigger: str, sub: str) -> str | None:
    """How loosely a mention's trigger types it: "any" (or no trigger word: a bare death toll),
    "explosions" (which kind of strike or blast), or None (the word names the type)."""
    if sub == DISRUPTED_WEAPONS:
        return None  # its trigger is a phrase of its own ("destroyed several car bombs")
    if sub == MOB_VIOLENCE and d.MOB_KILLING.search(trigger):
        return None  # "stoned to death": the words say a mob
    kinds = {kind for rx, kind in _KIND_OF if rx.fullmatch(trigger)}
    if not kinds:
        return "any"
    if kinds - LOOSE_KINDS:
        return None
    if kinds <= _WITHIN_EXPLOSIONS:
        # the rules read a "strike" as a work stoppage: no kind of blast to choose among
        return "explosions" if SUB_EVENT_TYPES.get(sub) == EXPLOSIONS else None
    return "any"


def vote(probs: np.ndarray, classes: Sequence[str], rule_sub: str | None) -> str:
    """The example classifier's vote with the rules, the one both ``fieldreport classify`` (on a
    whole text, :func:`fieldreport.classify.combined`) and the pipeline (on a mention's sentence,
    :meth:`Reader.vote`) hold: the classifier's probability per class, plus ``RULE_WEIGHT`` on the
    rules' class; the highest wins, but within a family whose kinds the rules tell apart
    (:func:`.taxonomy.rules_decide`: who took the ground, who used force on whom) the rules' class
    does. The sums are taken in ``probs``'s own dtype."""
    p = probs.copy()
    if rule_sub is not None and rule_sub in classes:
        p[classes.index(rule_sub)] += RULE_WEIGHT
    best = classes[int(p.argmax())]
    if rule_sub is not None and rules_decide(best, rule_sub):
        return rule_sub
    return best


# A type that names its means is no reading of a story of a shooting that never names that means:
# the classifier reads "The men were struck in the ankle" or "one of the rounds exploded inside
# the gun" as a strike or a shelling as readily as a shooting; the words of the means are the
# evidence it lacks.
MEANS: dict[str, re.Pattern[str]] = {
    AIR_STRIKE: re.compile(
        r"\b(?:air|airstrikes?|aerial|drones?|UAVs?|jets?|warplanes?|planes?|aircraft|helicopters?|gunships?"
        r"|bomb\w*|sorties?|coalition|air\s*force)\b",
        re.I,
    ),
    SHELLING: re.compile(
        r"\b(?:shell\w*|artillery|mortars?|rockets?|missiles?|howitzers?|cannons?|bombard\w*|projectiles?"
        r"|katyushas?|heavy\s+weapons|tanks?|MLRS|barrel\s+bombs?)\b",
        re.I,
    ),
    REMOTE_EXPLOSIVE: re.compile(
        r"\b(?:bomb\w*|IEDs?|explosive\w*|(?:land)?mines?|blasts?|explo(?:de|ded|des|sion|sions)|detonat\w+"
        r"|booby|roadside)\b",
        re.I,
    ),
    GRENADE: re.compile(r"\bgrenades?\b", re.I),
    SUICIDE_BOMB: re.compile(r"\bsuicide\b|\bself-detonat\w+|\bbombers?\b", re.I),
    CHEMICAL_WEAPON: re.compile(
        r"\b(?:chemical|chlorine|sarin|mustard|nerve\s+agent|toxic|poison\w*|gas)\b", re.I
    ),
}
# ... and taking ground needs a word of taking or holding it, in the sentence the lead is read from
_GROUND = re.compile(
    r"\b(?:t[oa]ok|take[ns]?|taking|retak\w+|retook|captur\w+|recaptur\w+|seiz\w+|control\w*|dislodg\w+"
    r"|overr[au]n\w*|liberat\w+|withdr[ae]w\w*|retreat\w*|enter\w*|regain\w*|expel\w*|drove|driv\w+\s+out"
    r"|push\w*|advanc\w+|clear\w*|reclaim\w*|occup\w+|fell|fall\w*|hand\w*\s+over|positions?|territor\w+)\b",
    re.I,
)


def ruled_out(text: str) -> frozenset[str]:
    """The sub-event types whose means an article that tells a shooting never names (:data:`MEANS`);
    none where it tells no shooting (a field note's "assailants attacked the village" says nothing
    of the means)."""
    if GUN_WORDS.search(text) is None and SHOOTING.search(text) is None:
        return frozenset()
    return frozenset(sub for sub, rx in MEANS.items() if rx.search(text) is None)


class Reader:
    """Sentence probabilities from the shared classifier, cached per sentence text."""

    def __init__(self) -> None:
        self.model = prototypes.classifier()
        self.cache: dict[str, np.ndarray] = {}
        if self.model is not None:
            self.classes = self.model.classes
            self.acled = np.array([c in SUB_EVENT_TYPES for c in self.classes])
            self.none = self.classes.index(prototypes.NONE)

    @property
    def ready(self) -> bool:
        return self.model is not None

    def read(self, texts: Sequence[str]) -> list[np.ndarray]:
        assert self.model is not None
        todo = sorted({t for t in texts if t not in self.cache})
        if todo:
            for t, p in zip(todo, self.model.probabilities(todo), strict=True):
                self.cache[t] = p
        return [self.cache[t] for t in texts]

    def vote(
        self, rule_sub: str, probs: np.ndarray, within: str = "any", excluded: frozenset[str] = frozenset()
    ) -> str | None:
        """The sub-event type the rules and the classifier agree on, or None for no event; never
        one of ``excluded`` (:func:`ruled_out`): where that is the rules' own, a strike or a blast
        the article names no means of ("the men were struck in the ankle"), the classifier alone
        reads the sentence, among the types of violence that name no means (battles, attacks)."""
        allowed = self.acled
        if rule_sub in excluded:
            rule_sub = None
            allowed = np.array([SUB_EVENT_TYPES.get(c) in (BATTLES, VAC) for c in self.classes])
        elif within == "explosions":
            allowed = np.array([SUB_EVENT_TYPES.get(c) == EXPLOSIONS for c in self.classes])
        allowed = allowed & np.array([c not in excluded for c in self.classes])
        p = np.where(allowed, probs, -1.0)
        p[self.none] = probs[self.none]
        best = vote(p, self.classes, rule_sub)
        if best == prototypes.NONE:
            return None
        if best in TERRITORY and rule_sub not in TERRITORY:
            return rule_sub  # taking ground needs a capture word: an offensive alone may fail
        return best

    def lead_event(
        self, probs: np.ndarray, excluded: frozenset[str] = frozenset(), text: str = ""
    ) -> str | None:
        """The ACLED sub-event type a sentence ``text`` reports on the classifier's word alone, if
        sure; never one of ``excluded``, nor taking ground without a word of it."""
        acled_mass = float(probs[self.acled].sum())
        if acled_mass < LEAD_MIN:
            return None
        ground = _GROUND.search(text) is not None
        fits = [c not in excluded and (ground or c not in TERRITORY) for c in self.classes]
        allowed = self.acled & np.array(fits)
        p = np.where(allowed, probs, -1.0)
        return self.classes[int(p.argmax())]


_READER: Reader | None = None


def reader() -> Reader:
    global _READER
    if _READER is None:
        _READER = Reader()
    if len(_READER.cache) > 50_000:  # a long run: keep memory flat
        _READER.cache.clear()
    return _READER


def voted(
    drafts: list[Any],
    sentences: Sequence[Sentence],
    doc: Doc,
    ctx: Context,
    sentence_claims: dict[int, list[Claim]],
    where_when,
    ref_year: int | None,
) -> list[Any]:
    """The example classifier's vote on an article's drafts, or on its lead when there are none."""
    rd = reader()
    if not rd.ready:
        return drafts
    excluded = ruled_out(doc.text)
    if not drafts:
        lead = [s for s in sentences[:LEAD_SENTENCES] if len(s.text) > 20]
        for sent, probs in zip(lead, rd.read([s.text for s in lead]), strict=True):
            sub = rd.lead_event(probs, excluded, sent.text)
            span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
            if sub is None or span is None or not conflict_talk(span) or unreported(span, ref_year):
                continue
            loc, date = where_when(sent)
            draft = Draft(sent, sub, "", sent.start, None, None, 0.35, loc, date)
            set_type(draft, sub, ctx, span, first=True)
            draft.claims.extend(sentence_claims.get(sent.index, ()))
            return [draft]
        return drafts
    kept: list[Any] = []
    within = {id(x): looseness(x.trigger, x.sub) for x in drafts}
    loose = [x for x in drafts if within[id(x)]]
    votes = dict(zip(map(id, loose), rd.read([x.sentence.text for x in loose]), strict=True))
    for x in drafts:
        if id(x) not in votes:
            kept.append(x)  # a trigger naming its type ("air strikes", "a roadside bomb") stays as typed
            continue
        sub = rd.vote(x.sub, votes[id(x)], within[id(x)] or "any", excluded)
        armed_foe = x.actor2 is not None and x.actor2.inter in (1, 2, 3, 8)
        if sub == ATTACK and x.sub == ARMED_CLASH and (_armed_target(x) or armed_foe):
            sub = x.sub  # "attacked an army position": who was attacked is in the words
        if x.sub == ATTACK and SUB_EVENT_TYPES.get(sub or "") != VAC and defenceless(x.sentence.text):
            sub = x.sub  # "shot dead outside his home": the victim could not answer, as the words say
        if sub is None and not x.claims:
            continue  # commentary, a threat, history: no report
        if sub is None and x.sub in excluded:
            sub = ATTACK  # people hurt by a means the article never names: an attack on them
        if sub is not None and sub != x.sub:
            span = doc.char_span(x.sentence.start, x.sentence.end, alignment_mode="expand")
            if span is not None:
                set_type(x, sub, ctx, span)
        kept.append(x)
    return kept


def _armed_target(x: Any) -> bool:
    """Whether the words after a clash's trigger name armed men or their post as its target."""
    after = x.sentence.text[max(0, x.trigger_start - x.sentence.start) :]
    # "shot dead two armed Islamists", not "killed by gunmen": the attackers are no target
    target = re.split(r"\bby\b", after[len(x.trigger) :], maxsplit=1)[0]
    armed = ARMED_TARGET.search(after[:80]) or ARMED_MEN.search(target[:50])
    return armed is not None and not CIVILIAN_WORDS.search(after[:80])


# a lead is read only when it speaks of conflict at all: the classifier knows conflict reports and
# a few kinds of non-events, and would force a sports or fashion headline into its nearest class
CONFLICT_WORDS = frozenset(
    """soldier troop army military force police policeman gendarme militia militiaman militant rebel
    insurgent gunman fighter jihadist terrorist bandit assailant attacker raider vigilante mob rioter
    protester protestor demonstrator marcher striker crowd youth kidnapper attack assault raid ambush
    kill murder shoot shot gunfire fire bomb explosive explosion blast grenade mine rocket missile
    shell mortar airstrike strike clash fight fighting battle offensive capture seize recapture
    dislodge overrun occupy retake liberate withdraw deploy redeploy reinforcement base camp
    headquarters checkpoint outpost weapon arm ammunition gun rifle hostage kidnap abduct abduction
    arrest detain detention prisoner rape loot burn torch destroy demolish vandalise vandalize
    protest demonstration riot rally march sit-in picket ceasefire truce surrender defect curfew
    violence unrest crackdown massacre execution corpse body dead death casualty wound injure""".split()
)


def conflict_talk(span: Span) -> bool:
    """Whether a sentence uses any word of armed conflict, protest or repression (by lemma); a
    strike by a car is a road accident's."""
    return any(
        (t.lemma_.lower() in CONFLICT_WORDS or t.lower_ in CONFLICT_WORDS)
        and not (t.lemma_.lower() == "strike" and d.BY_VEHICLE.match(span.doc.text, t.idx + len(t.text)))
        for t in span
    )


def unreported(span: Span, ref_year: int | None) -> bool:
    """A sentence whose main verb, or one of whose trigger words, the rules' filters reject
    (negated, hypothetical, intended, generic, background, a question): no report to read."""
    root = span.root
    lead = d.Trigger(span.start_char, span.end_char, span.text, "", "lead", 0.0, root, d.clause_of(root))
    reasons = {d.reject_reason(lead, span, ref_year)}
    # a trigger in a purpose clause ("blocked the road to protest") leaves the main verb's report
    reasons |= {d.reject_reason(t, span, ref_year) for t in d.find_triggers(span)} - {"intended"}
    reasons.discard(None)
    if reasons - {"generic"}:
        return True
    # "generic" is also what a headline's present tense gets ("Troops clear a rebel camp near
    # Gwoza"), which reports; a habit ("Militants attack convoys", a bare plural object, or
    # "usually") or a definition ("is") does not
    habit = any(
        o.dep_ == "dobj"
        and o.tag_ == "NNS"
        and not any(c.dep_ in ("det", "nummod", "poss") for c in o.children)
        for o in root.children
    )
    return bool(reasons) and (root.lemma_ == "be" or habit or any(t.lower_ in d.HABITUAL for t in span))


def set_type(x: Any, sub: str, ctx: Context, span: Span, first: bool = False) -> None:
    """Give a draft a new sub-event type, with the actors ACLED codes that type with."""
    country = (x.location.country if x.location else None) or ctx.country
    paragraph = x.sentence.paragraph
    if first:
        subject = subject_actor(span, ctx)
        x.actor1, x.actor2 = fill(sub, subject, None, ctx, paragraph, span, subject)
    elif SUB_EVENT_TYPES.get(sub) != SUB_EVENT_TYPES.get(x.sub):
        x.actor1, x.actor2 = fill(sub, x.actor1, x.actor2, ctx, paragraph, span, subject_actor(span, ctx))
    x.sub = sub
    if sub in EVENT_TYPES[PROTESTS]:
        before = x.actor1
        x.actor1 = protesters(country)
        if sub != PEACEFUL_PROTEST and before is not None and before.inter == 1:
            if x.actor2 is None or x.actor2.inter != 1:
                x.actor2 = before  # "police fired on the marchers": the police intervened
    elif sub == VIOLENT_DEMONSTRATION:
        x.actor1 = rioters(country)
    elif SUB_EVENT_TYPES.get(sub) == VAC and (x.actor2 is None or x.actor2.inter != CIVILIANS):
        if x.actor1 is None or x.actor1.inter != CIVILIANS:
            x.actor2 = ctx.civilians(country, x.actor1)  # ACLED: violence against civilians targets civilians
