"""event_date: which date governs an event reported in a sentence.

A day in a sentence is the day of what the sentence tells with it (:func:`role`): the incident's
("was shot Sunday"), a death's ("died Tuesday"), a later step's ("was arrested Monday",
"identified the victims on Sunday", "classes resumed Wednesday after ... were shot"), or a
statement's ("said on Tuesday"). The parse tells which verb a day is told with; without one, the
words before it do.

Order: the sentence's own expression of the incident (a day or week before a month), else of a
death; else a step's day as the week up to it (the incident happened by then:
:data:`~fieldreport.records.STEP_DAY`; an arrest's own event takes its day back); else a
statement's day; a background date, long before publication, only when the sentence has nothing
else; else the nearest earlier date in the same paragraph, else the day the article's lead
incident is told on (:func:`lead_day`: "A man was shot Monday night ..." dates "Police found the
victim in a car" two paragraphs on), else the publication date at week precision (ACLED: an
undated report is about the days around its publication), else nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..lexicon import REPORT_LEMMAS, VIOLENCE, VIOLENCE_FORMS
from ..records import LEAD_DAY, PER_DAY_MAX, PUBLICATION_DATE, STEP_DAY, Article, EventDate, Sentence, Timex
from .calendar import days_between, parse_anchor
from .lexicon import REPORTING

BACKGROUND_DAYS = 90  # a date this long before publication is background, not the news


def event_dates_in_range(timex: Timex) -> list[str]:
    """Every day a timex covers (ACLED codes one event per day): its date through range_end."""
    if timex.date is None:
        return []
    if not timex.range_end or timex.range_end < timex.date:
        return [timex.date]
    days = days_between(date.fromisoformat(timex.date), date.fromisoformat(timex.range_end))
    return [d.isoformat() for d in days]


def _day(s: str) -> date:
    return date.fromisoformat(s)


def _background(t: Timex, anchor: date | None) -> bool:
    if anchor is None:
        return False
    if t.date is not None:
        last = _day(t.range_end) if t.range_end else _day(t.date)
        return (anchor - last).days > BACKGROUND_DAYS
    m = re.match(r"(\d{4})(?!-W)", t.value)
    return bool(m) and int(m[1]) < anchor.year


def _reporting(t: Timex, text: str, sentence_start: int) -> bool:
    return bool(REPORTING.search(text[max(sentence_start, t.start - 60) : t.start]))


def _unresolved(t: Timex) -> bool:
    """A relative day, week or month that could not be resolved (no publication date)."""
    return t.type in ("DATE", "TIME") and t.value.startswith("XXXX-")


def _dated(t: Timex) -> bool:
    return t.date is not None and t.precision is not None and t.type in ("DATE", "TIME", "DURATION")


INCIDENT, DEATH, STEP, STATEMENT = "incident", "death", "step", "statement"


def governing_timex(
    sentence: Sentence,
    timexes: Sequence[Timex],
    article: Article,
    sentences: Sequence[Sentence] = (),
    doc: Doc | None = None,
) -> Timex | None:
    """The timex that dates an event reported in ``sentence`` (None: publication date or nothing)."""
    return _governing(sentence, timexes, article, sentences, doc)[0]


def _governing(
    sentence: Sentence,
    timexes: Sequence[Timex],
    article: Article,
    sentences: Sequence[Sentence] = (),
    doc: Doc | None = None,
) -> tuple[Timex | None, str]:
    """:func:`governing_timex` and the :func:`role` of its day in the sentence."""
    anchor = parse_anchor(article.published)
    inside = [t for t in timexes if t.start < sentence.end and t.end > sentence.start]
    dated = [t for t in inside if _dated(t)]
    current = [t for t in dated if not _background(t, anchor)]
    told = [(t, role(t, sentence, article.text, doc)) for t in current if t.precision in (1, 2)]
    for wanted in (INCIDENT, DEATH, STEP, STATEMENT):
        # "was arrested Monday in Saturday's shooting": the incident's day before a later step's
        found = next((t for t, r in told if r == wanted), None)
        if found is not None:
            return found, wanted
    for tier in (current, dated):
        if tier:
            return tier[0], INCIDENT
    if any(_background(t, anchor) or _unresolved(t) for t in inside):
        return None, INCIDENT  # "in 2014" or an unanchored "on Sunday": its own date, unknown here
    para = [s.start for s in sentences if s.paragraph == sentence.paragraph]
    para_start = min([*para, sentence.start])
    before = [
        t
        for t in timexes
        if para_start <= t.start < sentence.start and _dated(t) and not _background(t, anchor)
    ]
    return (max(before, key=lambda t: t.start) if before else None), INCIDENT


def role(t: Timex, sentence: Sentence, text: str, doc: Doc | None = None) -> str:
    """Whose day ``t`` is in ``sentence``: the incident's, a death's, a later step's or a
    statement's. The verb the parse attaches the day to decides ("The sheriff on Sunday
    identified the four people killed Christmas Eve": Sunday is a step's, Christmas Eve the
    incident's); without a parse, or where its verb says nothing, the words just before it. An
    arrest or a step is a step only in a sentence that tells harm besides ("Police arrested 20
    protesters on Monday" is the arrest's own day)."""
    named = _names_harm(t, doc)
    if named is not None:
        return named
    verb = _verb(t, doc)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma in _HARM_LEMMAS or (verb is not None and _HARM_WORD.fullmatch(verb.text)):
        return INCIDENT
    if lemma in _DEATH_LEMMAS:
        return DEATH
    if lemma in REPORT_LEMMAS:
        # "the shooting was reported at 7:15 p.m. Friday": the incident's call, not a statement
        return INCIDENT if any(c.dep_ == "auxpass" for c in verb.children) else STATEMENT  # type: ignore[union-attr]
    if lemma in _STEP_LEMMAS or _PLEA.fullmatch(_object(verb)):
        return STEP if _harm_besides(sentence.text) else INCIDENT
    if _reporting(t, text, sentence.start):
        return STATEMENT
    step = _AFTERMATH.search(text[sentence.start : t.start])
    if step is None:
        return INCIDENT
    if _DEATH_WORD.match(step.group(0)):
        return DEATH
    return STEP if _harm_besides(sentence.text) else INCIDENT


def _root(t: Timex, doc: Doc | None) -> Token | None:
    """The token that heads a timex in the article's parse."""
    if doc is None:
        return None
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _names_harm(t: Timex, doc: Doc | None) -> str | None:
    """The role of a day that is part of the name of the harm itself, whatever verb the sentence
    tells it with: "arrested in Saturday's shooting", "a warrant in the Nov. 11 fatal shooting",
    "charged in the Jan. 3 death of" are the incident's (or the death's) day, not the arrest's."""
    tok = _root(t, doc)
    if tok is None:
        return None
    for _ in range(2):
        if tok.dep_ not in ("poss", "compound", "nmod", "npadvmod", "amod") or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ != "NOUN":
            return None
        lemma = tok.lemma_.lower()
        if lemma in _HARM_NOUNS:
            return INCIDENT
        if lemma in _DEATH_NOUNS:
            return DEATH
    return None


# the names of harm a day can be part of: "Saturday's shooting", "the Nov. 11 slaying"
_HARM_NOUNS = frozenset(
    "shooting killing slaying murder homicide stabbing attack bombing ambush assault massacre raid "
    "strike shootout gunfight rampage carjacking robbery explosion blast".split()
)
_DEATH_NOUNS = frozenset({"death"})


def _verb(t: Timex, doc: Doc | None) -> Token | None:
    """The verb a day is told with: the first verb above it in the parse."""
    tok = _root(t, doc)
    if tok is None:
        return None
    for _ in range(4):
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _object(verb: Token | None) -> str:
    """The lemma of a verb's direct object: "entered guilty pleas" -> "plea"."""
    if verb is None:
        return ""
    return next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), "")


