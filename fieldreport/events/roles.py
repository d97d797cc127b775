"""Who did what to whom: actor1/actor2 of a trigger, from the parse and then from article context."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from .actors import ACTOR_NOUNS, CIVILIAN_WORDS, CIVILIANS, GENERIC_HOSTILE, Actor, ActorDictionary

_STRIP = re.compile(r"^(?:the|a|an|its|their|his|her|our|some|other|one\s+of)\s+", re.I)


@dataclass
class Context:
    """What the article says about its actors: salience, the country, the last subject."""

    book: ActorDictionary
    article_counts: Counter[str]
    paragraph_counts: dict[int, Counter[str]]
    country: str | None  # the article's main country name ("Syria")
    last_actor: Actor | None = None
    extra: dict[str, Actor] = field(default_factory=dict)  # actors met in the text but not listed

    def get(self, name: str) -> Actor | None:
        found = self.book.get(name) or self.extra.get(name)
        if found is None and name.startswith(("Military Forces of ", "Police Forces of ")):
            found = self.book.state_force(name)
        return found

    def civilians(self, country: str | None, *others: Actor | None) -> Actor:
        """Civilians of the event's country: the location's, else the article's, else an actor's home."""
        if not country:
            country = self.country
        if not country:
            for a in others:
                if a is not None and a.country:
                    country = self.book.country_name(a.country)
                    break
        return self.book.civilians(country)

    def salient(self, paragraph: int, exclude: set[str] = frozenset(), pred=None) -> Actor | None:  # type: ignore[assignment]
        para = self.paragraph_counts.get(paragraph, Counter())
        scores: Counter[str] = Counter()
        for name, n in self.article_counts.items():
            scores[name] += n
        for name, n in para.items():
            scores[name] += 3 * n
        for name, _ in scores.most_common():
            if name in exclude or name.startswith("Civilians"):
                continue
            actor = self.get(name)
            if actor is None or (pred is not None and not pred(actor)):
                continue
            return actor
        return None

    def opponent(self, actor: Actor, paragraph: int) -> Actor | None:
        """The most salient actor that is neither ``actor`` nor one of its allies."""

        def hostile(other: Actor) -> bool:
            return actor.name not in other.allies and other.name not in actor.allies

        return self.salient(paragraph, {actor.name}, hostile)

    def insurgent(self, paragraph: int) -> Actor | None:
        return self.salient(paragraph, set(), lambda a: a.insurgent)


def build_context(book: ActorDictionary, text: str, paragraphs: dict[int, str]) -> Context:
    counts = book.salience(text)
    para_counts = {i: book.salience(t) for i, t in paragraphs.items()}
    countries = Counter(book.countries_named(text))
    country = book.country_name(countries.most_common(1)[0][0]) if countries else None
    return Context(book, counts, para_counts, country)


def phrase_of(tok: Token, max_tokens: int = 12) -> str:
    """The noun phrase a token heads, without relative clauses and trailing punctuation."""
    doc = tok.doc
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "advcl"):
            break
        right = c.right_edge.i
    left = tok.left_edge.i
    right = min(right, left + max_tokens - 1)
    return doc[left : right + 1].text.strip(" ,.;:")


def actor_of(tok: Token, ctx: Context, paragraph: int, country: str | None) -> Actor | None:
    """The actor a token's phrase names: dictionary, generic words, civilians, or the phrase as written."""
    if (
        tok.lower_ in ("that", "which", "who")
        and tok.head.dep_ == "relcl"
        and tok.head.head.pos_ in ("NOUN", "PROPN")
    ):
        named = ctx.book.resolve(phrase_of(tok.head.head))
        return named or _antecedent(tok, ctx)
    if tok.pos_ == "PRON" or tok.lower_ in ("it", "they", "them", "he", "she", "we"):
        return _antecedent(tok, ctx) if tok.lower_ in ("it", "they", "them", "we") else None
    phrase = phrase_of(tok)
    if (
        any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in tok.children)
        and tok.lower_ in GENERIC_HEADS
    ):
        found = _antecedent(tok, ctx)
        if found is not None:
            return found
    found = ctx.book.resolve(phrase)
    if found is not None:
        return found
    bare = _STRIP.sub("", _STRIP.sub("", phrase))
    if GENERIC_HOSTILE.match(bare) or GENERIC_HOSTILE.match(tok.lower_):
        hostile = ctx.insurgent(paragraph)
        if hostile is not None:
            return hostile
    head = tok.lower_
    if CIVILIAN_WORDS.fullmatch(head) or (head == "people" and "civilian" in phrase.lower()):
        return ctx.civilians(country, _antecedent(tok, ctx))
    if head in ACTOR_NOUNS or tok.lemma_.lower() in ACTOR_NOUNS:
        if tok.ent_type_ in ("DATE", "CARDINAL"):
            return None
        inter = ACTOR_NOUNS.get(head, ACTOR_NOUNS.get(tok.lemma_.lower()))
        if inter == CIVILIANS:
            return ctx.civilians(country, _antecedent(tok, ctx))
        name = re.sub(r"^\d[\d,]*\s+", "", bare).strip()
        if not name:
            return None
        actor = Actor(name, inter)
        ctx.extra.setdefault(name, actor)
        return actor
    return None


