"""Incidents within an article: what one article says, grouped into the incidents it reports.

A report tells one incident over many sentences: the lead, then its toll, its sides, its place
and its time told later, a witness, a police statement. Each of those sentences may yield a
mention, and each mention belongs to the incident it elaborates: one event with all of them as
evidence. Another incident starts only where the text says so:

- a marker of another incident ("In a separate attack", "Elsewhere", "Another shooting");
- its own day, stated in its sentence, other than the incident's (a death told on a later day
  is the incident's toll: "died on Sunday" after "shot on Saturday");
- its own place, named in its sentence and resolved, far from the incident's;
- where both name organised armed sides, another type or another pair of sides: ACLED's unit
  is one event per day, place, type and actor pair (an air strike and a ground battle in one
  town on one day are two events), while a report whose sides are unnamed or unidentified
  elaborates the incident whatever words typed it.

A step after the incident told before, an arrest or a charge in it ("arrested on Wednesday in
connection with the shooting"), is that incident's report on its own later day: it joins the
incident whatever its day, and its day is not the incident's. So is an arrest that names no
organised side, told after violence near it ("Deputies arrested Josh Smith Sunday morning"):
police arresting a suspect is the criminal incident's aftermath, not an event of its own.

Background, aggregate and historical statements are context, never an event, and their figures
are no event's toll: running totals ("the city's 7th homicide this year"), counts over a period
("two shootings in two months", "since 2014"), descriptions of an enemy ("described the
militants as rats").

Each rule is data: its name, its pattern, what it decides and the sentences it must (and must
not) match, which ``tests/test_incidents.py`` checks. :func:`group` runs them in one ordered
pass over an article's mentions in text order.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..geo.gazetteer import distance_km
from ..lexicon import WEEKDAYS
from ..records import PUBLICATION_DATE, Location, Mention, from_lead, from_step
from .taxonomy import ARRESTS, BATTLES, EXPLOSIONS, ORGANISED_INTERS, VAC

CONTEXT = "context"  # not an event: background, a running total, a description
SEPARATE = "separate"  # another incident than the one told before
AFTERMATH = "aftermath"  # a step after the incident told before (an arrest in it): its report, not its day
OTHER_MATTER = "other matter"  # an arrest for something else (a warrant, drugs): not the violence's aftermath

UNIDENTIFIED = "Unidentified"
# a report whose trigger is a death tells the toll of an incident, on whatever day the victim died
_DEATH = re.compile(r"\b(?:died|dies|dead|death|deaths|succumbed|pronounced)\b", re.I)
# A place named in the sentence this far from the incident's is another incident's place.
SEPARATE_KM = 40.0


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    decides: str  # CONTEXT, SEPARATE, AFTERMATH or OTHER_MATTER
    examples: tuple[str, ...]  # sentences it must match
    counter: tuple[str, ...] = ()  # sentences it must not match


_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|\w+tieth|latest)"
)
_CRIME = r"(?:homicides?|murders?|killings?|shootings?|slayings?|deaths?|shooting deaths?|fatalit(?:y|ies))"
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens? of|hundreds? of|several|many)"
_PERIOD = r"(?:days?|weeks?|months?|years?|decades?)"

RULES: tuple[Rule, ...] = (
    Rule(
        "running_total",
        re.compile(
            rf"\b{_ORDINAL}\s+(?:\w+\s+)?{_CRIME}\b[^.]*?\b(?:this|of the|of|in|so far|for the)\s+"
            rf"(?:year|month|summer|weekend|(?:19|20)\d\d)\b",
            re.I,
        ),
        CONTEXT,
        (
            "The killing was the city's 12th homicide of the year.",
            "It marked Springfield's 7th homicide of 2015.",
            "Police said it was the third fatal shooting in the county this year.",
        ),
        ("The first shots were fired at 2 a.m. on Main Street.",),
    ),
    Rule(
        "count_over_period",
        re.compile(
            rf"\b{_COUNT}\s+(?:\w+\s+)?{_CRIME}\s+(?:in|over|within)\s+(?:the\s+(?:past|last)\s+)?"
            rf"(?:{_COUNT}\s+|a\s+)?{_PERIOD}\b",
            re.I,
        ),
        CONTEXT,
        (
            "The house has been the scene of two shootings in two months.",
            "There have been five killings in the past three weeks in the district.",
        ),
        ("Two people were shot in the leg on Monday night.",),
    ),
    Rule(
        "since_then",
        re.compile(
            r"\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d\d|the (?:start|beginning) of)"
            r"|so far this (?:year|month)|this year alone|to date this year"
            r"|(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years|decades|months)"
            r"|in recent (?:weeks|months|years))\b",
            re.I,
        ),
        CONTEXT,
        (
            "The insurgency has killed more than 20,000 people since 2009.",
            "So far this year, 41 people have been shot in the city.",
            "Fighting among gangs has claimed a mounting toll of lives over the past few years.",
        ),
        ("Gunmen killed three people in the market since early morning, police said.",),
    ),
    Rule(
        "description",
        re.compile(r"\b(?:describ|portray|call|brand|dismiss)\w*\s+(?:the\s+)?[\w\s'-]{0,40}?\s+as\b", re.I),
        CONTEXT,
        ("The commander described the militants as 'rats' who would be crushed.",),
        ("Witnesses described how the gunmen opened fire on the crowd.",),
    ),
    Rule(
        "arrest_in_it",
        re.compile(
            r"\b(?:arrest\w*|charged|booked|indicted|custody|accused|suspects?|surrendered|turned\s+(?:him|her)self\s+in)"
            r"\b[^.;]{0,80}?\b(?:in\s+connection\s+with|in|for|with|of|after)\s+(?:the\s+|a\s+|last\s+\w+'s\s+)?"
            r"(?:[\w'-]+\s+){0,3}?(?:shootings?|killings?|murders?|homicides?|deaths?|slayings?|stabbings?"
            r"|manslaughter|assaults?|woundings?)\b",
            re.I,
        ),
        AFTERMATH,
        (
            "A man was arrested Tuesday in connection with the shooting.",
            "The 19-year-old was arrested Friday on charges of manslaughter and weapons possession.",
            "Deputies said the suspect was arrested on suspicion of first-degree assault.",
            "Police charged a 19-year-old with murder in the death of the teen on Friday.",
            "Two suspects in last week's shooting turned themselves in on Monday.",
        ),
        ("Police arrested 20 protesters in the capital on Monday.",),
    ),
    Rule(
        "arrest_for_another_matter",
        re.compile(
            r"\b(?:arrest\w*|charged|booked|custody|raid)\b[^.;]{0,80}?\b(?:drugs?|narcotics|DUI|DWI|drunk"
            r"|warrants?|theft|burglar\w*|shoplifting|trespass\w*|fraud|parole|probation|failure\s+to\s+appear"
            r"|traffic\s+stop)\b",
            re.I,
        ),
        OTHER_MATTER,
        (
            "Police arrested a suspect on Wednesday in a drug raid.",
            "Deputies arrested the man Friday on an outstanding warrant for failure to appear.",
            "He was booked into jail on a probation violation.",
        ),
        ("Deputies arrested Josh Smith for obstruction of justice Sunday morning.",),
    ),
    Rule(
        "another_incident",
        re.compile(
            r"\b(?:in|during)\s+(?:a|an)\s+(?:separate|unrelated|different|second|later|earlier|"
            r"similar)\s+(?:\w+\s+)?(?:incident|attack|shooting|raid|strike|clash|case|bombing|"
            r"explosion|ambush|killing)\b"
            r"|^(?:\W*(?:meanwhile|separately|also|earlier|later)\W+)?(?:in\s+)?(?:another|a separate|"
            r"an unrelated)\s+(?:\w+\s+)?(?:incident|attack|shooting|raid|strike|clash|case|bombing|"
            r"explosion|ambush|killing)\b"
            r"|^\W*elsewhere\b",
            re.I,
        ),
        SEPARATE,
        (
            "In a separate attack, gunmen killed two farmers in a nearby village.",
            "Another shooting left a teenager wounded on the east side.",
            "Elsewhere, a roadside bomb hit an army patrol.",
        ),
        ("The attack was the second in the town, residents said, and the dead were buried Sunday.",),
    ),
)


# A court's stage of a case, a trial, a plea, a verdict or a sentence, comes months after the
# incident: in an article that leads with one, a report dated only by the court's day or by the
# publication does not date its incident at all (:func:`court_stage`).
COURT_STAGE = re.compile(
    r"\b(?:sentenced|sentencing|convicted|pleaded\s+(?:guilty|no\s+contest)|pleads\s+guilty|guilty\s+pleas?"
    r"|found\s+guilty|(?:murder|criminal|jury)\s+trial|on\s+trial|jury|jurors|verdict|testified)\b",
    re.I,
)


def court_stage(title: str | None, text: str) -> bool:
    """Whether an article leads (its title or first paragraph) with a court's stage of a case:
    "Jury Returns with Verdict in Downtown Double Homicide", "A man was sentenced to 40 years
    Friday for the 2015 killing of ..." """
    first = text.split("\n\n", 1)[0]
    return bool(COURT_STAGE.search(f"{title or ''}\n{first}"))


