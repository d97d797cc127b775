"""Words and regular-expression fragments of English temporal expressions."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

# unit word -> (TimeML duration letter, is a time unit (PT...), granularity for arithmetic)
UNITS = {
    "second": ("S", True, None),
    "minute": ("M", True, None),
    "hour": ("H", True, None),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "weekend": ("WE", False, "weekend"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, None),
    "centurie": ("CE", False, None),
    "quarter": ("Q", False, "quarter"),
}

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
NUMBER_WORDS.update(
    {
        "a": 1.0,
        "an": 1.0,
        "a single": 1.0,
        "a dozen": 12.0,
        "half a": 0.5,
        "a half": 0.5,
        "a couple of": 2.0,
        "couple of": 2.0,
        "a hundred": 100.0,
        "one hundred": 100.0,
    }
)
VAGUE_NUMBERS = {
    "several",
    "a few",
    "few",
    "many",
    "some",
    "dozens of",
    "hundreds of",
    "a number of",
    "a matter of",
    "countless",
    "numerous",
}


def parse_number(s: str) -> float | None:
    """A cardinal in digits or words ("24", "1.5", "twenty-five", "a"); None when vague ("several")."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    m = re.fullmatch(r"(\w+)[- ](\w+)", s)
    if m and m[1] in _TENS and m[2] in NUMBER_WORDS and NUMBER_WORDS[m[2]] < 10:
        return NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]]
    return None


def fmt_number(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


# --- regex fragments ---------------------------------------------------------------------------

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# abbreviations only with a full stop or before a day number ("Jan" is also a first name)
MONTH = rf"(?P<month>(?:{MONTH_FULL})\b|(?:{_MONTH_ABBR})(?:\.|\b(?=\s+\d)))"
# after a day number ("16 Jan", "16 JAN 2016") an abbreviation needs no full stop
MONTH_AFTER_DAY = (
    rf"(?P<month>(?:{MONTH_FULL}|{MONTH_FULL.upper()})\b|(?:{_MONTH_ABBR}|{_MONTH_ABBR.upper()})(?:\.|\b))"
)
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAYNUM2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_TEEN_WORDS = "|".join(sorted(_SMALL[1:], key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS)
NUM = (
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|"
    rf"(?:{_TENS_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    rf"(?:{_TEEN_WORDS})|a\s+couple\s+of|couple\s+of|a\s+few|a\s+dozen|a\s+single|half\s+an?|"
    r"a\s+number\s+of|a\s+matter\s+of|dozens\s+of|hundreds\s+of|several|few|many|numerous|an?)"
)
QUANT = (
    r"(?P<q>nearly|almost|around|some|roughly|approximately|more\s+than|less\s+than|fewer\s+than|"
    r"under|at\s+least|at\s+most|up\s+to|upwards\s+of|the\s+first|"
    r"the\s+last|the\s+past|the\s+previous|the\s+next|the\s+coming|the\s+final|the\s+following|"
    r"past|last|next|another|an\s+additional|a\s+further|the)"
)
MODS = (
    r"(?P<mod>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|by\s+the\s+end\s+of|the\s+turn\s+of)"
)

PREPOSITIONS = {
    "in",
    "on",
    "at",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "from",
    "before",
    "after",
    "between",
    "of",
    "to",
    "and",
    "or",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "end",
    "beginning",
    "start",
    "middle",
    "around",
    "about",
    "as",
    "for",
    "into",
    "within",
    "than",
    "past",
}
# weekday / month false friends: "Sunday Times", "Good Friday", "Theresa May"
NAME_BEFORE = {
    "good",
    "black",
    "bloody",
    "palm",
    "easter",
    "holy",
    "ash",
    "super",
    "cyber",
    "maundy",
    "whit",
    "theresa",
    "mrs",
    "ms",
    "mr",
    "sister",
    "brian",
    "rachel",
    "june",
}
# a date followed by one of these is a name: "the October 6 suburb", "the Feb 20 Movement",
# "26 June District", "the April 6 Youth Movement", "May 15 Square"
NAME_AFTER = {
    "suburb", "district", "street", "st", "road", "avenue", "bridge", "square", "city", "town",
    "neighbourhood", "neighborhood", "movement", "revolution", "uprising", "youth", "university",
    "stadium", "brigade", "battalion", "martyrs", "camp", "hospital", "school", "club", "group",
    "coalition", "front", "party", "alliance", "agreement", "accord", "accords", "generation",
}  # fmt: skip
REPORTING = re.compile(
    r"(?:\b(?:said|says|say|told\s+[\w.’'-]+(?:\s+[\w.’'-]+){0,2}|announced|reported|stated|added|warned|"
    r"claimed|tweeted|confirmed|denied|declared|statement(?:\s+(?:released|issued|dated))?|"
    r"(?:news\s+)?conference|interview|briefing|posted|wrote|report(?:ed)?|according\s+to\s+[\w\s]{1,40}?))"
    r"(?:\s+(?:late|early))?(?:\s+on)?\s*,?\s*$",
    re.I,
)

# --- tense cues --------------------------------------------------------------------------------

FUTURE_CUE = re.compile(
    r"\b(?:will|won[’']t|shall|(?:(?:is|are|am|was|were)\s+(?:(?:not|also|now|still)\s+)?)?(?:expected|scheduled|"
    r"due|set|slated|poised|going|planning|preparing|about|likely|ready|planned|supposed)\s+(?:to|for)|"
    r"(?:is|are|was|were)\s+to|(?:is|are|be)\s+(?:expected|scheduled|slated)\b|"
    r"(?:plan|plans|planned|intend|intends|intended|aim|aims|aimed|hope|hopes|hoped|expect|expects|agreed|"
    r"decided|vowed|pledged|promised|threatened|voted|prepared)\s+to|upcoming|as\s+soon\s+as|"
    r"postponed\s+(?:to|until)|delayed\s+(?:to|until)|deadline)\b|[’']ll\b",
    re.I,
)
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|took|fought|struck|began|came|went|fled|shot|met|held|left|lost|won|saw|"
    "fell|broke|led|gave|made|sent|spoke|rose|overran|stood|drove|flew|ran|got|found|kept|brought|thought|"
    "felt|heard|hit|hid|knew|laid|meant|paid|rode|sank|shook|slid|sought|spent|"
    "stole|stuck|swept|threw|tore|underwent|withdrew|woke|wore|wrote|blew|bled|burnt|caught|"
    "chose|dealt|dug|forbade|froze|grew|hung|lit|overtook|sold|stung|swore|upheld|bought|built|became|"
    "taught|slept|sat|ate|drank|forgot|understood|lent|fed|bore|bit|sprang|spun|wept|shrank|sent"
)
PAST_CUE = re.compile(rf"\b(?:{_IRREGULAR_PAST}|[a-z]{{2,}}ed)\b", re.I)
