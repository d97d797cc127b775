"""An article's own date: when the article was written, read from its own text, for an article
that declares no trustworthy publication date.

Three parts of an article say when it was written, each read by its own rules:

- its dateline: "BEIRUT, Feb. 8 (Xinhua) --", "GAZA CITY, 8 February (Reuters) -";
- a timestamp line above or below the story: "Updated January 16, 2019", "Posted on Feb. 8";
- its lead, the first sentence: "On 11th March, Islamic State's final enclave ... was crushed".

A day these rules find decides the date (:data:`DAY`), in that order of trust. A day written
without its year takes the year from the dates the text writes out in full, else from the dates
of the article's story, else from a photo of it: whichever year puts the day nearest them. An
article's own day is never replaced by its story's date.

A photo caption's date (:data:`BOUND`) is never the value: the article is not older than the
photo, so no year may put the day before it, and a story's date before it is not this article's.
When neither the text nor the story gives a date, a lead that names its weekday ("gained ground
on Wednesday") and a photo taken just before give the first such weekday from the photo's eve,
to the week (:data:`WEEKDAY`, precision 2): a photo is published with the news, a file photo
(its caption says so) need not be.

Rules are data: each names the part it reads, its pattern, what it decides, the
``published_source`` it records and the sentences it must get right (``tests/test_dates.py``
reads every one of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..pubdate import contradicted
from .calendar import valid_day
from .context import merge_abbreviations, split_sentences
from .lexicon import DAYNUM, FUTURE_CUE, MONTH, MONTH_AFTER_DAY, MONTHS, WEEKDAY, WEEKDAYS, YEAR

DAY, BOUND, WEEKDAY_ONLY = "day", "bound", "weekday"
DATELINE, STAMP, LEAD, CAPTION = "dateline", "stamp", "lead", "caption"

Accept = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True, slots=True, repr=False)
class Rule:
    """One way an article writes when it was written."""

    name: str
    part: str  # what it reads: DATELINE, STAMP, LEAD or CAPTION
    pattern: re.Pattern[str]
    decides: str  # DAY (the publication day), BOUND (not older than it), WEEKDAY_ONLY
    source: str | None  # the published_source it records when its date is taken
    # (text of the part, what the rule reads there: "2019-03-11", "XXXX-03-11" without a year,
    # "XXXX-WXX-3" for a weekday (ISO: 1 is Monday), or None when the rule must not fire)
    examples: tuple[tuple[str, str | None], ...]
    accept: Accept | None = None  # a check of the context a pattern cannot make

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"


@dataclass(frozen=True, slots=True)
class Found:
    """What a rule read: a day (with or without its year) or a weekday."""

    rule: Rule
    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 is Monday

    @property
    def value(self) -> str:
        """TimeML: "2019-03-11", "XXXX-03-11" with no year, "XXXX-WXX-3" for a Wednesday."""
        if self.month is None or self.day is None:
            return f"XXXX-WXX-{(self.weekday or 0) + 1}"
        year = f"{self.year:04d}" if self.year else "XXXX"
        return f"{year}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class OwnDate:
    """The date an article's own text gives it, and where it came from."""

    value: str  # YYYY-MM-DD
    source: str  # published_source: "dateline", "text"
    precision: int | None  # None: the day; 2: the week (a weekday after a photo)
    rule: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything an article's own text says about when it was written."""

    text: str  # the body, to check a lead's day against
    days: tuple[Found, ...] = ()  # DAY findings in order of trust: dateline, stamp, lead
    refs: tuple[date, ...] = ()  # dates the body writes out in full ("March 10, 2019", "June 2017")
    bound: date | None = None  # the latest photo date: the article is not older than it
    photo: date | None = None  # the latest date of a photo that is not a file photo
    weekday: Found | None = None  # the weekday the lead reports

    @property
    def found(self) -> tuple[Found, ...]:
        return self.days + ((self.weekday,) if self.weekday else ())


# ---------------------------------------------------------------- checks of context

_DAY_AFTER = re.compile(rf",?\s+(?:(?i:the)\s+)?\d|,?\s+{MONTH}")
_NOT_ON_SPAN = re.compile(r"(?i:since|from|until|till|by|before|after|between|through)\s+$")


def _not_future(m: re.Match[str], text: str) -> bool:
    """The day or weekday is not in a clause that looks ahead ("talks will resume on 11 March")."""
    return not FUTURE_CUE.search(text[: m.start()]) and not FUTURE_CUE.search(text[m.end() : m.end() + 40])


