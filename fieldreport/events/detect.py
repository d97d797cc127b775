"""Event triggers, their ACLED typing, and the filters that drop what is not a reported event.

Triggers are found by regular expressions over the sentence text and anchored to a spaCy token,
whose dependency context then decides whether the trigger is a real, past, asserted event:

* negated ("did not attack", "no clashes") -> dropped;
* hypothetical, future or intended ("could launch", "will attack", "vowed to attack", "plans to",
  "to recapture", "if ... seize") -> dropped;
* generic or habitual (present simple "the militants usually attack", "strikes are a tool") -> dropped;
* background (a year before the article's year in the trigger's clause: "overran Raqqa in 2014") ->
  dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from . import crowds
from .taxonomy import AIR_STRIKE, ARRESTS, ATTACK, DISRUPTED_WEAPONS, SHELLING

# the trigger table (rules as data) lives in .triggers; kinds and classify read it as d.TRIGGERS
from .triggers import TRIGGERS

_DISRUPT = [
    re.compile(
        r"(?P<w>car\s+bombs?|VBIEDs?|IEDs?|explosive\s+devices?|bombs?|(?:land)?mines?|suicide\s+vests?|drones?|rockets?"
        r"|missiles?)\b[^.;]{0,60}?\b(?:were|was|been|being)\s+(?:\w+\s+)?(?P<v>destroyed|defused|dismantled|intercepted"
        r"|neutrali[sz]ed|cleared|foiled|thwarted|shot\s+down|seized|found|discovered|recovered)",
        re.I,
    ),
    re.compile(
        r"(?P<v>destroyed|destroying|defused|defusing|dismantled|intercepted|neutrali[sz]ed|shot\s+down|foiled|thwarted|seized"
        r"|captured|found|discovered|uncovered)\s+(?:[\w-]+\s+){0,4}?(?P<w>car\s+bombs?|VBIEDs?|IEDs?|explosive\s+devices|bombs"
        r"|(?:land)?mines|suicide\s+vests?|(?:arms|weapons?|ammunition)\s+(?:dumps?|depots?|caches?|stores?)|ammunition|weapons|explosives"
        r"|drones?)\b",
        re.I,
    ),
]

FIRE_LEMMAS = frozenset(
    "fire firing hit strike pound shell bomb target land fall rain launch crash explode slam lob ring aim "
    "crush kill "
    "wound injure destroy demolish hear pummel bombard blast".split()
)
INTENT_LEMMAS = frozenset(
    "plan vow threaten intend aim seek want try attempt fail prepare hope expect promise pledge warn order "
    "urge call need "
    "refuse plot fear prevent deny avoid consider propose".split()
)
ASPECT_LEMMAS = frozenset("continue begin start keep resume manage go".split())
MODALS = frozenset("will would could may might should can must shall 'll wo ca".split())
PERCEPTION = frozenset("hear see feel".split())
HABITUAL = frozenset(
    "usually often typically generally always regularly frequently sometimes routinely".split()
)
NON_EVENT_AMOD = frozenset(
    "next future possible potential planned imminent expected likely last final".split()
)
TERRITORY_NOUNS = frozenset(
    "city town village district neighborhood neighbourhood area areas part parts portion citadel hill "
    "hilltop base airport territory land enclave outskirts quarter suburb suburbs region province road "
    "highway bridge camp checkpoint position positions stronghold bastion garrison complex dam field fields "
    "airbase square street streets".split()
)
WEAPON_OBJECTS = re.compile(
    r"\b(?:arms|weapons?|ammunition|explosives|car\s+bombs?|VBIEDs?|IEDs?|drones?|vehicles?|trucks?)\b", re.I
)
# only a mob lynches or stones someone to death
MOB_KILLING = re.compile(r"\blynch\w*|\bstoned\s+to\s+death", re.I)
# "struck by a car", "hit by a pickup": a road accident, not a strike
BY_VEHICLE = re.compile(lexicon.BY_VEHICLE, re.I)
AIR_STRIKES = re.compile(r"\b(?:air|drone)[\s-]?(?:strikes?|raids?)\b", re.I)
AIR_CONTEXT = re.compile(
    r"\b(?:air|aircraft|warplanes?|jets?|drones?|aerial|helicopters?|bombers?|sorties?)\b", re.I
)
TREND_LEMMAS = frozenset("swell rise increase grow mount climb fall drop decline double soar".split())
RECENT = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|overnight|this\s+week"
    r"|last\s+(?:week|night)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b)",
)
GENERIC_HEAD = frozenset(
    "unit units positions position forces force fighters men troops soldiers convoy".split()
)


@dataclass(slots=True)
class Trigger:
    start: int  # char offsets in the article text
    end: int
    text: str
    sub: str
    kind: str
    conf: float
    token: Token
    clause: Token  # the verb whose clause holds the trigger


def year_of(article_published: str | None, doc: Doc) -> int | None:
    """The year before which a named year is background: the publication year, else one after the
    latest year the text names (an undated article's years are then all in its past)."""
    if article_published and re.match(r"\d{4}", article_published):
        return int(article_published[:4])
    years = [int(y) for y in re.findall(r"\b(?:19[5-9]\d|20\d\d)\b", doc.text)]
    return max(years) + 1 if years else None


def clause_of(tok: Token) -> Token:
    """The verb heading the clause a token belongs to (the token itself when it is a verb)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _token_at(span: Span, start: int, end: int) -> Token | None:
    doc = span.doc
    sub = doc.char_span(start, end, alignment_mode="expand")
    if sub is None or len(sub) == 0:
        return None
    return sub.root


_HEADLINE_BOMB = re.compile(
    r"^(?:(?:[A-Z][\w/-]*|government|army|military|forces|troops)\s+){1,3}(?P<v>bombs?|shells?)"
    r"(?=\s+(?:and\s+shells?\s+)?(?:[A-Z]|(?:[\w-]+\s+)?(?:areas|positions|villages|towns|camps)\b))"
)

# a headline's participle with no auxiliary: "Man shot in Sherman", "Teen shot in foot during party",
# "Three wounded outside bar" (not "shot at", "shot down", "shot dead": other rules)
_HEADLINE_HIT = re.compile(
    r"^[\W_]*(?:(?!(?:was|were|is|are|be|been|being|has|have|had|got)\b)[\w'’-]+\s+){1,4}?(?P<v>shot|wounded|injured)(?!\s+(?:at|down|dead|to\s+death|and\s+killed)\b)"
    r"(?=\s+(?:in|on|at|near|after|during|while|outside|inside|by|early|late|overnight|[A-Z])\b|\s*[,:;]|\s*$)"
)


# a headline's shooting, written without an article: "Boy stable after accidental shooting",
# "Police investigate fatal shooting of 2-year-old" (in a sentence, "the shooting" refers back and
# "a shooting" is a trigger of its own); only in a headline: a short line with no full stop
_HEADLINE_SHOOTING = re.compile(
    r"(?<![\w'’])(?<!\bthe\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bhis\s)(?<!\bher\s)(?<!['’]s\s)"
    r"(?P<v>(?:(?:fatal|deadly|accidental|double|triple|quadruple|drive-by|overnight|early-morning|late-night|"
    r"officer-involved|police|mass)\s+)?shooting)(?!\s+(?:range|script|schedule|star|guard|spree\s+trial)\b)",
    re.I,
)
_HEADLINE_LINE = re.compile(r"^[\W_]*[A-Z0-9][^.!?]{8,120}$")


def find_triggers(span: Span) -> list[Trigger]:
    """Candidate triggers in one sentence (before filtering), longest match first, no overlaps."""
    text = span.text
    base = span.start_char
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    for rx in _DISRUPT:
        for m in rx.finditer(text):
            if m.group("v").lower() in (
                "seized",
                "captured",
                "found",
                "discovered",
                "uncovered",
            ) and not re.search(r"arms|weapon|ammunition|explosive|bomb|IED|mine|vest", m.group("w"), re.I):
                continue
            tok = _token_at(span, base + m.start("v"), base + m.end("v"))
            if tok is None:
                continue
            out.append(
                Trigger(
                    base + m.start(),
                    base + m.end(),
                    m.group(0),
                    DISRUPTED_WEAPONS,
                    "specific",
                    0.65,
                    tok,
                    clause_of(tok),
                )
            )
            taken.append((m.start(), m.end()))
    cands: list[tuple[int, int, str, str, float]] = []
    # first, so that it wins a tie with the bomb as a device: a headline's bare verb, often parsed
    # as a noun: "SAF bomb Golo", "Military shell rebel areas"
    for m in _HEADLINE_BOMB.finditer(text):
        shell = m.group("v").lower().startswith("shell")
        cands.append((m.start("v"), m.end("v"), SHELLING if shell else AIR_STRIKE, "specific", 0.55))
    for m in _HEADLINE_HIT.finditer(text):
        cands.append((m.start("v"), m.end("v"), ATTACK, "harm", 0.45))
    if _HEADLINE_LINE.match(text.strip()):
        for m in _HEADLINE_SHOOTING.finditer(text):
            cands.append((m.start("v"), m.end("v"), ATTACK, "harm", 0.45))
    for rx, sub, kind, conf in TRIGGERS:
        for m in rx.finditer(text):
            cands.append((m.start(), m.end(), sub, kind, conf))
    for verb, sub, kind in crowds.crowd_actions(span):
        cands.append((verb.idx - base, verb.idx - base + len(verb), sub, kind, 0.6))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for s, e, sub, kind, conf in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        tok = _token_at(span, base + s, base + e)
        if tok is None:
            continue
        taken.append((s, e))
        out.append(Trigger(base + s, base + e, text[s:e], sub, kind, conf, tok, clause_of(tok)))
    out.sort(key=lambda t: t.start)
    return out


def in_quotes(span: Span, start: int) -> bool:
    """Whether ``start`` lies inside quotation marks opened earlier in its paragraph."""
    text = span.doc.text
    para = text.rfind("\n\n", 0, span.start_char)
    before = text[para + 1 if para >= 0 else 0 : start]
    return (before.count('"') + before.count("\u201c") - before.count("\u201d")) % 2 == 1


def head_path(tok: Token) -> list[Token]:
    """The token and its heads up to the sentence root."""
    out = [tok]
    t = tok
    for _ in range(30):
        if t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    return out


def intent_above(tok: Token) -> bool:
    """Whether a verb of intent ("aim", "seek", "plan") governs the token."""
    return any(v.lemma_.lower() in INTENT_LEMMAS or _PLAN.match(v.lower_) for v in head_path(tok)[1:])


def has_modal(v: Token) -> bool:
    """Whether a verb has a modal auxiliary ("could attack", "may have been killed"), unless it is
    a verb of perception ("could see")."""
    return v.lemma_ not in PERCEPTION and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in v.children
    )


def _is_inf(v: Token) -> bool:
    return any(c.tag_ == "TO" or (c.dep_ == "aux" and c.lower_ == "to") for c in v.children)


def _dates_clause(year: Token, verb: Token, tok: Token) -> bool:
    """Whether a year token dates the trigger's own clause, not a count or another clause's."""
    if year.dep_ == "nummod":
        return False
    x = year
    for _ in range(30):
        if x.i in (verb.i, tok.i):
            return True
        if x.dep_ in ("relcl", "acl", "advcl", "pcomp") or x.head.i == x.i:
            return x.head.i == x.i and verb.head.i == verb.i  # a year in a headline's main clause
        x = x.head
    return False


# a clause these open tells what already happened, whatever the sentence around it expects:
# "the boy is expected to recover after he was shot"
_PAST_MARKS = frozenset({"after", "because", "since"})


def _up_to_a_past_clause(path: list[Token]) -> list[Token]:
    """The head path of a trigger up to the verb of an "after"/"because"/"since" clause it is in."""
    for i, v in enumerate(path):
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _PAST_MARKS for c in v.children):
            return path[: i + 1]
    return path


def reject_reason(trig: Trigger, span: Span, ref_year: int | None) -> str | None:
    """Why a trigger is not a reported event ("negated", "hypothetical", ...), or None if it is one."""
    tok, verb = trig.token, trig.clause
    doc = span.doc
    chain = [tok] + ([verb] if verb is not tok else [])
    # background: "a war that has killed 400,000 people", "the insurgency, which has displaced
    # millions": what a long conflict has done so far, told to introduce it
    for v in head_path(tok):
        if v.dep_ == "relcl" and v.head.lemma_.lower() in _LONG_RUNNING:
            if v.tag_ in ("VBZ", "VBP") or any(c.lower_ in ("has", "have") for c in v.children):
                return "background"
            break
    if (
        any(c.dep_ == "nsubj" and c.lemma_.lower() in _LONG_WARS for c in verb.children)
        and any(c.lower_ in ("has", "have") for c in verb.children)
        and not _names_a_day(span)
    ):
        return "background"  # "the war, which began in 2011, has killed thousands"
    for v in head_path(tok):
        # "... in 2014, but Iraqi forces backed by air strikes have since regained the territory"
        since = any(c.lower_ == "since" and not list(c.children) for c in v.children)
        if since and any(c.lower_ in ("has", "have") for c in v.children):
            return "background"
    if trig.sub == ARRESTS and (tok.dep_ == "amod" or (tok.dep_ == "acl" and tok.head.dep_ != "ROOT")):
        return "generic"  # "the release of arrested students", "families of men detained in Iraq"
    # negation
    for t in chain:
        if any(c.dep_ == "neg" for c in t.children):
            return "negated"
    prev = doc[max(span.start, tok.i - 2) : tok.i].text.lower().split()
    # "took the town without a fight": no fight, but the town was taken
    negators = ("no",) if trig.kind in ("capture", "advance") else ("no", "without")
    if any(c.lower_ in negators for c in tok.children) or prev[-1:] in (["no"], ["without"], ["never"]):
        return "negated"
    if prev[:1] == ["without"] and prev[1:] in (["a"], ["any"]):
        return "negated"  # "entered the town without a fight"
    for t in chain:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "once", "whether"):
                return "hypothetical"
            if c.dep_ in ("amod", "advmod") and c.lower_ in NON_EVENT_AMOD and t is tok and t.pos_ == "NOUN":
                if not _took_place(tok):
                    return "hypothetical"
            if c.lower_ in HABITUAL:
                return "generic"
    # modality and intent anywhere on the way up to the root ("vowed to attack", "could launch")
    path = _up_to_a_past_clause(head_path(tok))
    if trig.kind == "lead" and (tok.lemma_.lower() in INTENT_LEMMAS or _PLAN.match(tok.lower_)):
        if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return "hypothetical"  # a sentence whose main verb is "plans to bomb" reports no bombing
    for i, v in enumerate(path):
        if v.pos_ not in ("VERB", "AUX"):
            if v.pos_ == "NOUN" and v.lemma_.lower() in (
                "plan",
                "threat",
                "bid",
                "attempt",
                "aim",
                "intention",
                "plot",
            ):
                return "hypothetical"
            continue
        if has_modal(v):
            return "hypothetical"
        child = path[i - 1] if i else None
        if (
            child is not None
            and v.lemma_.lower() in INTENT_LEMMAS
            and child.dep_ in ("xcomp", "ccomp", "dobj", "advcl", "pcomp", "acl", "pobj", "prep", "nsubjpass")
        ):
            return "hypothetical"
        if _PLAN.match(v.lower_) and child is not None:
            return "hypothetical"
        if _is_inf(v) and v.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "csubj", "pcomp", "dobj"):
            gov = v.head
            if trig.kind == "protest" and v is tok and gov.tag_ in ("VBD", "VBP", "VBZ", "VBN"):
                continue  # "gathered to protest the fees": the gathering is the protest
            if not (gov.pos_ in ("VERB", "AUX") and gov.lemma_ in ASPECT_LEMMAS):
                return "intended"
        if v.dep_ in ("csubj",) and has_modal(v.head):
            return "hypothetical"
    if (
        tok.pos_ == "NOUN"
        and (tok.head.lemma_.lower() in INTENT_LEMMAS or _PLAN.match(tok.head.lower_))
        and tok.dep_ in ("dobj", "pobj", "nsubjpass")
    ):
        return "hypothetical"
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG":
        if not (trig.kind == "protest" and tok.head.lower_ in ("for", "after", "while")):
            return "generic"  # but "arrested for protesting" says a protest took place
    # generic / habitual present simple, unless a day says it happened once: the headline
    # present ("Pensioners protest a delay in benefits in Bauchi on 06/05")
    if verb.tag_ in ("VBZ", "VBP") and not (
        tok.pos_ == "NOUN" and verb.lemma_ in ("continue", "rage", "erupt")
    ):
        ongoing = verb.lemma_ == "be" and any(c.lower_ in ("underway", "ongoing") for c in verb.children)
        # a text's first sentence in the present that names someone or somewhere is a headline
        # ("Pensioners protest unpaid benefits in Kaduna"), or whose crowd protests ("Students
        # protest fees"); other bare plurals, or a "when" clause, make it a habit
        whenever = any(
            c.dep_ == "advcl" and any(m.lower_ in ("when", "whenever", "if") for m in c.children)
            for c in verb.children
        )
        headline = not whenever and (
            span.start == 0
            and (verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.i < verb.head.i))  # parsed as a clause
            and (
                any(t.ent_type_ in _NAMED for t in span)
                or (
                    trig.kind in ("protest", "specific")
                    and trig.sub != AIR_STRIKE
                    and crowds.crowd_subject(verb)
                )
            )
        )
        if not any(c.dep_ == "aux" for c in verb.children) and not _names_a_day(span) and not ongoing:
            if not headline or any(c.lower_ in HABITUAL for c in verb.children):
                return "generic"
    if (
        verb.tag_ == "VB"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and verb.dep_ == "ROOT"
        and not _names_a_day(span)
        and not (span.start == 0 and any(t.ent_type_ in _NAMED for t in span))
    ):
        return "generic"  # an imperative or a bare habit; a headline's present names a day or a place
    if (
        verb.lemma_ == "be"
        and tok.dep_ in ("nsubj", "attr")
        and any(c.dep_ == "attr" and c.i != tok.i for c in verb.children)
    ):
        return "generic"  # "air strikes have long been a central part of the strategy"
    root = span.root
    if root.lemma_.lower() in TREND_LEMMAS and tok.i != root.i and root.tag_ in ("VBN", "VBZ", "VBP"):
        return "generic"  # "civilian casualties in air strikes have swelled"
    # background: an earlier year in the trigger's clause, or in a sentence with no recent day
    if ref_year:
        # a past year dates the event unless it counts something ("about 2000 supporters") or
        # dates a clause of its own ("marched in memory of youths killed by police in 1990")
        years = [
            t
            for t in span
            if t.like_num
            and re.fullmatch(r"(?:19|20)\d\d", t.text)
            and int(t.text) < ref_year
            and _dates_clause(t, verb, tok)
        ]
        if years and not RECENT.search(span.text):
            return "background"
        if verb.dep_ == "ROOT" and any(clause_of(t).i == verb.i for t in span if _long_ago(t, span)):
            return "background"  # "...in 1998, two decades ago"; not "a college that started years ago"
    if span.text.rstrip().endswith("?"):
        return "question"
    return None


def _long_ago(t: Token, span: Span) -> bool:
    """ "years ago", "decades ago", "since 2011"."""
    if t.lower_ == "ago" and t.i > span.start:
        return t.nbor(-1).lower_ in ("year", "years", "decade", "decades")
    return t.lower_ == "since" and t.i + 1 < span.end and bool(re.fullmatch(r"(?:19|20)\d\d", t.nbor(1).text))


def _took_place(tok: Token) -> bool:
    """Whether a noun's verb says it happened ("several planned demonstrations broke out"), or a
    clause of its own in the past tense does ("a possible gang-related shooting that left four
    people wounded": the shooting is certain, its motive is not)."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.tag_ == "VBD" and head.lemma_.lower() in _OCCUR:
        return True
    return any(c.dep_ == "relcl" and c.tag_ == "VBD" for c in tok.children)


_OCCUR = frozenset("break erupt take go begin start occur happen proceed kick".split())
_LONG_RUNNING = frozenset(
    "war conflict fighting insurgency violence crisis campaign uprising unrest rebellion offensive".split()
)
_LONG_WARS = frozenset("war conflict insurgency crisis campaign uprising rebellion".split())
_PLAN = re.compile(r"plan(?:s|ned|ning)?$")  # "planned to attack", never "planted a bomb"
_NAMED = frozenset("GPE LOC FAC ORG NORP PERSON CARDINAL".split())
_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}/\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
    re.I,
)