def decision(sentence: str) -> Rule | None:
    """The first rule, in order, that decides something about this sentence."""
    for rule in RULES:
        if rule.pattern.search(sentence):
            return rule
    return None


@dataclass
class _Incident:
    index: int
    day: _dt.date | None  # its own explicit day, once a report states one
    place: Location | None  # its own named place, once a report names one
    lead: Mention
    window: tuple[_dt.date, _dt.date] | None  # the days it can be on, as far as its reports tell


def armed(m: Mention) -> bool:
    """Whether a report names an organised armed side (not an unidentified one, nor a phrase
    kept as written, "Twelve soldiers", "two men"): then its type and sides are what the text
    says, not a guess from a loose word."""
    return any(
        name
        and inter in ORGANISED_INTERS
        and not name.startswith(UNIDENTIFIED)
        and not _AS_WRITTEN.match(name)
        for name, inter in ((m.actor1, m.actor1 and m.inter1), (m.actor2, m.actor2 and m.inter2))
    )


# an actor kept as the text wrote it: a count or a lower-case phrase, not a named side
_AS_WRITTEN = re.compile(
    r"(?:[a-z]|\d|(?i:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|"
    r"many|dozens|hundreds|scores)\b)"
)


def group(mentions: Sequence[Mention], published: str | None = None) -> tuple[Mention, ...]:
    """The mentions of one article, each numbered with the incident it tells (0 the first);
    mentions that are context (see :data:`RULES`, and :func:`recalled` against the article's
    publication day ``published``) are left out."""
    incidents: list[_Incident] = []
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, x.sentence_index)):
        rule = decision(m.sentence)
        if (rule is not None and rule.decides == CONTEXT) or recalled(m, published):
            continue
        separate = rule is not None and rule.decides == SEPARATE
        if rule is not None and rule.decides == AFTERMATH and incidents:
            # an arrest or a charge in the incident told before: that incident's report, on its own
            # later day, which neither parts it from the incident nor becomes the incident's day
            home = incidents[-1]
            out.append(replace(m, incident=home.index))
            continue
        other_matter = rule is not None and rule.decides == OTHER_MATTER
        home = None if separate or other_matter else _arrested_after(incidents, m)
        if home is not None:
            out.append(replace(m, incident=home.index))
            continue
        home = _home(incidents, m, own_day(m), own_place(m), separate)
        if home is None:
            home = _Incident(len(incidents), own_day(m), own_place(m), m, window(m))
            incidents.append(home)
        else:  # the incident told last comes first when the next report looks for its own
            incidents.remove(home)
            incidents.append(home)
        home.day = home.day or own_day(m)
        home.place = home.place or own_place(m)
        home.window = (home.day, home.day) if home.day else home.window or window(m)
        out.append(replace(m, incident=home.index))
    return tuple(out)


