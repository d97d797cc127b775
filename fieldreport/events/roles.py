"""Who did what to whom: actor1/actor2 of a trigger, from the parse and then from article context."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from .actors import ACTOR_NOUNS, CIVILIAN_WORDS, CIVILIANS, GENERIC_HOSTILE, Actor, ActorDictionary
from .taxonomy import BATTLES
from .victims import killer_of, killer_phrase

_STRIP = re.compile(r"^(?:the|a|an|its|their|his|her|our|some|other|one\s+of)\s+", re.I)

# Unnamed actors in ACLED's naming, given the event's country: "the police" -> Police Forces of
# Kenya, "soldiers" -> Military Forces of Nigeria, "unknown gunmen" -> Unidentified Armed Group
# (Somalia). A qualifier that names someone else ("Boko Haram gunmen") is resolved before this.
_POLICE_WORDS = re.compile(
    r"^(?:(?:riot|local|state|federal|anti-riot|traffic|armed|the)\s+)*(?:police(?:\s+(?:officers?|forces?|"
    r"units?|patrols?|men))?|policem[ae]n|gendarmes?|gendarmerie)$",
    re.I,
)
_MILITARY_WORDS = re.compile(
    r"^(?:(?:government|state|national|regular|armed|security|special|joint|the)\s+)*(?:forces|troops|soldiers|"
    r"army|military|armed\s+forces|security\s+forces|soldier|troop)$",
    re.I,
)
_UNIDENTIFIED_WORDS = re.compile(
    r"^(?:(?:unknown|unidentified|masked|heavily\s+armed|armed|suspected)\s+)+(?:gunm[ae]n|assailants?|attackers?|"
    r"m[ae]n|group|persons|individuals)$"
    r"|^(?:(?:some|two|three|several|a\s+group\s+of)\s+)?(?:gunm[ae]n|assailants|armed\s+m[ae]n)$",
    re.I,
)
_KILL_LEMMAS = frozenset("kill execute behead murder slay massacre lynch assassinate".split())


def unnamed_actor(phrase: str, ctx: Context, country: str | None) -> Actor | None:
    """ACLED's name for an unnamed side of the event's country, or None (see the patterns above)."""
    bare = re.sub(r"^\d[\d,]*\s+", "", _STRIP.sub("", phrase.strip())).strip()
    # the country the article names outweighs the geocoder's guess for the place
    country = ctx.country or country
    if not country or not bare:
        return None
    if _POLICE_WORDS.match(bare):
        return ctx.book.state_force(f"Police Forces of {country}")
    if _MILITARY_WORDS.match(bare):
        return ctx.book.state_force(f"Military Forces of {country}")
    if _UNIDENTIFIED_WORDS.match(bare):
        return Actor(f"Unidentified Armed Group ({country})", 3)
    if re.fullmatch(r"(?:the\s+)?(?:protesters|protestors|demonstrators)", bare, re.I):
        return Actor(f"Protesters ({country})", 6)
    if re.fullmatch(r"(?:the\s+)?(?:rioters|mobs?|angry\s+(?:mobs?|youths?|residents))", bare, re.I):
        return Actor(f"Rioters ({country})", 5)
    return None


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

    def names_any(self, inters: tuple[int, ...]) -> bool:
        """Whether the article names an actor of one of these inter codes (from the counts the
        context already holds, not a new scan of the text)."""
        return any((a := self.get(name)) is not None and a.inter in inters for name in self.article_counts)

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


_NO_ACTOR = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY EVENT".split())


def actor_of(tok: Token, ctx: Context, paragraph: int, country: str | None) -> Actor | None:
    """The actor a token's phrase names: dictionary, generic words, civilians, or the phrase as written."""
    if tok.ent_type_ in _NO_ACTOR:
        return None  # "on New Year's Eve", "at 10 pm": a time, not a side
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
    unnamed = unnamed_actor(bare, ctx, country)
    if unnamed is not None:
        if unnamed.name not in ctx.extra and ctx.book.get(unnamed.name) is None:
            ctx.extra[unnamed.name] = unnamed
        return unnamed
    head = tok.lower_
    if CIVILIAN_WORDS.fullmatch(head) or (head == "people" and "civilian" in phrase.lower()):
        return ctx.civilians(country, _antecedent(tok, ctx))
    if head in ACTOR_NOUNS or tok.lemma_.lower() in ACTOR_NOUNS:
        if tok.ent_type_ in ("DATE", "CARDINAL"):
            return None
        inter = ACTOR_NOUNS.get(head, ACTOR_NOUNS.get(tok.lemma_.lower()))
        if inter is None:  # "army units", "government forces", "rebel fighters": the modifier says whose
            for c in tok.children:
                if c.dep_ not in ("compound", "amod", "nmod"):
                    continue
                if c.lower_ in ("government", "pro-government", "state"):
                    inter = 1
                else:
                    inter = ACTOR_NOUNS.get(c.lower_, ACTOR_NOUNS.get(c.lower_ + "s"))
                if inter is not None:
                    break
        if inter == CIVILIANS:
            return ctx.civilians(country, _antecedent(tok, ctx))
        name = re.sub(r"^\d[\d,]*\s+", "", bare).strip()
        if not name:
            return None
        actor = Actor(name, inter)
        ctx.extra.setdefault(name, actor)
        return actor
    return _named_as_written(tok, ctx)