def _reported_weekday(m: re.Match[str], text: str) -> bool:
    """ "on Wednesday", "billowed Sunday from ...", not "the Sunday Times", not "until Friday"."""
    before = text[max(0, m.start() - 12) : m.start()]
    if _NOT_ON_SPAN.search(before) or re.search(r"(?i:next|last|this|every|each)\s+$", before):
        return False
    after = text[m.end() : m.end() + 20]
    if re.match(r"\s+[A-Z]", after) and not re.search(r"(?i:\bon)\s+$", before):
        return False
    if _DAY_AFTER.match(after):
        return False  # "Monday, March 4" is a day: the day rules read it
    return _not_future(m, text)


# ---------------------------------------------------------------- the rules

_WD = WEEKDAY.replace("(?P<wd>", "(?:")  # a weekday that is not read, before a day
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?\s?m\b\.?))?(?:\s+[A-Z]{2,4}\b)?"
_LABEL = r"(?i:first\s+published|last\s+updated|published|posted|updated)"
_CLOCK_FIRST = rf"(?:{_CLOCK}\s*[,|•·-]?\s*(?:on\s+)?)?"  # "3:04 PM, March 11"
_STAMP_HEAD = rf"^{_LABEL}(?:\s*:\s*|\s+(?:on|at)\s+|\s+){_CLOCK_FIRST}(?:{_WD}\.?,?\s+)?"
_YEAR_OPT = rf"(?:,?\s+{YEAR})?"

RULES: tuple[Rule, ...] = (
    Rule(
        "dateline_mdy",
        DATELINE,
        re.compile(rf",\s*(?:{_WD},?\s+)?{MONTH}\.?\s+{DAYNUM}\b{_YEAR_OPT}"),
        DAY,
        "dateline",
        (
            ("BEIRUT, Feb. 8 (Xinhua) -- ", "XXXX-02-08"),
            ("KABUL, Afghanistan, March 4, 2019 (AP) — ", "2019-03-04"),
            ("WASHINGTON, Sept 30 (Reuters) - ", "XXXX-09-30"),
            ("BEIRUT (Reuters) - ", None),
        ),
    ),
    Rule(
        "dateline_dmy",
        DATELINE,
        re.compile(rf",\s*(?:{_WD},?\s+)?{DAYNUM}\s+{MONTH_AFTER_DAY}\.?{_YEAR_OPT}"),
        DAY,
        "dateline",
        (
            ("GAZA CITY, 8 February (Reuters) - ", "XXXX-02-08"),
            ("NAIROBI, 11 March 2019 (Xinhua) -- ", "2019-03-11"),
            ("ADEN, Yemen (AP) — ", None),
        ),
    ),
    Rule(
        "stamp_mdy",
        STAMP,
        re.compile(rf"{_STAMP_HEAD}{MONTH}\.?\s+{DAYNUM}\b{_YEAR_OPT}(?![\d:])"),
        DAY,
        "text",
        (
            ("Updated January 16, 2019", "2019-01-16"),
            ("Published 3:04 PM, March 11, 2019", "2019-03-11"),
            ("Posted on Feb. 8 at 10:42 GMT", "XXXX-02-08"),
            ("Last updated: Monday, March 11", "XXXX-03-11"),
            ("Published reports say the army attacked on March 3", None),
            ("Updated 2 hours ago", None),
        ),
    ),
    Rule(
        "stamp_dmy",
        STAMP,
        re.compile(rf"{_STAMP_HEAD}{DAYNUM}\s+{MONTH_AFTER_DAY}\.?{_YEAR_OPT}(?![\d:])"),
        DAY,
        "text",
        (
            ("Published: 11 March 2019 10:42 GMT", "2019-03-11"),
            ("Last updated: Monday, 11 March", "XXXX-03-11"),
            ("Updated 14:05, 8 Feb", "XXXX-02-08"),
            ("Published 11 people were detained", None),
        ),
    ),
    Rule(
        "lead_dmy",
        LEAD,
        re.compile(
            rf"(?<![\w-])(?i:on)\s+(?:(?:the\s+)?{_WD},?\s+)?(?:(?i:the)\s+)?{DAYNUM}\s+(?:of\s+)?"
            rf"{MONTH_AFTER_DAY}{_YEAR_OPT}(?![\d])"
        ),
        DAY,
        "text",
        (
            ("On 11th March, the enclave was crushed with air strikes and artillery.", "XXXX-03-11"),
            ("Gunmen killed 3 in Bori on Monday, 4 March 2019, police said.", "2019-03-04"),
            ("On the 2nd of June, rebels shelled the airport road.", "XXXX-06-02"),
            ("Talks between the two sides will resume on 11 March in Geneva.", None),
            ("The curfew in force since 11 March was lifted.", None),
        ),
        _not_future,
    ),
    Rule(
        "lead_mdy",
        LEAD,
        re.compile(rf"(?<![\w-])(?i:on)\s+(?:{_WD},?\s+)?{MONTH}\.?\s+{DAYNUM}\b{_YEAR_OPT}(?![\d:%])"),
        DAY,
        "text",
        (
            ("On March 11, rebels shelled the airport and cut the road south.", "XXXX-03-11"),
            ("Police said on Tuesday, Jan. 8, 2019, that four men were held.", "2019-01-08"),
            ("The vote is scheduled to take place on March 11.", None),
            ("Voters go to the polls in March 11 districts.", None),
        ),
        _not_future,
    ),
    Rule(
        "lead_weekday",
        LEAD,
        re.compile(rf"\b{WEEKDAY}\b"),
        WEEKDAY_ONLY,
        "text",
        (
            ("Fighters gained ground in the streets of Raqqa on Wednesday, a day after.", "XXXX-WXX-3"),
            ("Columns of black smoke billowed Sunday from the last small piece of land.", "XXXX-WXX-7"),
            ("The Sunday Times said four soldiers were wounded in the raid.", None),
            ("The ceasefire will hold until Friday, the mediators said.", None),
            ("Gunmen killed 3 in Bori on Monday, 4 March 2019, police said.", None),
        ),
        _reported_weekday,
    ),
    Rule(
        "caption_mdy",
        CAPTION,
        re.compile(rf"\b{MONTH}\.?\s+{DAYNUM},?\s+{YEAR}\b"),
        BOUND,
        None,
        (
            ("File photo: SDF fighters near the village of Baghouz, Syria, March 1, 2019.", "2019-03-01"),
            ("A fighter stands guard in Hazima, north of Raqqa, on June 6, 2017.", "2017-06-06"),
            ("Smoke rises over the old city on Sunday.", None),
        ),
    ),
    Rule(
        "caption_dmy",
        CAPTION,
        re.compile(rf"\b{DAYNUM}\s+{MONTH_AFTER_DAY}\.?,?\s+{YEAR}\b"),
        BOUND,
        None,
        (
            ("Displaced families queue for water in Idlib on 14 February 2020.", "2020-02-14"),
            ("Displaced families queue for water in Idlib.", None),
        ),
    ),
)

