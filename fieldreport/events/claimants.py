"""Who says so: the claimant a sentence attributes its content to ("the Observatory said",
"told AFP", "according to a U.S. defense official"), with short names expanded to the full name
the article gave earlier ("the Observatory" -> "Syrian Observatory for Human Rights")."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from ..lexicon import REPORT_LEMMAS

_PRONOUNS = frozenset("he she they it we i".split())


def _org_full_name(short: str, before: str) -> str | None:
    """The longest capitalised name in ``before`` that contains ``short``'s last capitalised word."""
    words = re.findall(r"[A-Z][\w'’-]*", short)
    if not words:
        return None
    head = words[-1]
    cap = r"[A-Z][\w'’-]*"
    conn = r"(?:for|of|on|the|and|in|al|de)"
    rx = re.compile(rf"(?:{cap}\s+(?:{conn}\s+)*)*{re.escape(head)}(?:\s+(?:{conn}\s+)*{cap})*")
    best: str | None = None
    for m in rx.finditer(before):
        cand = re.sub(r"^(?:The|A|An)\s+", "", m.group(0)).strip()
        if len(cand.split()) >= 2 and (best is None or len(cand) > len(best)):
            best = cand
    return best


def expand_org(name: str, before: str) -> str:
    """'the Observatory' -> 'Syrian Observatory for Human Rights' when that name appears in ``before``."""
    core = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    core = re.sub(r"^(?:[\w]+-based\s+)+", "", core)
    caps = re.findall(r"[A-Z][\w'’-]*", core)
    if len(caps) == 1 and len(core.split()) == 1:
        full = _org_full_name(core, before)
        return full or core
    return core


_GENERIC_ORG = {"group", "monitor", "organisation", "organization", "watchdog", "ngo"}
_OF_ROLE = {"head", "chief", "director", "spokesman", "spokeswoman", "spokesperson", "leader", "commander"}


def _named_before(subj, resolve: Callable[[str], str | None] | None) -> str | None:
    """'the Britain-based group': the organisation last named before it, not an armed actor."""
    for e in reversed([e for e in subj.doc.ents if e.label_ == "ORG" and e.end <= subj.left_edge.i]):
        if resolve is None or resolve(re.sub(r"^the\s+", "", e.text, flags=re.I)) is None:
            return e.text
    return None


def _speaker_text(
    subj, before: str, left: int | None = None, resolve: Callable[[str], str | None] | None = None
) -> str:
    doc = subj.doc
    left = subj.left_edge.i if left is None else left
    if subj.lower_ in _GENERIC_ORG and subj.ent_type_ != "ORG":
        named = _named_before(subj, resolve)
        if named:
            return expand_org(named, before)
    ent = next((e for e in doc.ents if e.start <= subj.i < e.end and e.label_ in ("ORG", "PERSON")), None)
    if ent is not None and ent.label_ == "ORG":
        # the whole name, not the parse's head word: "Syrian Observatory for Human Rights"
        name = doc[min(left, ent.start) : max(subj.i + 1, ent.end)].text
        return expand_org(name.removeprefix("the "), before)
    if subj.lower_ in _OF_ROLE:
        # "the head of the SDF media office": the role is nothing without what it heads
        of = [c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            return doc[left : of[0].right_edge.i + 1].text.removeprefix("the ").removeprefix("The ")
    span = doc[left : subj.i + 1]
    words = [t for t in span if not (t.i == left and t.dep_ == "det")]
    text = doc[words[0].i : subj.i + 1].text if words else subj.text
    persons = [e for e in doc.ents if e.label_ == "PERSON" and left <= e.start and e.end == subj.i + 1]
    prefix = ""
    pre = [t for t in doc[left : persons[0].start] if t.dep_ != "det"] if persons else []
    if persons and pre and len(persons[0]) > 1:
        name = persons[0].text
        prefix = doc[pre[0].i : persons[0].start].text
        org = re.findall(r"[A-Z][\w'’-]*", prefix)
        if org:
            full = _org_full_name(org[0], before)
            if full and full != org[0]:
                prefix = prefix.replace(org[0], full, 1)
        text = f"{name}, {prefix}" if prefix else name
    else:
        text = expand_org(text, before)
    appos = [c for c in subj.children if c.dep_ == "appos"] if left == subj.left_edge.i else []
    if appos:
        a = appos[0]
        text = f"{text}, {doc[a.left_edge.i : a.right_edge.i + 1].text}"
    return text


def claimant_of(
    span: Span,
    before: str,
    last_speaker: str | None = None,
    resolve: Callable[[str], str | None] | None = None,
) -> str | None:
    """Who the sentence ``span`` attributes its content to, or None.

    ``before`` is the article text before the sentence (for 'the Observatory' -> its full name);
    ``last_speaker`` stands in for a pronoun ("he said"); ``resolve`` maps a bare actor alias
    ("the coalition") to its dictionary name.
    """
    for t in span:
        if t.lower_ == "according" and t.i + 2 < len(t.doc) and t.nbor().lower_ == "to":
            obj = [c for c in t.nbor().children if c.dep_ == "pobj"]
            if obj:
                return _finish(obj[0], before, last_speaker, resolve)
        if t.lower_ == "as" and t.i + 1 < span.end and t.nbor().lower_ == "per":
            obj = [c for c in t.nbor().children if c.dep_ == "pobj"]
            if obj:
                return _finish(obj[0], before, last_speaker, resolve)
    verbs = [t for t in span if t.lemma_.lower() in REPORT_LEMMAS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", -t.i))
    for v in verbs:
        subj = [c for c in v.children if c.dep_ in ("nsubj",)]
        if subj:
            return _finish(subj[0], before, last_speaker, resolve)
    for v in verbs:
        # "..., network director Omar Haddad told Reuters" parsed without a subject: the words just before
        i = v.i - 1
        while (
            i >= span.start and v.doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "DET") and v.doc[i].dep_ != "dobj"
        ):
            i -= 1
        if i + 1 < v.i:
            head = v.doc[v.i - 1]
            ent = next((e for e in v.doc.ents if e.start <= head.i < e.end), None)
            if ent is not None and ent.end == v.i and ent.label_ not in ("DATE", "TIME", "CARDINAL"):
                # the whole name the tagger saw, whatever label it gave it
                return expand_org(re.sub(r"^the\s+", "", ent.text, flags=re.I), before)
            if head.pos_ in ("PROPN", "NOUN"):
                return _finish(head, before, last_speaker, resolve, left=i + 1)
    return None


def _finish(
    tok,
    before: str,
    last_speaker: str | None,
    resolve: Callable[[str], str | None] | None,
    left: int | None = None,
) -> str | None:
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return last_speaker
    text = _speaker_text(tok, before, left, resolve)
    if resolve is not None:
        bare = re.sub(r"^(?:the|a|an)\s+", "", tok.doc[tok.left_edge.i : tok.i + 1].text, flags=re.I)
        name = resolve(bare)
        if name and not any(e.label_ == "PERSON" for e in tok.doc[tok.left_edge.i : tok.i + 1].ents):
            words = bare.split()
            if len(words) <= 3 and not any(
                w.lower() in ("commander", "official", "spokesman", "head") for w in words
            ):
                return name
    return text
