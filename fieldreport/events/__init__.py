"""Events, the last step of the pipeline's analyse stage: sentences of an article -> ACLED-style event
mentions with casualty claims.

Seams: :mod:`.detect` finds and filters triggers, :mod:`.taxonomy` names the types, :mod:`.roles`
and :mod:`.actors` say who did what to whom, :mod:`.casualties` reads the figures and who gives them.

:func:`extract` reads the article sentence by sentence into drafts (a trigger's type and sides,
the casualty claims attached to it), then runs :data:`POST_PASSES` over all of them, in this order
(what each decides is commented there): ``one_sided``, ``armed_victims``, ``crowd_events``,
``answered``, ``voted`` (the example classifier), ``ground_fighting``, ``territory``,
``held_ground``, ``armed_victims_again``, ``news`` (the drafts become mentions, background left
out), ``gunfire``, ``incidents``, ``hit_then_dead``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from ..records import (
    LEAD_DAY,
    PUBLICATION_DATE,
    Article,
    Claim,
    EventDate,
    Location,
    Mention,
    Sentence,
    from_lead,
    from_step,
)
from . import detect as d
from . import ground, gunfire, hits, incidents, kinds, retype
from .actors import (
    CIVILIAN_WORDS,
    CIVILIANS,
    GENERIC_HOSTILE,
    Actor,
    ActorDictionary,
    ActorMatch,
    protesters,
    rioters,
)
from .casualties import RawClaim, claimant_of, find_claims
from .drafts import Draft, fill, subject_actor
from .figures import GUN_WORDS, SHOOTING
from .output import inter_code, notes_of
from .roles import Context, build_context, defenceless, killer, roles, state_first
from .taxonomy import (
    AIR_STRIKE,
    ARMED_CLASH,
    ATTACK,
    CHEMICAL_WEAPON,
    DISRUPTED_WEAPONS,
    EVENT_TYPES,
    EXCESSIVE_FORCE,
    GRENADE,
    MOB_VIOLENCE,
    NSA_OVERTAKES_TERRITORY,
    PROTESTS,
    REMOTE_EXPLOSIVE,
    SHELLING,
    SUB_EVENT_TYPES,
    SUICIDE_BOMB,
    VIOLENT_DEMONSTRATION,
    event_type_of,
    is_violent,
    plover,
)
from .victims import refers_back, victim_group

__all__ = [
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "Actor",
    "ActorDictionary",
    "ActorMatch",
    "event_type_of",
    "extract",
    "find_claims",
    "plover",
]

BACKGROUND_DAYS = 45  # dated further back than this before publication: background, not news


@lru_cache(maxsize=1)
def _default_book() -> ActorDictionary:
    return ActorDictionary.load()


def extract(
    article: Article,
    doc: Doc,
    sentences: Sequence[Sentence],
    locate: Callable[[Sentence], Location | None],
    date_of: Callable[[Sentence], EventDate],
    actors: ActorDictionary | None = None,
) -> tuple[Mention, ...]:
    """The event mentions of one article, in text order; see the package docstring."""
    book = actors if actors is not None else _default_book()
    paragraphs: dict[int, str] = {}
    for s in sentences:
        paragraphs[s.paragraph] = (paragraphs.get(s.paragraph, "") + " " + s.text).strip()
    ctx = build_context(book, doc.text, paragraphs)
    ref_year = d.year_of(article.published, doc)
    drafts: list[Draft] = []
    last_speaker: str | None = None
    speaker_para = -1
    places: dict[int, tuple[Location | None, EventDate | None]] = {}
    sentence_claims: dict[int, list[Claim]] = {}
    armed = bool(GUN_WORDS.search(doc.text) or SHOOTING.search(doc.text))  # a shooting's article

    def where_when(s: Sentence) -> tuple[Location | None, EventDate | None]:
        if s.index not in places:
            places[s.index] = (locate(s), date_of(s))
        return places[s.index]

    def resolve_name(phrase: str) -> str | None:
        found = book.find(phrase)
        if len(found) == 1 and found[0].end - found[0].start >= len(phrase.strip()) - 1:
            return found[0].actor.name
        return None

    for sent in sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        claimant = claimant_of(span, doc.text[: sent.start], last_speaker, resolve_name)
        if claimant:
            last_speaker, speaker_para = claimant, sent.paragraph
        elif last_speaker and speaker_para == sent.paragraph:
            claimant = last_speaker  # a statement running on from the previous sentence
        triggers = _real_triggers(span, ref_year)
        raw_claims = find_claims(sent.text, sent.start, span, armed)
        new = _drafts_for(sent, span, triggers, ctx, book, where_when)
        claims = [_claim(c, claimant, article, ctx, book, sent, where_when) for c in raw_claims]
        claims = [c for c, raw in zip(claims, raw_claims, strict=True) if _asserted(raw, span, ref_year)]
        sentence_claims[sent.index] = claims
        violent = [x for x in new if is_violent(x.sub)]
        if claims and violent:
            earlier = _previous_violent(drafts, sent)
            for c in claims:
                target = min(violent, key=lambda x: abs(x.trigger_start - c.start))
                if earlier is not None and refers_back(doc, target.trigger_start):
                    target = earlier  # "... were killed in the fighting": the toll of the event told before
                by = _killer(span, c, ctx, sent, where_when)
                if by is not None and target.actor1 is None:
                    target.actor1 = by  # the toll names who killed
                elif by is not None and not any(_same_side(by, a) for a in (target.actor1, target.actor2)):
                    orphan = _orphan(sent, [c], ctx, book, where_when, by)  # another side's killing
                    if orphan is not None:
                        new.append(orphan)
                        continue
                target.claims.append(c)
                _victims_as_target(target, c, ctx, book, sent, where_when)
        elif claims:
            prev = _previous_violent(drafts, sent)
            # a toll that names its killer ("died in police firing") is that killer's event
            killed = next((c for c in claims if c.kind == "killed" and c.high > 0), None)
            by = _killer(span, killed, ctx, sent, where_when) if killed else None
            if prev is not None and (by is None or _same_side(by, prev.actor1)):
                prev.claims.extend(claims)
            else:
                orphan = _orphan(sent, claims, ctx, book, where_when, by)
                if orphan is not None:
                    new.append(orphan)
        subject = subject_actor(span, ctx)
        if subject is not None:
            ctx.last_actor = subject
        drafts.extend(new)
    reading = _Reading(article, doc, sentences, ctx, sentence_claims, where_when, ref_year)
    out: list[Any] = drafts
    for _name, run in POST_PASSES:
        out = run(out, reading)
    return tuple(out)


@dataclass(frozen=True)
class _Reading:
    """What the post-passes read besides the drafts: the article, its parse and its actors."""

    article: Article
    doc: Doc
    sentences: Sequence[Sentence]
    ctx: Context
    sentence_claims: dict[int, list[Claim]]  # the asserted claims of each sentence, by its index
    where_when: Callable[[Sentence], tuple[Location | None, EventDate | None]]
    ref_year: int | None


Pass = Callable[[list[Any], _Reading], list[Any]]


def _per_draft(revise: Callable[[Any, Context], None]) -> Pass:
    """A pass that revises each draft on its own (reading no other draft)."""

    def run(drafts: list[Any], at: _Reading) -> list[Any]:
        for x in drafts:
            revise(x, at.ctx)
        return drafts

    return run


def _answered(drafts: list[Any], at: _Reading) -> list[Any]:
    kinds.answered(drafts, at.doc, at.ctx)
    return drafts


def _voted(drafts: list[Any], at: _Reading) -> list[Any]:
    def vote(xs: list[Any]) -> list[Any]:
        return retype.voted(xs, at.sentences, at.doc, at.ctx, at.sentence_claims, at.where_when, at.ref_year)

    if drafts and all(_background(x.date, at.article.published) for x in drafts):
        # every report the rules found is history the article recalls ("In February, two men
        # opened fire" under a lead of Sunday's shooting): the lead still has its chance, as in
        # an article where the rules found nothing
        told = {x.sentence.index for x in drafts}
        lead = [x for x in vote([]) if x.sentence.index not in told]
        return lead + vote(drafts)
    return vote(drafts)


def _news(drafts: list[Any], at: _Reading) -> list[Any]:
    """The drafts as mentions, less those dated well before the report (history), except in a
    follow-up: a report of a later step (a charge, a hearing, an arrest) in an incident it
    dates itself ("charged after a boy was shot ... The boy was shot on April 5") reports that
    incident, on its own day."""
    court = incidents.court_stage(at.article.title, at.article.text)
    follow_up = court or any(_step(x) for x in drafts)
    if court:
        drafts = _court_dated(drafts, at.article.published)
    return [
        _freeze(x, at.article)
        for x in drafts
        if (follow_up or not _background(x.date, at.article.published)) and not (court and _undated(x.date))
    ]


def _undated(date: EventDate | None) -> bool:
    """Whether a draft's date is no day of its own: the publication's, or a later step's."""
    return date is None or date.date is None or date.evidence == PUBLICATION_DATE or from_step(date.evidence)