GENERIC_HEADS = frozenset("unit units positions position forces force fighters men group convoy".split())
LAUNCH_LEMMAS = frozenset(
    "carry conduct launch resume begin start step intensify mount stage unleash continue wage lead order "
    "execute".split()
)


def _antecedent(tok: Token, ctx: Context) -> Actor | None:
    """What "it"/"they"/"its" stands for: an actor named earlier in the sentence, else the last subject."""
    sent = tok.sent
    before = tok.doc.text[sent.start_char : tok.idx]
    found = [m for m in ctx.book.find(before) if not m.actor.name.startswith("Civilians")]
    if found:
        return found[-1].actor
    return ctx.last_actor


def _pobj(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [
        g
        for c in tok.children
        if c.dep_ in ("prep", "agent") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def roles(
    tok: Token, ctx: Context, paragraph: int, country: str | None
) -> tuple[Actor | None, Actor | None, bool]:
    """(actor1, actor2, from_parse) for a trigger token; actor1 is the attacker when the parse says so."""
    agents: list[Token] = []
    patients: list[Token] = []
    while tok.dep_ == "conj" and tok.head.pos_ == tok.pos_ == "NOUN":
        tok = tok.head
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        for c in verb.children:
            if c.dep_ == "nsubj":
                agents.append(c)
            elif c.dep_ == "nsubjpass":
                patients.append(c)
            elif c.dep_ == "dobj":
                patients.append(c)
            elif c.dep_ == "agent":
                agents += [g for g in c.children if g.dep_ == "pobj"]
        patients += _pobj(verb, ("on", "against", "with", "at"))
        if passive:
            agents += _pobj(verb, ("by",))
        if verb.dep_ in ("xcomp", "conj", "advcl") and not agents:
            agents += [c for c in verb.head.children if c.dep_ == "nsubj"]
    else:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod"):
                agents.append(c)
        agents += _pobj(tok, ("by", "from"))
        patients += _pobj(tok, ("on", "against", "with", "targeting"))
        betw = _pobj(tok, ("between",))
        if betw:
            agents.append(betw[0])
            patients += [c for c in betw[0].children if c.dep_ == "conj"]
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            v = head.head
            if v.pos_ in ("VERB", "AUX"):
                if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
                    patients += [c for c in v.children if c.dep_ == "nsubjpass"]
                    if head.lower_ == "by":
                        pass
                else:
                    agents += [c for c in v.children if c.dep_ == "nsubj"]
                    patients += [c for c in v.children if c.dep_ == "dobj"]
        elif tok.dep_ in ("dobj",) and head.pos_ == "VERB" and head.lemma_.lower() in LAUNCH_LEMMAS:
            agents += [c for c in head.children if c.dep_ == "nsubj"]
        elif tok.dep_ in ("nsubj",) and head.pos_ == "VERB":
            patients += [c for c in head.children if c.dep_ == "dobj"]
            patients += _pobj(head, ("on", "against"))
    if not agents and verb is None:
        # "a fierce pounding Sunday by the coalition": a by-phrase just after the trigger, however parsed
        for t in tok.doc[tok.i + 1 : min(tok.i + 5, tok.sent.end)]:
            if t.lower_ == "by":
                agents += [c for c in t.children if c.dep_ == "pobj"]
                break
    a1 = _first_actor(agents, ctx, paragraph, country)
    a2 = _first_actor(patients, ctx, paragraph, country, exclude=a1)
    # a compound of the trigger can name the target ("IS positions"), rarely the attacker, for clashes.
    return a1, a2, a1 is not None or a2 is not None


def _first_actor(
    toks: list[Token], ctx: Context, paragraph: int, country: str | None, exclude: Actor | None = None
) -> Actor | None:
    for t in toks:
        a = actor_of(t, ctx, paragraph, country)
        if a is not None and (exclude is None or a.name != exclude.name):
            return a
    return None


def is_generic_name(actor: Actor | None) -> bool:
    """An actor kept as written whose head word is only a role ("one of Akeed's units")."""
    if actor is None:
        return True
    return actor.name.split()[-1].lower() in GENERIC_HEADS and actor.inter is None
