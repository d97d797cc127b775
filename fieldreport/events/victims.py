"""Victims counted from the parse: the dead a killing verb names without a figure.

"Gunmen raided his home and killed him", "A young man was shot dead", "militants beheaded a
traditional elder", "the bodies of six women and two boys were found": each victim is counted from
its noun phrase: a number it carries, 1 for a singular noun, a name or a singular pronoun; the
conjuncts of a coordination add up ("a vigilante and himself" = 2). A plural with no figure
("killed civilians", "killed them") is not counted: only the text's own figures are, so the claim
is left out rather than guessed. A killing in an "after"/"since"/"because" clause ("protested after
police killed a man") is the cause of what the sentence reports, not its toll.

:func:`killer_of` reads who did the killing when the toll itself says so: the agent ("shot dead by
the police"), the owner of the means ("died in police firing", "killed in an army raid"), or the
subject of the firing it followed ("police fired, killing two").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .casualties import VAGUE, RawClaim, is_person_word, word_number

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
    if tok.pos_ == "PRON":
        return None
    if tok.lemma_.lower() in ("number", "total") and depth == 0:
        # "a total of fourteen people": the people; "an unknown number of militants": not counted
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        of = [g for g in of if g.dep_ == "pobj"]
        return _total(of[0], depth + 1) if of and tok.lemma_.lower() == "total" else None
    if tok.lemma_.lower() in _BODIES and depth == 0:
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        of = [g for g in of if g.dep_ == "pobj"]
        if of:
            return _total(of[0], depth + 1)
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
    if tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", ""):
        return None  # "Boko Haram killed": an organisation, not a victim count
    if tok.pos_ == "NOUN" and not _a_person(tok):
        return None  # "the ruling party", "a car": one of them is no victim count
    return 1


# endings of nouns for people: shopkeeper, collector, journalist, civilian, refugee, attendant
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ee", "ant", "ent", "ar", "boy", "girl", "child")


def _a_person(tok: Token) -> bool:
    word = tok.lower_
    return is_person_word(word) or is_person_word(tok.lemma_) or word.endswith(_PERSON_ENDINGS)


def _total(tok: Token, depth: int = 0) -> int | None:
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
    """ "who" in "a thief who later died" stands for "thief"."""
    if tok.lower_ in ("who", "that", "which"):
        clause = tok.head
        while clause.dep_ == "conj":
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return tok


def _victims(v: Token) -> list[Token]:
    """The token(s) naming who a killing verb's event left dead."""
    return [_antecedent(t) for t in _victims_raw(v)]


def _victims_raw(v: Token) -> list[Token]:
    lemma = v.lemma_.lower()
    passive = bool(_children(v, "nsubjpass", "auxpass"))
    head_passive = v.dep_ == "conj" and bool(_children(v.head, "nsubjpass", "auxpass"))
    if lemma in _DIE:
        subj = _children(v, "nsubj") or (_children(v.head, "nsubj", "nsubjpass") if v.dep_ == "conj" else [])
        return subj
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
    if lemma in _MEANS or lemma in _STATE_DEAD:
        if any(c.lower_ == "dead" for c in v.children):
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
        if v.pos_ not in ("VERB", "AUX") or not _is_killing(v):
            continue
        if _as_cause(v):
            continue  # "protested after police killed a man": the killing told as the cause
        if v.lemma_.lower() == "find":
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
        n = _total(victims[0])
        if not n:
            continue
        first = victims[0]
        seen.update(t.i for t in (first, *first.conjuncts))
        lo = min(v.i, first.left_edge.i)
        hi = max(v.i, max(t.i for t in (first, *first.conjuncts)))
        sub = span.doc[lo : hi + 1]
        phrase = span.doc[first.left_edge.i : first.i + 1].text
        out.append(RawClaim("killed", n, n, phrase, sub.text, sub.start_char, sub.end_char))
    return out


# nouns for the means of a killing that carry its author: "in police firing", "by army shelling"
_MEANS_NOUNS = frozenset(
    "firing fire shooting shootout bullet bullets action attack attacks raid raids strike strikes custody "
    "encounter operation operations crackdown charge shelling bombing bombardment assault ambush "
    "crossfire gunfire".split()
)


def _means(tok: Token) -> bool:
    return tok.lower_ in _MEANS_NOUNS or (tok.pos_ == "NOUN" and tok.lemma_.lower() in _MEANS_NOUNS)