def _named_as_written(tok: Token, ctx: Context) -> Actor | None:
    """A name the dictionary does not know, kept as written ("SPLM-N kill three soldiers", "clashes
    between the Murle and ..."): an organisation or group name the tagger sees, never a place,
    a person or a date."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "DATE", "TIME", "CARDINAL"):
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ in ("ORG", "NORP"):
        name = ent.text
    else:
        left = tok.i
        while (
            left > tok.left_edge.i
            and tok.doc[left - 1].pos_ == "PROPN"
            and tok.doc[left - 1].dep_ == "compound"
        ):
            left -= 1
        name = tok.doc[left : tok.i + 1].text
    name = _STRIP.sub("", name).strip(" ,.;:")
    if not name or not name[0].isupper():
        return None
    actor = ctx.extra.get(name) or Actor(name, None)
    ctx.extra.setdefault(name, actor)
    return actor


def state_first(
    event_type: str | None, a1: Actor | None, a2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """ACLED's order of a battle's sides: state forces first ("Military Forces of Somalia" against
    "Al Shabaab", whoever attacked). In a battle actor1 and actor2 say nothing of who started it;
    in other events actor1 stays the one who acts (the attacker, the protesters)."""
    if event_type == BATTLES and a1 is not None and a2 is not None and a2.inter == 1 and a1.inter != 1:
        return a2, a1
    return a1, a2


def killer(span, start: int, end: int, ctx: Context, paragraph: int, country: str | None) -> Actor | None:
    """The actor a casualty claim says did the killing ("died in police firing" -> the police), or None."""
    tok = killer_of(span, start, end)
    if tok is not None:
        found = actor_of(tok, ctx, paragraph, country)
    else:
        phrase = killer_phrase(span.doc.text[end : span.end_char])
        found = _actor_of_phrase(phrase, ctx, country) if phrase else None
    return None if found is None or found.inter == CIVILIANS else found


def _actor_of_phrase(phrase: str, ctx: Context, country: str | None) -> Actor | None:
    """An actor for a phrase read without its parse: the dictionary, ACLED's unnamed names, or a
    known actor noun as its head ("the police", "security forces")."""
    found = ctx.book.resolve(phrase) or unnamed_actor(phrase, ctx, country)
    if found is not None:
        return found
    head = phrase.split()[-1].lower()
    if head in ACTOR_NOUNS and ACTOR_NOUNS[head] not in (None, CIVILIANS):
        name = _STRIP.sub("", phrase).strip()
        return ctx.extra.setdefault(name, Actor(name, ACTOR_NOUNS[head]))
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
        if verb.lower_ in ("broke", "break", "breaks", "breaking"):
            patients += _pobj(verb, ("into",))  # "broke into a man's house"
        if passive:
            agents += _pobj(verb, ("by",))
        if verb.dep_ in ("xcomp", "conj", "advcl") and not agents:
            agents += [c for c in verb.head.children if c.dep_ == "nsubj"]
        if (
            verb.lemma_.lower() in _KILL_LEMMAS
            and not passive
            and not any(c.dep_ == "dobj" for c in verb.children)
            and verb.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("ccomp", "xcomp", "dative") for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children)
        ):
            # "2 soldiers killed": a headline's passive, the subject is the victim
            patients, agents = (
                patients + [c for c in agents if c.dep_ == "nsubj"],
                [c for c in agents if c.dep_ != "nsubj"],
            )
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
    soft = any(soft_target(t) for t in patients) or (_raider(a1) and any(_named_place(t) for t in patients))
    if (a2 is None or a2.inter is None) and soft and not _defended(tok, agents, a1):
        a2 = ctx.civilians(country, a1)  # "a group of women" is no one's side: civilians
    # a compound of the trigger can name the target ("IS positions"), rarely the attacker, for clashes.
    return a1, a2, a1 is not None or a2 is not None


def _raider(a1: Actor | None) -> bool:
    """An attacker that is no state's or foreign force: its attack on a named town or village no
    one is said to defend is on the people there ("Murle attack Bukteng", "FRPI attacked Bikima")."""
    return a1 is None or a1.inter not in (1, 8)


def _named_place(tok: Token) -> bool:
    if tok.ent_type_ in ("GPE", "LOC") or tok.lower_ in _SETTLEMENTS:
        return True
    # a bare proper name, however tagged ("attack Elele on 14/04", "attack on Bukteng"): a village
    # or a person, unarmed either way, more often than a force in reports of raids
    bare = not any(c.dep_ == "compound" for c in tok.children)
    return tok.pos_ == "PROPN" and tok.ent_type_ not in _NO_ACTOR and tok.ent_type_ != "NORP" and bare


_SETTLEMENTS = frozenset(
    "town towns community communities locality localities neighbourhood neighborhood".split()
)


# ACLED: an attack on people or places that no armed side defends (a village, a market, a bus, a
# priest) is violence against civilians; towns, camps and posts are fought over, so they are not here
_SOFT_PLACES = frozenset(
    """village villages hamlet hamlets market markets bar bars restaurant restaurants hotel hotels house
    houses home homes residence residences church churches mosque mosques school schools university
    hospital hospitals clinic clinics bus buses minibus mini-bus minibuses vehicle vehicles car cars truck
    trucks shop shops
    farm farms settlement settlements funeral wedding worshippers congregation crowd gathering
    motorcyclists travellers travelers""".split()
)
_PEOPLE = frozenset(
    """man men woman women person people boy boys girl girls child children priest priests pastor pastors
    imam imams nurse nurses doctor doctors teacher teachers trader traders merchant merchants driver
    drivers journalist journalists reporter reporters musician singer student students activist activists
    supporter supporters farmer farmers herder herders herdsman worker workers businessman businessmen
    chief chiefs elder elders official officials cleric clerics family families couple resident residents
    villager villagers civilian civilians passenger passengers pedestrian pedestrians lawyer lawyers
    photojournalist photojournalists photographer photographers nun nuns blogger bloggers politician
    politicians councillor councillors candidate candidates vendor vendors hawker hawkers shopkeeper
    shopkeepers""".split()
)
_IDP_CAMP = re.compile(r"\b(?:IDP|refugee|displacement|displaced)\b", re.I)


def unarmed(group: str) -> bool:
    """Whether a victim group (victims.victim_group: "civilians", "traders", "members") names
    people who bear no arms; an unknown word is not taken for unarmed."""
    word = group.lower()
    return (
        word in ("civilians", "members")
        or word in _PEOPLE
        or word[:-1] in _PEOPLE
        or ACTOR_NOUNS.get(word, 0) == CIVILIANS
        or bool(CIVILIAN_WORDS.fullmatch(word))
    )


ARMED_TARGET = re.compile(
    r"\b(?:police|policem[ae]n|soldiers?|troops|army|military|gendarmes?|gendarmerie|officers?|guards?"
    r"|patrols?|checkpoints?|barracks|bases?|posts?|positions?|convoys?|strongholds?|hideouts?|rangers?|vigilantes?"
    r"|militia\w*|fighters?"
    r"|security\s+forces"
    r"|militants?|insurgents?|rebels?|jihadists?|combatants?|terrorists?|extremists?"
    r"|(?:security|military)\s+personnel)\b",
    re.I,
)
# men the words say bore arms, though of no named force
ARMED_MEN = re.compile(
    r"\b(?:armed|gunm[ae]n|attackers|assailants|warriors|kidnappers|robbers|bandits|islamists)\b", re.I
)
FOUGHT_BACK = re.compile(
    r"\b(?:battl\w+|clash\w*|exchange\w*\s+(?:of\s+)?(?:gun)?fire|returned\s+fire|fought\s+(?:back|off)|repel\w*"
    r"|repuls\w*|foiled|resist\w*|pushed\s+(?:\w+\s+){1,2}?back|dr[io]ve\s+(?:\w+\s+){1,2}?(?:back|off|away))\b",
    re.I,
)


# ACLED codes a killing its victim could not answer as violence against civilians, whoever the
# victim was: an execution, an assassination, a man killed off duty, at home or on his way, a body
# found dumped
_DEFENCELESS = re.compile(
    r"\b(?:execut(?:ed|es?|ing|ions?)|behead\w*|assass?inat\w*)\b|\boff[\s-]duty\b"
    r"|\b(?:at|in|outside|near|inside|in\s+front\s+of)\s+(?:his|her|their)\s+(?:own\s+)?"
    r"(?:homes?|houses?|residences?|compound|bed|shop|farm)\b|\bon\s+(?:his|her|their)\s+way\b"
    r"|\b(?:bod(?:y|ies)|corpses?)\b(?:\s+\w+){0,12}?\s+(?:found|discovered|recovered|retrieved|dumped)\b"
    r"|\b(?:found|discovered|recovered|retrieved)\s+(?:\w+\s+){0,6}?(?:bod(?:y|ies)|corpses?)\b|\bfound\s+(?:\w+\s+)?(?:dead|decapitated|beheaded|murdered|killed|slain|mutilated)\b"
    r"|\b(?:kill\w*|murder\w*|shot|shoot\w*)\s+(?:\w+\s+){0,3}?(?:captured|captive|kidnapped|abducted|detained)\b"
    r"|\b(?:captured|kidnapped|abducted|detained|arrested)\s+(?:\w+\s+){0,2}?(?:killed|executed|murdered|shot)\b"
    r"|\b(?:raided|broke\s+into)\s+(?:the\s+|a\s+)?(?:home|house|residence)s?\s+of\b",
    re.I,
)


def defenceless(text: str) -> bool:
    """Whether a sentence tells a killing or an attack its victim could not answer (see above),
    and no fight."""
    return bool(_DEFENCELESS.search(text)) and not FOUGHT_BACK.search(text)


def _defended(tok: Token, agents: list[Token], a1: Actor | None) -> bool:
    """Whether the sentence puts armed men on the target's side or says the target fought back:
    then an attack on a village or a vehicle is a battle. State forces attacking a place are
    after an armed group there, whoever lives in it."""
    sent = tok.sent
    if FOUGHT_BACK.search(sent.text):
        return True
    if a1 is not None and a1.inter == 1 and not any(t.lower_ in _PEOPLE for t in sent):
        return True
    attacker = {t.i for a in agents for t in a.subtree}
    rest = " ".join(t.text for t in sent if t.i not in attacker)
    return bool(ARMED_TARGET.search(rest))


def soft_target(tok: Token) -> bool:
    """Whether a patient phrase is people or a place no armed side defends (see _SOFT_PLACES)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("ORG", "NORP", "GPE"):
        return False
    word = tok.lower_
    if word == "of":
        return False
    if word in ("camp", "camps") and _IDP_CAMP.search(phrase_of(tok)):
        return True
    if word in _PEOPLE and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True
    if word in ("group", "groups", "crowd", "number"):
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return any(g.lower_ in _PEOPLE for g in of)  # "a group of women"
    if word in ("members", "member"):
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return any(g.lower_ in ("party", "community", "family", "parliament", "congregation") for g in of)
    return word in _SOFT_PLACES


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