# a step told by its object, whatever the verb: "entered a plea Tuesday", "waived a hearing",
# "made her first court appearance Thursday"
_PLEA = re.compile(r"plea|hearing|arraignment|appearance|bond|bail|verdict|sentence")


def _harm_besides(sentence: str) -> bool:
    """Whether a sentence tells harm besides its arrests and gatherings."""
    return any(not _NOT_HARM.match(m.group(0)) for m in VIOLENCE.finditer(sentence))


# the verbs of harm: a day told with one is the incident's
_HARM_LEMMAS = frozenset(
    "kill shoot wound injure attack bomb shell strike fire stab murder slay ambush explode detonate "
    "hit raid storm assault execute behead abduct kidnap massacre torch burn open occur happen".split()
)
_HARM_WORD = re.compile(r"(?i)shot|killed|wounded|injured|slain")
_DEATH_LEMMAS = frozenset({"die", "succumb"})
_DEATH_WORD = re.compile(r"(?i)died|dies|succumbed")
# the verbs of a step after the incident: an arrest, a charge, a hearing or a judge's order, a
# name released, a school reopened, a vigil held
_STEP_LEMMAS = frozenset(
    "arrest charge book arraign indict sentence convict plead appear release identify name hold resume "
    "reopen issue file bury mourn honor honour jail extradite surrender detain apprehend order deny grant "
    "rule testify waive postpone".split()
)
# arrests and gatherings: the incident itself where the sentence tells no harm besides
_NOT_HARM = re.compile(r"(?i)arrest|detain|protest|demonstrat|rall|march|riot|dispersed|captured|seized")


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # an expression that names its year needs no anchor