_FIRE_VERBS = frozenset("fire shoot open resort charge attack raid shell bomb strike".split())


def _owner(means: Token) -> Token | None:
    """Who a means belongs to: "police firing", "army's shelling", "shelling by the army"."""
    owner = [x for x in means.children if x.dep_ in ("compound", "amod", "poss", "nmod")]
    if owner:
        return owner[0]
    by = [y for x in means.children if x.dep_ == "prep" and x.lower_ == "by" for y in x.children]
    return by[0] if by else None


def _killer_near(h: Token) -> Token | None:
    # "police fired ..., killing two": the subject of the firing the killing follows from
    # (also "fired 40 rounds, killing two", where the parse hangs the killing off "rounds")
    up = h
    for _ in range(2):
        if up.dep_ not in ("advcl", "xcomp", "conj", "acl", "dobj"):
            break
        up = up.head
        if up.lemma_.lower() in _FIRE_VERBS:
            subj = [x for x in up.children if x.dep_ == "nsubj" and x.pos_ != "PRON"]
            if subj:
                return subj[0]
    # "rioting and police firing left two dead": a means as the subject
    for subj in (x for x in h.children if x.dep_ == "nsubj"):
        for m in (subj, *subj.conjuncts):
            if _means(m) and _owner(m) is not None:
                return _owner(m)
    for c in h.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "in", "during", "from", "to")):
            for g in (g for g in c.children if g.dep_ == "pobj"):
                if (c.dep_ == "agent" or c.lower_ == "by") and not _means(g):
                    return g
                nxt = g.doc[g.i + 1] if g.i + 1 < len(g.doc) else None
                if nxt is not None and nxt.lower_ in _MEANS_NOUNS and g.pos_ in ("NOUN", "PROPN"):
                    return g  # "in police firing" parsed as "in police" + a verb "firing"
                if _means(g) and _owner(g) is not None:
                    return _owner(g)
        # "one person was killed when the police fired": the subject of the firing
        if c.dep_ == "advcl" and c.lemma_.lower() in _FIRE_VERBS:
            subj = [x for x in c.children if x.dep_ == "nsubj" and x.pos_ != "PRON"]
            if subj:
                return subj[0]
        # "due to police firing": the preposition hangs off "due"
        if c.lower_ in ("due", "owing"):
            for g in (g for p in c.children for g in p.children if g.dep_ == "pobj"):
                if _means(g) and _owner(g) is not None:
                    return _owner(g)
    return None


# the same, read from the words after the toll when the parse does not link them
_MEANS_RX = "|".join(sorted(_MEANS_NOUNS, key=len, reverse=True))
_KILLER_AFTER = re.compile(
    rf"^(?:[\w'-]+\s+){{0,6}}?(?:in|by|during|due\s+to|owing\s+to|from)\s+(?:(?:the|a|an)\s+)?"
    rf"(?P<owner>(?:[\w'-]+\s+){{0,2}}?[\w'-]+?)(?:'s)?\s+(?:{_MEANS_RX})\b"
    rf"|^(?:[\w'-]+\s+){{0,14}}?(?:when|as|after)\s+(?:(?:the|a|an)\s+)?(?P<subj>[\w'-]+(?:\s+[\w'-]+)?)\s+"
    rf"(?:opened\s+fire|fired|shot|attacked|raided|shelled|bombed|stormed)\b",
    re.I,
)


def killer_phrase(text: str) -> str | None:
    """The killer named in the words right after a toll ("... in police firing", "... when the army
    shelled the town"), cut at the clause's end, or None."""
    clause = re.split(r"[;:]|,\s|\bwhile\b|\bwhereas\b", text, maxsplit=1)[0]
    m = _KILLER_AFTER.match(clause.strip())
    if m is None:
        return None
    return (m.group("owner") or m.group("subj") or "").strip() or None


def killer_of(span: Span, start: int, end: int) -> Token | None:
    """The token naming who killed, for the claim at ``start``..``end`` (doc offsets): the agent
    of its verb ("shot dead by the police"), or the owner of the means it died in ("died in
    police firing", "killed in an army raid"). None when the sentence does not say."""
    for v in span:
        if not (start <= v.idx < end and v.pos_ in ("VERB", "AUX", "ADJ")):
            continue
        if not (_is_killing(v) or v.lower_ == "dead"):
            continue
        for h in [v, v.head] if v.lower_ == "dead" else [v]:
            found = _killer_near(h)
            if found is not None:
                return found
    return None
