"""Casualty claims: who says how many were killed or injured.

A claim needs a number (digits, number words, or a vague quantity) next to a casualty word: "at least
21 civilians were killed", "killed eight civilians", "One SDF fighter was killed and four were
wounded", "leaving 5 dead". Numbers with no casualty word ("2,500 militants are defending") are not
claims, nor are subsets ("including three children").

Ranges (``low``..``high``), following ACLED's rule of the most conservative figure:

* an exact number N, and "at least / more than / over / some / about N" -> N..N (fusion may widen);
* "nearly / almost N" -> 90% of N..N; "up to / as many as N" -> 1..N;
* "between N and M", "N to M", "N-M" -> N..M;
* vague words -> "a few" 2..5, "several" 3..9, "a dozen" 12..12, "dozens" 24..99, "scores" 40..99,
  "hundreds" 200..999, "thousands" 2000..9999;
* "killed or wounded N" -> killed 0..N; "no one was killed", "no casualties" -> killed 0..0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
VAGUE: dict[str, tuple[int, int]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "a handful of": (3, 5),
    "a dozen": (12, 12),
    "dozens of": (24, 99),
    "dozens": (24, 99),
    "scores of": (40, 99),
    "scores": (40, 99),
    "hundreds of": (200, 999),
    "hundreds": (200, 999),
    "thousands of": (2000, 9999),
    "thousands": (2000, 9999),
}

_WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|single)(?:\s+hundred)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE = (
    r"a\s+few|several|a\s+handful\s+of|a\s+dozen|dozens(?:\s+of)?|scores(?:\s+of)?"
    r"|hundreds(?:\s+of)?|thousands(?:\s+of)?"
)
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
_QUAL = (
    r"at\s+least|more\s+than|over|nearly|almost|around|about|some|up\s+to|as\s+many\s+as|an\s+estimated|"
    r"approximately|roughly|at\s+most|fewer\s+than|less\s+than|a\s+total\s+of"
)
_QTY = (
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:between\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM})"
    rf"|(?P<num>{_NUM})(?:\s*(?:to|-|–|or)\s*(?P<num2>{_NUM}))?"
    rf"|(?P<vague>{_VAGUE})"
    rf"|(?P<art>an?|another)(?=\s+(?:[\w'.-]+\s+){{0,3}}?(?:{{HEAD1}})\b))"
)
_HEADS_PL = (
    r"civilians|people|persons|children|kids|women|men|girls|boys|fighters|militants|jihadists|insurgents|rebels|"
    r"soldiers|troops|policemen|police\s+officers|officers|members|gunmen|attackers|terrorists|extremists|combatants|"
    r"residents|villagers|passengers|worshippers|students|farmers|herders|bystanders|protesters|protestors|"
    r"demonstrators|recruits|guards|personnel|servicemen|militiamen|others|victims|bodies|individuals|"
    r"journalists|workers|pilgrims|patients|refugees|migrants|displaced|family\s+members|relatives|shoppers|"
    r"commanders|leaders|operatives|suspects|Marines|sailors|pilots|gendarmes|paramilitaries|mourners|traders"
)
_HEADS_SG = (
    r"civilian|person|child|woman|man|girl|boy|fighter|militant|jihadist|insurgent|rebel|soldier|policeman|"
    r"officer|member|gunman|attacker|terrorist|commander|leader|resident|villager|passenger|student|farmer|"
    r"protester|protestor|guard|journalist|worker|pilot|gendarme|trooper|serviceman|militiaman|suspect"
)
_KILLED = (
    r"killed|dead|died|slain|executed|beheaded|massacred|shot\s+dead|murdered|perished|lost\s+their\s+lives|"
    r"lost\s+his\s+life|lost\s+her\s+life|burned\s+to\s+death|hacked\s+to\s+death"
)
_INJURED = r"wounded|injured|hurt|maimed"
_EITHER = rf"(?:killed|dead)\s+or\s+(?:wounded|injured)|(?:{_KILLED})|(?:{_INJURED})|casualties"

# A victim phrase never runs across a reporting verb: in "an SDF commander said many militants
# had died" the commander is the source, not one of the dead.
_SPEECH = r"(?:said|says|told|tells|stated|states|reported|added|claimed|announced|according)\b"
_VICTIM = rf"(?P<victim>(?:(?!{_SPEECH})[\w'.\-]+\s+){{0,4}}?(?:{_HEADS_PL}|{_HEADS_SG})\b)"
_QTY_FULL = _QTY.replace("{HEAD1}", f"{_HEADS_SG}")

_AUX = (
    r"(?:(?:were|was|have|has|had|been|are|is|being|got|reportedly|also|later|all|both|allegedly"
    r"|reported|confirmed|found)\s+)*"
)
_PASSIVE = re.compile(
    rf"(?<![\w,])(?P<q>{_QTY_FULL})\s+(?:{_VICTIM}\s*)?(?:,[^,]{{1,80}},\s*|\([^)]{{1,60}}\)\s*)?{_AUX}"
    rf"(?P<verb>{_EITHER})\b",
    re.I,
)
_ACTIVE = re.compile(
    rf"\b(?P<verb>killing|killed|kills|kill|wounding|wounded|injuring|injured|left|leaving|leaves|"
    rf"claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|shot\s+dead|executed|beheaded|massacred|murdered)\s+"
    rf"(?P<q>{_QTY_FULL})(?:\s+{_VICTIM})?(?:\s+(?P<state>dead|wounded|injured))?",
    re.I,
)
_TOLL = re.compile(rf"\b(?:death\s+toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of)\s+(?P<q>{_QTY_FULL})", re.I)
_NONE = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}?(?:was|were)\s+(?:\w+\s+)?(?P<verb>killed|hurt|injured|wounded)"
    r"|\bno\s+(?P<noun>casualties|deaths|fatalities|injuries)\b"
    r"|\bwithout\s+(?P<noun2>casualties)\b",
    re.I,
)
_SUBSET = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead)\s*$", re.I
)
_MODAL_BEFORE = re.compile(
    r"\b(?:could|would|might|may|will|threaten(?:s|ed)?\s+to|risk)\s+(?:\w+\s+)?$", re.I
)


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A casualty figure found in text, before its victims are resolved to an actor."""

    kind: str
    low: int
    high: int
    victim_phrase: str  # "civilians", "pro-regime troops", "" when the text names none
    text: str
    start: int
    end: int