# A sentence that tells an incident: a day told in it can date the article's lead incident.
# ... or of ground taken: "pushed into the eastern edge of Raqqa on Tuesday"; or one that tells
# when the incident the lead told happened without naming it again ("It happened around 1 p.m.
# Sunday", "The incident occurred Saturday night")
_INCIDENT = re.compile(
    rf"\b(?:{VIOLENCE_FORMS}|pushed\s+(?:into|deeper)|advanc(?:ed|ing)\s+(?:on|into|towards?)|entered)\b"
    r"|^(?:It|This|That|The\s+incident)\s+(?:happened|occurred|took\s+place|unfolded)\b",
    re.I,
)
# A day told right after these words dates a step after the incident, not the incident: an
# arrest, a charge, a hearing, a vigil, a name released, a death in hospital ("died Tuesday"
# after "was shot Monday").
_AFTERMATH = re.compile(
    r"\b(?:arrest(?:ed)?|charged|booked|arraigned|indicted|sentenced|convicted|pleaded|appeared|court|"
    r"hearing|trial|released|identified|named|vigil|funeral|memorial|autopsy|died|dies|succumbed|"
    r"custody|surrendered|turned (?:him|her)self in|jailed|extradited)\b[^.;:]{0,40}$",
    re.I,
)


def lead_day(
    timexes: Sequence[Timex], article: Article, sentences: Sequence[Sentence], doc: Doc | None = None
) -> Timex | None:
    """The day the article's incident happened, when its text tells one day only: a day (not a
    week or a month), on or before publication and not background, told in a sentence of an
    incident ("shot", "killed", "protest", ...) and not as the day someone said, was arrested,
    charged or died. Where sentences tell different days, the day of the lead (the first
    ``LEAD_PARAGRAPHS`` paragraphs), which tells the news; None when the lead tells none (a report
    of Friday's offensive and Sunday's strikes leaves a sentence that tells neither undated)."""
    days = _incident_days(timexes, article, sentences, doc)
    if not days:
        return None
    if len({t.date for t in days}) == 1:
        return days[0]
    lead = sorted({s.paragraph for s in sentences})[:LEAD_PARAGRAPHS]
    first = next((s for s in sentences if s.start <= days[0].start < s.end), None)
    return days[0] if first is not None and first.paragraph in lead else None


LEAD_PARAGRAPHS = 2


