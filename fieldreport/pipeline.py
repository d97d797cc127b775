"""The pipeline: the stages in the order they run (:data:`STAGES`), over batches of records.

    1. scan     first pass: short lines repeated across documents      -> boilerplate lines
    2. sources  files, folders, feeds, WARC, stdin, batch by batch     -> RawDoc | Reject
    3. clean    main text, boilerplate, metadata; stored ones skipped  -> Article | Reject
    4. dedup    exact and near-duplicate copies                        -> Article (duplicate_of)
    5. nlp      spaCy sentences, parses, entities                      -> Parsed
    6. analyse  one parsed original, in these steps (:data:`ANALYSE`):
                genre   report, or opinion, analysis, diplomacy        -> Genre
                time    temporal expressions, event dates              -> Timex
                geo     toponyms, gazetteer, event locations           -> Place, Location
                events  type, actors, casualty claims, from reports    -> Mention
                        only (a reject says why another has none)
                headline  a page whose text reports nothing (a paywall,
                        a video page) is read again with its headline as
                        its lead paragraph                             -> Article, Mention
    7. stories  each new article joins or opens a story                -> story_id
    8. store    one transaction per batch, story index too             -> DuckDB
    9. redate   an undated original dated by its story, analysed and   -> Article, Analysed
                stored again (5, 6 and 8 once more)
   10. relocate each outlet's home learned from its stored reports;    -> Article, Analysed
                a report that may be its home's namesake's is
                analysed and stored again with the home (5, 6, 8)
   11. fuse     mentions of all articles -> events                     -> Event (story_id by its reports)

Stage 1 runs before the batches, 2-8 on each batch, 9-11 once all are stored, over the whole
store; a new article takes the home its outlet had when the run began. Stage 6 is a pure function
of one parsed article (``analyse``), so a batch can be analysed in this process or on a Dask
worker. Articles already in the store are skipped before any expensive stage, which makes re-runs
idempotent and lets a killed run resume. ``RunSummary.seconds`` holds each stage's wall time under
its name (all but sources, which are read as the batches are).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TextIO

from . import clean, dates, dedup, events, fuse, geo, nlp, sources, stories
from .errors import ConfigError
from .genre import Genre, genre
from .geo import homes
from .headline import with_headline
from .records import Analysed, Article, RawDoc, Reject
from .settings import Config
from .store import Store

STAGES = (
    "scan", "sources", "clean", "dedup", "nlp", "analyse", "stories", "store", "redate", "relocate", "fuse"
)  # fmt: skip
ANALYSE = ("genre", "time", "geo", "events", "headline")  # the steps of the analyse stage, in order


@dataclass
class RunSummary:
    """What a run did; printed by the CLI and returned by the Python API."""

    items: int = 0  # documents and rejected items read from the input
    articles: int = 0  # clean articles in the input
    new: int = 0  # articles this run added
    already_stored: int = 0  # articles skipped because an earlier run stored them
    duplicates: int = 0  # new articles that copy another one
    rejects: Counter[str] = field(default_factory=Counter)  # reason -> count
    mentions: int = 0  # event mentions found in new articles
    redated: int = 0  # undated articles given their story's date and analysed again
    relocated: int = 0  # reports analysed again with the home their outlet's reports taught
    events: int = 0  # events in the database after fusion
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall time

    def add_time(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


class Resources:
    """Heavy, read-only things a worker loads once: model, gazetteer, actor dictionary."""

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        # the incremental story index: loaded from the store when a run opens it
        self.stories = stories.StoryIndex()
        # each outlet's home (geo/homes.py): what the store taught when the run began, then
        # what relocate learned
        self.homes: dict[str, geo.Unit] = {}

    @cached_property
    def gazetteer(self) -> geo.Gazetteer:
        return geo.Gazetteer.load(self.cfg)

    @cached_property
    def focus(self) -> frozenset[str]:
        try:
            return geo.focus_countries(self.cfg.geo_focus)
        except ValueError as e:
            raise ConfigError(f"{e}. Fix geo_focus in your settings file.") from e

    @cached_property
    def actors(self) -> events.ActorDictionary:
        return events.ActorDictionary.load(self.cfg.actors_path)


def analyse(parsed: nlp.Parsed, res: Resources, kind: Genre | None = None) -> Analysed:
    """Stage 6 (analyse) for one article: its genre, dates, places and event mentions.

    An opinion, analysis or diplomacy article (``kind``, read here when not given) keeps its
    dates and places, which stories use, but yields no mentions: the violence it names is
    argument or background, never a reported event.
    """
    article, doc, sentences = parsed.article, parsed.doc, parsed.sentences
    kind = kind or genre(article, sentences)
    timexes = dates.find_timexes(article, sentences)
    actor_spans = [(m.start, m.end) for m in res.actors.find(article.text)]
    places = geo.find_places(article, doc, res.gazetteer, focus=res.focus, not_places=actor_spans)
    if not kind.is_report:
        return Analysed(article, sentences, timexes, places)
    lead = dates.lead_day(timexes, article, sentences, doc)
    mentions = events.extract(
        article,
        doc,
        sentences,
        locate=lambda s: geo.locate(s, places, article, sentences),
        date_of=lambda s: dates.event_date(s, timexes, article, sentences, lead, doc),
        actors=res.actors,
    )
    return Analysed(article, sentences, timexes, places, mentions)


def analyse_page(parsed: nlp.Parsed, res: Resources) -> tuple[Analysed, Genre]:
    """:func:`analyse`, and its last step: a page whose text yields no event but whose headline
    tells one ("Six injured in shooting at Fort Worth party" over a paywall or a video player) is
    read again with the headline as its lead paragraph, as a reader of the page would; the
    article is stored with that text, so every offset points into what was read."""
    kind = genre(parsed.article, parsed.sentences)
    result = analyse(parsed, res, kind)
    if result.mentions:
        return result, kind
    headed = with_headline(parsed.article)
    if headed is None:
        return result, kind
    again = next(iter(nlp.parse([headed], res.cfg)))
    kind_again = genre(again.article, again.sentences)
    result_again = analyse(again, res, kind_again)
    return (result_again, kind_again) if result_again.mentions else (result, kind)


def repeated_lines(inputs: Sequence[str], cfg: Config, stdin: TextIO | None) -> tuple[frozenset[str], int]:
    """Pass 1: short lines seen in at least ``boilerplate_min_docs`` documents, and the item count."""
    counts: Counter[str] = Counter()
    items = 0
    for item in sources.read(inputs, cfg, stdin=stdin):
        items += 1
        if isinstance(item, RawDoc):
            counts.update(clean.line_keys(item, cfg))
    return frozenset(k for k, n in counts.items() if n >= cfg.boilerplate_min_docs), items


def batched(items: Iterable[RawDoc | Reject], size: int) -> Iterator[list[RawDoc | Reject]]:
    batch: list[RawDoc | Reject] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_batch(
    batch: Sequence[RawDoc | Reject],
    store: Store,
    res: Resources,
    repeated: frozenset[str],
    summary: RunSummary,
) -> None:
    cfg = res.cfg
    rejects = [x for x in batch if isinstance(x, Reject)]
    t = time.perf_counter()
    articles: list[Article] = []
    for item in clean.run([x for x in batch if isinstance(x, RawDoc)], cfg, repeated):
        (articles if isinstance(item, Article) else rejects).append(item)
    summary.add_time("clean", t)
    summary.articles += len(articles)

    known = store.known_articles([a.article_id for a in articles])
    fresh: dict[str, Article] = {}
    for a in articles:
        if a.article_id in known:
            summary.already_stored += 1
        elif a.article_id in fresh:
            detail = f"same content and URL as {fresh[a.article_id].origin}"
            rejects.append(Reject(a.origin, "duplicate_input", detail, "clean"))
        else:
            home = homes.home_of(res.homes, a.url, a.outlet)
            fresh[a.article_id] = replace(a, outlet_home=geo.home_text(home))

    t = time.perf_counter()
    deduped = dedup.run(list(fresh.values()), cfg, store)
    summary.add_time("dedup", t)
    originals = [a for a, _ in deduped if a.duplicate_of is None]
    fingerprints = [fp for a, fp in deduped if a.duplicate_of is None]
    analysed: list[Analysed] = [Analysed(a) for a, _ in deduped if a.duplicate_of is not None]
    summary.duplicates += len(analysed)

    t = time.perf_counter()
    parsed = list(nlp.parse(originals, cfg))
    summary.add_time("nlp", t)
    t = time.perf_counter()
    for p in parsed:
        try:
            result, kind = analyse_page(p, res)
            if not kind.is_report:  # stored all the same; the reject says why it has no events
                rejects.append(Reject(p.article.origin, f"{kind.kind}_article", kind.reason, "events"))
        except Exception as e:  # a bug on one article must not stop the corpus
            rejects.append(Reject(p.article.origin, "analysis_failed", f"{type(e).__name__}: {e}", "events"))
            result = Analysed(p.article, p.sentences)
        analysed.append(result)
        summary.mentions += len(result.mentions)
    summary.add_time("analyse", t)

    t = time.perf_counter()
    story_of = assign_stories(analysed, store, res)
    summary.add_time("stories", t)

    t = time.perf_counter()
    store.write_batch(analysed, fingerprints, rejects, res.stories, story_of)
    summary.add_time("store", t)
    summary.new += len(analysed)
    summary.rejects.update(r.reason for r in rejects)


def assign_stories(
    analysed: Sequence[Analysed], store: Store, res: Resources
) -> dict[str, tuple[str, str | None]]:
    """Stage 7 (stories): each new original joins or opens a story, in arrival order; a duplicate goes
    where its original went."""
    story_of: dict[str, tuple[str, str | None]] = {}
    for item in analysed:
        a = item.article
        if a.duplicate_of is None:
            when = stories.time_hint(a, item.timexes)
            story_of[a.article_id] = (res.stories.assign(a.article_id, a.text, when), when)
    wanted = [x.article.duplicate_of for x in analysed if x.article.duplicate_of]
    known = store.stories_of([w for w in wanted if w and w not in story_of])
    for item in analysed:
        original = item.article.duplicate_of
        if original and (original in story_of or original in known):
            story_of[item.article.article_id] = story_of.get(original) or known[original]
    return story_of


def redate(store: Store, res: Resources, summary: RunSummary) -> None:
    """Stage 9 (redate): an original with no trustworthy publication date takes one once its story is
    known, and is analysed again, so that its "on Sunday" becomes a day and its events can fuse
    with other reports of them. The date is the best there is (``stories.date_undated``): its own
    explicit day, the year chosen by the story's dates when its text writes none (``dateline``,
    ``text``); else one inferred from the story's dated articles (``story``, with a precision);
    else the weekday its lead reports, counted from its photo (``text``, to the week).

    In rounds: first own days only, so that they count among their stories' dates; then the
    rest, again while a round dates an article of a story that had no date (a report dated by
    its own text dates the undated reports of its story). Re-running changes nothing unless the
    story's dates have changed."""
    from .dates.owndate import own_date

    t = time.perf_counter()
    todo: list[tuple[Article, str, str | None]] = []  # (article re-dated, story_id, story_when)

    def flush() -> None:
        summary.redated += analyse_again(store, res, summary, todo, "its story's date", "stories")
        todo.clear()

    rounds = 4  # own days; story dates; the dates a report dated by its own text gave its story; spare
    for round_no in range(rounds):
        changed = 0
        for article, story_id, when, story_dates in store.undated_in_stories():
            own = clean.own_evidence(article)
            if round_no == 0:
                found = own_date(own, story_dates)
                if found is None:
                    continue
                day, source, precision = found.value, found.source, found.precision
            else:
                day, source, precision = stories.date_undated(own, story_dates)
            now = (article.published, article.published_source, article.published_precision)
            if (day, source, precision) == now:
                continue
            dated = replace(article, published=day, published_source=source, published_precision=precision)
            todo.append((dated, story_id, when))
            changed += 1
            if len(todo) >= res.cfg.batch_size:
                flush()
        if todo:
            flush()
        if round_no > 0 and not changed:
            break
    summary.add_time("redate", t)


