"""RawDoc -> Article: main text, metadata, and embeds kept apart from the body.

Later stages find events, places and dates in ``Article.text``; anything that is
not the reporter's own text (share buttons, comment forms, photo captions,
embedded tweets, teasers for other stories) would turn into false events or
wrong dates there, so it is removed here. Captions and tweets are kept as
``Embed``s because their dates are real evidence, just never the publication date.

HTML goes through trafilatura first and then through the same line rules as
plain text, so both paths share one set of heuristics.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .dates import owndate
from .headline import headline
from .ids import normalise_text, stable_id
from .pagemeta import archived_on, page_meta, registered_domain
from .pubdate import LABELLED, MONTH, WEEKDAY, Stamp, contradicted, find_date, normalise_date, stamp
from .records import Article, Embed, RawDoc, Reject
from .settings import Config

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- line rules

_WS = re.compile(r"\s+")
# Lines that are page furniture wherever they appear.
_BOILERPLATE = re.compile(
    "|".join(
        (
            r"^(?:send (?:in|by) e-?mail\s*)+$",
            r"^click the alert icon",
            r"^(?:(?:share|share this(?: article| story)?|tweet|e-?mail|print|whatsapp|facebook|twitter|x"
            r"|linkedin|pinterest|reddit|telegram|copy link)[\s|/,·•]*)+:?$",
            r"^share (?:on|via|this) ",
            r"^leave a (?:reply|comment)",
            r"your email address will not be published",
            r"required fields are marked",
            r"^total comments",
            r"^comments? about this article",
            r"^please fill (?:in )?the fields",
            r"^\*?\s*code confirming",
            r"^(?:view|show|load|hide) (?:all |more )?comments",
            r"^(?:\d+ )?comments?(?: \(\d+\))?:?$",
            r"^(?:post|add|write) a comment",
            r"^related(?: articles?| stories| story| content| videos?| coverage| news| topics)?:?$",
            r"^(?:read|see) (?:more|also)\b.{0,80}$",
            r"^show full article",
            r"^(?:you may|you might) also like",
            r"^recommended(?: for you| stories)?:?$",
            r"^search(?: for keyword| for| this site)?\s*[.:]?$",
            r"^(?:advertisement|advertising|sponsored(?: content)?)$",
            r"^story continues below(?: advertisement)?$",
            r"^(?:©|\(c\)\s|copyright\b)",
            r"all rights reserved",
            r"^(?:subscribe|sign up|log in|sign in)\b.{0,60}$",
            r"^follow (?:us|@\w+)",
            r"^skip to (?:main )?content",
            r"^(?:accept|manage) cookies|^we use cookies",
            r"^back to top$",
            r"^(?:image|photo|video) \d+ of \d+$",
            r"^(?:>>|»)",  # teasers for other stories
            r"^[\W\d_]+$",  # counters and rules: "(33) (33)", "***"
        )
    )
)
# Markers after which nothing belongs to the story (comment forms, related videos).
_SECTION_END = re.compile(
    r"^(?:related videos?|related (?:articles|stories|content|coverage|news)|(?:you may|you might) also like"
    r"|more stories|recommended for you|(?:\d+ )?comments?(?: \(\d+\))?)\s*:?$"
    r"|^(?:leave a (?:reply|comment)|comments? about this article|total comments|post a comment)\b"
)
_CAPTION_START = re.compile(r"^(?:file photo\b|(?:photo|image|picture|caption)\s*:)", re.I)
_CREDIT = re.compile(r"\s*\bcredit\s*:\s*(?P<credit>.*)$", re.I)
_AGENCIES = r"AFP|AP|REUTERS|Reuters|EPA|GETTY|Getty Images|ANADOLU|ANHA|SANA|UPI|XINHUA|Xinhua"
_PAREN_CREDIT = re.compile(
    r"\s*\((?P<credit>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)+\s*/\s*[A-Za-z][\w.'’ -]*"
    rf"|[A-Za-z][\w.'’ -]*/\s*(?:{_AGENCIES})(?: via Getty Images)?"
    rf"|(?:{_AGENCIES}) Photo\s*/\s*[^)]+)\)\.?$"
)
# The dash before the author: a hyphen counts only after a space or the tweet's final
# punctuation, so "US-backed" or "Jean-Luc" never splits a tweet from its author.
_TWEET = re.compile(
    r"^(?P<text>.+?)(?:\s*[—–]{1,2}|\s+-{1,2}|(?<=[.!?\"”'’])-{1,2})\s*"
    r"(?P<author>[^—–()@]{1,60}?\s*\(@\w{1,30}\))"
    rf"(?:\s+(?P<date>{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}))?\s*$",
    re.I,
)
_HEADER = re.compile(r"^\s*date:?\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
# The name stops before a date run into it: "By Jo Bell March 11, 2019", "By Jo Bell Monday, 11 March".
_NOT_DATE = rf"(?!(?i:{MONTH})\.?\s+\d|(?i:{WEEKDAY})\.?,?\s+(?:\d|(?i:{MONTH})\b))"
_BYLINE = re.compile(
    rf"^[Bb][Yy]\s+(?P<name>[A-Z][\w.'’-]*(?:\s+{_NOT_DATE}(?:[A-Z][\w.'’-]*|de|al|el|van|von|bin))*"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+)*)(?P<rest>.*)$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2}){0,2}?)"
    rf"(?:,\s*(?P<date>(?i:{MONTH})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?i:{MONTH})\.?(?:,?\s*\d{{4}})?))?"
    # "(AP) -", "( KMOV.com ) –", "(WCMH)–Police": after an agency the dash may touch the text
    r"(?:\s*\(\s*(?P<agency>[A-Za-z][\w .&'-]{0,40}?)\s*\)\s*[-—–]{1,2}\s*|\s*[-—–]{1,2}\s+)"
)
_SIGNOFF = re.compile(r"^[-—–]{1,2}\s*(?P<name>[A-Z][\w&.'’ ]{1,50})$")
_HEADLINE_MAX_WORDS = 20
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_PAGE = re.compile(r"<(?:html|body|head)\b", re.I)
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
_BYLINE_MAX_WORDS = 15


def line_key(line: str) -> str:
    """The form lines are compared in: lowercased, whitespace folded, digits kept."""
    return _WS.sub(" ", line).strip().lower()


def _words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------- the length guard

# A sentence ends at . ! or ? (closing quotes or brackets may follow) before a space and a
# capital, digit or quote, or at the end of a paragraph.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(]?[A-Z0-9]|\s*$)|\n+")
_FULL_STOP = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_AUXILIARIES = frozenset(
    """is are was were be been am has have had do does did will would shall should can could may
    might must""".split()
)
# Past tenses and participles that do not end in -ed.
_IRREGULAR = frozenset(
    """said told took taken fled shot hit struck fought left stole stolen broke broken burnt set threw
    thrown went gone came began begun led held found saw seen made gave given ran caught drove sent
    kept lost met put rose stood spread swept tore torn won wrote written beat beaten blew blown
    brought built dug drew fell flew got hung heard hid knew laid lit read rode rang shook shut slew
    slain sank stuck withdrew woke retook overran""".split()
)
# Words a report of violence or protest turns on, as a verb or the noun of a verbless note
# ("Clashes between the army and rebels in Kega."): any inflection counts.
_NEWS_STEMS = (
    "kill|attack|shoot|clash|fight|bomb|strike|raid|abduct|kidnap|protest|riot|storm|burn|loot|seize"
    "|captur|ambush|detonat|explo|fire|injur|wound|arrest|march|gather|demonstrat|say|report|claim"
    "|destroy|target|shell|open|die|dead|flee|take|lead|hold|beat|rape|execut|behead|massacr|tortur"
    "|dispers|block|occup|sit-in|battle|offensive|assault|airstrike|blast|gunfire|enter|leave|exit"
    "|gain|encounter|retak|re-t[ao]k|surround|patrol"
)
_NEWS_WORD = re.compile(rf"^(?:{_NEWS_STEMS})[a-z]*$")
_PAST = re.compile(r"^[a-z]{2,}ed$")  # not "US-backed", "Kurdish-led": adjectives of a headline
_INFLECTED = re.compile(r"^[a-z]{3,}ing$")  # "shutting"; not a plural in -s: "Only a few words."
_NOT_VERBS = frozenset("hundred united need seed speed".split())
# Sentences of page furniture that read like prose: cookie notices, error pages, paywalls.
_FURNITURE_SENTENCE = re.compile(
    r"\bcookies?\b|\bjavascript\b|\b(?:your|this|the) browser\b|\bpage (?:(?:was |could )?not"
    r"|cannot be|can't be|you (?:requested|are looking for)|does not exist)\b|\b404\b|\berror \d{3}\b"
    r"|\bsubscri(?:be|bers?|ption)\b|\bsign (?:in|up)\b|\blog ?in\b|\bnewsletters?\b"
    r"|\b(?:e-?mail|push|your) notifications?\b"
    r"|\binbox\b|\bverification\b|\bactivate your\b|\byour (?:account|profile|password|e-?mail)\b"
    r"|\bpremium (?:clicks|content|subscribers|members|articles)\b|\btry again\b"
    r"|\bclick (?:on |here\b|the |this )|\bowner of this (?:article|page)\b|\bnews tips?\b"
    r"|\bprivacy (?:policy|notice|settings)\b|\bterms (?:of|and) (?:use|service|conditions)\b"
    r"|\baccess (?:denied|forbidden)\b|\bad ?blocker\b|\bcaptcha\b|\bnot a robot\b|\ball rights reserved\b"
    # an account's or a social widget's prose: "We have sent a confirmation email", "Tweet"
    r"|\bconfirmation e-?mail\b|\be-?mail address\b|\blook(?:ing)? forward to seeing you\b|\bTweets?\b"
    r"|\blocation on/off\b|\benjoyed your preview\b|\balways interested in (?:what|hearing)\b"
    # a question to the reader: "Why are we asking this?", "Do you have a news tip?"
    r"|\bwhy (?:are|do) we\b[^.]*\?|\b(?:do|did|have|are|can|will|would) you\b[^.]*\?",
    re.I,
)


def _finite(word: str) -> bool:
    """A word that is a finite verb in any sentence: "was", "fled", "protested"."""
    w = word.strip(".,;:!?\"'“”‘’()[]").lower()
    return w in _AUXILIARIES or w in _IRREGULAR or (w not in _NOT_VERBS and bool(_PAST.match(w)))


def _verb(word: str, initial: bool) -> bool:
    """A finite verb, a word a report of violence or protest turns on ("clashes", "kill"), or a
    present participle ("blocking"): good enough beside a full stop.
    Only the first word of a sentence may be capitalised ("Clashes between ..."): "Reports" in
    a menu is no verb."""
    w = word.strip(".,;:!?\"'“”‘’()[]")
    if _finite(w):
        return True
    if w[:1].isupper() and not initial:
        return False
    return bool(_NEWS_WORD.match(w.lower()) or _INFLECTED.match(w))


def complete_sentences(text: str, min_words: int) -> list[str]:
    """The sentences of ``text`` that a report could be: at least ``min_words`` words and a
    verb (or the word of a violent or protest event) before a full stop. Without a full stop
    only a past or auxiliary verb ("Students marched in Adrar town centre") or more words than
    a headline will do, so a bare headline ("Forces breach wall in Raqqa") is not a report.
    Page furniture written as prose (a cookie notice, "Page not found") does not count.

    >>> complete_sentences("Gunmen killed 3 in Bori, Rivers State, on Monday.", 6)
    ['Gunmen killed 3 in Bori, Rivers State, on Monday.']
    """
    out = []
    start = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    for end in [*ends, len(text)]:
        sentence = text[start:end].strip()
        start = end
        words = sentence.split()
        if len(words) < max(1, min_words) or _FURNITURE_SENTENCE.search(sentence):
            continue
        if _FULL_STOP.search(sentence) or len(words) > _HEADLINE_MAX_WORDS:
            if any(_verb(w, i == 0) for i, w in enumerate(words)):
                out.append(sentence)
        elif any(_finite(w) for w in words[1:]):
            out.append(sentence)
    return out


def has_sentence(text: str, min_words: int) -> bool:
    """Whether ``text`` holds one complete sentence (:func:`complete_sentences`): the shortest
    report is one ("Gunmen killed 3 in Bori, Rivers State, on Monday."); an empty page, a bare
    headline, a cookie notice or a few navigation words are not."""
    return bool(complete_sentences(text, min_words))


def _short_detail(body: str, min_words: int) -> str:
    """Why a text with no complete sentence is no report, quoting what it holds."""
    if not body.strip():
        return "no main text: nothing but page furniture"
    quote = _WS.sub(" ", body).strip()
    quote = quote if len(quote) <= 60 else quote[:57].rstrip() + "..."
    furniture = _FURNITURE_SENTENCE.search(body)
    what = "page furniture" if furniture else f"{_words(body)} words of main text"
    return (
        f'no complete sentence in {what} ("{quote}"): none has min_words {min_words} words, '
        "a verb and a full stop"
    )


# ---------------------------------------------------------------- embeds


def _caption(line: str) -> Embed | None:
    """The caption a line is, or None when it is body text."""
    credit = None
    text = line
    m = _CREDIT.search(line)
    if m:
        credit = m["credit"].strip() or None
        text = line[: m.start()].strip()
    else:
        m = _PAREN_CREDIT.search(line)
        if m:
            credit = m["credit"].strip()
            text = line[: m.start()].strip()
    if credit is None and not _CAPTION_START.match(line):
        return None
    return Embed(kind="caption", text=text, author=credit, date=find_date(text))


def _tweet(paragraph: str) -> Embed | None:
    m = _TWEET.match(paragraph)
    if not m:
        return None
    date = m["date"]
    return Embed(
        kind="tweet",
        text=m["text"].strip(),
        author=_WS.sub(" ", m["author"]).strip(),
        date=normalise_date(date) if date else None,
    )


def _add_caption(embeds: list[Embed], cap: Embed) -> None:
    """Add a caption unless it repeats one already kept (often the same caption twice,
    once without and once with its credit); a repeat may supply the missing credit."""
    key = line_key(cap.text)
    for i, old in enumerate(embeds):
        if old.kind == "caption" and line_key(old.text) == key:
            if old.author is None and cap.author:
                embeds[i] = Embed("caption", old.text, cap.author, old.date)
            return
    if not cap.text and embeds and embeds[-1].kind == "caption" and embeds[-1].author is None:
        last = embeds[-1]  # a lone "Credit: ..." line belongs to the caption above it
        embeds[-1] = Embed("caption", last.text, cap.author, last.date)
        return
    if cap.text:
        embeds.append(cap)


# ---------------------------------------------------------------- text cleaning


@dataclass
class _Found:
    """What the text itself says about the article, beside the body."""

    paragraphs: list[str] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    title: str | None = None
    header_date: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    dateline_text: str | None = None  # the dateline as written: "BEIRUT, Feb. 8 (Xinhua) -- "
    stamp_lines: list[str] = field(default_factory=list)  # timestamp lines with no year: "Updated March 11"
    agency: str | None = None
    byline: str | None = None
    byline_date: str | None = None
    text_date: str | None = None  # from a "Published" or unlabelled timestamp line
    updated_date: str | None = None  # from an "Updated" line: used only when nothing else says
    signoff: str | None = None


def _split_header(text: str) -> tuple[str, str | None]:
    m = _HEADER.match(text)
    if not m:
        return text, None
    return text[m.end() :], normalise_date(m["date"])


# Characters that print nothing: zero-width spaces and joiners, direction marks, the byte-order
# mark, soft hyphens. Pages carry them by accident ("\u200bNEW ORLEANS --" hides a dateline, "shoot\xading"
# a word), and no reader of the text sees them.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _lines(text: str) -> list[str]:
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [_WS.sub(" ", line).strip() for line in text.split("\n")]


def _paragraphs(lines: list[str], cfg: Config, repeated: frozenset[str], found: _Found) -> list[list[str]]:
    """Group kept lines into paragraphs; rule boilerplate, captions and repeated lines go."""
    kinds: list[str] = []
    for line in lines:
        key = line_key(line)
        if not key:
            kinds.append("blank")
        elif _SECTION_END.match(key):
            kinds.append("end")
        elif _BOILERPLATE.search(key):
            # "2019-03-03 14:00" looks like a counter, but above the story it is a timestamp.
            kinds.append("stamp" if _stamp(line) else "drop")
        elif (cap := _caption(line)) is not None:
            _add_caption(found.embeds, cap)
            kinds.append("drop")
        else:
            kinds.append("text")
    short = cfg.boilerplate_max_words
    long_lines = [i for i, k in enumerate(kinds) if k == "text" and _words(lines[i]) > short]
    first_long = long_lines[0] if long_lines else len(lines)
    last_long = long_lines[-1] if long_lines else -1
    paragraphs: list[list[str]] = [[]]
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "end" and i > first_long:
            break
        edge = i < first_long or i > last_long
        if kind == "stamp":
            kind = "text" if i < first_long else "drop"
        # Repetition across documents only removes short lines outside the story itself:
        # syndicated copies of one report share short quotes that are not boilerplate.
        if kind == "text" and edge and line_key(line) in repeated and _words(line) <= short:
            kind = "drop"
        if kind == "text":
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\W_]+", " ", s).strip().lower()

    x, y = norm(a), norm(b)
    return bool(x) and (x == y or y.startswith(x + " ") or x.startswith(y + " "))


def _clean_text(text: str, cfg: Config, repeated: frozenset[str], title: str | None) -> _Found:
    found = _Found()
    text, found.header_date = _split_header(text)
    groups = _paragraphs(_lines(text), cfg, repeated, found)
    groups = _split_front([[piece for line in g for piece in _inline_stamps(line)] for g in groups])
    # A headline is a short lone first line with no closing period, set off by a break.
    if groups and len(groups[0]) == 1 and (len(groups) > 1):
        first = groups[0][0]
        furniture = _furniture(first) or LABELLED.match(first)
        if _words(first) <= _HEADLINE_MAX_WORDS and not first.endswith((".", ":", ",")) and not furniture:
            if title is None:
                found.title = first
                groups.pop(0)
            elif _same(first, title):
                groups.pop(0)
    paragraphs: list[str] = []
    for group in groups:
        para = " ".join(group)
        tweet = _tweet(para)
        if tweet is not None:
            found.embeds.append(tweet)
            continue
        paragraphs.append(para)
    paragraphs = _take_front_matter(paragraphs, found, title)
    if paragraphs and (m := _SIGNOFF.match(paragraphs[-1])) and _words(m["name"]) <= 5:
        found.signoff = m["name"].strip()
        paragraphs.pop()
    found.paragraphs = paragraphs
    return found


def _byline(line: str) -> re.Match[str] | None:
    m = _BYLINE.match(line) if _words(line) <= _BYLINE_MAX_WORDS else None
    return m if m and (_words(m["name"]) >= 2 or not m["rest"].strip()) else None


def _stamp(line: str) -> Stamp | None:
    return stamp(line) if _words(line) <= _BYLINE_MAX_WORDS else None


def _furniture(line: str) -> bool:
    return bool(_byline(line) or _stamp(line))


def _split_front(groups: list[list[str]]) -> list[list[str]]:
    """Header lines written without blank lines between them ("By Jo Bell" over "March 11,
    2019", or a headline over its byline) become paragraphs of their own."""
    out: list[list[str]] = []
    for i, group in enumerate(groups):
        if len(out) >= 6:
            return out + groups[i:]
        flags = [_furniture(line) for line in group]
        headline = i == 0 and _words(group[0]) <= _HEADLINE_MAX_WORDS
        if not all(flags[1:]) or not (flags[0] or headline):
            return out + groups[i:]  # the first paragraph of the story: the header is over
        out.extend([line] for line in group)
    return out


# Where a page's stamps run on from the headline: "... shoots uncle Posted: Monday, February 2,
# 2015 9:45 PM EST Updated: Tuesday, February 3, 2015 10:52 AM EST". Only a label with a colon
# starts one mid-line, so "Published reports say" stays prose.
_INLINE_STAMP = re.compile(r"\s+(?=(?:Posted|Updated|Published|Last Updated)(?:\s+on)?\s*:\s*\S)")


# labels a page left empty: "... 5:47 PM EDT Posted:Updated:"
_EMPTY_STAMPS = re.compile(r"(?:\s*(?:Posted|Updated|Published|Last Updated)\s*:)+\s*$")


def _inline_stamps(para: str) -> list[str]:
    """A paragraph whose tail is the page's timestamps, as the text and a line per stamp; any
    other paragraph as it is."""
    pieces = _INLINE_STAMP.split(_EMPTY_STAMPS.sub("", para))
    if len(pieces) < 2 or not pieces[0].strip() or not all(stamp(p) for p in pieces[1:]):
        return [para]
    return pieces


def _take_front_matter(paragraphs: list[str], found: _Found, title: str | None = None) -> list[str]:
    """Remove byline and timestamp lines and the dateline of the first body paragraph.

    A timestamp with a label ("Published ...") counts near either end; one without
    only in the header, before any paragraph longer than a headline. A bare date
    right under the byline is the byline's date.
    """
    kept: list[str] = []
    after_byline = False
    pieces = [(k, piece) for para in paragraphs for k, piece in enumerate(_inline_stamps(para))]
    paragraphs = [piece for _, piece in pieces]
    for i, para in enumerate(paragraphs):
        m = _byline(para) if i < 4 else None
        if m:
            found.byline = found.byline or m["name"].strip(" ,")
            found.byline_date = found.byline_date or find_date(m["rest"])
            after_byline = True
            continue
        header = i < 4 and all(_words(p) <= _HEADLINE_MAX_WORDS for p in kept)
        if pieces[i][0] and not (header or i >= len(paragraphs) - 3):
            continue  # a stamp run on from a paragraph mid-page: furniture, its date no story's
        if header and (h := _HEADER.fullmatch(para)):  # a " date 2019-03-03" line under the headline
            found.header_date = found.header_date or normalise_date(h["date"])
            continue
        s = _stamp(para) if header or i >= len(paragraphs) - 3 else None
        if s and (s.label or header):
            if not s.date:
                pass  # furniture all the same, but its date is ambiguous (03/04/2019)
            elif not s.label and after_byline:
                found.byline_date = found.byline_date or s.date
            elif "updated" in s.label:
                found.updated_date = found.updated_date or s.date
            else:
                found.text_date = found.text_date or s.date
            after_byline = False
            continue
        if (header or i >= len(paragraphs) - 3) and _words(para) <= _BYLINE_MAX_WORDS:
            if owndate.read(owndate.STAMP, para):  # "Updated March 11": a stamp that leaves out its year
                found.stamp_lines.append(para)
                continue
        after_byline = False
        kept.append(para)
    # the dateline opens one of the first two paragraphs, not counting the headline repeated under
    # a page's furniture ("KMBC Child Shot", the headline, "LAWRENCE, KAN. - Police in ...")
    repeats = sum(1 for para in kept[:2] if title and _same(para, title))
    for j, para in enumerate(kept[: 2 + repeats]):
        m = _DATELINE.match(para)
        if m and len(para) > m.end():
            found.dateline = m["place"].strip()
            found.agency = m["agency"].strip() if m["agency"] else None
            if m["date"] and re.search(r"\d{4}$", m["date"]):
                found.dateline_date = normalise_date(m["date"])
            found.dateline_text = m[0]
            kept[j] = para[m.end() :]
            break
        if _words(para) > _HEADLINE_MAX_WORDS or para.endswith((".", "!", "?", '"', "”")):
            break  # the dateline opens the first paragraph after the headline, or none
    return kept


# ---------------------------------------------------------------- HTML


@dataclass
class _Html:
    text: str = ""
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None
    url: str | None = None
    embeds: list[Embed] = field(default_factory=list)
    section: str | None = None
    page_type: str | None = None


def _pull_embeds(tree: Any) -> list[Embed]:
    """Remove captions and embedded tweets from the tree, returning them as Embeds in page order."""
    picked = []
    for el in tree.xpath("//figcaption | //blockquote | //*[@class] | //*[@itemprop='caption']"):
        classes = (el.get("class") or "").lower().split()
        if el.tag == "blockquote" and "twitter-tweet" in classes:
            picked.append((el, "tweet"))
        elif (
            el.tag == "figcaption"
            or el.get("itemprop") == "caption"
            or any("caption" in c and c != "has-caption" for c in classes)
        ):
            picked.append((el, "caption"))
    dropped: set[Any] = set()
    embeds: list[Embed] = []
    for el, kind in picked:
        if any(a in dropped for a in el.iterancestors()):
            continue  # already removed with an enclosing caption or tweet
        text = _WS.sub(" ", el.text_content()).strip()
        if kind == "caption" and _words(text) > 80:
            continue  # a container that merely mentions captions in its class
        if kind == "tweet" and text:
            embeds.append(_tweet(text) or Embed(kind="tweet", text=text))
        elif text:
            _add_caption(embeds, _caption(text) or Embed(kind="caption", text=text, date=find_date(text)))
        dropped.add(el)
        el.drop_tree()
    return embeds


def _body_text(body: Any) -> str:
    """Paragraphs of trafilatura's output tree, one per block, line breaks as spaces."""
    for lb in body.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    paras: list[str] = []
    for child in body:
        blocks = list(child.iter("item")) if child.tag == "list" else [child]
        for block in blocks:
            text = _WS.sub(" ", "".join(block.itertext())).strip()
            if text:
                paras.append(text)
    return "\n\n".join(paras)


def _simple_text(tree: Any) -> str:
    """Block texts of a small HTML fragment (feed items), where trafilatura's page
    heuristics have too little to work with."""
    for el in tree.iter(*_BLOCK_TAGS, "tr", "br"):
        el.tail = "\n\n" + (el.tail or "")
    return tree.text_content()


def _from_html(html: str, url: str | None, fragment: bool) -> _Html:
    import lxml.etree
    import lxml.html
    import trafilatura

    out = _Html()
    try:
        # lxml refuses str input that carries an XML encoding declaration.
        tree = lxml.html.fromstring(_XML_DECL.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return out
    out.section, out.page_type = page_meta(tree)
    out.embeds = _pull_embeds(tree)
    if fragment:
        out.text = _simple_text(tree)
        return out
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        with_metadata=True,
        # htmldate's extensive search reads dates out of the body text (captions
        # included); only declared metadata may become the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return out
    out.text = _body_text(doc.body) if doc.body is not None else (doc.text or "")
    out.title = doc.title or None
    out.author = doc.author or None
    # trafilatura falls back to the host name; that is the weakest outlet source, so keep it last.
    out.sitename = doc.sitename if doc.sitename and doc.sitename != doc.hostname else None
    out.date = normalise_date(doc.date)
    out.url = doc.url or None  # the page's canonical / og:url when the input gave none
    return out


# ---------------------------------------------------------------- public API


def line_keys(doc: RawDoc, cfg: Config) -> set[str]:
    """Keys of the document's short lines, counted across a run to find repeated boilerplate."""
    if doc.text is not None:
        lines: Iterable[str] = _split_header(doc.text)[0].splitlines()
    elif doc.html:
        lines = _html_lines(doc.html)
    else:
        return set()
    keys = set()
    for line in lines:
        key = line_key(line)
        if key and _words(key) <= cfg.boilerplate_max_words:
            keys.add(key)
    return keys


def _html_lines(html: str) -> list[str]:
    # Cheaper than a trafilatura pass; block texts match the lines clean() later sees.
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    return [el.text_content() for el in tree.iter(*_BLOCK_TAGS, "td", "span", "a", "figcaption")]


def clean(doc: RawDoc, cfg: Config, repeated: frozenset[str] = frozenset()) -> Article | Reject:
    """One RawDoc as an Article, or a Reject (stage "clean") saying why not."""
    raw = doc.text if doc.text is not None else doc.html
    if not raw or not raw.strip():
        raw = headline(doc.title)  # an empty page under a headline that tells an incident
        if raw is None:
            return Reject(doc.origin, "missing_text", "no text or html", stage="clean")
        doc = replace(doc, text=raw, html=None)
    meta = _Html()
    if doc.text is None:
        # Feed items and HTML snippets in JSONL/CSV are bodies, not pages: trafilatura's
        # page heuristics discard short ones, and there is no page furniture to remove.
        fragment = doc.fmt == "rss" or not _PAGE.search(raw[:2000])
        meta = _from_html(raw, doc.url, fragment=fragment)
        if not meta.text.strip():
            return Reject(doc.origin, "no_text", "no main text found in the HTML", stage="clean")
    found = _clean_text(meta.text if doc.text is None else raw, cfg, repeated, doc.title or meta.title)
    embeds = meta.embeds + [e for e in found.embeds if e not in meta.embeds]
    body = "\n\n".join(p for p in found.paragraphs if p.strip())
    if not has_sentence(body, cfg.min_words):
        head = headline(doc.title or meta.title or found.title)
        if head is None:
            return Reject(doc.origin, "too_short", _short_detail(body, cfg.min_words), stage="clean")
        body = head  # a paywall or a video page under a headline that tells the incident
    published, source = _published(doc, meta, found, body, embeds)
    content_hash = stable_id(normalise_text(raw))
    url = doc.url or meta.url
    outlet = doc.outlet or meta.sitename or found.agency or found.signoff or registered_domain(url)
    return Article(
        article_id=stable_id(content_hash, url),
        content_hash=content_hash,
        origin=doc.origin,
        fmt=doc.fmt,
        raw=raw,
        text=body,
        title=doc.title or meta.title or found.title,
        url=url,
        outlet=outlet,
        author=doc.author or meta.author or found.byline,
        published=published,
        published_source=source,
        dateline=found.dateline,
        embeds=tuple(embeds),
        source_id=doc.source_id,
        section=doc.section or meta.section,
        page_type=meta.page_type,
    )


def _published(
    doc: RawDoc, meta: _Html, found: _Found, body: str, embeds: Sequence[Embed] = ()
) -> tuple[str | None, str | None]:
    """The publication date from the most trusted source that states one.

    A WARC-Date is when the page was crawled, so the page's own metadata beats it.
    A date line under the headline that the story itself contradicts (it reports as past a
    day after that date) is a pasted or wrong line: it is passed over.
    Failing all of these, the article's own explicit day (a dateline or timestamp line without
    its year, a day in its lead: :mod:`fieldreport.dates.owndate`) when the text itself gives
    the year; without one it waits for its story's dates (``pipeline.redate``). A caption's or
    tweet's date is never the publication date: a caption's only bounds it.
    """
    declared = normalise_date(doc.published)
    order = [meta.date, declared] if doc.fmt == "warc" else [declared, meta.date]
    # an archived copy was published by the day the archive took it: a later date is the page's
    # template or an update's, never the story's
    archived = archived_on(doc.url)
    for value, source in (
        (order[0], "metadata"),
        (order[1], "metadata"),
        (found.header_date, "header"),
        (found.dateline_date, "dateline"),
        (found.byline_date, "byline"),
        (found.text_date or found.updated_date, "text"),
    ):
        if value and archived and value[:10] > archived:
            log.info("%s: %s date %s is after the archive's copy of %s", doc.origin, source, value, archived)
            continue
        if value and source == "header" and (late := contradicted(value, body)):
            log.info("%s: header date %s contradicted by %r in the text", doc.origin, value, late)
            continue
        if value:
            return value, source
    own = owndate.own_date(_evidence(body, found.dateline_text, found.stamp_lines, embeds))
    return (own.value, own.source) if own else (None, None)


def _evidence(
    body: str, dateline: str | None, stamps: Sequence[str], embeds: Sequence[Embed]
) -> owndate.Evidence:
    captions = [e.text for e in embeds if e.kind == "caption"]
    return owndate.evidence(body, dateline, stamps, captions)


def own_evidence(article: Article) -> owndate.Evidence:
    """What a stored article's own text says about when it was written, for dating it once its
    story is known. The dateline left the clean text: it is found again in the raw input, where
    its place (``article.dateline``) opens a paragraph. A timestamp line with no year is not
    kept: only a year in the text could date it, and clean() used that already."""
    dateline = None
    if article.dateline:
        for m in re.finditer(re.escape(article.dateline), article.raw):
            d = _DATELINE.match(article.raw[m.start() : m.start() + 200])
            if d and d["place"].strip() == article.dateline:
                dateline = d[0]
                break
    return _evidence(article.text, dateline, (), article.embeds)


def run(
    docs: Sequence[RawDoc], cfg: Config, repeated: frozenset[str] = frozenset()
) -> list[Article | Reject]:
    """clean() over a batch, in order."""
    return [clean(doc, cfg, repeated) for doc in docs]
