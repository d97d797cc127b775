"""A draft event mention, and the sides its type is coded with.

:class:`Draft` is what the sentence-by-sentence reading of :func:`fieldreport.events.extract`
gives, before its post-passes; :func:`fill` completes a side the sentence leaves out from the
article's most salient actors; :func:`subject_actor` is the actor a sentence's main subject
names. :mod:`.retype` types and fills drafts too, so these live here rather than in the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..records import Claim, EventDate, Location, Sentence
from .actors import CIVILIANS, EXTERNAL, Actor
from .roles import Context, is_generic_name, phrase_of
from .taxonomy import AIR_STRIKE, BATTLES, DISRUPTED_WEAPONS, EXPLOSIONS, SUB_EVENT_TYPES


@dataclass
class Draft:
    """An event mention being read: its sentence, type, trigger and sides, place, date and claims,
    which the post-passes revise before it becomes a :class:`~fieldreport.records.Mention`."""

    sentence: Sentence
    sub: str
    trigger: str
    trigger_start: int
    actor1: Actor | None
    actor2: Actor | None
    conf: float
    location: Location | None
    date: EventDate | None
    claims: list[Claim] = field(default_factory=list)


def subject_actor(span: Span, ctx: Context) -> Actor | None:
    """The dictionary actor the sentence's main subject names (for a later "it"/"they")."""
    for t in span:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.pos_ != "PRON":
            found = ctx.book.resolve(phrase_of(t))
            if found is not None and found.inter != CIVILIANS:
                return found
    return None


def _air_actor(a1: Actor | None, a2: Actor | None, ctx: Context, paragraph: int) -> Actor | None:
    """Who flies the strike: a salient air force not allied to the target, else an ally of the ground side."""
    exclude = {a2.name} if a2 else set()
    found = ctx.salient(paragraph, exclude, lambda a: a.air and (a2 is None or a2.name not in a.allies))
    if found is not None:
        return found
    grounds = [a1] if a1 else ([ctx.opponent(a2, paragraph)] if a2 else [])
    grounds += [ctx.get(n) for n, _ in ctx.article_counts.most_common()]
    for ground in grounds:
        if ground is None or (a2 is not None and ground.name == a2.name):
            continue
        for name in sorted(ground.allies):
            ally = ctx.get(name)
            if ally is not None and ally.air and (a2 is None or a2.name not in ally.allies):
                return ally
    return a1


def fill(
    sub: str,
    a1: Actor | None,
    a2: Actor | None,
    ctx: Context,
    paragraph: int,
    span: Span,
    subject: Actor | None = None,
) -> tuple[Actor | None, Actor | None]:
    """Complete a side the sentence leaves out from the article's most salient actors."""
    etype = SUB_EVENT_TYPES.get(sub)
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None
    if etype not in (BATTLES, EXPLOSIONS) and sub != DISRUPTED_WEAPONS:
        return a1, a2
    if sub == AIR_STRIKE and (a1 is None or (not a1.air and a1.inter != CIVILIANS)):
        a1 = _air_actor(a1, a2, ctx, paragraph)
    if a1 is not None and is_generic_name(a2):
        a2 = ctx.opponent(a1, paragraph)
    elif a2 is not None and a1 is None:
        if a2.inter == CIVILIANS:
            a1 = ctx.salient(paragraph, set())
        else:
            a1 = ctx.opponent(a2, paragraph)
        if etype == BATTLES and a1 is not None and a2 is not None:
            a1, a2 = (a2, a1) if _mentioned_first(a2, a1, span) else (a1, a2)
    if a1 is None and a2 is None:
        a1 = subject or ctx.last_actor or ctx.salient(paragraph)
        if etype == BATTLES and a1 is not None and a1.inter == EXTERNAL and a1.air:
            a1 = ctx.salient(paragraph, {a1.name}, lambda a: not (a.inter == EXTERNAL and a.air))
        a2 = ctx.opponent(a1, paragraph) if a1 else None
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = ctx.opponent(a1, paragraph)
    return a1, a2


def _mentioned_first(a: Actor, b: Actor, span: Span) -> bool:
    return False