def learn_homes(store: Store, cfg: Config) -> dict[str, geo.Unit]:
    """Each outlet's home, from the votes of its stored reports (geo/homes.py)."""
    votes = ((homes.outlet_key(url, outlet), (cc, a1)) for url, outlet, cc, a1 in store.outlet_votes())
    return homes.learn(votes, cfg.outlet_home_min_articles, cfg.outlet_home_min_share)


def relocate(store: Store, res: Resources, summary: RunSummary) -> None:
    """Stage 10 (relocate): the homes the stored reports now teach; a report whose outlet's home
    differs from the one it was analysed with, and that may be its home's namesake's (an event
    place outside the home whose name has a reading in it; or a home it no longer has), is
    analysed again with the home, so that WSMV's "Smyrna" becomes Smyrna, Tennessee. The next
    run's new articles take these homes from the start. Re-running changes nothing unless the
    homes have changed."""
    t = time.perf_counter()
    res.homes = learn_homes(store, res.cfg)
    due: dict[str, str | None] = {}
    for article_id, url, outlet, had, places in store.placed_reports():
        home = homes.home_of(res.homes, url, outlet)
        if geo.home_text(home) == had:
            continue
        if home is None or homes.could_move(res.gazetteer, places, home):
            due[article_id] = geo.home_text(home)
    ids = sorted(due)
    for start in range(0, len(ids), res.cfg.batch_size):
        rows = store.articles_with_stories(ids[start : start + res.cfg.batch_size])
        todo = [(replace(a, outlet_home=due[a.article_id]), story, when) for a, story, when in rows]
        summary.relocated += analyse_again(store, res, summary, todo, "its outlet's home", "geo")
    summary.add_time("relocate", t)