_FILE_PHOTO = re.compile(r"\b(?:file|archive|archival|library)\s+(?:photo|picture|image)\b|^\s*file\b", re.I)


# ---------------------------------------------------------------- reading


def read(part: str, text: str) -> list[Found]:
    """What the rules for ``part`` find in ``text``, in text order (one finding per place)."""
    found: list[tuple[int, int, Found]] = []
    for rule in RULES:
        if rule.part != part:
            continue
        for m in rule.pattern.finditer(text):
            if rule.accept is not None and not rule.accept(m, text):
                continue
            f = _found(rule, m)
            if f is not None and all(m.end() <= s or m.start() >= e for s, e, _ in found):
                found.append((m.start(), m.end(), f))
    return [f for _, _, f in sorted(found, key=lambda x: x[0])]


def _found(rule: Rule, m: re.Match[str]) -> Found | None:
    g = m.groupdict()
    if g.get("month") and g.get("day"):
        month, day = MONTHS[g["month"].rstrip(".").lower()], int(g["day"])
        year = int(g["year"]) if g.get("year") else None
        if not valid_day(year or 2000, month, day):
            return None
        return Found(rule, m[0].strip(), month, day, year)
    if g.get("wd"):
        return Found(rule, m[0].strip(), weekday=WEEKDAYS[g["wd"].lower()])
    return None


def lead(text: str) -> str:
    """The first sentence of the first paragraph."""
    para = text.strip().split("\n\n", 1)[0] if text.strip() else ""
    bounds = merge_abbreviations(para, split_sentences(para))
    return para[bounds[0][0] : bounds[0][1]] if bounds else para


_MONTH_YEAR = re.compile(rf"\b{MONTH}\.?,?\s+(?:of\s+)?{YEAR}\b")
_FUTURE_WORDS = re.compile(r"\b(?:will|shall|due|scheduled|planned|expected|next|upcoming|until)\b", re.I)