def word_number(text: str) -> int | None:
    """'21' -> 21, '2,500' -> 2500, 'twenty-one' -> 21, 'three hundred' -> 300, 'a' -> 1."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    total = 0
    for w in re.split(r"[\s-]+", t):
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _TENS:
            total += _TENS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        else:
            return None
    return total


def quantity(m: re.Match[str]) -> tuple[int, int] | None:
    """(low, high) for a match of the quantity pattern, by the rules in the module docstring."""
    g = m.groupdict()
    if g.get("vague"):
        return VAGUE.get(re.sub(r"\s+", " ", g["vague"].lower()))
    if g.get("art"):
        return (1, 1)
    if g.get("b1"):
        lo, hi = word_number(g["b1"]), word_number(g["b2"])
        return (lo, hi) if lo is not None and hi is not None else None
    n = word_number(g.get("num") or "")
    if n is None:
        return None
    if g.get("num2"):
        n2 = word_number(g["num2"])
        if n2 is not None and n2 > n:
            return (n, n2)
    qual = re.sub(r"\s+", " ", (g.get("qual") or "").lower())
    if qual in ("nearly", "almost"):
        return (max(1, (n * 9) // 10), n)
    if qual in ("up to", "as many as", "at most", "fewer than", "less than"):
        return (1 if n else 0, n)
    return (n, n)


def _kind(verb: str) -> str:
    v = verb.lower()
    if re.match(r"(?:killed|dead)\s+or\s+", v):
        return "killed_or_injured"
    if v == "casualties":
        return "injured"
    return "injured" if re.fullmatch(_INJURED, v) else "killed"


def find_claims(text: str, offset: int = 0) -> list[RawClaim]:
    """Every casualty figure in ``text`` (one sentence); offsets are shifted by ``offset``."""
    found: list[RawClaim] = []
    spans: list[tuple[int, int]] = []

    def taken(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in spans)

    def add(kind: str, rng: tuple[int, int], victim: str, a: int, b: int, qstart: int) -> None:
        if taken(qstart, b) or _SUBSET.search(text[max(0, qstart - 30) : qstart]):
            return
        if _MODAL_BEFORE.search(text[max(0, a - 40) : a]):
            return
        low, high = rng
        if kind == "killed_or_injured":
            kind, low = "killed", 0
        found.append(RawClaim(kind, low, high, victim.strip(), text[a:b], offset + a, offset + b))
        spans.append((qstart, b))

    for m in _NONE.finditer(text):
        noun = (m.group("noun") or m.group("noun2") or "").lower()
        kind = (
            "injured"
            if (m.group("verb") or "").lower() in ("hurt", "injured", "wounded") or noun == "injuries"
            else "killed"
        )
        add(kind, (0, 0), "", m.start(), m.end(), m.start())
    for m in _ACTIVE.finditer(text):
        verb = m.group("verb").lower()
        rng = quantity(m)
        if rng is None:
            continue
        state = (m.group("state") or "").lower()
        if verb in ("left", "leaving", "leaves"):
            if not state:
                continue
            kind = "killed" if state == "dead" else "injured"
        else:
            kind = "injured" if verb.startswith(("wound", "injur")) else "killed"
        if not m.group("victim") and not state and m.group("art"):
            continue
        add(kind, rng, m.group("victim") or "", m.start(), m.end(), m.start("q"))
    for m in _PASSIVE.finditer(text):
        rng = quantity(m)
        if rng is None:
            continue
        victim = m.group("victim") or ""
        if not victim:
            # a bare number: a headline's figure ("Three dead and two injured in ..."), or one
            # right after a first figure ("... and four were wounded")
            headline = not text[: m.start()].strip(" \"'“‘(") and not m.group("art")
            if not headline and (m.group("art") or not found):
                continue
            if not headline and not re.search(
                r"(?:\band|\bwhile|,)\s*$", text[max(0, m.start() - 8) : m.start()]
            ):
                continue
        add(_kind(m.group("verb")), rng, victim, m.start(), m.end(), m.start())
    for m in _TOLL.finditer(text):
        rng = quantity(m)
        if rng is not None:
            add("killed", rng, "", m.start(), m.end(), m.start("q"))
    found.sort(key=lambda c: c.start)
    # "One fighter was killed and four were wounded": a bare number takes the previous victims.
    out: list[RawClaim] = []
    for c in found:
        if (
            (not c.victim_phrase or c.victim_phrase.lower() in ("others", "more", "other people"))
            and out
            and out[-1].victim_phrase
        ):
            c = RawClaim(c.kind, c.low, c.high, out[-1].victim_phrase, c.text, c.start, c.end)
        out.append(c)
    return out


# -- who says so ---------------------------------------------------------------------------------

REPORT_VERBS = frozenset(
    "say tell state report claim announce add confirm estimate allege write tweet declare note explain "
    "document record".split()
)
_PRONOUNS = frozenset("he she they it we i".split())


def _org_full_name(short: str, before: str) -> str | None:
    """The longest capitalised name in ``before`` that contains ``short``'s last capitalised word."""
    words = re.findall(r"[A-Z][\w'’-]*", short)
    if not words:
        return None
    head = words[-1]
    cap = r"[A-Z][\w'’-]*"
    conn = r"(?:for|of|on|the|and|in|al|de)"
    rx = re.compile(rf"(?:{cap}\s+(?:{conn}\s+)*)*{re.escape(head)}(?:\s+(?:{conn}\s+)*{cap})*")
    best: str | None = None
    for m in rx.finditer(before):
        cand = re.sub(r"^(?:The|A|An)\s+", "", m.group(0)).strip()
        if len(cand.split()) >= 2 and (best is None or len(cand) > len(best)):
            best = cand
    return best