def analyse_again(
    store: Store,
    res: Resources,
    summary: RunSummary,
    todo: Sequence[tuple[Article, str | None, str | None]],
    why: str,
    stage: str,
) -> int:
    """Stages 5, 6 and 8 once more for stored articles ``(article, story_id, story_when)`` that
    ``why`` changed, in one transaction; an article whose analysis fails keeps its first one and
    a reject says why. Returns how many were analysed again."""
    analysed, rejects = [], []
    for p in nlp.parse([a for a, _, _ in todo], res.cfg):
        try:
            analysed.append(analyse_page(p, res)[0])
        except Exception as e:  # keep the article's first analysis; say why it was not redone
            detail = f"re-analysis with {why}: {type(e).__name__}: {e}"
            rejects.append(Reject(p.article.origin, "analysis_failed", detail, stage))
    store.replace_analysis(analysed, {a.article_id: (story, when) for a, story, when in todo if story})
    if rejects:
        store.write_rejects(rejects)
        summary.rejects.update(r.reason for r in rejects)
    return len(analysed)


def fuse_all(store: Store, summary: RunSummary) -> None:
    """Stage 11 (fuse) over the whole store: two streaming passes over the mentions, day by day."""
    t = time.perf_counter()
    known = fuse.place_knowledge(store.iter_mentions())
    fused = fuse.stream(store.iter_mentions(), store.article_meta(), store.duplicate_texts(), known)
    summary.events = store.replace_events(fused)
    summary.add_time("fuse", t)


