"""Crowds: the words of work stoppages and of crowds acting together.

ACLED codes a labour strike, a sit-in, a road blocked or classes boycotted by workers, students or
residents as a protest, and a crowd on the rampage as a riot. These are told by what the crowd
does (``crowd_actions``: a verb whose subject is a crowd: "300 employees demanded their wages",
"oil workers block roads"), not by a word of violence, so :mod:`.detect` asks this module.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon import CROWD_NOUNS
from .taxonomy import MOB_VIOLENCE, PEACEFUL_PROTEST, VIOLENT_DEMONSTRATION

# a work stoppage: "went on a 48-hour strike", "striking teachers", "a strike over unpaid wages"
LABOUR_STRIKE = (
    r"(?:went|go|goes|going)\s+on\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?strike|\bon\s+strike\b|strike\s+action"
    r"|(?:general|hunger|labou?r|workers'?|teachers'?|doctors'?|nurses'?|sit-down|warning|\w+-day|national"
    r"|nationwide|indefinite|open-ended|\w+[\s-](?:hour|day|week|month)s?|day-long|week-long|city\"?|town\"?|protest"
    r"|students?'?|sympathy|solidarity|transport|taxi|bus)\s+strikes?"
    r"|striking\s+(?:workers|teachers|doctors|nurses|employees|miners|drivers|staff|students)"
    r"|(?:stag(?:ed|ing)|h[eo]ld(?:ing)?|call(?:ed|ing)|declared|joined|observed|start(?:ed|ing)|launch(?:ed|ing)|enter+ed"
    r"|starts?|begins?|launch(?:es)?|beg[au]n|engaged\s+in|organi[sz]ed|announced)\s+(?:a\s+|an\s+|the\s+|their\s+)?(?:[\w\"-]+\s+){0,3}?(?<!air\s)(?<!drone\s)strikes?"
    r"|\bstrikes?\s+(?:(?:were|was)\s+(?:held|observed|staged)|ended|to\s+(?:demand|protest|press)|demanding|in\s+protest"
    r"|over\s+(?:unpaid\s+)?(?:pay|wages|salar\w+"
    r"|fees|arrears|allowances)"
    r"|by\s+(?:[\w-]+\s+){0,3}?(?:workers|drivers|teachers|doctors|nurses|staff|employees|traders|unions?|miners))"
)
# the words of a work stoppage around a bare "strike", and those of a military one
LABOUR_CONTEXT = re.compile(
    r"\b(?:workers?|employees?|staff|teachers?|doctors?|nurses?|drivers?|unions?|syndicates?|salar\w+|wages?"
    r"|pay|bonus(?:es)?|allowances?|arrears|lecturers?|hunger|dead\s+city|ville\s+morte|sit-ins?|boycott\w*"
    r"|shops|businesses|working\s+conditions)\b",
    re.I,
)
MILITARY_CONTEXT = re.compile(
    r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|casualt\w+|militants?|fighters?|jihadists?|insurgents?|rebels?"
    r"|terrorists?|positions?|targets?|targeted|hideouts?|convoys?|bases?|troops|army|military|aircraft|jets?"
    r"|planes?|drones?|missiles?|bombs?|destroyed|hit|struck|landed|pounded|shelled)\b",
    re.I,
)


# what a crowd does that makes a protest (or, on the rampage, a riot)
_PROTEST_VERBS = frozenset(
    "demand denounce chant gather rally converge assemble boycott blockade barricade block picket occupy "
    "petition".split()
)
_RIOT_VERBS = frozenset("rampage".split())


def _crowd(tok: Token) -> bool:
    """Whether a subject names a crowd: "workers", "hundreds of students", "members of the union"."""
    if tok.lower_ in ("unemployed", "jobless", "people", "staff", "community", "union", "mob", "crowd"):
        return True
    word = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
    return tok.tag_ in ("NNS", "NNPS") and (tok.lemma_.lower() in CROWD_NOUNS or word in CROWD_NOUNS)


def _crowd_phrase(subject: Token) -> bool:
    """A crowd as a subject, or the crowd of its "of" phrase ("hundreds of students")."""
    return _crowd(subject) or any(_crowd(g) for c in subject.children if c.dep_ == "prep" for g in c.children)


def crowd_subject(verb: Token) -> bool:
    """Whether the verb's subject is a crowd ("Students protest fees"): a headline, not a habit."""
    return any(_crowd_phrase(s) for s in verb.children if s.dep_ == "nsubj")


def crowd_agent(verb: Token) -> bool:
    """Whether a verb's doer is a crowd, as its subject or in its passive's "by" phrase ("a minibus
    was attacked by rioters")."""
    if crowd_subject(verb):
        return True
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(_crowd_phrase(g) for g in agents)


def crowd_actions(span: Span) -> list[tuple[Token, str, str]]:
    """(verb, sub-event type, kind) for each verb of the sentence a crowd does as a protest or riot."""
    out: list[tuple[Token, str, str]] = []
    for tok in span:
        lemma = tok.lemma_.lower()
        if lemma == "go" and any(c.lower_ == "rampage" for c in tok.subtree):
            lemma = "rampage"  # "went on the rampage"
        if tok.pos_ != "VERB" or lemma not in _PROTEST_VERBS | _RIOT_VERBS:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and tok.dep_ == "conj":
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if any(_crowd_phrase(s) for s in subjects):
            if lemma not in _RIOT_VERBS:
                out.append((tok, PEACEFUL_PROTEST, "protest"))
            else:
                # ACLED: a crowd's rampage is mob violence, unless the crowd is demonstrating
                demo = re.search(r"protest|demonstrat|march", span.text, re.I)
                out.append((tok, VIOLENT_DEMONSTRATION if demo else MOB_VIOLENCE, "riot"))
    return out
