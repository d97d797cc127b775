"""Victims counted from the parse: the dead a killing verb names without a figure.

"Gunmen raided his home and killed him", "A young man was shot dead", "militants beheaded a
traditional elder", "the bodies of six women and two boys were found": each victim is counted from
its noun phrase: a number it carries, 1 for a singular noun, a name or a singular pronoun; the
conjuncts of a coordination add up ("a vigilante and himself" = 2). Plural people with no figure
("killed civilians", "more people died in the firing", "half of the villagers who died") are an
uncounted toll: ACLED's 3..9 for a limited one ("a number of soldiers": 10..99); a pronoun or a
definite plural ("killed them", "the villagers were killed") may be a group counted before and is
left out, as are hedged, accused or partial tolls ("perhaps killing some"). A killing in an
"after"/"since"/"because" clause ("protested after police killed a man") is the cause of what the
sentence reports, not its toll.

:func:`killer_of` reads who did the killing when the toll itself says so: the agent ("shot dead by
the police"), the owner of the means ("died in police firing", "killed in an army raid", "an
encounter with the police"), the subject of the firing it followed ("police fired, killing two"),
a means told before the toll ("police firing in the town left two dead", "the firing in which two
died"), or another side's subject in a coordination ("gunmen opened fire, but guards killed one").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .actors import ACTOR_NOUNS
from .figures import UNCOUNTED_LIMITED, UNCOUNTED_SIGNIFICANT, VAGUE, RawClaim, is_person_word, word_number

_KILL = frozenset(
    "kill murder execute behead decapitate lynch slaughter massacre assassinate slay strangle".split()
)
_DIE = frozenset("die perish succumb".split())
# verbs that kill with a complement: "shot dead", "beaten to death"
_MEANS = frozenset("shoot stab beat hack burn stone torture club gun knife slash strike bludgeon".split())
_ONE = frozenset("him her himself herself he she".split())
# nouns that name a group, not one person: "the police killed", "a family was killed"
_COLLECTIVE = frozenset(
    "police army military group forces force militia family crowd unit convoy people mob community "
    "population team gang staff personnel public".split()
)
# verbs that state a death with "dead": "found dead", "confirmed dead", "leaving him dead"
_STATE_DEAD = frozenset("find confirm report declare pronounce leave".split())
_BEFORE_MARKS = frozenset("after since because".split())
_BODIES = frozenset("body bodies corpse corpses remains".split())
# what a number can count besides people: "killed over two days"
_NOT_PEOPLE = frozenset(
    "day days week weeks month months year years hour hours minute minutes night nights time times km "
    "kilometre kilometres kilometer kilometers mile miles metre metres percent cent head heads cattle "
    "cow cows goat goats livestock animal animals vehicle vehicles house houses".split()
)


def _count(tok: Token, depth: int = 0) -> int | None:
    """How many people one conjunct names, or None when the text does not say."""
    low = tok.lower_
    if low in _NOT_PEOPLE or tok.ent_type_ in ("DATE", "TIME", "QUANTITY", "PERCENT", "MONEY"):
        return None
    if low in _ONE:
        return 1
    if low == "both" and tok.dep_ in ("nsubj", "nsubjpass"):
        return 2  # "Both were taken to a hospital"
    both = any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in tok.children)
    if both and tok.tag_ in ("NNS", "NNPS"):
        return 2  # "both men"
    if tok.pos_ == "PRON":
        return None
    if tok.lemma_.lower() in ("number", "total") and depth == 0:
        # "a total of fourteen people": the people; "an unknown number of militants": not counted
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        of = [g for g in of if g.dep_ == "pobj"]
        return people_count(of[0], depth + 1) if of and tok.lemma_.lower() == "total" else None
    if tok.lemma_.lower() in _BODIES and depth == 0:
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        of = [g for g in of if g.dep_ == "pobj"]
        if of:
            return people_count(of[0], depth + 1)
    if tok.pos_ == "NUM" or tok.like_num:
        return word_number(tok.text)
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if nums:
        phrase = " ".join(t.text for t in tok.doc[nums[0].left_edge.i : nums[0].i + 1]).lower()
        n = word_number(nums[0].text)
        if n is None and phrase in VAGUE:
            n = VAGUE[phrase][0]
        return n
    if any(
        c.lower_ in ("dozens", "hundreds", "scores", "thousands", "several", "many") for c in tok.children
    ):
        return None  # a vague figure: the patterns read it
    if tok.pos_ not in ("NOUN", "PROPN") or low in _COLLECTIVE or tok.lemma_.lower() in _COLLECTIVE:
        return None
    if tok.tag_ in ("NNS", "NNPS"):
        return None
    if (
        tok.pos_ == "PROPN"
        and tok.ent_type_ not in ("PERSON", "")
        and not _dies_alone(tok)
        and not _aged(tok)
    ):
        return None  # "Boko Haram killed": an organisation, not a victim count
    if tok.pos_ == "NOUN" and not _a_person(tok):
        return None  # "the ruling party", "a car": one of them is no victim count
    return 1


# verbs whose subject is one who died: "Thompson was pronounced dead", "Lewis died after ..."
_DEATH_OF_SUBJECT = frozenset("die pronounce declare succumb".split())


def _dies_alone(tok: Token) -> bool:
    """Whether a name the small model reads as an organisation ("Thompson", "Davienne Lewis") is
    the one who died: no organisation dies, is pronounced dead or succumbs."""
    return (
        tok.ent_type_ == "ORG"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.lemma_.lower() in _DEATH_OF_SUBJECT
        and tok.lower_ not in ACTOR_NOUNS
    )


def _aged(tok: Token) -> bool:
    """Whether a name carries an age ("43-year-old Bianca Arter", "Arter, 43,"): a person, whatever
    the small model's entity label says (no organisation has an age)."""
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ == "old" and any(t.lower_ in ("year", "years") for t in c.subtree):
            return True
        if c.dep_ in ("appos", "nummod") and c.like_num and c.i > tok.i:
            return True
    return False