def _home(
    incidents: list[_Incident], m: Mention, day: _dt.date | None, place: Location | None, separate: bool
) -> _Incident | None:
    """The incident a report elaborates: the last told that its day, place and sides agree with;
    none for a report the text marks as another incident (unless its own day and place name an
    earlier one). A report that states no day of its own looks first among the incidents its
    article's day fits, then among all told before it (:func:`_reach`)."""
    for days in dict.fromkeys((window(m), _reach(m))):
        for inc in reversed(incidents):
            if separate and not (day and place and inc.day == day and _near(inc.place, place)):
                continue
            if day and inc.day and day != inc.day and not (day > inc.day and _DEATH.search(m.trigger)):
                continue
            if not day and not inc.day and _other_weekday(m, inc.lead):
                continue
            if not (day and inc.day) and not _meet(days, inc.window) and not _before_step(day, inc):
                continue  # "entered the city last month" in a report of this week's fighting
            if place and inc.place and not _near(inc.place, place):
                continue
            if armed(m) and armed(inc.lead) and not same_unit(m, inc.lead):
                continue
            return inc
    return None


_VIOLENCE = frozenset({BATTLES, EXPLOSIONS, VAC})


def _arrested_after(incidents: list[_Incident], m: Mention) -> _Incident | None:
    """The violent incident an arrest that names no organised side follows: the last told, near
    the arrest's place, not after its day."""
    if m.sub_event_type != ARRESTS or armed(m):
        return None
    day, place = own_day(m), own_place(m)
    for inc in reversed(incidents):
        if inc.lead.event_type not in _VIOLENCE or armed(inc.lead):
            continue
        if (day and inc.day and day < inc.day) or (place and inc.place and not _near(inc.place, place)):
            return None
        return inc
    return None