def _court_dated(drafts: list[Draft], published: str | None) -> list[Draft]:
    """The drafts of an article that leads with a court's stage of a case (a plea, a trial, a
    sentence), each dated by the incident's day or by none. A trial, a plea or a sentence comes
    months after the incident, so a day in the weeks before publication is the court's, whatever
    verb told it ("entered guilty pleas ... Tuesday morning"), as the publication's or a step's
    day is. When the article states one day older than that, it is the incident's, and the
    drafts the court's days left undated are told of it ("left one dead", "was shot eight times"
    after "the shooting on Mar. 4, 2014"); else those drafts date nothing."""
    courts = [_courts_day(x.date, published) for x in drafts]
    own = [x for x, court in zip(drafts, courts, strict=True) if not court]
    days = {x.date.date: x.date.evidence for x in own if x.date is not None and x.date.precision == 1}
    if len(days) != 1:
        return own
    ((day, evidence),) = days.items()
    lead = evidence if from_lead(evidence) else f"{evidence}{LEAD_DAY}"
    for x, court in zip(drafts, courts, strict=True):
        if court:
            x.date = EventDate(day, 1, lead)
    return drafts


def _courts_day(date: EventDate | None, published: str | None) -> bool:
    """Whether a draft in a court's article is dated by no day of the incident's: by none, the
    publication's, a step's, or a day within ``COURT_DAYS`` of publication."""
    if _undated(date):
        return True
    before = _days_before(date, published)
    return before is not None and before <= COURT_DAYS