# endings of nouns for people: shopkeeper, collector, journalist, civilian, refugee, attendant
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ee", "ant", "ent", "ar", "boy", "girl", "child")


def _a_person(tok: Token) -> bool:
    word = tok.lower_
    return is_person_word(word) or is_person_word(tok.lemma_) or word.endswith(_PERSON_ENDINGS)


def people_count(tok: Token, depth: int = 0) -> int | None:
    """How many people a noun phrase and its conjuncts name ("two men and a boy" = 3), or None
    when one of them is not counted by the text."""
    total = 0
    for t in (tok, *tok.conjuncts):
        n = _count(t, depth)
        if n is None:
            return None
        total += n
    return total


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _antecedent(tok: Token) -> Token:
    """ "who" in "a thief who later died" stands for "thief"; "they" in "the victim was taken to a
    hospital where they later died" for "victim"."""
    if (
        tok.lower_ == "they"
        and tok.head.dep_ == "relcl"
        and any(c.lower_ == "where" for c in tok.head.children)
    ):
        place = tok.head.head
        while place.dep_ == "pobj" and place.head.dep_ == "prep" and place.head.head.i != place.i:
            place = place.head.head
        subj = [c for c in place.children if c.dep_ in ("nsubj", "nsubjpass")]
        if place.pos_ in ("VERB", "AUX") and subj and subj[0].pos_ in ("NOUN", "PROPN"):
            return subj[0]
    if tok.lower_ in ("who", "that", "which"):
        clause = tok.head
        while clause.dep_ == "conj":
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return tok


def _victims(v: Token) -> list[Token]:
    """The token(s) naming who a killing verb's event left dead."""
    return [_antecedent(t) for t in _victims_raw(v) if not _source(t)]


def _source(t: Token) -> bool:
    """Whether a token is a headline's source, not its subject: "Deputies: Boy, 3, dies"."""
    after = t.right_edge.i + 1
    return after < len(t.doc) and t.doc[after].text == ":" and t.left_edge.i - t.sent.start <= 1


