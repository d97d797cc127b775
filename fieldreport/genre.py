"""Article genre: is this a news report, or opinion, analysis or diplomacy that yields no events?

ACLED codes events from reports of them. An opinion column ("air strikes have failed to stop
ISIS"), a news analysis or a story about talks names violence as its subject or background, and
the event extractor would turn a trigger that names its type ("the bombing campaign") into an
event. Such articles yield no events at all; this stage says which ones they are.

Precision comes first: a report read as opinion loses real events, an opinion piece read as a
report only leaves a stray event for fusion and review. So:

* what the publisher declared decides: the schema.org type or section of the page, a URL section
  (``/opinion/``), a title label ("Analysis: ...", "... | Editorial"), a disclaimer ("The views
  expressed ... are the author's own") or an author bio ("X is a senior fellow at ...");
* without those, the text has to argue (first person outside quotes, "we must", questions) *and*
  not report: no dateline and no concrete incident (a violent verb with a day or a toll) in the lead;
* diplomacy needs a lead about talks, sanctions or statements and no concrete incident anywhere in
  the article, so "Ceasefire talks began as air strikes killed 12 in Idlib on Sunday" stays a report.

Rules only, over regular expressions: no parse is needed, so the stage costs next to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .lexicon import ATTRIBUTION_FORMS, VIOLENCE, WEEKDAYS
from .records import Article, Sentence

REPORT, OPINION, ANALYSIS, DIPLOMACY = "report", "opinion", "analysis", "diplomacy"
KINDS = (REPORT, OPINION, ANALYSIS, DIPLOMACY)


@dataclass(frozen=True, slots=True)
class Genre:
    kind: str  # report | opinion | analysis | diplomacy
    reason: str  # the signal that decided, for the user: "url section /opinion/"

    @property
    def is_report(self) -> bool:
        return self.kind == REPORT


# ---------------------------------------------------------------- declared by the publisher

# schema.org CreativeWork types (JSON-LD "@type") that name the genre.
_SCHEMA_TYPES = {
    "opinionnewsarticle": OPINION,
    "analysisnewsarticle": ANALYSIS,
    "backgroundnewsarticle": ANALYSIS,
    "reviewnewsarticle": OPINION,
}
# URL path segments that are a section of the site. Matched whole, never inside a slug, so
# "/news/opinion-poll-shows-..." is not a section. Only sections whose every article is
# commentary or analysis are here: "/blogs/" and "/voices/" also hold running news blogs and
# first-hand reports, so they count only when the text argues too (_WEAK_SECTIONS).
_SECTIONS = {
    **dict.fromkeys(
        (
            "opinion", "opinions", "commentisfree", "comment", "commentary", "commentaries",
            "editorial", "editorials", "op-ed", "op-eds", "oped", "opeds", "edit-page", "editpage",
            "columnists", "columnist", "columns", "letters", "letters-to-the-editor", "breakingviews",
            "ideas", "guest-columns", "guest-essay", "viewpoint", "viewpoints",
        ),
        OPINION,
    ),
    **dict.fromkeys(
        ("analysis", "analyses", "news-analysis", "policy-analysis", "explainer", "explainers"), ANALYSIS
    ),
}  # fmt: skip
_WEAK_SECTIONS = {
    **dict.fromkeys(("blog", "blogs", "perspectives", "perspective", "views", "voices", "argument"), OPINION),
    **dict.fromkeys(("insight", "insights", "in-depth", "long-reads", "long-read"), ANALYSIS),
}
# A section name as the publisher writes it in metadata (article:section, articleSection).
_SECTION_NAME = re.compile(
    r"^(?:(?P<opinion>opinions?|comment(?:ary| is free)?|editorials?|op-?eds?|columns?|columnists|letters"
    r"|viewpoints?|ideas)|(?P<analysis>(?:news )?analysis|explainers?))$",
    re.I,
)
# Title labels. "Opinion poll shows ..." has no separator after the label, so it is not one; a
# hyphen separates only in wire style ("ANALYSIS-Syria's ...") or set off by spaces.
_LABELS = (
    r"(?P<opinion>opinion|commentary|comment|editorial|op-?ed|letters?(?: to the editor)?|column|guest column"
    r"|viewpoint|perspective|guest essay|my view|our view)"
    r"|(?P<analysis>(?:news )?analysis|explainer|factbox|fact box|q\s?&\s?a|explained)"
)
_TITLE_PREFIX = re.compile(rf"^\s*(?:{_LABELS})\s*(?::|\||\s[-–—]\s)", re.I)
_TITLE_WIRE = re.compile(
    r"^\s*(?:(?P<opinion>COMMENTARY|COLUMN|BREAKINGVIEWS)|(?P<analysis>ANALYSIS|FACTBOX))-"
)
_TITLE_PART = re.compile(rf"^(?:{_LABELS}|(?P<opinion2>opinions|editorials|columns|comment is free))$", re.I)
_TITLE_SPLIT = re.compile(r"\s*\|\s*|\s+[-–—]\s+")
# "The Guardian view on ...", "The Times view on ...": how British papers title their editorials.
_VIEW_ON = re.compile(r"^\s*[Tt]he (?:[A-Z][\w.']*\s){1,3}view on\b")

# Text a publisher adds to commentary only.
_DISCLAIMER = re.compile(
    r"\b(?:the )?(?:views|opinions)(?: and opinions)? expressed (?:in this (?:article|column|piece|commentary"
    r"|op-ed|essay)|here(?:in)?|are (?:those of the author|the author'?s?|his|her|their|solely))"
    r"|\bdo(?:es)? not necessarily (?:reflect|represent) (?:the )?(?:views|opinions|position|editorial)"
    r"|\bthis (?:is an? (?:opinion|commentary|op-ed)|(?:article|piece|column|commentary|essay) (?:is|was) "
    r"(?:an opinion|part of (?:our|the) (?:opinion|commentary)|republished from the conversation"
    r"|originally published (?:on|by|in) (?:the conversation|project syndicate)))",
    re.I,
)
# An author bio: a short paragraph of its own, first or among the last three, saying what the
# author is. Roles are those of commentators and scholars, never of reporters: "Jo Bell is a
# freelance journalist based in Beirut" closes many a field report. Roles that news subjects
# hold too ("the director of the hospital", "an analyst") count only with a think tank or a
# university in the paragraph.
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|al|el|de|van|von|bin|ibn)){1,4}"
_QUALIFIER = (
    r"(?:senior |non-?resident |visiting |research |distinguished |adjunct |associate |assistant |emeritus |"
    r"contributing |guest |former |deputy |executive |managing |programme |program |regular )*"
)
_ROLE = (
    r"(?P<role>fellow|professor|lecturer|scholar|columnist|commentator|contributor|essayist|opinion writer"
    r"|editor-at-large|author of|(?:phd|doctoral) (?:candidate|student))"
    r"|(?P<ambiguous>analyst|researcher|director|expert|chair(?:man|woman)?|president|founder|co-founder"
    r"|head of|ambassador|diplomat|official|minister|envoy|officer)"
)
_BIO = re.compile(
    rf"^(?:\W{{0,3}})(?:{_NAME})(?:,? (?:and|&) (?:{_NAME}))?\s+(?:is|are)\s+"
    rf"(?:(?:a|an|the|currently|also)\s+)*(?:[\w,'’-]+\s+){{0,6}}?{_QUALIFIER}(?:{_ROLE})s?"
    r"(?=\s*(?:at|of|with|for|in|on|to|and|who|based|,|\.|$))",
)
_THINK_TANK = re.compile(
    r"\b(?:University|Institute|Institution|Centre|Center|Council|Foundation|School|College|Forum"
    r"|Endowment|Studies|Chatham House|Crisis Group|RAND|think[ -]tank)\b"
)
_BIO_MAX_WORDS = 70

# ---------------------------------------------------------------- the reporter's voice

# Quoted speech is someone else's voice: first person, "must" and questions in quotes are news.
_QUOTE_MARK = re.compile(r"[\"“”«»'‘’]")
_DOUBLE_QUOTES = re.compile(r"[\"“”«»]")
_DOUBLE = frozenset('"“”«»')
# Lower case only: "Said" and "Told" are also names ("Omar Said is a researcher at ...").
_REPORTED = re.compile(rf"\b(?:{ATTRIBUTION_FORMS})\b")
_FIRST_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself)\b")
# The author's own argument. A bare "must" or "should" is not one: rules and reported plans use
# them too ("waste must be in approved bags"); an argument says who must.
_ARGUE = re.compile(
    r"\b(?:we|the west|the world|washington|europe|america|the international community|policymakers|the us"
    r"|the coalition|governments|western leaders|nato) (?:must|should|need to|cannot|can't|can’t|have to"
    r"|ought to)\b|\blet(?:'s|’s| us)\b"
    r"|\b(?:our|us) (?:leaders|government|policy|policies|country|nation|allies|interests|values)\b"
    r"|\bit is (?:time|high time|clear|obvious|a mistake|wrong|naive)\b|\bthe (?:truth|reality|lesson) is\b",
    re.I,
)
# Dateline as clean.py leaves it (Article.dateline) or still in the text ("IDLIB, Syria (Reuters) -").
_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][\w'’.-]+){0,4}\s*(?:\([^)]{1,40}\))?\s*[-—–:]{1,2}\s")
_LOWER_DATELINE = re.compile(r"^[a-z][a-z .'-]{2,30}: ")  # "lucknow: the all-india ..." (lowercased copy)

# ---------------------------------------------------------------- concrete incidents

_WEEKDAY = rf"(?:{WEEKDAYS})"
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
_MONTH += r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A day close to publication: the anchor of a reported incident, not of background.
_RECENT = re.compile(
    rf"\b(?:yesterday|today|tonight|overnight|last night|this (?:morning|afternoon|evening|week)"
    rf"|earlier (?:today|this week|on {_WEEKDAY})|late on|{_WEEKDAY}"
    rf"|(?:on|since|from) (?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}"
    rf"|(?:on|since|from) {_MONTH} \d{{1,2}}\b"
    rf"|hours? (?:after|before|later)|\d{{1,2}} hours)",
    re.I,
)
_TOLL = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds"
    r"|thousands|several|many)\s+(?:\w+\s+){0,3}?(?:people|civilians|soldiers|troops|fighters|militants|rebels"
    r"|insurgents|police(?:men)?|officers|children|women|men|villagers|residents|demonstrators|protesters"
    r"|others|members|persons|students|workers|supporters|youths?|farmers|traders|teachers|vigilantes"
    r"|militiamen|gunmen|attackers|prisoners|hostages|dead|killed|wounded|injured)\b",
    re.I,
)
# An incident told in the past tense: the verbs of ACLED's events, violent or not (protests,
# arrests, a sit-in, a defection). Any of these outside background makes a lead about talks a report.
_INCIDENT_VERB = re.compile(
    r"\b(?:killed|died|wounded|injured|attacked|bombed|shelled|clashed|fought|exploded|detonated|ambushed"
    r"|raided|stormed|captured|seized|overran|recaptured|retook|abducted|kidnapped|executed|beheaded"
    r"|massacred|torched|looted|burned|burnt|arrested|detained|protested|demonstrated|rallied|marched"
    r"|rioted|dispersed|(?<!a )shot|opened fire|beat|beaten|disrupted|stabbed|lynched|ransacked|vandali[sz]ed"
    r"|set (?:\w+ ){0,3}?(?:on )?fire|took to the streets|took over|broke into|deployed|defected|split from"
    r"|broke away|surrendered|went on strike|protesting|demonstrating|marching|rioting|chanting|clashing"
    r"|(?:was|were) (?:killed|wounded|injured|arrested|shot|hit|targeted)"
    # the diplomatic senses are not incidents: "struck a deal", "fired the minister", "blocked a resolution"
    r"|struck (?!(?:a |an )?(?:deal|agreement|accord|balance|chord|note|tone|compromise|bargain|down)\b)"
    r"|fired (?:\w+ ){0,3}?(?:rockets?|shells?|missiles?|mortars?|shots|bullets|tear gas|on|at|into|upon)"
    r"|blocked (?:\w+ ){0,2}?(?:roads?|highways?|streets?|bridges?|entrances?|traffic)"
    r"|(?:released|freed) (?:\w+ ){0,3}?(?:hostages|prisoners|detainees)"
    r"|(?:staged|held|launched|started|began|organi[sz]ed) (?:a |an )?(?:[\w'\"-]+ ){0,3}?(?:sit-in|protest"
    r"|demonstration|march|rally|strike|boycott|blockade|day of rage))\b",
    re.I,
)
# Background: an old year or a span ("since 2011", "in 2014", "has killed more than 400,000").
_BACKGROUND = re.compile(
    r"\b(?:since|in|during|between|from) (?:the )?(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b"
    r"|\b(?:has|have|had) (?:\w+ )?(?:killed|left|claimed|displaced|been)\b|\byears? ago\b|\bdecades?\b",
    re.I,
)

# ---------------------------------------------------------------- diplomacy

_DIPLO = re.compile(
    r"\b(?:talks|negotiat\w+|summit|envoys?|diplomat\w*|foreign minist\w+|secretary of state|ambassadors?"
    r"|sanction(?:s|ed)?|security council|general assembly|resolution|peace (?:process|plan|deal|agreement"
    r"|conference|accord|initiative|efforts?)|ceasefire (?:deal|agreement|proposal|plan|terms)|truce deal"
    r"|accords?|treaty|mediat\w+|delegations?|bilateral|embass(?:y|ies)|communiqu[eé]|condemn(?:ed|s|ation)"
    r"|called for|urged|met (?:with )?|meeting|visit(?:ed|s)?|normali[sz]\w+|ministers|prime minister"
    r"|president|chancellor|foreign ministry|state department|kremlin|white house|united nations"
    r"|european union|nato|african union|arab league|agreed|agreement|deal)\b"
    r"|\b(?:UN|U\.N\.|EU|E\.U\.)(?!\w)",
    re.I,
)
# The acts a diplomacy lead is about; mere mentions of presidents or the UN are in reports too.
_DIPLO_ACT = re.compile(
    r"\b(?:talks|negotiat\w+|summit|envoys?|sanction(?:s|ed)?|resolution|peace (?:process|plan|deal"
    r"|agreement|conference|accord|initiative)|ceasefire (?:deal|agreement|proposal|plan|terms)|truce deal"
    r"|accord|treaty|mediat\w+|communiqu[eé]|condemn(?:ed|s|ation)|called for|urged|met (?:with )?|meeting"
    r"|normali[sz]\w+"
    r"|diplomatic|foreign ministers?|security council|state visit)\b",
    re.I,
)
# A statement about one attack names it ("condemned the bombing of a hospital in Idlib", "Sunday's
# attack"): the attack is news the article may be the only source of, so the article stays a report.
_NAMED_INCIDENT = re.compile(
    rf"\b(?:attacks?|bombings?|strikes?|air ?strikes?|shelling|killings?|massacres?|explosions?|blasts?"
    rf"|raids?|ambush(?:es)?|assassination|abduction|kidnapping)\s+(?:on|of|in|at|against|near)\s+"
    rf"(?!(?:the )?(?:recent|past|previous|last) (?:years|months|decades?)\b)"
    rf"|\b(?:{_WEEKDAY}|yesterday|today)['’]s\s+(?:\w+\s+){{0,2}}?(?:attacks?|bombings?|strikes?|shelling"
    rf"|killings?|massacres?|explosions?|blasts?|raids?|ambush)\b",
    re.I,
)
_LEAD_SENTENCES = 3
# Below this a text is a brief or a snippet (an ACLED note, a feed item): too little to read a
# genre from its voice, and briefs are reports.
_MIN_SENTENCES = 5
# an agreement made, not discussed: "signed a ceasefire agreement", "agreed to a truce", "struck a deal"
_CONCLUDED = re.compile(
    r"\b(?:sign(?:ed|s)?|reach(?:ed|es)?|str(?:uck|ike)|conclud(?:ed|es)|ink(?:ed|s)?|agreed\s+(?:to|on)"
    r"|brokered|exchanged)\s+(?:\w+\s+){0,4}?(?:agreements?|deals?|accords?|ceasefires?|truces?|peace|pacts?"
    r"|prisoners|treaty)\b",
    re.I,
)
_DIPLO_SHARE = 0.3  # of sentences naming a diplomatic actor or act
_ARGUE_MIN = 3  # sentences in the author's own arguing voice
_ARGUE_SHARE = 0.15
_REPORTED_MAX = 0.25  # reports attribute nearly every paragraph; columns seldom


def _url_parts(url: str | None) -> tuple[str, list[str]]:
    """The first label of a URL's host ("blogs" of blogs.example.com) and its folder segments
    (never the last segment: that is the article's slug or file)."""
    url = (url or "").strip()
    if not url:
        return "", []
    split = urlsplit(url if "//" in url else "//" + url)
    segments = split.path.lower().split("/")
    return (split.hostname or "").split(".")[0], [p for p in segments[:-1] if p]


def _from_meta(article: Article) -> tuple[Genre | None, str | None]:
    """A decisive genre from what the publisher declared, else None; and a weak section hint."""
    # schema.org type and section, when clean.py keeps them (fields not on Article yet):
    # "OpinionNewsArticle", "schema:OpinionNewsArticle" or "https://schema.org/OpinionNewsArticle".
    page_type = re.split(r"[/:]", (getattr(article, "page_type", None) or "").strip().lower())[-1]
    if page_type in _SCHEMA_TYPES:
        return Genre(_SCHEMA_TYPES[page_type], f"schema.org type {page_type}"), None
    section = (getattr(article, "section", None) or "").strip()
    if section and (m := _SECTION_NAME.match(section)):
        return Genre(OPINION if m["opinion"] else ANALYSIS, f"section '{section}'"), None
    host, segments = _url_parts(article.url)
    weak = None
    for seg in (host, *segments):  # opinion.example.com, blogs.example.com count as sections too
        if seg in _SECTIONS:
            return Genre(_SECTIONS[seg], f"url section /{seg}/"), None
        weak = weak or (seg if seg in _WEAK_SECTIONS else None)
    title = (article.title or "").strip()
    found = _title_genre(title) if title else None
    return found, None if found else weak


def _title_genre(title: str) -> Genre | None:
    short = title if len(title) <= 80 else title[:77] + "..."
    m = _TITLE_PREFIX.match(title) or _TITLE_WIRE.match(title)
    if m:
        return Genre(OPINION if m["opinion"] else ANALYSIS, f"title '{short}'")
    if _VIEW_ON.match(title):
        return Genre(OPINION, f"title '{short}' (an editorial)")
    parts = _TITLE_SPLIT.split(title)
    # "Headline | Opinion | Outlet": a part that is nothing but a label; the headline part last
    for part in (parts[1:] + parts[:1]) if len(parts) > 1 else []:
        m = _TITLE_PART.match(part.strip())
        if m:
            return Genre(OPINION if m["opinion"] or m["opinion2"] else ANALYSIS, f"title '{short}'")
    return None


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _from_furniture(paragraphs: list[str]) -> Genre | None:
    """A disclaimer or an author bio: commentary's own furniture."""
    for p in paragraphs[:2] + paragraphs[-4:]:
        m = _DISCLAIMER.search(p)
        if m:
            return Genre(OPINION, f"disclaimer '{m[0]}'")
    if len(paragraphs) < 3:
        return None  # a bio stands apart from a body of its own; a one-paragraph item is a brief
    for p in paragraphs[:1] + paragraphs[-3:]:
        if (
            len(p.split()) > _BIO_MAX_WORDS
            or _DOUBLE_QUOTES.search(p)
            or _REPORTED.search(p)
            or VIOLENCE.search(p)
        ):
            continue  # "... is a commander of the militia that attacked ...": news, not a bio
        m = _BIO.match(p)
        if m and (m["role"] or _THINK_TANK.search(p)):
            bio = m[0] if len(m[0]) <= 80 else m[0][:77] + "..."
            return Genre(OPINION, f"author bio '{bio}'")
    return None


def _quote_role(text: str, i: int) -> str | None:
    """Whether the quote mark at ``i`` opens or closes a quote, or is an apostrophe (None)."""
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“«‘":
        return "open"
    if ch in "”»’":
        return None if ch == "’" and after.isalpha() else "close"  # don’t, Levant’s
    if before.isspace() or before in "([—–-:":
        return "open" if not after.isspace() else None
    return None if after.isalnum() else "close"  # don't; Blues' (closes only an open ' quote)


def _mask_quotes(text: str) -> str:
    """``text`` with quoted speech blanked out, offsets unchanged.

    A quote runs to the closing mark of its kind. A new opening mark before that starts the next
    quote: scraped text often runs paragraphs together, and a quote continued over paragraphs is
    opened again at each one and closed only at the end. A quote left open ends with its paragraph.
    """
    out = list(text)
    for para in re.finditer(r"[^\n]+", text):
        start: int | None = None
        double = True
        for m in _QUOTE_MARK.finditer(text, para.start(), para.end()):
            role = _quote_role(text, m.start())
            same = (m[0] in _DOUBLE) == double
            if role == "open" and (start is None or same):
                if start is not None:
                    out[start : m.start()] = " " * (m.start() - start)
                start, double = m.start(), m[0] in _DOUBLE
            elif role == "close" and start is not None and same:
                out[start : m.end()] = " " * (m.end() - start)
                start = None
        if start is not None:
            out[start : para.end()] = " " * (para.end() - start)
    return "".join(out)


def concrete_incident(text: str) -> bool:
    """Whether a sentence reports an incident rather than recalling one as background.

    "Air strikes killed 12 people in Idlib on Sunday", "protesters took to the streets" and
    "air strikes on Sunday" are incidents; "the war has killed 400,000 since 2011" and "air strikes
    have failed to stop ISIS" are not. Errs towards incident: that keeps an article a report.
    """
    recent = _RECENT.search(text)
    if _BACKGROUND.search(text) and not recent:
        return False
    if _INCIDENT_VERB.search(text):
        return True
    return bool(VIOLENCE.search(text) and (recent or _TOLL.search(text)))


def _has_dateline(article: Article, paragraphs: list[str]) -> bool:
    if article.dateline:
        return True
    first = paragraphs[0] if paragraphs else ""
    return bool(_DATELINE.match(first) or _LOWER_DATELINE.match(first))


def _argument(sentences: Sequence[Sentence], own: str) -> tuple[int, int, int]:
    """(sentences in the author's arguing voice, the author's questions, attributed sentences)."""
    arguing = questions = attributed = 0
    for s in sentences:
        mine = own[s.start : s.end]
        if _REPORTED.search(s.text):
            attributed += 1
            continue  # "I was there," he said: a witness, not the author
        if _FIRST_SINGULAR.search(mine) or _ARGUE.search(mine):
            arguing += 1
        if mine.rstrip().endswith("?"):
            questions += 1
    return arguing, questions, attributed


def _lead(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The first sentences of the body, past short lines (a kicker, a leftover date line)."""
    return [s for s in sentences if len(s.text.split()) >= 6][:_LEAD_SENTENCES]


def _from_voice(
    article: Article, sentences: Sequence[Sentence], own: str, paragraphs: list[str], weak: str | None
) -> Genre | None:
    """Opinion read from the text itself: the author argues, and reports nothing dated."""
    if len(sentences) < _MIN_SENTENCES or _has_dateline(article, paragraphs):
        return None
    if any(concrete_incident(s.text) for s in _lead(sentences)):
        return None  # a report nearly always opens on one; a column that does is left a report
    arguing, questions, attributed = _argument(sentences, own)
    n = len(sentences)
    if attributed / n > _REPORTED_MAX:
        return None
    voice = arguing + min(questions, 2)  # rhetorical questions come in runs: count a run once or twice
    if voice >= _ARGUE_MIN and voice / n >= _ARGUE_SHARE:
        return Genre(OPINION, f"first-person argument in {voice} of {n} sentences, no dated incident")
    if weak and voice >= 1:
        kind = _WEAK_SECTIONS.get(weak, OPINION)
        return Genre(kind, f"url section /{weak}/ and the author's own voice, no dated incident")
    return None


def _from_diplomacy(sentences: Sequence[Sentence], own: str) -> Genre | None:
    """A lead about talks, sanctions or statements, and no incident reported anywhere."""
    lead = _lead(sentences)
    act = _DIPLO_ACT.search(lead[0].text) if lead else None
    if len(sentences) < _MIN_SENTENCES or act is None or _TOLL.search(lead[0].text):
        return None  # a counted crowd in the lead is a rally, not a meeting
    if _CONCLUDED.search(lead[0].text):
        return None  # an agreement signed or a ceasefire agreed is an ACLED event (Agreement)
    # Quotes count here: an incident a minister describes is still an incident to keep.
    if any(concrete_incident(s.text) or _NAMED_INCIDENT.search(s.text) for s in sentences):
        return None  # the talks came with a strike, a clash, an arrest or a protest: a report
    diplo = sum(1 for s in sentences if _DIPLO.search(s.text))
    violent = sum(1 for s in sentences if VIOLENCE.search(own[s.start : s.end]))
    if diplo / len(sentences) < _DIPLO_SHARE or violent >= diplo:
        return None
    return Genre(DIPLOMACY, f"lead about '{act[0].strip()}', no incident reported")


def genre(article: Article, sentences: Sequence[Sentence]) -> Genre:
    """What kind of article this is, and the signal that decided.

    Anything but "report" yields no event mentions. Declared metadata decides first, then the
    publisher's furniture (disclaimer, author bio), then the text's own voice, then diplomacy.
    """
    decided, weak = _from_meta(article)
    if decided is not None:
        return decided
    paragraphs = _paragraphs(article.text)
    found = _from_furniture(paragraphs)
    if found is None:
        own = _mask_quotes(article.text)
        found = _from_voice(article, sentences, own, paragraphs, weak) or _from_diplomacy(sentences, own)
    return found or Genre(REPORT, "no opinion, analysis or diplomacy signal")