def run(
    inputs: Sequence[str],
    cfg: Config,
    stdin: TextIO | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> RunSummary:
    """Process ``inputs`` into the database at ``cfg.db`` and return what happened.

    ``progress(done, total)`` is called after each batch; ``on_batch(n)`` after batch
    ``n`` is committed.
    """
    # walk folders and globs once, failing fast on a missing path before any work
    inputs = [str(p) for p in sources.expand(inputs)]
    summary = RunSummary()
    spool = _spool_stdin(stdin or sys.stdin) if "-" in inputs else None
    res = Resources(cfg)
    try:
        t = time.perf_counter()
        repeated, total = repeated_lines(inputs, cfg, spool)
        summary.add_time("scan", t)
        if spool is not None:
            spool.seek(0)
        with Store(cfg.db) as store:
            res.stories = store.load_stories()
            res.homes = learn_homes(store, cfg)
            done = 0
            stream = sources.read(inputs, cfg, stdin=spool)
            for n, batch in enumerate(batched(stream, cfg.batch_size), start=1):
                summary.items += len(batch)
                process_batch(batch, store, res, repeated, summary)
                done += len(batch)
                if progress:
                    progress(done, total)
                if on_batch:
                    on_batch(n)
            redate(store, res, summary)
            relocate(store, res, summary)
            fuse_all(store, summary)
    finally:
        if spool is not None:
            spool.close()
    return summary


def _spool_stdin(stdin: TextIO) -> TextIO:
    """Stdin can be read once; the two passes need it twice, so keep a copy on disk."""
    spool = tempfile.TemporaryFile(mode="w+", encoding="utf-8", newline="")
    shutil.copyfileobj(stdin, spool)
    spool.seek(0)
    return spool