def _victims_raw(v: Token) -> list[Token]:
    lemma = v.lemma_.lower()
    passive = bool(_children(v, "nsubjpass", "auxpass"))
    head_passive = v.dep_ == "conj" and bool(_children(v.head, "nsubjpass", "auxpass"))
    if lemma in _DIE or lemma == "fall":  # "fell to police bullets" is _is_killing's
        subj = _children(v, "nsubj") or (_children(v.head, "nsubj", "nsubjpass") if v.dep_ == "conj" else [])
        # "more from the north died": the parse reads "more" as an adverb of the verb
        more = [c for c in v.children if c.lower_ == "more" and c.dep_ == "advmod" and c.i < v.i]
        return subj or more
    if passive or head_passive:
        return _children(v, "nsubjpass") or _children(v.head, "nsubjpass")
    if v.dep_ == "acl" and v.tag_ == "VBN" and (is_person_word(v.head.text) or v.head.ent_type_ == "PERSON"):
        return [v.head]  # "Chadian soldier killed in Beida": a reduced passive
    obj = _children(v, "dobj")
    if not obj and v.dep_ == "conj":
        obj = _children(v.head, "dobj")  # "shot and killed a driver" parsed with the object on "shot"
    if not obj and v.dep_ == "advcl" and v.head.lemma_.lower() == "leave":
        obj = _children(v.head, "dobj")
    if not obj and v.tag_ in ("VBN", "VBD") and not _children(v, "agent", "ccomp", "xcomp", "dative"):
        # a killing verb with no object is a headline's passive: "Captain killed", "official shot dead"
        subj = _children(v, "nsubj")
        if subj and subj[0].pos_ != "PRON":
            return subj
    return obj


def _is_killing(v: Token) -> bool:
    lemma = v.lemma_.lower()
    if lemma in _KILL or lemma in _DIE:
        return True
    if lemma == "fall" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() == "bullet" for g in c.children)
        for c in v.children
    ):
        return True  # "fell to police bullets"
    if lemma in _MEANS or lemma in _STATE_DEAD:
        nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
        if any(c.lower_ == "dead" for c in v.children) or (
            lemma in _MEANS and nxt is not None and nxt.lower_ == "dead"
        ):
            return True
        if lemma == "find" and any(
            c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _BODIES for c in v.children
        ):
            return True  # "the bodies of seven people were found"
        if lemma != "find" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
            for c in v.children
        ):
            return True
    return False


def _as_cause(v: Token) -> bool:
    clause = v.head if v.dep_ == "conj" else v
    return any(c.dep_ == "mark" and c.lower_ in _BEFORE_MARKS for c in (*v.children, *clause.children))


def told_as_cause(span: Span, start: int, end: int) -> bool:
    """Whether the killing at ``start``..``end`` sits in an "after"/"since"/"because" clause: the
    cause or the antecedent of what the sentence reports, not its toll."""
    return any(start <= v.idx < end and v.pos_ in ("VERB", "AUX") and _as_cause(v) for v in span)


def parsed_claims(span: Span) -> list[RawClaim]:
    """Killed claims for the victims of the sentence's killing verbs (offsets into ``span.doc``)."""
    out: list[RawClaim] = []
    seen: set[int] = set()
    for v in span:
        death = _death_of(v)
        if death is None and (v.pos_ not in ("VERB", "AUX") or not _is_killing(v)):
            continue
        if _as_cause(v):
            continue  # "protested after police killed a man": the killing told as the cause
        if death is not None:
            victims = [death]
        elif v.lemma_.lower() == "find":
            victims = _children(v, "nsubjpass", "dobj")
        else:
            victims = _victims(v)
        if not victims and v.lemma_.lower() == "find":
            continue
        if not victims or victims[0].i in seen:
            continue
        if v.lemma_.lower() in ("find",) and victims[0].lemma_.lower() not in _BODIES:
            if not any(c.lower_ == "dead" for c in v.children):
                continue
        n = people_count(victims[0])
        rng = (n, n) if n else _uncounted(victims[0], v)
        if rng is None:
            continue
        first = victims[0]
        seen.update(t.i for t in (first, *first.conjuncts))
        lo = min(v.i, first.left_edge.i)
        hi = max(v.i, max(t.i for t in (first, *first.conjuncts)))
        sub = span.doc[lo : hi + 1]
        # a share of a group names no group of its own: its toll is a total; "a number of
        # soldiers" are soldiers
        named = first
        if first.lemma_.lower() == "number":
            named = next((g for c in first.children if c.lower_ == "of" for g in c.children), first)
        phrase = "" if first.lemma_.lower() in _SHARES else span.doc[named.left_edge.i : named.i + 1].text
        out.append(RawClaim("killed", *rng, phrase, sub.text, sub.start_char, sub.end_char))
    return out


