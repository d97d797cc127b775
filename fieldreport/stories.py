"""Articles into stories, one article at a time, as they arrive.

A story is the run of reporting on one happening (the battle for Baghouz, March 2019). An article
joins the story whose centroid is most similar to it, if similar enough and close enough in time;
otherwise it opens a new story. Nothing is re-clustered when more articles arrive, so a story id
never changes once given, and the same input in the same order gives the same stories.

Similarity is the cosine of TF-IDF vectors over the article's words and names. Names (runs of
capitalised words: "Islamic State", "Deir ez-Zor") count double, because two reports of one event
share their names more reliably than their wording. Document frequencies are counted as articles
arrive (:class:`StoryIndex` keeps them), so no corpus-wide pass is needed and the same code serves
a stream. A story's centroid keeps its :data:`CENTROID_TERMS` heaviest terms.

>>> index = StoryIndex()
>>> story_id = index.assign(article.article_id, article.text, time_hint(article, timexes))
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from .dates import owndate
from .ids import stable_id
from .lexicon import FIGURE_SOURCE_FORMS
from .records import Article, Timex

THRESHOLD = 0.09  # cosine an article needs with a story to join it (WikiRef220: 0.07-0.10 plateau)
WINDOW_DAYS = 45  # a story that has had no article for this long is closed to dated articles
CENTROID_TERMS = 300
NAME_WEIGHT = 2.0

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:al|el|ez|de|of|the|[A-Z][a-z]+))*[ -][A-Z][a-z]+\b")
# Words every conflict report uses: they say nothing about which story it is.
_GENERIC = frozenset(
    """said says told according reported report reports news people year years day days week weeks
    month months today yesterday monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december also would could
    including percent time times new""".split()
)


def terms(text: str) -> Counter[str]:
    """Weighted terms of a text: content words (lower case) and multiword names."""
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group().lower().strip("'’-")
        if len(w) < 3 or w in STOP_WORDS or w in _GENERIC:
            continue
        out[_stem(w)] += 1.0
    for m in _NAME.finditer(text):
        out["n:" + m.group().lower()] += NAME_WEIGHT
    return out


def _stem(w: str) -> str:
    """A light plural/possessive fold: "strikes" ~ "strike", "city's" ~ "city"."""
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@dataclass
class Story:
    story_id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    size: int = 0
    first: str | None = None  # earliest date its articles were placed at (YYYY-MM-DD)
    last: str | None = None
    seq: int = 0  # order of creation: ties go to the older story


@dataclass
class StoryIndex:
    """Document frequencies and open stories; the state of incremental clustering."""

    threshold: float = THRESHOLD
    window_days: int = WINDOW_DAYS
    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)
    stories: list[Story] = field(default_factory=list)
    # what changed since the last save: the store writes only these
    dirty: set[str] = field(default_factory=set)
    dirty_terms: set[str] = field(default_factory=set)
    _index: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=0, repr=False)

    def vector(self, tf: Counter[str]) -> dict[str, float]:
        n = self.docs + 1
        return {t: (1 + math.log(c)) * math.log((n + 1) / (self.df.get(t, 0) + 1)) for t, c in tf.items()}

    def assign(self, article_id: str, text: str, when: str | None = None) -> str:
        """The id of the story ``text`` belongs to, a new one when none is close enough.

        ``when`` (YYYY-MM-DD) is when the article's story happened, as far as it says:
        :func:`time_hint`. Without it the article may join a story of any time.
        """
        tf = terms(text)
        self.df.update(tf.keys())
        self.dirty_terms.update(tf.keys())
        self.docs += 1
        vec = self.vector(tf)
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        # only stories that share a term with the article can be similar to it: the postings
        # of its terms give them, and their dot products, without a pass over every story
        postings = self._postings()
        dots: dict[int, float] = {}
        for t, w in vec.items():
            for i in postings.get(t, ()):
                dots[i] = dots.get(i, 0.0) + w * self.stories[i].centroid[t]
        best, best_sim = -1, 0.0
        for i in sorted(dots):  # creation order: ties go to the older story
            story = self.stories[i]
            if not _in_window(story, when, self.window_days):
                continue
            sim = dots[i] / (norm * (story.norm or 1.0))
            if sim > best_sim:
                best, best_sim = i, sim
        if best < 0 or best_sim < self.threshold:
            self.stories.append(Story(stable_id("story", article_id), seq=len(self.stories)))
            best = len(self.stories) - 1
            self._indexed += 1
        story = self.stories[best]
        before = set(story.centroid)
        _add(story, {t: w / norm for t, w in vec.items()}, when)
        for t in before - story.centroid.keys():
            postings[t].discard(best)
        for t in story.centroid.keys() - before:
            postings.setdefault(t, set()).add(best)
        self.dirty.add(story.story_id)
        return story.story_id

    def _postings(self) -> dict[str, set[int]]:
        """term -> positions in ``stories`` of the stories whose centroid has it; stories added
        from outside (a loaded index) are indexed on first use."""
        for i in range(self._indexed, len(self.stories)):
            for t in self.stories[i].centroid:
                self._index.setdefault(t, set()).add(i)
        self._indexed = len(self.stories)
        return self._index

    def changes(self) -> tuple[list[Story], dict[str, int]]:
        """Stories and document frequencies changed since the last call, and mark them saved."""
        by_id = {st.story_id: st for st in self.stories if st.story_id in self.dirty}
        df = {t: self.df[t] for t in self.dirty_terms}
        self.dirty, self.dirty_terms = set(), set()
        return list(by_id.values()), df


def _in_window(story: Story, published: str | None, days: int) -> bool:
    if not published or not story.first or not story.last:
        return True
    try:
        day = dt.date.fromisoformat(published[:10])
        first, last = dt.date.fromisoformat(story.first), dt.date.fromisoformat(story.last)
    except ValueError:
        return True
    return first - dt.timedelta(days=days) <= day <= last + dt.timedelta(days=days)


def _add(story: Story, vec: dict[str, float], published: str | None) -> None:
    merged = dict(story.centroid)
    for t, w in vec.items():
        merged[t] = merged.get(t, 0.0) + w
    # ties broken by the term, so a centroid read back from the store grows the same way
    top = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS])
    story.centroid = top
    story.norm = math.sqrt(sum(v * v for v in top.values()))
    story.size += 1
    if published:
        day = published[:10]
        story.first = min(filter(None, [story.first, day]))
        story.last = max(filter(None, [story.last, day]))


def cluster(items: Iterable[tuple[str, str, str | None]], **kwargs: float) -> dict[str, str]:
    """article_id -> story_id for (article_id, text, when) items, in the order given."""
    index = StoryIndex(**kwargs)  # type: ignore[arg-type]
    return {aid: index.assign(aid, text, when) for aid, text, when in items}


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def infer_published(dates: Iterable[str], not_before: dt.date | None = None) -> tuple[str, int] | None:
    """A publication date for an undated article of a story, from the trustworthy publication
    dates of the story's other articles: their median, with ACLED's precision (2 when they lie
    within a week, else 3; never 1, since the article may have come out any day of the story),
    or None without any. ``not_before`` is a day the article cannot be older than (its photo's):
    the story's earlier dates are not its own."""
    days = sorted(d[:10] for d in dates if d)
    if not_before is not None:
        days = [d for d in days if d >= not_before.isoformat()]
    if not days:
        return None
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    return days[(len(days) - 1) // 2], 2 if (last - first).days <= 7 else 3


def date_undated(
    own: owndate.Evidence, story_dates: Iterable[str]
) -> tuple[str | None, str | None, int | None]:
    """(published, published_source, published_precision) for an article of a story that has no
    trustworthy publication date, from the best evidence there is:

    1. its own explicit day (dateline, timestamp line, lead), the year chosen by the story's
       dates when the text writes none: ``dateline`` or ``text``; its own day is never replaced;
    2. the story's trustworthy dates, none before the article's photo: ``story``, to the week or
       the month;
    3. with no such story date, the weekday its lead reports counted from its photo: ``text``,
       to the week;
    4. nothing: (None, None, None).
    """
    story_dates = [d for d in story_dates if d]
    found = owndate.own_date(own, story_dates)
    if found is None:
        inferred = infer_published(story_dates, not_before=own.bound)
        if inferred is not None:
            return inferred[0], "story", inferred[1]
        found = owndate.weekday_after_photo(own)
    if found is None:
        return None, None, None
    return found.value, found.source, found.precision


def time_hint(article: Article, timexes: Iterable[Timex] = ()) -> str | None:
    """When an article's story happened: its publication date, else the latest day it writes
    out in full, year included ("March 1, 2019"), in its text or its captions.

    A caption's date is never a publication date, but a photo of the story was taken during it:
    good enough to keep a 2017 report out of a 2019 story.
    """
    if article.published:
        return article.published[:10]
    days = [t.date for t in timexes if t.date and t.precision == 1 and _YEAR.search(t.text)]
    days += [e.date for e in article.embeds if e.date]
    return max(days) if days else None


# A sentence ends at . ! or ? followed by a space and a capital, or at a line break; not after an
# initial or an abbreviation ("U.S.", "Gen.", "Mr.").
_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset("mr ms mrs dr st gen col lt sgt capt maj no jr sr vs rep sen gov".split())


def _sentences(text: str) -> Iterator[str]:
    start = 0
    for m in _END.finditer(text):
        word = text[max(start, text.rfind(" ", 0, m.start()) + 1) : m.start()]
        if m.group()[0] == "." and (
            word.lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word)
        ):
            continue
        yield text[start : m.end()]
        start = m.end()
    yield text[start:]


def summarise(articles: Sequence[tuple[str, str]], size: int = 4) -> list[dict[str, object]]:
    """An extractive summary of a story: ``size`` (3 to 5) sentences, each with the articles it
    appears in, in story order.

    ``articles``: (article_id, text) in the story's order. Sentences are scored by their
    similarity to the whole story (TF-IDF over its articles); the best one of each article is
    taken first, so the summary draws on several sources; a sentence that repeats one already
    chosen (a syndicated copy) is not taken again, but adds its article to the citation.
    """
    size = max(3, min(5, size))
    index = StoryIndex()
    sentences: list[tuple[int, int, str, Counter[str]]] = []  # (article no, position, text, terms)
    for a, (_, text) in enumerate(articles):
        index.df.update(terms(text).keys())
        index.docs += 1
        for pos, raw in enumerate(_sentences(text)):
            sentence = " ".join(raw.split())
            if 8 <= len(sentence.split()) <= 60:
                sentences.append((a, pos, sentence, terms(sentence)))
    if not sentences:
        return []
    centroid: Counter[str] = Counter()
    for *_, tf in sentences:
        centroid.update(index.vector(tf))
    cnorm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0

    def score(tf: Counter[str]) -> float:
        vec = index.vector(tf)
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / (norm * cnorm)

    ranked = sorted(sentences, key=lambda x: (-score(x[3]), x[0], x[1]))
    chosen: list[tuple[int, int, str, Counter[str]]] = []
    for first_pass in (True, False):
        for cand in ranked:
            if len(chosen) >= size:
                break
            if cand in chosen or (first_pass and any(c[0] == cand[0] for c in chosen)):
                continue
            if any(_overlap(cand[3], c[3]) > 0.7 for c in chosen):
                continue
            chosen.append(cand)
    chosen.sort(key=lambda x: (x[0], x[1]))
    out = []
    for a, _, sentence, tf in chosen:
        cited = [articles[a][0]]
        cited += [articles[b][0] for b, _, _, other in sentences if b != a and _overlap(tf, other) > 0.7]
        out.append({"sentence": sentence, "article_ids": sorted(set(cited), key=cited.index)})
    return out


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    """Share of the smaller sentence's terms found in the other one."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return sum(1 for t in small if t in big) / len(small) if small else 0.0


# "about 160,000 people remained in the city", "up to 100,000 civilians are still trapped"
_REMAINING = re.compile(
    r"(?P<q>about|around|some|nearly|almost|roughly|up\s+to|at\s+least|more\s+than|over|an\s+estimated"
    r"|as\s+many\s+as)?\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:people|civilians|residents|inhabitants)\s+"
    r"(?:(?:are|were|have|had|remain(?:ed)?)\s+)?(?:still\s+)?"
    r"(?:trapped|remain(?:ed|ing)?|left|living|stuck|besieged)\s+(?:in|inside)\b",
    re.I,
)
_CLAIMANT = re.compile(
    r"(?P<who>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,5}?)\s+"
    rf"(?:{FIGURE_SOURCE_FORMS})\b"
)
# the range a figure stands for: "about" is give or take a tenth, "up to" a ceiling
_SPREAD = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "some": (0.9, 1.1), "roughly": (0.9, 1.1),
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "an estimated": (0.9, 1.1), "up to": (0.0, 1.0),
    "as many as": (0.0, 1.0), "at least": (1.0, 10.0), "more than": (1.0, 10.0), "over": (1.0, 10.0),
}  # fmt: skip


def figures(article_id: str, text: str) -> list[dict[str, object]]:
    """Counts of civilians still in a place, with who gives them: the figures a story's reports
    most often disagree on besides the dead."""
    out = []
    for raw in _sentences(text):
        sentence = " ".join(raw.split())
        for m in _REMAINING.finditer(sentence):
            q = " ".join((m["q"] or "").lower().split())
            n = int(m["n"].replace(",", ""))
            lo, hi = _SPREAD.get(q, (1.0, 1.0))
            who = _CLAIMANT.search(sentence)
            out.append({
                "field": "civilians remaining", "figure": f"{q} {m['n']}".strip(), "low": int(n * lo),
                "high": int(n * hi), "claimant": who["who"] if who else None, "article_id": article_id,
                "sentence": sentence,
            })  # fmt: skip
    return out


def figure_conflicts(articles: Sequence[tuple[str, str]]) -> list[dict[str, object]]:
    """Figures of one kind that the story's reports give and that cannot all be true (their
    ranges do not overlap), each conflict with all the claims of that kind."""
    found = [f for aid, text in articles for f in figures(aid, text)]
    out = []
    for field_name in sorted({str(f["field"]) for f in found}):
        claims = [f for f in found if f["field"] == field_name]
        clash = any(
            a["high"] < b["low"] or b["high"] < a["low"]  # type: ignore[operator]
            for a, b in itertools.combinations(claims, 2)
        )
        if clash:
            out.append({"field": field_name, "claims": claims})
    return out