COURT_DAYS = 30  # a plea, a trial or a sentence this soon after the incident is rare


def _step(x: Any) -> bool:
    """Whether a draft tells a step after its incident: by its day's verb, or by its words."""
    if x.date is not None and from_step(x.date.evidence):
        return True
    rule = incidents.decision(x.sentence.text)
    return rule is not None and rule.decides == incidents.AFTERMATH


# The passes over an article's drafts once all its sentences are read, in the order they run (the
# module docstring tells them too). Each takes the drafts, from "news" on the mentions, and returns
# them revised.
POST_PASSES: tuple[tuple[str, Pass], ...] = (
    # an armed side's attack no one fought back, whose hurt are of no armed side: violence
    # against civilians
    ("one_sided", _per_draft(kinds.one_sided)),
    # an attack on civilians whose dead are of an armed side (by name or noun): a battle
    ("armed_victims", _per_draft(kinds.armed_victims)),
    # a crowd's doings are its event: arrests at a protest its intervention, a crowd's looting
    # or clashes near a protest a riot, force told after a protest its grade
    ("crowd_events", lambda drafts, at: kinds.crowd_events(drafts, at.doc, at.ctx)),
    # an attack the next sentence says armed men fought off: a battle with them
    ("answered", _answered),
    # the example classifier's vote: retypes or drops a loosely typed draft; with no draft, the
    # lead's event
    ("voted", _voted),
    # shelling in the sentence of a battle between two sides: part of that battle
    ("ground_fighting", lambda drafts, at: ground.ground_fighting(drafts)),
    # ground taken in a sentence: its event (the fighting for it part of it); who took it decides
    # regains or overtakes
    ("territory", lambda drafts, at: ground.territory(drafts)),
    # ground entered or taken is fought for with whoever holds it, not with the town's people
    ("held_ground", _per_draft(ground.held_ground)),
    # as armed_victims, again: the vote may have typed a lead or a loose word an attack on civilians
    ("armed_victims_again", _per_draft(kinds.armed_victims)),
    # the drafts frozen into mentions; one dated well before the report is history, left out, and
    # so is one an article of a trial or a sentence dates only by the court's day or its own
    ("news", _news),
    # a shooting outside war that a loose word typed a strike, a blast or force on protesters:
    # a shooting (an attack, or a clash between armed sides); in a story of guns and nothing
    # aerial or explosive, a sentence's loose "struck" too
    (
        "gunfire",
        lambda mentions, at: gunfire.retype(mentions, f"{at.article.title or ''}\n{at.article.text}"),
    ),
    # each mention numbered with the incident it tells; context and recalled incidents left out
    ("incidents", lambda mentions, at: incidents.group(mentions, at.article.published)),
    # the hit of an incident whose death another sentence tells are not also its injured
    ("hit_then_dead", lambda mentions, at: hits.hit_then_dead(mentions)),
)