def _death_of(tok: Token) -> Token | None:
    """Whom a death noun names as dead when the sentence asserts the death: "the deaths of
    villagers in the shelling angered ...", "clashes resulted in the death of a trader". A death
    that is the topic of an inquiry, a protest or a report ("investigating the death of",
    "protesting the reported death of") is a killing told before, not this event's toll."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != "death":
        return None
    head = tok.head
    asserted = (
        tok.dep_ in ("nsubj", "nsubjpass")
        or (
            tok.dep_ == "pobj"
            and head.lower_ in ("in", "to")
            and head.head.lemma_.lower() in ("result", "lead")
        )
        or (tok.dep_ == "dobj" and head.lemma_.lower() in ("cause", "confirm"))
    )
    if not asserted:
        return None
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return next((g for g in of if g.dep_ == "pobj"), None)


# a share of a group: "half of the villagers who died", "a third of them were killed" ("some of
# them" is left out: it is a part of a toll most often counted in the same report)
_SHARES = frozenset("percent cent half third quarter majority most".split())
_HEDGES = frozenset("perhaps possibly maybe probably".split())
# determiners of a plural that tell no earlier figure back: "more people died", "other villagers"
_FRESH = frozenset("more other many some several".split())


def _uncounted(tok: Token, v: Token) -> tuple[int, int] | None:
    """ACLED's figure for people the text says died without counting them ("people died in the
    firing", "civilians were killed", "more from the minority fell to police bullets", "half of
    them were killed"), or None when the victims are not plural people or may be a group counted
    before ("the villagers were killed", "killed them")."""
    if any(c.lower_ in _HEDGES for c in v.children) or (v.tag_ == "VBG" and v.dep_ == "pcomp"):
        return None  # "perhaps killing some", "accused of murdering people": no death asserted
    if tok.dep_ == "nsubj" and v.lemma_.lower() not in _DIE and v.lemma_.lower() != "fall":
        return None  # the subject of an active killing verb is the killer, whatever the parse missed
    if tok.dep_ == "ROOT" and v.dep_ == "acl" and tok.lower_ in ACTOR_NOUNS:
        return None  # "army forces killed on Sunday a militant" misread as a headline's passive
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children]
    people = bool(of) and (of[0].lower_ == "them" or (of[0].tag_ in ("NNS", "NNPS") and _a_person(of[0])))
    if tok.lemma_.lower() == "number" and people:
        # "a number of soldiers", "an unidentified number of soldiers": ACLED's uncounted toll
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
        return UNCOUNTED_SIGNIFICANT if dets & {"a", "an", "unidentified", "unknown", "undisclosed"} else None
    if tok.lemma_.lower() in _SHARES or (tok.lower_ == "more" and tok.pos_ != "DET"):
        # a share of some group died: the share is plural people only when it says of whom
        return UNCOUNTED_LIMITED if tok.lower_ == "more" or people else None
    if tok.tag_ not in ("NNS", "NNPS") or not (_a_person(tok) or tok.lower_ in ("people", "persons")):
        return None
    if any(c.dep_ in ("nummod", "poss") or c.lower_ in VAGUE for c in tok.children):
        return None  # a figure the patterns read, or a group named before ("their members")
    edge = tok.left_edge.i
    if any(t.like_num for t in tok.doc[max(edge - 1, tok.sent.start) : tok.i]):
        return None  # a figure the parse left unattached is still a figure
    # a definite plural is a group told before, unless it is a share's whole that the killing
    # clause defines: "60 per cent of the people who died in the firing"
    defining = (
        v.dep_ in ("relcl", "acl")
        and v.head == tok
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in _SHARES
    )
    dets = [c for c in tok.children if c.dep_ in ("det", "predet")]
    if any(d.lower_ not in _FRESH for d in dets) and not defining:
        return None
    return UNCOUNTED_LIMITED


# nouns for the means of a killing that carry its author: "in police firing", "by army shelling"
_MEANS_NOUNS = frozenset(
    "firing fire shooting shootout bullet bullets action attack attacks raid raids strike strikes custody "
    "encounter operation operations crackdown charge shelling bombing bombardment assault ambush "
    "crossfire gunfire".split()
)


def _means(tok: Token) -> bool:
    return tok.lower_ in _MEANS_NOUNS or (tok.pos_ == "NOUN" and tok.lemma_.lower() in _MEANS_NOUNS)


_FIRE_VERBS = frozenset("fire shoot open resort charge attack raid shell bomb strike".split())
# nouns that can name who killed: the reporters of a death ("police found two dead") are not here
_AGENT_NOUNS = frozenset(
    "police policeman policemen army military troops troop soldiers soldier forces force jawans jawan "
    "constable constables officers officer personnel guards guard sentries sentry commandos commando "
    "gunmen gunman militants militant rebels rebel insurgents terrorists terrorist mob mobs rioters "
    "militia militias militiamen fighters attackers assailants men jihadists extremists bandits".split()
)


def _agent(tok: Token) -> bool:
    """Whether a token can name who killed: a force or armed-group noun, or a name."""
    if tok.pos_ == "PRON" or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "GPE", "LOC", "FAC"):
        return False
    return tok.pos_ == "PROPN" or tok.lower_ in _AGENT_NOUNS or tok.lemma_.lower() in _AGENT_NOUNS


def _owner(means: Token) -> Token | None:
    """Who a means belongs to: "police firing", "army's shelling", "shelling by the army", "an
    encounter with the police" (the other side of a shootout that left the dead)."""
    # an adjective says when or how, not whose: "subsequent police firing", "heavy shelling"
    owner = [
        x
        for x in means.children
        if x.dep_ in ("compound", "poss", "nmod") or (x.dep_ == "amod" and x.pos_ != "ADJ")
    ]
    if owner:
        return owner[-1]
    by = [
        y
        for x in means.children
        if x.dep_ == "prep" and (x.lower_ == "by" or (x.lower_ == "with" and means.lower_ in _WITH_MEANS))
        for y in x.children
        if y.dep_ == "pobj"
    ]
    return by[0] if by else None