def _names_a_day(span: Span) -> bool:
    return any(e.label_ == "DATE" and _DAY.search(e.text) for e in span.ents) or bool(_DAY.search(span.text))


def weapon_in_use(trig: Trigger, span: Span) -> bool:
    """A weapon noun names an attack only with firing words around it ("artillery fire", "hit by rockets")."""
    tok = trig.token
    if tok.pos_ == "VERB":
        return True  # "shelled the town": the word is the firing
    if tok.dep_ == "compound" and tok.head.lemma_ not in (
        "fire",
        "attack",
        "strike",
        "round",
        "barrage",
        "salvo",
        "shell",
    ):
        return False
    if trig.clause.lemma_ in (
        "deploy",
        "use",
        "possess",
        "supply",
        "send",
        "deliver",
        "acquire",
        "store",
        "have",
        "own",
    ):
        return False
    for t in span:
        if t.lemma_.lower() in FIRE_LEMMAS and t.i != tok.i:
            return True
    return bool(re.search(r"\b(?:fire|firing|barrage|salvo)\b", span.text, re.I))


def device_exploded(trig: Trigger, span: Span) -> bool:
    """An explosive device is an event only when it went off or hurt someone."""
    return bool(
        re.search(
            r"\b(?:explod\w*|detonat\w*|went\s+off|blast|blew|struck|hit|kill\w*|wound\w*|injur\w*|ripped|tore|exploding)\b",
            span.text,
            re.I,
        )
    ) and trig.clause.lemma_ not in ("plant", "lay", "use", "deploy", "prevent", "face", "place", "bury")