def _killer(span: Span, c: Claim, ctx: Context, sent: Sentence, where_when) -> Actor | None:
    """Who the claim's own words say killed (roles.killer), named for the event's country as roles are."""
    if c.kind != "killed" or c.high == 0:
        return None
    loc, _ = where_when(sent)
    return killer(span, c.start, c.end, ctx, sent.paragraph, (loc.country if loc else None) or ctx.country)


def _same_side(a: Actor, b: Actor | None) -> bool:
    """One actor under two names: "police" as written and "Police Forces of Kenya"."""
    if b is None:
        return False
    if a.name == b.name:
        return True
    words = {w for w in re.findall(r"\w+", a.name.lower())} - _NAME_FILLER
    return a.inter == b.inter and bool(words & set(re.findall(r"\w+", b.name.lower())))


_NAME_FILLER = frozenset("of the forces force group armed unidentified".split())


def _background(date: EventDate | None, published: str | None) -> bool:
    """An event dated well before the report ("the offensive began in October") is history
    the article recalls, not news it reports; ACLED codes it from its own reports."""
    before = _days_before(date, published)
    return before is not None and before > BACKGROUND_DAYS


def _days_before(date: EventDate | None, published: str | None) -> int | None:
    """How many days before publication a draft's date is; None when either is unknown."""
    if date is None or not date.date or not published:
        return None
    try:
        return (_dt.date.fromisoformat(published) - _dt.date.fromisoformat(date.date)).days
    except ValueError:
        return None


def _asserted(raw: RawClaim, span: Span, ref_year: int | None) -> bool:
    doc = span.doc
    sub = doc.char_span(raw.start, raw.end, alignment_mode="expand")
    if sub is None:
        return True
    verbs = [t for t in sub if t.pos_ in ("VERB", "AUX", "ADJ") and t.dep_ not in ("aux", "auxpass")]
    tok = verbs[-1] if verbs else sub.root
    trig = d.Trigger(raw.start, raw.end, raw.text, "", "claim", 0.0, tok, d.clause_of(tok))
    reason = d.reject_reason(trig, span, ref_year)
    if reason == "intended":  # "claim to have killed 27" is a claim; "aiming to inflict casualties" is not
        return not d.intent_above(tok)
    return reason not in (
        "negated",
        "hypothetical",
        "background",
        "question",
    )


def _real_triggers(span: Span, ref_year: int | None) -> list[d.Trigger]:
    out: list[d.Trigger] = []
    for t in d.find_triggers(span):
        if t.kind == "weapon" and not d.weapon_in_use(t, span):
            continue
        if t.kind == "device" and not d.device_exploded(t, span):
            continue
        if t.kind == "capture" and ground.territory_object(t) is False:
            continue
        if t.kind == "ambiguous" and d.BY_VEHICLE.match(span.doc.text, t.end):
            continue  # "the man was struck by a car": a road accident
        if d.reject_reason(t, span, ref_year):
            continue
        if t.kind == "attack" and t.token.pos_ == "NOUN":
            dets = {c.lower_ for c in t.token.children if c.dep_ in ("det", "poss", "nummod")}
            if (t.token.tag_ == "NNS" and not dets) or d.in_quotes(span, t.start):
                continue  # "carrying out swift attacks": habitual, or a quote's rhetoric
        if (
            t.sub == ARMED_CLASH
            and t.token.lower_ in ("battle", "fighting", "fight")
            and t.token.dep_ == "pobj"
            and (t.token.head.lower_ == "of")
        ):
            continue  # "two days of battle": a span of time, not a new event
        out.append(t)
    disrupted = [t for t in out if t.sub == DISRUPTED_WEAPONS]
    if disrupted:
        # "car bombs were destroyed by coalition airstrikes": the strike is the means of the disruption
        out = [
            t
            for t in out
            if not (
                t.sub in (AIR_STRIKE, SHELLING) and any(x.token in d.head_path(t.token) for x in disrupted)
            )
        ]
    explosive = {AIR_STRIKE, SHELLING, REMOTE_EXPLOSIVE, SUICIDE_BOMB, GRENADE, CHEMICAL_WEAPON}
    specific = [t for t in out if t.kind in ("specific", "weapon", "device") and t.sub in explosive]
    if specific:
        out = [t for t in out if t.kind not in ("ambiguous", "explosion", "attack")]
    if any(t.kind == "device" for t in out):
        out = [t for t in out if t.kind != "explosion"]
    if any(t.kind not in ("kill",) for t in out):
        out = [t for t in out if t.kind != "kill"]
    if any(
        t.kind in ("specific", "capture", "advance") and t.sub in (ARMED_CLASH, NSA_OVERTAKES_TERRITORY)
        for t in out
    ):
        out = [t for t in out if t.kind != "attack" or t.token.pos_ == "VERB"]
    return out