# a shootout is told as one "with" the side that killed: "died in an encounter with the police"
_WITH_MEANS = frozenset("encounter shootout".split())


def _means_owner(tok: Token) -> Token | None:
    """The owner when ``tok`` names a means of killing ("police firing"), also when the parse takes
    "police" for the noun and "firing" for a verb hanging off it."""
    if _means(tok):
        return _owner(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _MEANS_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
        return tok
    return None


def _relative(tok: Token) -> Token:
    """What a relative word stands for: "that" in "the firing that left two dead" is the firing;
    "which" in "a raid in which two died" is the raid."""
    if tok.lower_ not in ("that", "which", "who", "whom"):
        return tok
    clause = tok.head if tok.dep_ != "pobj" else tok.head.head
    while clause.dep_ == "conj":
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else tok


def _other_subject(v: Token) -> Token | None:
    """The subject a coordinated killing verb takes from a conjunct of its own, other than the
    first: "the gunmen opened fire, but guards posted at the gate killed one" (the guards). A
    change of subject within a coordination tells another side's act; a subject shared with the
    first conjunct ("troops cleared the village and killed five") is the sentence's main actor,
    whom the event's roles already name."""
    if v.dep_ != "conj" or not _children(v, "dobj"):
        return None
    first = v.head
    later = sorted((c for c in first.conjuncts if c.i <= v.i), key=lambda c: -c.i)
    for h in later:
        if _children(h, "nsubjpass", "auxpass"):
            return None
        subj = _children(h, "nsubj")
        if subj:
            found = _relative(subj[0])
            if found.lower_ in ACTOR_NOUNS or found.lemma_.lower() in ACTOR_NOUNS:
                return found
            # "police sentries": the force noun names the killer when the head does not
            force = [c for c in found.children if c.dep_ == "compound" and c.lower_ in ACTOR_NOUNS]
            return force[0] if force else found
    return None


def _killer_near(h: Token) -> Token | None:
    # "police fired ..., killing two": the subject of the firing the killing follows from
    # (also "fired 40 rounds, killing two", where the parse hangs the killing off "rounds")
    up = h
    for _ in range(2):
        # a verb with a subject of its own is not the firing's: "gunmen opened fire, but guards killed one"
        if up.dep_ not in ("advcl", "xcomp", "conj", "acl", "dobj") or _children(up, "nsubj"):
            break
        up = up.head
        if up.lemma_.lower() in _FIRE_VERBS:
            subj = [x for x in up.children if x.dep_ == "nsubj" and x.pos_ != "PRON"]
            if subj:
                return subj[0]
    # "rioting and police firing left two dead", "the firing that left two dead": a means as the subject
    for subj in (_relative(x) for x in h.children if x.dep_ == "nsubj"):
        for m in (subj, *subj.conjuncts):
            found = _means_owner(m)
            if found is not None:
                return found
    # "the gunmen opened fire, but guards posted at the gate killed one": another side's killing
    if h.lemma_.lower() in _KILL or h.lemma_.lower() in _MEANS:
        subj = _other_subject(h)
        if subj is not None and _agent(subj):
            return subj
    for c in h.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "in", "during", "from", "to")):
            for g in (g for g in c.children if g.dep_ == "pobj"):
                if (c.dep_ == "agent" or c.lower_ == "by") and not _means(g):
                    return g
                found = _means_owner(_relative(g))
                if found is not None:
                    return found
        # "one person was killed when the police fired": the subject of the firing
        if c.dep_ == "advcl" and c.lemma_.lower() in _FIRE_VERBS:
            subj = [x for x in c.children if x.dep_ == "nsubj" and x.pos_ != "PRON"]
            if subj:
                return subj[0]
        # "due to police firing": the preposition hangs off "due"
        if c.lower_ in ("due", "owing"):
            for g in (g for p in c.children for g in p.children if g.dep_ == "pobj"):
                found = _means_owner(g)
                if found is not None:
                    return found
    return None