def _before_step(day: _dt.date | None, inc: _Incident) -> bool:
    """Whether a report's own day falls before an incident known only by a later step's day
    ("a judge ordered on Tuesday ... after a boy was shot", then "The boy was shot on April 5"):
    the step came after the incident, however long after."""
    d = inc.lead.date
    return (
        day is not None
        and inc.day is None
        and d is not None
        and from_step(d.evidence)
        and inc.window is not None
        and day <= inc.window[1]
    )


_WEEKDAY = re.compile(rf"\b({WEEKDAYS})\b", re.I)


def _other_weekday(a: Mention, b: Mention) -> bool:
    """In an article with no date to resolve them against, "late on Monday" and "Tuesday" are
    still two days."""
    wa = _WEEKDAY.search((a.date.evidence if a.date else None) or "")
    wb = _WEEKDAY.search((b.date.evidence if b.date else None) or "")
    return bool(wa and wb and wa.group(1).lower() != wb.group(1).lower())


def same_unit(a: Mention, b: Mention) -> bool:
    """ACLED's unit: the same sub-event type and the same pair of sides, in either order; a side
    one report leaves unnamed, or names only as written ("Twelve soldiers"), is no other side."""
    sa, sb = _named(a), _named(b)
    return a.sub_event_type == b.sub_event_type and (sa <= sb or sb <= sa)


def _named(m: Mention) -> set[str]:
    return {n for n in (m.actor1, m.actor2) if n and not _AS_WRITTEN.match(n)}


# How many days either side of its date a report may mean, by its precision (ACLED's 1 day,
# 2 week, 3 month): a stated day is that day; "last week" or a date from the story a few days
# either way; a month any day of it. A publication date alone means that day or the two before
# it ("late Friday" in Sunday's paper). Fusion holds reports of other articles to the same.
DATE_SLACK = {1: 0, 2: 3, 3: 15}
PUBLISHED_BEFORE = 2
# A later step's day ("arrested Monday in the shooting") means the incident happened on it or in
# the week before.
STEP_BEFORE = 7


def window(m: Mention) -> tuple[_dt.date, _dt.date] | None:
    """The days a mention's date can mean."""
    d = m.date
    if d is None or not d.date:
        return None
    try:
        day = _dt.date.fromisoformat(d.date)
    except ValueError:
        return None
    if d.evidence == PUBLICATION_DATE:
        return day - _dt.timedelta(days=PUBLISHED_BEFORE), day
    if from_step(d.evidence):
        return day - _dt.timedelta(days=STEP_BEFORE), day
    slack = _dt.timedelta(days=DATE_SLACK.get(d.precision or 3, DATE_SLACK[3]))
    return day - slack, day + slack


def _reach(m: Mention) -> tuple[_dt.date, _dt.date] | None:
    """The days a report can tell within its article: :func:`window`, except that a report dated
    only by its article (the publication, or the lead's day) states no day of its own, so it may
    tell any incident of the article up to that day ("Le'Vonte was fatally shot" in a story of
    his funeral a week after the shooting "on July 8")."""
    w = window(m)
    if w is None or m.date is None or not (m.date.evidence == PUBLICATION_DATE or from_lead(m.date.evidence)):
        return w
    return _dt.date.min, w[1]


def recalled(m: Mention, published: str | None) -> bool:
    """A report dated only to a month that is over by the publication ("entered the city last
    month", "in October") is the article's background, not its news."""
    d = m.date
    if d is None or not d.date or d.precision != 3 or d.evidence == PUBLICATION_DATE or not published:
        return False
    return d.date[:7] < published[:7]


def _meet(a: tuple[_dt.date, _dt.date] | None, b: tuple[_dt.date, _dt.date] | None) -> bool:
    return a is None or b is None or not (a[1] < b[0] or b[1] < a[0])


def stated_day(m: Mention) -> str | None:
    """The day a report states in its own words, not its article's publication date (fusion and
    ``Store.iter_mentions`` decide by the same test)."""
    d = m.date
    if d is None or not d.date or d.precision != 1 or d.evidence == PUBLICATION_DATE or from_lead(d.evidence):
        return None
    return d.date


def own_day(m: Mention) -> _dt.date | None:
    """:func:`stated_day` as a date."""
    try:
        day = stated_day(m)
        return _dt.date.fromisoformat(day) if day else None
    except ValueError:
        return None


def own_place(m: Mention) -> Location | None:
    """The place a report names in its own sentence, resolved to a point."""
    loc = m.location
    if loc is None or loc.latitude is None or loc.longitude is None or (loc.geo_precision or 3) > 2:
        return None
    if not loc.evidence or loc.evidence not in m.sentence:
        return None
    return loc


def _near(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SEPARATE_KM  # type: ignore[arg-type]