def written_dates(text: str) -> list[date]:
    """Dates the text writes out with their year ("March 10, 2019", "10 March 2019", "June 2017"
    as its 15th), in text order; none from a sentence that looks ahead."""
    spans: list[tuple[int, int, date]] = []
    for rule in (r for r in RULES if r.part == CAPTION):  # full dates, read as captions are
        for m in rule.pattern.finditer(text):
            f = _found(rule, m)
            if f and f.year and f.month and f.day:
                spans.append((m.start(), m.end(), date(f.year, f.month, f.day)))
    for m in _MONTH_YEAR.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
            month = MONTHS[m["month"].rstrip(".").lower()]
            spans.append((m.start(), m.end(), date(int(m["year"]), month, 15)))
    out = []
    for start, _, day in sorted(spans, key=lambda s: s[0]):
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        if not _FUTURE_WORDS.search(text[sentence_start:start]):
            out.append(day)
    return out


def evidence(
    text: str, dateline: str | None = None, stamps: Iterable[str] = (), captions: Iterable[str] = ()
) -> Evidence:
    """What an article's own parts say about when it was written: ``text`` is its body,
    ``dateline`` the dateline removed from it ("BEIRUT, Feb. 8 (Xinhua) -- "), ``stamps`` its
    timestamp lines, ``captions`` the texts of its photo captions."""
    days: list[Found] = []
    if dateline:
        days += [f for f in read(DATELINE, dateline) if f.rule.decides == DAY][:1]
    for line in stamps:
        days += [f for f in read(STAMP, line) if f.rule.decides == DAY][:1]
    first = lead(text)
    in_lead = read(LEAD, first)
    days += [f for f in in_lead if f.rule.decides == DAY][:1]
    weekday = next((f for f in in_lead if f.rule.decides == WEEKDAY_ONLY), None)
    bound = photo = None
    for caption in captions:
        for f in read(CAPTION, caption):
            assert f.year and f.month and f.day
            day = date(f.year, f.month, f.day)
            bound = max(filter(None, [bound, day]))
            if not _FILE_PHOTO.search(caption):
                photo = max(filter(None, [photo, day]))
    return Evidence(text, tuple(days), tuple(written_dates(text)), bound, photo, weekday)


# ---------------------------------------------------------------- deciding

_BOUND_SLACK = timedelta(days=2)  # a lead may report the eve of the photo that illustrates it
_LATER_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def year_for(month: int, day: int, refs: Sequence[date], bound: date | None = None) -> int | None:
    """The year that puts ``month``/``day`` nearest the reference dates and not before the bound
    (a photo of the article: it is not older than that), or None without references."""
    best: tuple[int, int] | None = None
    for y in sorted({r.year + k for r in refs for k in (-1, 0, 1)}):
        if not valid_day(y, month, day):
            continue
        d = date(y, month, day)
        cost = min(abs((d - r).days) for r in refs)
        if bound is not None and d < bound - _BOUND_SLACK:
            cost += 1000
        if best is None or cost < best[0]:
            best = (cost, y)
    return None if best is None else best[1]


def _background(found: Found, value: date, text: str) -> bool:
    """A lead's day that the text itself puts in the past: it writes out a later date or year
    as past ("On 11 March 2011 the uprising began ... in 2019 it ...")."""
    if found.rule.part != LEAD:
        return False
    if contradicted(value.isoformat(), text, slack_days=2):
        return True
    for m in _LATER_YEAR.finditer(text):
        if int(m[0]) > value.year:
            sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            if not _FUTURE_WORDS.search(text[sentence_start : m.end() + 20]):
                return True
    return False


def own_date(ev: Evidence, story_dates: Iterable[str] = ()) -> OwnDate | None:
    """The day the article's own text gives it (:data:`DAY` rules, in order of trust), its year
    written or chosen from the text's full dates, else ``story_dates`` (YYYY-MM-DD), else a photo
    that is not a file photo; None when no day is found or no year can be chosen."""
    story = [date.fromisoformat(d[:10]) for d in story_dates if d]
    for f in ev.days:
        assert f.month is not None and f.day is not None
        year = f.year
        if year is None:
            refs = ev.refs or story or ([ev.photo] if ev.photo else [])
            year = year_for(f.month, f.day, refs, ev.bound)
        if year is None:
            continue
        value = date(year, f.month, f.day)
        if _background(f, value, ev.text):
            continue
        return OwnDate(value.isoformat(), f.rule.source or "text", None, f.rule.name)
    return None


def weekday_after_photo(ev: Evidence) -> OwnDate | None:
    """The weekday the lead reports, counted from the eve of the article's photo (not a file
    photo): the first such day; to the week (precision 2), the photo may be a few days old."""
    if ev.weekday is None or ev.weekday.weekday is None or ev.photo is None:
        return None
    start = ev.photo - timedelta(days=1)
    day = start + timedelta(days=(ev.weekday.weekday - start.weekday()) % 7)
    return OwnDate(day.isoformat(), ev.weekday.rule.source or "text", 2, ev.weekday.rule.name)