# the same, read from the words around the toll when the parse does not link them; a means ends
# at no ASCII letter, as a quote mis-decoded to "â€�" glues letters to it ("firingâ€�")
_MEANS_RX = "|".join(sorted(_MEANS_NOUNS, key=len, reverse=True))
_KILLER_AFTER = re.compile(
    rf"^(?:[\w'-]+\s+){{0,6}}?(?:in|by|during|due\s+to|owing\s+to|from)\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?!(?:the|a|an)\s)(?P<owner>(?:[\w'-]+\s+){{0,2}}?[\w'-]+?)(?:'s)?\s+(?:{_MEANS_RX})(?![A-Za-z])"
    rf"|(?:[\w,'-]+\s+){{0,4}}?(?:(?:{_MEANS_RX})\s+by|encounter\s+with|shootout\s+with)\s+(?:the\s+)?"
    rf"(?P<by>[\w'-]+))"
    rf"|^(?:[\w'-]+\s+){{0,14}}?(?:when|as|after)\s+(?:(?:the|a|an)\s+)?(?P<subj>[\w'-]+(?:\s+[\w'-]+)?)\s+"
    rf"(?:opened\s+fire|fired|shot|attacked|raided|shelled|bombed|stormed)\b",
    re.I,
)
# a means named before its toll, as its subject or the antecedent of a relative clause: "police
# firing in the old town left two dead", "the police firing in which two died"
_KILLER_BEFORE = re.compile(
    rf"\b(?P<owner>[\w'-]+)(?:'s)?\s+(?:{_MEANS_RX})(?:\s+(?:on|at|in|near|of|into)\s+[^,;:()]{{1,80}}?)?"
    rf"\s+(?P<rel>(?:in|during)\s+which|that|which)?\s*$",
    re.I,
)
_CAUSING = re.compile(r"(?:left|leaves|leaving|claimed|claiming|killed|killing)\b", re.I)


def killer_phrase(text: str) -> str | None:
    """The killer named in the words right after a toll ("... in police firing", "... when the army
    shelled the town"), cut at the clause's end, or None."""
    clause = re.split(r"[;:]|,\s|\bwhile\b|\bwhereas\b", text, maxsplit=1)[0]
    m = _KILLER_AFTER.match(clause.strip())
    if m is None:
        return None
    return (m.group("owner") or m.group("by") or m.group("subj") or "").strip() or None