def _incident_days(
    timexes: Sequence[Timex], article: Article, sentences: Sequence[Sentence], doc: Doc | None
) -> list[Timex]:
    """The days of :func:`lead_day`'s candidates in text order; one pass over the timexes, each
    sentence read for an incident word once, at its first candidate day."""
    anchor = parse_anchor(article.published)
    if anchor is None:
        return []
    text = article.text
    starts = [s.start for s in sentences]
    incident: dict[int, bool] = {}
    out: list[Timex] = []
    for t in sorted(timexes, key=lambda t: t.start):
        if not _dated(t) or t.precision != 1 or t.type == "DURATION":
            continue
        i = bisect_right(starts, t.start) - 1
        if i < 0 or t.start >= sentences[i].end:
            continue
        s = sentences[i]
        if _background(t, anchor) or _day(t.date) > anchor:  # type: ignore[arg-type]
            continue
        if role(t, s, text, doc) != INCIDENT:
            continue
        if i not in incident:
            incident[i] = bool(_INCIDENT.search(text[s.start : s.end]))
        if incident[i]:
            out.append(t)
    return out


def event_date(
    sentence: Sentence,
    timexes: Sequence[Timex],
    article: Article,
    sentences: Sequence[Sentence] = (),
    lead: Timex | None = None,
    doc: Doc | None = None,
) -> EventDate:
    """The date of an event reported in ``sentence``, with ACLED precision and its evidence;
    ``lead`` is the article's :func:`lead_day`, the date of a sentence that tells none; ``doc`` the
    article's parse, which tells whose day a day is (:func:`role`)."""
    t, told = _governing(sentence, timexes, article, sentences, doc)
    own = _own_undated(sentence, timexes, article) if t is None else []
    # a later step or a statement in the week after the lead's incident is told of that incident
    after_lead = told in (STEP, STATEMENT) and t is not None and lead is not None and _week_after(lead, t)
    inherited = (t is None and lead is not None and not own) or after_lead
    if inherited:
        t = lead
    if t is not None:
        found = _from_timex(t)
        if inherited:
            found = replace(found, evidence=f"{found.evidence}{LEAD_DAY}")
        elif told in (STEP, STATEMENT) and found.precision == 1:
            # "was arrested Monday in the shooting", "police said Tuesday that a child was found
            # dead": the incident happened by then, not then
            found = EventDate(found.date, 2, f"{found.evidence}{STEP_DAY}")
        if article.published_precision and not _YEAR.search(t.text) and found.precision:
            # "on Sunday" counted from a publication date the story only narrows to a week
            found = EventDate(found.date, max(found.precision, article.published_precision), found.evidence)
        return found
    if own:
        return EventDate(None, None, own[0].text)
    anchor = parse_anchor(article.published)
    if anchor is not None:
        return EventDate(anchor.isoformat(), max(2, article.published_precision or 2), PUBLICATION_DATE)
    return EventDate(None, None, None)


def _week_after(lead: Timex, t: Timex) -> bool:
    """Whether ``t`` is the lead's day or one of the week after it."""
    if not lead.date or not t.date:
        return False
    return 0 <= (_day(t.date) - _day(lead.date)).days <= STEP_WEEK


STEP_WEEK = 7


def _own_undated(sentence: Sentence, timexes: Sequence[Timex], article: Article) -> list[Timex]:
    """The sentence's own dates that date it to no day here: background ("in 2014"), or a day
    no publication date resolves ("on Sunday")."""
    anchor = parse_anchor(article.published)
    inside = [t for t in timexes if t.start < sentence.end and t.end > sentence.start]
    return [t for t in inside if _background(t, anchor) or _unresolved(t)]


def _from_timex(t: Timex) -> EventDate:
    assert t.date is not None
    if not t.range_end or t.range_end <= t.date:
        return EventDate(t.date, t.precision, t.text)
    start, end = _day(t.date), _day(t.range_end)
    n = (end - start).days + 1
    if n > PER_DAY_MAX and _SINCE.match(t.text):
        # "protesting since 14 March", weeks before the report: the one day the source names,
        # as ACLED codes a long campaign only on days with reported activity
        return EventDate(start.isoformat(), 1, t.text, start.isoformat(), end.isoformat())
    mid = start + timedelta(days=(n - 1) // 2)
    return EventDate(mid.isoformat(), 2 if n <= 7 else 3, t.text, start.isoformat(), end.isoformat())


_SINCE = re.compile(r"(?i)(?:ever\s+)?since\b")
