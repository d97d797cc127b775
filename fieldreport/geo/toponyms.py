"""Find the place names of an article and resolve them against the gazetteer.

Recognition: spaCy entities (GPE, LOC, FAC; an ORG span that is exactly a known place name) plus a
gazetteer n-gram matcher over capitalised proper-noun tokens for the names NER misses. Filters drop
demonyms ("Syrian army"), metonymy ("Washington said"), names inside organisations ("Syrian
Observatory for Human Rights") and inside people's names.

Resolution ranks each candidate entry by feature type, population, the article's country context
(countries and demonyms mentioned, the dateline, captions), an admin hint ("X province") and
closeness to the article's other places. Names NER found but the gazetteer lacks stay as unresolved
places; when the article says where they are ("the village of Baghouz, Deir Al Zor province") they
carry that region's admin names and coordinates, still with ``resolved=False`` and no gazetteer id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..records import Article, Place
from .countries import ADMIN1_WORDS, ADMIN2_WORDS
from .focus import DATELINE_WEIGHT, PART_OF, REGISTER_WEIGHT, Focus, article_focus, unit_of
from .gazetteer import Entry, Gazetteer
from .names import fold, name_key
from .namesakes import far_namesakes, named_home
from .nonplaces import (
    CITY_PART,
    MAJOR,
    MINOR_POPULATION,
    acronym_readings,
    everyday,
    named_actor,
    not_the_town,
    person_at_a_place,
    place_evidence,
    unsupported,
)
from .rank import Candidate, Context, counties_in, resolve, score

LOC_LABELS = frozenset({"GPE", "LOC", "FAC"})
MASK_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})

# Organisations whose names contain place names or demonyms.
ORG_NAMES = re.compile(
    r"Syrian Observatory for Human Rights|Raqqa is Being Slaughtered Silently|Syrian Democratic Forces"
    r"|Islamic State(?: (?:of|in) Iraq and (?:Syria|the Levant|al-Sham))?|Free Syrian Army"
    r"|Syrian Arab Army|Syrian National Army|Syrian Arab Red Crescent|Iraqi Security Forces"
    r"|Kurdistan Workers'? Party|Kurdistan Regional Government|Hay'?at Tahrir al-Sham"
    r"|Jabhat (?:al-)?Nusra|Popular Mobili[sz]ation (?:Forces|Units)|Associated Press"
    r"|New York Times|Washington Post|Wall Street Journal|Al[ -]Jazeera|Al Arabiya|Times of Israel"
    r"|Jerusalem Post|Middle East Eye|Human Rights Watch|Amnesty International"
    r"|International Rescue Committee|Doctors Without Borders|Central Command|White Helmets"
)
# A capitalised word right after a place name that makes the whole an organisation.
ORG_HEADS = frozenset(
    """observatory forces force army council ministry command committee front party brigade brigades
    movement times post news agency airlines airways university federation embassy crescent coalition
    mission guard guards police corps division unit units regiment battalion militia mobilization
    mobilisation tribune herald journal telegraph observer review institute center centre foundation
    watch club fc bank company corporation group network radio tv television broadcasting
    government administration parliament assembly""".split()
)
SPEECH_VERBS = frozenset(
    """say said says slam slammed accuse accused condemn condemned warn warned announce announced deny
    denied claim claimed call called urge urged state stated insist insisted reject rejected demand
    demanded vow vowed criticize criticized criticise criticised welcome welcomed praise praised
    threaten threatened pledge pledged promise promised agree agreed tell told declare declared
    respond responded argue argued dismiss dismissed blame blamed add added note noted believe
    believes believed""".split()
)
THINK_VERBS = frozenset({"think", "believe", "want", "expect", "fear", "hope", "consider", "decide"})
OBJECT_VERBS = frozenset({"accuse", "accused", "blame", "blamed", "urge", "urged", "criticise", "criticize"})
# Capitalised words that are never place names here, whatever the gazetteer holds.
STOPLIST = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december president general commander minister mr mrs ms dr
    god allah imam sheikh mosque church city street road north south east west central old new great
    islamic arab arabs kurdish kurds christian muslim sunni shia shiite coalition observatory forces
    state army reuters twitter facebook youtube news press media official officials leader
    spokesman captain colonel major lieutenant sergeant prime king queen prince saint st university
    lake river mount eastern western northern southern upper lower greater northeast northwest southeast
    southwest app apps video photo""".split()
)
# Names NER labels GPE that are organisations or groups, not places.
NOT_PLACES = frozenset(
    """un u.n. eu nato daesh isis isil is sdf ypg pkk hezbollah hamas taliban al-qaeda al-shabaab ap afp
    irs fbi cia""".split()
)
DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern""".split()
)
# "US-backed forces": a country as the modifier of an actor, not a place.
ACTOR_SUFFIX = frozenset("backed led supported based funded trained allied sponsored aligned".split())
CONNECTORS = frozenset(
    """al el ez az as ad ar ash an at ed es et de del di da du of la le upon on sur am der bin ibn
    bani beni""".split()
)
# Non-locational uses, reported only when asked for (find_places(mentions=True)).
NON_LITERAL = frozenset({"demonym", "organisation", "metonym"})
CLEAR_DATELINE = 0.5  # the share a bare dateline's best reading needs to set the story's state
DATELINE_TOWN = 50_000  # a town this size shares a bare dateline with a namesake province abroad
OUTLET_SCORE = 0.5  # an outlet's town read for a story that names no place: a guess, not a reading
PPL_WORDS = frozenset({"city", "town", "village", "villages", "hamlet", "towns", "cities", "camp"})

# Most specific first: the order in which an unresolved place's container is chosen.
CONTAINER_RANK = {"PPLA": 0, "PPLC": 0, "PPL": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3}

# the container is written after a comma or a preposition of place, on the same line: "Baghouz,
# Deir Al Zor province", "a village in Idlib"; the next capitalised word alone is no container
_CONTAINER = re.compile(
    r"^(?:[ \t]*,[ \t]*(?:(?:in|of|near)[ \t]+)?"
    r"|[ \t]+(?:in|of|near|outside|on\s+the\s+(?:\w+\s+)?outskirts\s+of"
    r"|(?:north|south|east|west)(?:east|west)?\s+of)"
    r"[ \t]+)(?:the\s+)?(?:(?:north|south|east|west|central)(?:east|west)?(?:ern)?\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:[ -](?:[A-Z][\w'’-]*|al|el|ez|az|as|ad|ar|ash|an|at|ed|es|et|de))*)"
    r"(?:\s+(?P<kind>province|governorate|region|district|state))?"
)


def find_places(
    article: Article,
    doc: Doc,
    gaz: Gazetteer,
    spans: Sequence[tuple[int, int]] | None = None,
    *,
    mentions: bool = False,
    focus: frozenset[str] = frozenset(),
    not_places: Sequence[tuple[int, int]] = (),
) -> tuple[Place, ...]:
    """The toponyms of ``article.text`` (which ``doc`` was parsed from), resolved where possible.

    By default only places something can happen at. With ``mentions``, also the non-locational
    uses the default filters out, each marked by its ``source``: ``demonym`` ("Russian jets"),
    ``organisation`` ("Dublin City Schools") and ``metonym`` ("Washington said"); what
    annotated toponym corpora count, and what a reader of the geoparse output may want.

    ``focus``: the countries the corpus is about (setting ``geo_focus``), preferred where the
    text does not say. ``not_places``: character spans of actor names ("al Shabaab", "Boko
    Haram"), which are not places even where the gazetteer has a village of that name.

    With ``spans`` (character offsets), exactly those spans are resolved, in that order, one Place
    each, with the same context and ranking; a span that is a demonym ("Syrian") then names its
    country, since whoever gave the span says it is a place.
    """
    text = article.text
    context: Counter[str] = Counter()
    frame = article_focus(article, gaz)
    if spans is None:
        candidates = []
        for c in _recognise(doc, gaz, context, mentions, frame):
            if c.source not in NON_LITERAL and named_actor(c, not_places):
                if not mentions:
                    continue
                c.source = "organisation"  # "al Shabaab": a group's name, reported as such
            candidates.append(c)
    else:
        candidates = [_given(doc, gaz, s, e) for s, e in spans]
    for c in candidates:
        c.within = _within(text, c.end, gaz)
    dateline = _dateline_candidate(frame, gaz) if spans is None else None
    if dateline is not None:
        candidates.insert(0, dateline)
    if spans is None:
        candidates[:0] = _title_candidates(article.title, gaz, frame, text)
    if spans is None and dateline is None and frame.agency_town is not None:
        candidates.insert(0, _agency_candidate(frame.agency_town))

    # country context: country names in the body, names whose every reading is in one country
    # ("Tennessee", "Aleppo"), the dateline, title and captions
    vouchers: dict[str, Counter[str]] = {}
    for c in candidates:
        first = c.entries[0] if c.entries else None
        if first is not None and first.is_country and first.match != "skeleton":
            context[first.country_code or ""] += 0.5 if first.demonym else 1.0
            continue
        readings = [e for e in c.entries if e.match != "skeleton" and not e.is_region]
        named = {e.country_code for e in readings}
        notable = any(e.is_admin or e.population >= MINOR_POPULATION for e in readings)
        if len(named) == 1 and None not in named and notable:
            # "Aleppo", "Tennessee" say which country; a hamlet that happens to have one
            # namesake ("Al-Tanaf" -> Tanaf, Senegal) must not vouch for itself
            cc = named.pop() or ""
            context[cc] += 0.5
            vouchers.setdefault(cc, Counter())[name_key(c.text)] += 0.5
    if frame.register_cc:
        context[frame.register_cc] += REGISTER_WEIGHT
    dateline_cc = _dateline_country(gaz, article.dateline)
    if dateline_cc:
        context[dateline_cc] += 3.0
    for extra in [article.title or "", *(e.text for e in article.embeds)]:
        for cc in _countries_in(gaz, extra):
            context[cc] += 0.5
    context.pop("", None)
    counties = counties_in(f"{article.title or ''}\n{text}")

    if dateline is not None and frame.home_unit is None:
        # a dateline without its state ("CHICAGO"): the city it names, when the reading is
        # clear, gives the story its state
        resolve(
            [dateline], Context(context.copy(), dateline_cc=dateline_cc, focus=focus, counties=counties), gaz
        )
        b = dateline.best  # a capital's dateline is a correspondent's desk ("BEIRUT", "KABUL")
        if (
            b is not None
            and b.country_code
            and b.admin1
            and b.feature != "PPLC"
            and dateline.score >= CLEAR_DATELINE
        ):
            frame.home_unit = (b.country_code, b.admin1)
            frame.units[frame.home_unit] += DATELINE_WEIGHT
    ctx = Context(
        context,
        vouchers=vouchers,
        dateline_cc=dateline_cc,
        focus=focus,
        focus_units=frame.units,
        home_unit=frame.home_unit,
        counties=counties,
    )
    resolve(candidates, ctx, gaz)
    _same_as_frame(candidates, frame, dateline)
    clear = dateline.best if dateline is not None and dateline.score >= CLEAR_DATELINE else None
    # the story's own town by its dateline or the police it quotes; an outlet's home is no such
    # evidence (a city paper's site carries the wire's national news)
    home = clear or (frame.agency_town if dateline is None else None)
    if home is None and dateline is None and spans is None:
        home = named_home(candidates)
    far_namesakes(candidates, home, ctx)
    keep = spans is not None
    places = [
        _to_place(c) for c in candidates if keep or c.best is not None or c.source in ("ner", "dateline")
    ]
    if spans is None and frame.home_town is not None and not any(p.resolved for p in places):
        # a story that names no place at all ("Child wounded in accidental shooting" on a town's
        # station): its outlet's town is the only evidence of where it happened
        home_town = frame.home_town
        places.insert(0, home_town.place(0, 0, home_town.name, score=OUTLET_SCORE, source="outlet"))
    town = dateline.best if dateline is not None and dateline.score >= CLEAR_DATELINE else None
    if town is not None and town.feature == "PPLC":
        town = None  # "BEIRUT (Reuters) -" over villages in Syria: not where they are
    if town is None and dateline is None:
        town = frame.home_town  # no dateline: the town whose police it quotes, or its outlet's
    places = _attach_containers(places, article, gaz, context, dateline_cc, frame.dateline_unit, town)
    if keep:
        return tuple(places)
    return tuple(sorted(places, key=lambda p: (p.start, p.end)))


def _recognise(
    doc: Doc, gaz: Gazetteer, context: Counter[str], mentions: bool = False, frame: Focus | None = None
) -> list[Candidate]:
    text = doc.text
    own = frame.keys if frame is not None else frozenset()
    masks = _org_masks(text, doc)
    covered: set[int] = set()
    candidates: list[Candidate] = []
    lowercase_words = {t.text for t in doc if t.is_lower}
    people = _person_words(doc)

    def known(span: Span) -> bool:
        return gaz.has_key(span.text)

    for ent, span in ((e, s) for e in doc.ents for s in _pieces(e, known)):
        if ent.label_ not in LOC_LABELS | {"ORG", "NORP"}:
            continue
        if span.text.lower() in NOT_PLACES:
            continue
        inside = _masked(span.start_char, span.end_char, masks, ent)
        if inside or _is_org_or_metonym(span):
            if mentions and ent.label_ in LOC_LABELS and not inside:
                _mention(candidates, span, _lookup(gaz, span), "metonym", covered)
            continue
        entries = acronym_readings(span, _lookup(gaz, span))
        if len(span) == 1 and span.text in people and not _at_a_place(text, span, gaz):
            continue  # "Lincoln", "Victoria": a name the article also gives a person
        if entries and all(e.demonym for e in entries):
            context[entries[0].country_code or ""] += 0.5
            if mentions:
                _mention(candidates, span, entries, "demonym", covered)
            continue
        exact = [e for e in entries if not e.demonym and e.match != "skeleton"]
        if ent.label_ in ("ORG", "NORP") and not exact:
            continue  # a real organisation or group; "Raqqa" mislabelled ORG/NORP goes on
        major = any(e.feature in ("PCLI", "ADM1", "CONT", "RGN") and e.match != "skeleton" for e in entries)
        if not major and _ordinary(span, lowercase_words):
            continue  # "Air assaults ...": NER noise, not a place
        demonym = any(e.demonym for e in entries)  # "Canadian": the people, told apart below
        why = (
            None
            if demonym
            else unsupported(span, exact, ent.label_, _within(text, span.end_char, gaz) is not None, own)
        )
        if why == CITY_PART:
            entries = []  # "the South Side": a part of the article's city, not the town of that alias
        elif why is not None:
            continue  # "Union Street", "a .223 Rifle", "Officer Smith said"
        if entries and entries[0].is_country and _adjectival(span):
            continue  # "a U.S. defense official": the country as a modifier
        cand = Candidate(span.start_char, span.end_char, span.text, "ner", _hint(span))
        cand.entries = [e for e in entries if not e.demonym]
        candidates.append(cand)
        covered.update(range(span.start, span.end))

    candidates += _gazetteer_matches(doc, gaz, covered, masks, context, mentions, own)
    return candidates


def _person_words(doc: Doc) -> set[str]:
    return {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def _at_a_place(text: str, span: Span, gaz: Gazetteer) -> bool:
    """Whether a word the article also uses in a person's name ("Victoria Whitehurst") is written
    as a place here: after a preposition of place ("in Victoria") or with its state or country
    beside it ("Victoria, Texas"). Alone ("struck and killed Victoria") it is the person."""
    return (
        place_evidence(text, span.start_char, span.end_char) or _within(text, span.end_char, gaz) is not None
    )


def _mention(out: list[Candidate], span: Span, entries: list[Entry], use: str, covered: set[int]) -> None:
    if not entries or any(k in covered for k in range(span.start, span.end)):
        return
    cand = Candidate(span.start_char, span.end_char, span.text, use, None)
    cand.entries = [e for e in entries if e.match != "skeleton"]
    if cand.entries:
        out.append(cand)
        covered.update(range(span.start, span.end))


def _given(doc: Doc, gaz: Gazetteer, start: int, end: int) -> Candidate:
    surface = doc.text[start:end]
    span = doc.char_span(start, end, alignment_mode="expand")
    hint = _hint(span) if span is not None and len(span) else None
    cand = Candidate(start, end, surface, "span", hint)
    for fuzzy in (False, True):  # a real name match beats a consonant-skeleton one
        cand.entries = next((found for n in _variants(surface) if (found := gaz.lookup(n, fuzzy=fuzzy))), [])
        if cand.entries:
            break
    if any(not e.demonym for e in cand.entries) and any(e.demonym for e in cand.entries):
        # "Georgian": the country's people, unless a place has the name itself
        cand.entries = [e for e in cand.entries if e.demonym or (e.population or 0) >= 100_000]
    return cand


def _variants(surface: str) -> list[str]:
    """The span as written, then without a possessive, a leading article or a kind word."""
    s = surface.strip()
    out = [s]
    for suffix in ("'s", "\u2019s"):
        if s.endswith(suffix):
            out.append(s[: -len(suffix)])
    if s.lower().startswith("the "):
        out.append(s[4:])
    words = s.split()
    if len(words) > 1 and fold(words[-1]) in ADMIN1_WORDS | ADMIN2_WORDS | PPL_WORDS:
        out.append(" ".join(words[:-1]))
    return out


_WITHIN = re.compile(r",\s*((?:[A-Z][a-z]{0,4}\.\s?){1,3}|[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)")


def _within(text: str, end: int, gaz: Gazetteer) -> tuple[str, str] | None:
    """(country, admin1) of a first-level unit written right after a name: "Paris, Tenn."."""
    m = _WITHIN.match(text, end)
    if not m:
        return None
    units = [e for e in gaz.lookup(m.group(1).strip(), fuzzy=False) if e.feature == "ADM1" and e.country_code]
    if not units:
        return None
    return units[0].country_code, units[0].admin1 or units[0].name  # type: ignore[return-value]


# ---------- recognition ----------


def _pieces(ent: Span, known: Callable[[Span], bool]) -> Iterable[Span]:
    """The entity split at line breaks (NER runs across a title into the body), each trimmed."""
    doc, start = ent.doc, ent.start
    for k in range(ent.start, ent.end + 1):
        if k == ent.end or "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            end = k + 1 if k < ent.end and "\n" not in doc[k].text else k
            piece = _trim(doc[start:end], known) if end > start else None
            if piece is not None:
                yield piece
            start = k + 1


def _trim(ent: Span, known: Callable[[Span], bool]) -> Span | None:
    """Drop a leading "the" or direction ("west Mosul"), trailing punctuation, space and 's.

    A direction stays when it is part of a known name ("South Africa", "West Virginia").
    """
    i, j = ent.start, ent.end
    doc = ent.doc
    while i < j and (
        doc[i].lower_ in {"the", "a"}
        or doc[i].is_space
        or doc[i].is_punct
        or (doc[i].lower_ in DIRECTIONS and i + 1 < j and not known(_strip_tail(doc[i:j])))
    ):
        i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].is_punct or doc[j - 1].lower_ in {"'s", "’s"}):
        j -= 1
    if i >= j:
        return None
    return doc[i:j]


def _strip_tail(span: Span) -> Span:
    j = span.end
    while j > span.start + 1 and (span.doc[j - 1].is_punct or span.doc[j - 1].lower_ in {"'s", "’s"}):
        j -= 1
    return span.doc[span.start : j]


def _org_masks(text: str, doc: Doc) -> list[tuple[int, int, str]]:
    masks = [(m.start(), m.end(), "ORGNAME") for m in ORG_NAMES.finditer(text)]
    masks += [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in MASK_LABELS]
    return masks


def _masked(start: int, end: int, masks: list[tuple[int, int, str]], ent: Span | None = None) -> bool:
    for ms, me, label in masks:
        if ms < end and start < me:
            if label == "ORGNAME":
                return True
            if ent is not None and ms == ent.start_char and me == ent.end_char:
                continue  # the entity itself (an ORG candidate)
            if (ms, me) != (start, end) and ms <= start and end <= me:
                return True  # strictly inside a longer ORG/PERSON span
            if (ms, me) == (start, end) and label != "ORG":
                return True
    return False


def _is_org_or_metonym(span: Span) -> bool:
    doc = span.doc
    if any(t.lower_ in ORG_HEADS and t.is_title for t in span[1:]):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.is_title and nxt.lower_ in ORG_HEADS:
        return True
    if (
        nxt is not None
        and nxt.text in "-–"
        and not nxt.whitespace_
        and span.end + 1 < len(doc)
        and doc[span.end + 1].lower_ in ACTOR_SUFFIX
    ):
        return True
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS | THINK_VERBS:
        return True
    if nxt is not None:
        verb = nxt
        if nxt.pos_ == "AUX" and span.end + 1 < len(doc):
            verb = doc[span.end + 1]
        if verb.lower_ in SPEECH_VERBS and verb.pos_ in {"VERB", "AUX"}:
            return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in OBJECT_VERBS


def _adjectival(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and root.head.i > root.i


def _ordinary(span: Span, lowercase_words: set[str]) -> bool:
    """An unresolved NER span that is most likely an ordinary word or sentence-initial noise."""
    if not any(t.pos_ == "PROPN" for t in span):
        return True
    if len(span) == 1:
        word = span[0].lower_
        return word in STOPLIST or word in lowercase_words or span[0].is_stop
    return False


def _name_token(tok: Token) -> bool:
    return tok.is_alpha and len(tok) > 1 and tok.is_title and tok.lower_ not in STOPLIST


def _gazetteer_matches(
    doc: Doc,
    gaz: Gazetteer,
    covered: set[int],
    masks: list[tuple[int, int, str]],
    context: Counter[str],
    mentions: bool = False,
    own: frozenset[str] = frozenset(),
) -> list[Candidate]:
    out: list[Candidate] = []
    people = _person_words(doc)
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if i in covered or not _name_token(tok) or tok.pos_ != "PROPN":
            i += 1
            continue
        found = None
        for j in range(min(n, i + 6), i, -1):
            span = doc[i:j]
            last = doc[j - 1]
            if any(k in covered for k in range(i, j)) or not _name_token(last):
                continue
            if not all(
                _name_token(t) or t.lower_ in CONNECTORS or (t.text in "-'’" and not t.whitespace_)
                for t in span
            ):
                continue
            entries = acronym_readings(span, gaz.lookup(span.text, fuzzy=False))
            if entries:
                found = (span, entries)
                break
        if found is None:
            i += 1
            continue
        span, entries = found
        i = span.end
        if span.text.lower() in NOT_PLACES or (
            len(span) == 1 and span.text in people and not _at_a_place(doc.text, span, gaz)
        ):
            continue
        minor = not any(e.feature in MAJOR or e.population >= MINOR_POPULATION for e in entries)
        if len(span) == 1 and minor:
            continue  # "Center", "Officer": one capitalised word naming only a hamlet is a word
        if all(e.demonym for e in entries):
            context[entries[0].country_code or ""] += 0.5
            if mentions:
                _mention(out, span, entries, "demonym", covered)
            continue
        if span.start == span.sent.start and len(span) == 1:
            continue  # a capitalised first word: too often an ordinary word
        if any(t.pos_ != "PROPN" for t in span if _name_token(t)):
            continue
        masked = _masked(span.start_char, span.end_char, masks)
        if masked and person_at_a_place(span, entries, masks):
            masked = False
        if masked or _is_org_or_metonym(span):
            if mentions and (len(span) > 1 or any(e.feature in MAJOR for e in entries)):
                use = "organisation" if _masked(span.start_char, span.end_char, masks) else "metonym"
                _mention(out, span, [e for e in entries if not e.demonym], use, set())
            continue
        if unsupported(span, entries, None, _within(doc.text, span.end_char, gaz) is not None, own):
            continue  # "Harbor (110) Freeway", "Metro police", "Journal Star"
        cand = Candidate(span.start_char, span.end_char, span.text, "gazetteer", _hint(span))
        cand.entries = [e for e in entries if not e.demonym]
        out.append(cand)
    return out


def _lookup(gaz: Gazetteer, span: Span) -> list[Entry]:
    entries = gaz.lookup(span.text)
    if entries:
        return entries
    words = span.text.split()
    # "Deir Al Zor province", "Raqqa city": the name without its kind word
    if len(words) > 1 and fold(words[-1]) in ADMIN1_WORDS | ADMIN2_WORDS | PPL_WORDS:
        return gaz.lookup(" ".join(words[:-1]))
    # "Grand Junction High School", "DeKalb Mall": a building named after its town is in it
    m = _FACILITY.search(span.text)
    if m and m.start() > 0:
        town = span.text[: m.start()].strip()
        if (" " not in town and everyday(town, [])) or re.match(r"(?:St\.?|Saint)\s", town):
            return []  # "Central High School", "St. Mary's School": a word or a saint
        return [
            e
            for e in gaz.lookup(town, fuzzy=False)
            if not e.demonym
            and (
                (e.match == "name" and (e.feature or "").startswith("PPL"))
                or (e.feature == "ADM2" and e.match in ("name", "alias"))  # "DeKalb Mall": the county
            )
        ]
    return []


_FACILITY = re.compile(
    r"\s(?:(?:Senior |Junior |Middle |Elementary )?High School|Middle School|Elementary School|School"
    r"|Mall|Apartments|Police Department"
    r"|Fire Department|Airport|Fairgrounds|Courthouse|Library)$"
)


def _hint(span: Span) -> str | None:
    doc = span.doc
    last = fold(span[-1].text)
    nxt = fold(doc[span.end].text) if span.end < len(doc) else ""
    for word in (last, nxt):
        if word in ADMIN1_WORDS:
            return "ADM1"
        if word in ADMIN2_WORDS:
            return "ADM2"
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 3) : span.start])
    if re.search(r"\b(?:city|town|village|villages|hamlet|camp|neighbou?rhood|suburb) of( the)?$", before):
        return "PPL"
    return None


def _dateline_candidate(frame: Focus, gaz: Gazetteer) -> Candidate | None:
    """The dateline's place ("GREENWOOD, Ind."), read with its state: a place at offset 0 with
    source "dateline", since clean.py took the dateline out of the text."""
    if not frame.dateline:
        return None
    cand = Candidate(0, 0, frame.dateline, "dateline", None, frame.dateline_unit)
    cand.entries = [  # a dateline names a town, a city or a county ("MIAMI-DADE COUNTY")
        e
        for e in gaz.lookup(frame.dateline, fuzzy=False)
        if not e.demonym
        and e.match != "skeleton"
        and ((e.feature or "").startswith("PPL") or e.feature == "ADM2")
    ]
    if frame.dateline_cc:
        cand.entries = [e for e in cand.entries if e.country_code == frame.dateline_cc]
    if frame.dateline_unit:  # "SHELBY, N.Y.": a Shelby elsewhere is no reading, even a bigger one
        cand.entries = [e for e in cand.entries if (e.country_code, e.admin1) == frame.dateline_unit]
    return cand


def _agency_candidate(town: Entry) -> Candidate:
    """The town whose police the story quotes ("a Chicago Police spokeswoman"), where the article
    has no dateline: a place at offset 0 with source "agency", read as that town only."""
    cand = Candidate(0, 0, town.name, "agency", None, (town.country_code or "", town.admin1 or ""))
    cand.entries = [town]
    return cand


_TITLE_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|of|on|upon|de|del|la|le))*")
_TITLE_AT = re.compile(r"(?i:\b(?:in|at|near|outside|from)\s+)$")


def _title_candidates(title: str | None, gaz: Gazetteer, frame: Focus, body: str = "") -> list[Candidate]:
    """The places the title names ("8 shot after Durham drive-by", "Police Investigating East
    San Angelo Shooting"), at offset 0 with source "title"; the outlet's tail ("- WSMV Channel 4")
    is left out. A one-word name needs to be a town of 10,000 or more, or a state, written as the
    place is, not an everyday word unless the title puts something in it, and never written in
    lower case in the title or the body ("Man shot ..." over "a man was shot")."""
    if not title:
        return []
    lower = set(re.findall(r"\b[a-z]+\b", f"{title} {body}"))
    head = re.split(r"\s(?:[-|–—]|::)\s", title)[0]
    out: list[Candidate] = []
    for m in _TITLE_RUN.finditer(head):
        words = m.group().split()
        k = 0
        while k < len(words):
            for j in range(min(len(words), k + 5), k, -1):
                name = re.sub(r"['’]s$", "", " ".join(words[k:j]).rstrip(".,:;"))
                if j - k == 1 and (fold(name) in STOPLIST or len(name) < 3 or name.lower() in lower):
                    continue
                if j - k > 1 and len(name_key(name).split()) < j - k:
                    continue  # "Shot At", "In The": a word the key folds away is no part of a name
                entries = [
                    e
                    for e in gaz.lookup(name, fuzzy=False)
                    if not e.demonym
                    and e.match != "skeleton"
                    and not e.is_region
                    # one word names its place as written: "Man" is no Isle of Man, nor Ma'an
                    and (j - k > 1 or (e.match in ("name", "abbrev") and fold(e.name) == fold(name)))
                ]
                if not entries:
                    continue
                at_char = m.start() + len(" ".join(words[:k])) + (1 if k else 0)
                if not_the_town(head, at_char, at_char + len(name)) or any(
                    not_the_town(body, b.start(), b.end())
                    for b in re.finditer(rf"\b{re.escape(name)}\b", body)
                ):
                    # "Victims named in Sunrise Street shooting"; "Boy shot in Woodlawn" over "the
                    # Woodlawn neighborhood": a street or a part of the city, not a town elsewhere
                    continue
                if j - k == 1:
                    at = bool(_TITLE_AT.search(head[: m.start()] + " ".join(words[:k]) + " "))
                    notable = any(e.feature in MAJOR or e.population >= MINOR_POPULATION for e in entries)
                    own = at or name_key(name) in frame.names
                    if not notable or (everyday(name, entries) and not own):
                        continue
                out.append(Candidate(0, 0, name, "title", None))
                out[-1].entries = entries
                k = j
                break
            else:
                k += 1
    return out


def _same_as_frame(candidates: list[Candidate], frame: Focus, dateline: Candidate | None) -> None:
    """A name of the text that is the dateline's place or the outlet's home is that place
    ("Greenwood" under "GREENWOOD, Ind."; "Jackson" on a Jackson, MS station's page)."""
    homes = {name_key(city): unit for city, unit in frame.homes if unit}
    key = name_key(frame.dateline) if frame.dateline else None
    for c in candidates:
        if c is dateline or not c.entries:
            continue
        k = name_key(c.text)
        if dateline is not None and dateline.best is not None and k == key:
            same = [e for e in c.entries if e.gazetteer_id == dateline.best.gazetteer_id]
            if same:
                c.best, c.score = same[0], max(c.score, dateline.score)
                continue
        if (
            dateline is not None
            and dateline.best is None
            and k == key
            and frame.dateline_unit
            and not c.within
        ):
            # "PINETOWN, N.C." that the gazetteer lacks: the town of the text is that one, in
            # that state, never a namesake abroad; unresolved, the dateline's state stands
            there = [e for e in c.entries if (e.country_code, e.admin1) == frame.dateline_unit]
            c.best = max(there, key=lambda e: e.population) if there else None
            c.score = c.score if there else 0.0
            continue
        unit = homes.get(k)
        if unit is not None and not c.within:
            there = [e for e in c.entries if (e.country_code, e.admin1) == unit and not e.is_admin]
            if there and (c.best is None or (c.best.country_code, c.best.admin1) != unit):
                c.best = max(there, key=lambda e: e.population)


def _dateline_country(gaz: Gazetteer, dateline: str | None) -> str | None:
    if not dateline:
        return None
    parts = [p.strip() for p in dateline.split(",") if p.strip()]
    for part in reversed(parts):
        unit = unit_of(gaz, part)  # "Tenn" is Tennessee, whatever else has the name
        if unit is not None and len(parts) == 1 and len(_countries_of_note(gaz, part)) > 1:
            # "SANTA ANA" alone is the Californian city as much as the Salvadoran province:
            # a bare name that several countries have says none of them
            return None
        entries = [unit] if unit is not None else gaz.lookup(part, fuzzy=False)
        if entries and entries[0].is_country:
            return entries[0].country_code
        if entries and entries[0].is_admin:
            return entries[0].country_code
    return None


def _countries_of_note(gaz: Gazetteer, name: str) -> set[str]:
    """The countries that have a unit, or a town of 50,000 people or more, of exactly this name."""
    return {
        e.country_code
        for e in gaz.lookup(name, fuzzy=False)
        if e.country_code and e.match == "name" and (e.is_admin or (e.population or 0) >= DATELINE_TOWN)
    }


_CAPS = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _countries_in(gaz: Gazetteer, text: str) -> Iterable[str]:
    for m in _CAPS.finditer(text):
        words = m.group().split()
        for k in range(len(words)):
            entries = gaz.lookup(" ".join(words[k:]).rstrip(".,"), fuzzy=False)
            if entries and entries[0].is_country:
                yield entries[0].country_code or ""
                break


# ---------- resolution ----------


def _to_place(c: Candidate) -> Place:
    e = c.best
    if e is None:
        return Place(c.start, c.end, c.text, resolved=False, source=c.source)
    return e.place(c.start, c.end, c.text, score=c.score, source=c.source)


# ---------- context for unresolved names ----------


def _part_of(surface: set[str], places: Sequence[Place], gaz: Gazetteer) -> Entry | None:
    """The place a name is a part of: "Downtown Memphis", "East Oakland", where the article
    resolves the rest of the name ("Memphis") elsewhere."""
    resolved = {name_key(p.text): p for p in places if p.resolved and p.gazetteer_id}
    for s in surface:
        m = PART_OF.match(s)
        rest = resolved.get(name_key(s[m.end() :])) if m else None
        if rest is not None and rest.gazetteer_id:
            return gaz.get(rest.gazetteer_id)
    return None


def _attach_containers(
    places: list[Place],
    article: Article,
    gaz: Gazetteer,
    context: Counter[str],
    dateline_cc: str | None,
    dateline_unit: tuple[str, str] | None = None,
    dateline_town: Entry | None = None,
) -> list[Place]:
    """Give unresolved places the region the article puts them in ("Baghouz, Deir Al Zor province")."""
    unresolved = {name_key(p.text) for p in places if not p.resolved}
    if not unresolved:
        return places
    texts = [article.text, *(e.text for e in article.embeds)]
    found: dict[str, Entry] = {}
    # A name the article never situates is taken to be in the country most of the body's
    # resolved places are in. The dateline does not vote: it says where the story was
    # filed ("BEIRUT"), not where it happened.
    body = Counter(p.country_code for p in places if p.resolved and p.country_code)
    total = sum(body.values())
    top = body.most_common(1)
    main_cc = top[0][0] if top and top[0][1] / total >= 0.5 else None
    story_town = _story_town(places, main_cc, gaz)
    for key in unresolved:
        surface = {p.text for p in places if not p.resolved and name_key(p.text) == key}
        best: Entry | None = None
        for t in texts:
            for s in surface:
                for m in re.finditer(re.escape(s), t):
                    e = _container_at(t, m.end(), gaz, context, frozenset(unresolved))
                    if e is not None and (
                        best is None
                        or CONTAINER_RANK[e.feature or "PCLI"] < CONTAINER_RANK[best.feature or "PCLI"]
                    ):
                        best = e
        if best is None:
            # "Downtown Memphis", "North Lawndale" under a resolved "Memphis": a part of that place
            best = _part_of(surface, places, gaz)
        if best is None and article.dateline:
            head = article.dateline.split(",")[0]
            if name_key(head) == key and dateline_unit:  # "MILTON TOWNSHIP, Mich."
                best = gaz.find_admin(*dateline_unit)
            if best is None and name_key(head) == key and dateline_cc:
                best = gaz.country(dateline_cc)
        if (
            best is None
            and dateline_town is not None
            and key != name_key(article.dateline or "")
            and dateline_town.country_code == (main_cc or dateline_town.country_code)
        ):
            best = dateline_town  # "the South Side", "Hinson Drive" under "CHICAGO", "DURHAM, N.C."
        if best is None and dateline_town is None and story_town is not None:
            best = story_town  # "Grant Avenue" in a story that names only Syracuse among towns
        if best is None and main_cc:
            best = gaz.country(main_cc)
        if best is not None:
            found[key] = best
    out = []
    for p in places:
        e = found.get(name_key(p.text)) if not p.resolved else None
        if e is None:
            out.append(p)
            continue
        out.append(
            Place(
                start=p.start,
                end=p.end,
                text=p.text,
                latitude=e.latitude,
                longitude=e.longitude,
                country_code=e.country_code,
                admin1=e.admin1,
                admin2=e.admin2,
                score=0.0,
                resolved=False,
                source=p.source,
            )
        )
    return out


def _story_town(places: Sequence[Place], cc: str | None, gaz: Gazetteer) -> Entry | None:
    """The town the article names most among its resolved towns, in its main country, when no
    other town is named as often: where a street or a neighbourhood it does not situate is."""
    towns = Counter(
        p.gazetteer_id
        for p in places
        if p.resolved and p.gazetteer_id and (p.feature or "").startswith("PPL") and p.country_code == cc
    )
    ranked = towns.most_common(2)
    if cc is None or not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return gaz.get(ranked[0][0])


def _container_at(
    text: str, pos: int, gaz: Gazetteer, context: Counter[str], unresolved: frozenset[str] = frozenset()
) -> Entry | None:
    """The place written right after a name as its container ("Baghouz, Deir Al Zor province");
    none where that name is one the article left unresolved (a namesake far off)."""
    m = _CONTAINER.match(text[pos : pos + 120])
    if not m or name_key(m.group("name")) in unresolved:
        return None
    name, kind = m.group("name"), m.group("kind")
    entries = [
        e for e in gaz.lookup(name) if not e.demonym and e.match != "skeleton" and e.feature in CONTAINER_RANK
    ]
    if kind:
        want = "ADM2" if kind.lower() == "district" else "ADM1"
        admins = [e for e in entries if e.feature == want]
        if not admins:  # the admin unit named after its seat: "Deir el-Zour province"
            admins = [
                a
                for e in entries
                if e.admin1 and e.country_code
                for a in [gaz.find_admin(e.country_code, e.admin1)]
                if a is not None
            ]
        entries = admins
    entries = [e for e in entries if not context or context.get(e.country_code or "") or e.is_country]
    if not entries:
        return None
    cand = Candidate(0, 0, name, "ner", None)
    ctx = Context(context)
    return max(entries, key=lambda e: score(e, cand, ctx))