def expand_org(name: str, before: str) -> str:
    """'the Observatory' -> 'Syrian Observatory for Human Rights' when that name appears in ``before``."""
    core = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    core = re.sub(r"^(?:[\w]+-based\s+)+", "", core)
    caps = re.findall(r"[A-Z][\w'’-]*", core)
    if len(caps) == 1 and len(core.split()) == 1:
        full = _org_full_name(core, before)
        return full or core
    return core


_GENERIC_ORG = {"group", "monitor", "organisation", "organization", "watchdog", "ngo"}
_OF_ROLE = {"head", "chief", "director", "spokesman", "spokeswoman", "spokesperson", "leader", "commander"}


def _named_before(subj, resolve: Callable[[str], str | None] | None) -> str | None:
    """'the Britain-based group': the organisation last named before it, not an armed actor."""
    for e in reversed([e for e in subj.doc.ents if e.label_ == "ORG" and e.end <= subj.left_edge.i]):
        if resolve is None or resolve(re.sub(r"^the\s+", "", e.text, flags=re.I)) is None:
            return e.text
    return None


def _speaker_text(
    subj, before: str, left: int | None = None, resolve: Callable[[str], str | None] | None = None
) -> str:
    doc = subj.doc
    left = subj.left_edge.i if left is None else left
    if subj.lower_ in _GENERIC_ORG and subj.ent_type_ != "ORG":
        named = _named_before(subj, resolve)
        if named:
            return expand_org(named, before)
    ent = next((e for e in doc.ents if e.start <= subj.i < e.end and e.label_ in ("ORG", "PERSON")), None)
    if ent is not None and ent.label_ == "ORG":
        # the whole name, not the parse's head word: "Syrian Observatory for Human Rights"
        name = doc[min(left, ent.start) : max(subj.i + 1, ent.end)].text
        return expand_org(name.removeprefix("the "), before)
    if subj.lower_ in _OF_ROLE:
        # "the head of the SDF media office": the role is nothing without what it heads
        of = [c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            return doc[left : of[0].right_edge.i + 1].text.removeprefix("the ").removeprefix("The ")
    span = doc[left : subj.i + 1]
    words = [t for t in span if not (t.i == left and t.dep_ == "det")]
    text = doc[words[0].i : subj.i + 1].text if words else subj.text
    persons = [e for e in doc.ents if e.label_ == "PERSON" and left <= e.start and e.end == subj.i + 1]
    prefix = ""
    pre = [t for t in doc[left : persons[0].start] if t.dep_ != "det"] if persons else []
    if persons and pre and len(persons[0]) > 1:
        name = persons[0].text
        prefix = doc[pre[0].i : persons[0].start].text
        org = re.findall(r"[A-Z][\w'’-]*", prefix)
        if org:
            full = _org_full_name(org[0], before)
            if full and full != org[0]:
                prefix = prefix.replace(org[0], full, 1)
        text = f"{name}, {prefix}" if prefix else name
    else:
        text = expand_org(text, before)
    appos = [c for c in subj.children if c.dep_ == "appos"] if left == subj.left_edge.i else []
    if appos:
        a = appos[0]
        text = f"{text}, {doc[a.left_edge.i : a.right_edge.i + 1].text}"
    return text


def claimant_of(
    span: Span,
    before: str,
    last_speaker: str | None = None,
    resolve: Callable[[str], str | None] | None = None,
) -> str | None:
    """Who the sentence ``span`` attributes its content to, or None.

    ``before`` is the article text before the sentence (for 'the Observatory' -> its full name);
    ``last_speaker`` stands in for a pronoun ("he said"); ``resolve`` maps a bare actor alias
    ("the coalition") to its dictionary name.
    """
    for t in span:
        if t.lower_ == "according" and t.i + 2 < len(t.doc) and t.nbor().lower_ == "to":
            obj = [c for c in t.nbor().children if c.dep_ == "pobj"]
            if obj:
                return _finish(obj[0], before, last_speaker, resolve)
        if t.lower_ == "as" and t.i + 1 < span.end and t.nbor().lower_ == "per":
            obj = [c for c in t.nbor().children if c.dep_ == "pobj"]
            if obj:
                return _finish(obj[0], before, last_speaker, resolve)
    verbs = [t for t in span if t.lemma_.lower() in REPORT_VERBS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", -t.i))
    for v in verbs:
        subj = [c for c in v.children if c.dep_ in ("nsubj",)]
        if subj:
            return _finish(subj[0], before, last_speaker, resolve)
    for v in verbs:
        # "..., network director Omar Haddad told Reuters" parsed without a subject: the words just before
        i = v.i - 1
        while (
            i >= span.start and v.doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "DET") and v.doc[i].dep_ != "dobj"
        ):
            i -= 1
        if i + 1 < v.i:
            head = v.doc[v.i - 1]
            ent = next((e for e in v.doc.ents if e.start <= head.i < e.end), None)
            if ent is not None and ent.end == v.i and ent.label_ not in ("DATE", "TIME", "CARDINAL"):
                # the whole name the tagger saw, whatever label it gave it
                return expand_org(re.sub(r"^the\s+", "", ent.text, flags=re.I), before)
            if head.pos_ in ("PROPN", "NOUN"):
                return _finish(head, before, last_speaker, resolve, left=i + 1)
    return None


def _finish(
    tok,
    before: str,
    last_speaker: str | None,
    resolve: Callable[[str], str | None] | None,
    left: int | None = None,
) -> str | None:
    if tok.lower_ in _PRONOUNS or tok.pos_ == "PRON":
        return last_speaker
    text = _speaker_text(tok, before, left, resolve)
    if resolve is not None:
        bare = re.sub(r"^(?:the|a|an)\s+", "", tok.doc[tok.left_edge.i : tok.i + 1].text, flags=re.I)
        name = resolve(bare)
        if name and not any(e.label_ == "PERSON" for e in tok.doc[tok.left_edge.i : tok.i + 1].ents):
            words = bare.split()
            if len(words) <= 3 and not any(
                w.lower() in ("commander", "official", "spokesman", "head") for w in words
            ):
                return name
    return text