def _drafts_for(
    sent: Sentence, span: Span, triggers: list[d.Trigger], ctx: Context, book: ActorDictionary, where_when
) -> list[Draft]:
    groups: dict[str, list[tuple[d.Trigger, Actor | None, Actor | None, bool]]] = {}
    loc = None
    country = None
    for t in triggers:
        if loc is None:
            loc, _ = where_when(sent)
            country = (loc.country if loc else None) or ctx.country
        a1, a2, parsed = roles(t.token, ctx, sent.paragraph, country)
        if t.kind in ("attack",) and t.text.lower() in ("hit", "targeted") and a1 is None:
            continue
        if t.kind == "kill" and a1 is None and not defenceless(span.text):
            continue  # "X were killed": a casualty figure, attached to its event instead
        sub = kinds.sub_type(t, a1, a2, span)
        if sub in EVENT_TYPES[PROTESTS]:
            a1 = protesters(country)
        elif sub == VIOLENT_DEMONSTRATION:
            # the rioters are the unarmed side; who they fought or attacked is actor2
            other = [a for a in (a1, a2) if a is not None and a.inter != CIVILIANS]
            a2 = other[0] if other else (a2 if a1 is not None and a2 is not None else None)
            a1 = rioters(country)
        groups.setdefault(sub, []).append((t, a1, a2, parsed))
    out: list[Draft] = []
    for sub, items in groups.items():
        items.sort(key=lambda x: (-(x[1] is not None) - (x[2] is not None), -x[0].conf, x[0].start))
        t, a1, a2, parsed = items[0]
        if a1 is None:
            a1 = next((x[1] for x in items if x[1] is not None), None)
        if a2 is None:
            a2 = next(
                (x[2] for x in items if x[2] is not None and (a1 is None or x[2].name != a1.name)), None
            )
        a1, a2 = state_first(
            SUB_EVENT_TYPES.get(sub),
            *fill(sub, a1, a2, ctx, sent.paragraph, span, subject_actor(span, ctx)),
        )
        loc, date = where_when(sent)
        conf = t.conf + (0.1 if parsed else 0.0) + (0.05 if len(items) > 1 else 0.0)
        if d.in_quotes(span, t.start):
            conf -= 0.15
        if t.clause.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in t.clause.children):
            conf -= 0.1
        triggers_text = t.text
        out.append(
            Draft(sent, sub, triggers_text, t.start, a1, a2, round(min(0.95, max(0.05, conf)), 2), loc, date)
        )
    return out


def _previous_violent(drafts: list[Draft], sent: Sentence) -> Draft | None:
    for x in reversed(drafts):
        if sent.index - x.sentence.index > 2 and x.sentence.paragraph != sent.paragraph:
            return None
        if sent.index - x.sentence.index > 4:
            return None
        if is_violent(x.sub) or x.sub == EXCESSIVE_FORCE:
            return x  # the force used on protesters is the toll's event too
    return None


def _victim(raw: RawClaim, ctx: Context, book: ActorDictionary, paragraph: int) -> tuple[str, Actor | None]:
    phrase = raw.victim_phrase
    if not phrase:
        return "unknown", None
    found = book.resolve(phrase)
    if found is not None:
        return found.name, found
    if CIVILIAN_WORDS.search(phrase):
        return "civilians", None
    head = phrase.split()[-1]
    if (
        GENERIC_HOSTILE.match(phrase)
        or GENERIC_HOSTILE.match(head)
        or GENERIC_HOSTILE.match(re.sub(r"^\w+\s+", "", phrase))
    ):
        hostile = ctx.insurgent(paragraph)
        if hostile is not None:
            return hostile.name, hostile
    if raw.low == raw.high == 1 and head[:1].isupper():
        return "unknown", None  # one person by name ("Jaronski died"): the toll told again, no side
    return victim_group(phrase), None