def _killer_before(span: Span, start: int, end: int) -> Token | None:
    before = span.doc.text[span.start_char : start]
    m = _KILLER_BEFORE.search(before)
    if m is None or not (m.group("rel") or _CAUSING.match(span.doc.text[start:end])):
        return None
    tok = span.doc.char_span(span.start_char + m.start("owner"), span.start_char + m.end("owner"))
    return tok.root if tok is not None and _agent(tok.root) else None


def killer_of(span: Span, start: int, end: int) -> Token | None:
    """The token naming who killed, for the claim at ``start``..``end`` (doc offsets): the agent
    of its verb ("shot dead by the police"), the owner of the means it died in ("died in police
    firing", "killed in an army raid"), the killer as the subject ("police shot dead two"), or a
    means told just before ("the police firing that left one dead"). None when the sentence does
    not say."""
    for v in span:
        if not (start <= v.idx < end and v.pos_ in ("VERB", "AUX", "ADJ", "NOUN")):
            continue
        if not (_is_killing(v) or v.lower_ == "dead" or _death_of(v) is not None):
            continue
        for h in [v, v.head] if v.lower_ == "dead" else [v]:
            found = _killer_near(h)
            if found is not None:
                return found
    # the victims' own clause names the means: "a youth who was hit in the police firing ... died"
    for t in span:
        if start <= t.idx < end and t.dep_ == "pobj":
            found = _means_owner(t)
            if found is not None and _agent(found):
                return found
    return _killer_before(span, start, end)


_PLURALS = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "persons": "people",
    "policeman": "policemen", "gunman": "gunmen", "militiaman": "militiamen", "serviceman": "servicemen",
    "herdsman": "herdsmen", "fisherman": "fishermen", "businessman": "businessmen", "body": "people",
    "bodies": "people", "baby": "babies", "deputy": "deputies", "others": "unknown", "other": "unknown",
    "more": "unknown", "youth": "youths",
    "police": "policemen", "watchman": "watchmen", "nightwatchman": "nightwatchmen", "passerby": "passersby",
}  # fmt: skip


def victim_group(phrase: str) -> str:
    """The group an unresolved victim phrase names, as its head noun in the plural ("two soldiers",
    "a soldier" -> "soldiers"), so that one claimant's tolls of different sides add up while
    repeats of one toll do not (fusion sums groups, takes the largest figure within one);
    "unknown" when the phrase names no side."""
    words = re.findall(r"[A-Za-z][\w'-]*", phrase)
    if not words:
        return "unknown"
    head = words[-1].lower()
    if head in ("himself", "herself", "themselves"):
        return SELF  # "before killing himself": the killer's own death, on top of any toll
    if head in _NO_ONE_NAMED:
        return "unknown"  # "he was pronounced dead", "Two were killed": the toll again, no side
    if words[-1][0].isupper():
        group = words[-1]  # a name: "Imbonerakure", "Taliban"
    else:
        group = _PLURALS.get(head) or (
            head if head.endswith(("s", "people", "men", "children")) else head + "s"
        )
    # "people", "men", "victims" name no side, nor do people told by age, sex or kin ("a 16-year-old
    # boy", "the teen", "his son" may be one victim told three ways): like a bare toll they may
    # restate one figure ("three people were killed ... the toll rose to five"), so they stay "unknown"
    return "unknown" if group in _NO_SIDE else group


# the group of a killer's own death ("then killed himself"): a toll of the others, even one that
# names no side, does not hold it, so fusion adds it to whatever the others' figure is
SELF = "the killer"
_NO_SIDE = frozenset(
    """people men women individuals victims others unknown dead casualties lives persons
    boys girls teens teenagers children kids year-olds juveniles toddlers babies infants adults males females
    sons daughters brothers sisters fathers mothers husbands wives friends cousins neighbors neighbours
    relatives stepsons stepdaughters stepfathers stepmothers grandsons granddaughters grandmothers
    grandfathers girlfriends boyfriends nephews nieces uncles aunts roommates""".split()
)
_NO_ONE_NAMED = frozenset(
    """he she him her they them one two three four five six seven eight nine ten another second third
    fourth fifth both all each""".split()
)


def refers_back(doc: Doc, start: int) -> bool:
    """Whether the trigger at ``start`` names an event already told ("in the fighting", "this attack")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span[0]
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children
    )