def _claim(
    raw: RawClaim,
    claimant: str | None,
    article: Article,
    ctx: Context,
    book: ActorDictionary,
    sent: Sentence,
    where_when,
) -> Claim:
    victims, _ = _victim(raw, ctx, book, sent.paragraph)
    return Claim(
        raw.kind,
        raw.low,
        raw.high,
        victims,
        claimant,
        raw.text,
        raw.start,
        raw.end,
        article.article_id,
        article.outlet,
    )


def _victims_as_target(
    x: Draft, c: Claim, ctx: Context, book: ActorDictionary, sent: Sentence, where_when
) -> None:
    """Civilians killed by a strike are its actor2 (ACLED codes civilian targeting this way)."""
    if c.kind != "killed" or c.high == 0:
        return
    if c.victims == "civilians":
        loc, _ = where_when(sent)
        civ = ctx.civilians(loc.country if loc else None, x.actor1)
        if x.actor2 is None or x.actor2.inter != CIVILIANS:
            if x.actor1 is None or x.actor1.inter != CIVILIANS:
                x.actor2 = civ
        if x.sub in (ARMED_CLASH,) and x.actor2 is civ:
            x.sub = ATTACK
    elif c.victims != "unknown" and x.actor2 is None:
        victim = ctx.get(c.victims)
        if victim is not None and (x.actor1 is None or victim.name != x.actor1.name):
            x.actor2 = victim


def _orphan(
    sent: Sentence,
    claims: list[Claim],
    ctx: Context,
    book: ActorDictionary,
    where_when,
    by: Actor | None = None,
) -> Draft | None:
    killed = [c for c in claims if c.kind == "killed" and c.high > 0]
    if not killed:
        return None
    c = killed[0]
    loc, date = where_when(sent)
    if by is not None:
        a1, a2 = by, ctx.get(c.victims)
        if a2 is None or a2.inter == CIVILIANS or c.victims == "civilians":
            a2 = ctx.civilians(loc.country if loc else None, a1)
        sub = ATTACK if a2.inter == CIVILIANS else ARMED_CLASH
    elif c.victims == "civilians" or defenceless(sent.text):
        a1 = ctx.salient(sent.paragraph) if c.victims == "civilians" else None
        a2 = ctx.civilians(loc.country if loc else None, a1)
        sub = ATTACK
    elif (
        ctx.get(c.victims) is None
        and not _two_sides(ctx, sent.paragraph)
        and not kinds.ARMED_WORDS.search(sent.text)
        and not _FIGHTING.search(sent.text)
    ):
        # dead of no side, no armed men in the sentence and no two sides in the paragraph to have
        # fought: people someone killed ("Two were killed", "bodies found"), which ACLED codes as
        # violence against civilians
        a1, a2 = None, ctx.civilians(loc.country if loc else None)
        sub = ATTACK
    else:
        a2 = ctx.get(c.victims)
        a1 = ctx.opponent(a2, sent.paragraph) if a2 else None
        sub = ARMED_CLASH
        if a1 is not None and a2 is not None:
            a1, a2 = a2, a1
    if d.MOB_KILLING.search(c.text):
        # "a soldier was stoned to death": only a mob kills so
        country = (loc.country if loc else None) or ctx.country
        sub, a1 = MOB_VIOLENCE, rioters(country)
    draft = Draft(sent, sub, c.text, c.start, a1, a2, 0.35, loc, date)
    draft.claims.extend(claims)
    return draft


_FIGHTING = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|skirmish\w*|exchange\w*|hostilit\w+|conflict|violence|operations?"
    r"|encounter\w*|ambush\w*|offensive|raids?)\b",
    re.I,
)


def _two_sides(ctx: Context, paragraph: int) -> bool:
    side = ctx.salient(paragraph)
    return side is not None and ctx.opponent(side, paragraph) is not None


def _freeze(x: Draft, article: Article) -> Mention:
    s = x.sentence
    return Mention(
        article_id=article.article_id,
        sentence_index=s.index,
        start=s.start,
        end=s.end,
        sentence=s.text,
        event_type=event_type_of(x.sub),
        sub_event_type=x.sub,
        actor1=x.actor1.name if x.actor1 else None,
        actor2=x.actor2.name if x.actor2 else None,
        inter1=inter_code(x.actor1, x.location),
        inter2=inter_code(x.actor2, x.location),
        location=x.location,
        date=x.date,
        claims=tuple(x.claims),
        trigger=x.trigger,
        notes=notes_of(x),
        confidence=round(min(0.95, x.conf + (0.05 if x.claims else 0.0)), 2),
    )
