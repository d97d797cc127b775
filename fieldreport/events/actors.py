"""Actor dictionary: ACLED-style actor names, aliases, inter codes and a user extension file.

The built-in dictionary lives in ``fieldreport/data/actors.json``. A user file (JSON or CSV) adds
actors or extends existing ones::

    [{"name": "Ansaru", "aliases": ["Ansaru", "Jama'atu Ansarul Muslimina"], "inter": 2}]

    name,aliases,inter
    Ansaru,Ansaru;Jama'atu Ansarul Muslimina,2

Matching rules: aliases match on word boundaries, case-insensitively, and hyphens/spaces/dashes
between words are interchangeable ("US-backed" = "U.S. backed"); an all-capital alias ("IS",
"SDF") must match in capitals, so "is" is never the Islamic State. Armies and police not listed are
built from country adjectives: "Nigerian army" -> "Military Forces of Nigeria" (inter 1).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ..geo.countries import country_names, demonyms
from ..lexicon import MILITARY_NOUNS, POLICE_NOUNS

STATE, REBEL, MILITIA, IDENTITY, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)

_SEP = r"[\s\-\u2013\u2014]+"
_LONGEST_WORD = 120  # characters before a force noun searched for a country word and its separator
_US = r"(?:U\.?\s?S\.?|United\s+States)"

# Head nouns of phrases that name an actor even when the dictionary does not know it.
ACTOR_NOUNS: dict[str, int | None] = {
    "forces": None,
    "force": None,
    "fighters": None,
    "militants": REBEL,
    "insurgents": REBEL,
    "rebels": REBEL,
    "jihadists": REBEL,
    "terrorists": REBEL,
    "extremists": REBEL,
    "gunmen": MILITIA,
    "militia": MILITIA,
    "militias": MILITIA,
    "militiamen": MILITIA,
    "troops": STATE,
    "soldiers": STATE,
    "army": STATE,
    "military": STATE,
    "police": STATE,
    "policemen": STATE,
    "officers": STATE,
    "protesters": PROTESTERS,
    "protestors": PROTESTERS,
    "demonstrators": PROTESTERS,
    "rioters": RIOTERS,
    "civilians": CIVILIANS,
    "villagers": CIVILIANS,
    "residents": CIVILIANS,
    "people": CIVILIANS,
    "attackers": None,
    "group": None,
    "unit": None,
    "units": None,
    "convoy": None,
    "bandits": MILITIA,
    "herders": IDENTITY,
    "farmers": CIVILIANS,
    "students": CIVILIANS,
    "worshippers": CIVILIANS,
    "children": CIVILIANS,
    "women": CIVILIANS,
    "men": None,
    "fighter": None,
    "militant": REBEL,
    "soldier": STATE,
    "civilian": CIVILIANS,
    "gendarmes": STATE,
    "gendarme": STATE,
    "policeman": STATE,
    "vigilantes": MILITIA,
    # unarmed groups that ACLED codes as rioters when they fight the police or each other
    "miners": CIVILIANS,
    "youths": CIVILIANS,
    "traders": CIVILIANS,
    "workers": CIVILIANS,
    "drivers": CIVILIANS,
}

# Words that refer to "the" insurgent group of an article without naming it.
GENERIC_HOSTILE = re.compile(
    r"^(?:the\s+)?(?:jihadists?|militants?|insurgents?|terrorists?|extremists?|jihadist rebels|"
    r"(?:extremist|jihadist|militant|terrorist|insurgent) (?:group|organi[sz]ation|fighters|militants))$",
    re.I,
)
CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|children|child|women|woman|passengers?|worshippers?|students?|"
    r"farmers?|bystanders?|families|family members|displaced|refugees|shoppers|pilgrims|patients|"
    r"fishermen|traders|motorists|schoolchildren|girls|boys|nomads|pupils|teachers|workers|miners|drivers)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int | None
    country: str | None = None  # ISO 3166-1 alpha-2 of the actor's home country, when it has one
    insurgent: bool = False
    air: bool = False
    allies: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int  # offsets into the text searched
    end: int
    text: str
    actor: Actor


def _alias_pattern(alias: str) -> str:
    words = [w for w in re.split(r"[\s\-\u2013\u2014]+", alias.strip()) if w]
    parts = []
    for w in words:
        if w.upper().replace(".", "") == "US":
            parts.append(_US)
        else:
            parts.append(re.escape(w))
    return _SEP.join(parts)


def _word_key(word: str) -> str:
    """A country word folded for look-up: "U.S." = "US", "United States's" = "united states's"."""
    return re.sub(r"[\s\-\u2013\u2014.]+", "", word).lower().replace("unitedstates", "us")


# English words an all-capital alias can be ("IS", "US", "AM"): in text written all in capitals
# they are the words, not the acronyms
_WORDS = frozenset(STOP_WORDS)
_SHOUT_REACH = 40  # characters either side of a match read for lower-case letters
_SHOUT_LETTERS = 12  # letters around a match needed to call its stretch of text capitals
_SHOUT_LOWER = 0.2  # at most this share of them in lower case


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether the text around a match is written all in capitals (a transcript, a headline)."""
    around = text[max(0, start - _SHOUT_REACH) : start] + text[end : end + _SHOUT_REACH]
    letters = [c for c in around if c.isalpha()]
    # a capitalised word or two among the capitals ("Reporter: AND SO FAR") leaves it shouted
    return len(letters) >= _SHOUT_LETTERS and sum(c.islower() for c in letters) <= _SHOUT_LOWER * len(letters)


def _case_sensitive(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(letters) <= 5 and " " not in alias.strip()


class ActorDictionary:
    """Actors by ACLED name, found in text by alias. Load with :meth:`load`."""

    def __init__(
        self, actors: Iterable[tuple[Actor, Iterable[str]]] = (), countries: Iterable[dict] = ()
    ) -> None:
        self._actors: dict[str, Actor] = {}
        self._aliases: dict[str, list[str]] = {}
        self._countries: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._cache: tuple | None = None
        for c in countries:
            self._countries[c["code"].upper()] = (c["name"], tuple(c.get("adjectives", ())))
        for actor, aliases in actors:
            self.add(actor, aliases)

    # -- building --------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_path: str | Path | None = None) -> ActorDictionary:
        """The built-in dictionary, plus the actors of ``extra_path`` (JSON or CSV) when given."""
        raw = json.loads(resources.files("fieldreport").joinpath("data/actors.json").read_text("utf-8"))
        book = cls(countries=[*raw.get("countries", ()), *_world_countries(raw.get("countries", ()))])
        for entry in raw["actors"]:
            book.add_entry(entry)
        if extra_path:
            book.extend_from_file(extra_path)
        return book

    def add(self, actor: Actor, aliases: Iterable[str] = ()) -> None:
        """Add or replace ``actor``; its aliases are merged with those it already had."""
        self._actors[actor.name] = actor
        known = self._aliases.setdefault(actor.name, [actor.name])
        for a in aliases:
            if a and a not in known:
                known.append(a)
        self._cache = None

    def add_entry(self, entry: dict) -> None:
        name = str(entry["name"]).strip()
        old = self._actors.get(name)
        inter = entry.get("inter")
        inter = int(inter) if inter not in (None, "") else (old.inter if old else None)
        actor = Actor(
            name=name,
            inter=inter,
            country=entry.get("country") or (old.country if old else None),
            insurgent=bool(entry.get("insurgent", old.insurgent if old else False)),
            air=bool(entry.get("air", old.air if old else False)),
            allies=frozenset(entry.get("allies", ())) | (old.allies if old else frozenset()),
        )
        aliases = entry.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = [a.strip() for a in re.split(r"[;|]", aliases) if a.strip()]
        self.add(actor, aliases)

    def extend_from_file(self, path: str | Path) -> None:
        """Read a user file: JSON (a list, or {"actors": [...]}) or CSV with name, aliases, inter columns."""
        p = Path(path)
        text = p.read_text(encoding="utf-8")
        if p.suffix.lower() == ".csv":
            entries: list[dict] = [
                {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(text.splitlines())
            ]
        else:
            data = json.loads(text)
            entries = data.get("actors", []) if isinstance(data, dict) else data
        for entry in entries:
            if entry.get("name"):
                self.add_entry(entry)

    # -- lookup ----------------------------------------------------------------------------
    def get(self, name: str) -> Actor | None:
        return self._actors.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def aliases(self, name: str) -> tuple[str, ...]:
        return tuple(self._aliases.get(name, ()))

    def country_name(self, code: str | None) -> str | None:
        entry = self._countries.get((code or "").upper())
        return entry[0] if entry else None

    def country_code(self, name: str | None) -> str | None:
        for code, (cname, adjs) in self._countries.items():
            if name and (name.lower() == cname.lower() or name in adjs):
                return code
        return None

    @property
    def _compiled(
        self,
    ) -> tuple[
        re.Pattern[str],
        re.Pattern[str],
        dict[str, str],
        list[tuple[re.Pattern[str], re.Pattern[str], str, dict[str, str]]],
    ]:
        if self._cache is not None:
            return self._cache
        folded: dict[str, str] = {}
        ci: list[str] = []
        cs: list[str] = []
        for name, aliases in self._aliases.items():
            for a in aliases:
                key = re.sub(r"[\s\-\u2013\u2014.]+", "", a).lower()
                if _case_sensitive(a):
                    cs.append(_alias_pattern(a))
                    folded.setdefault("CS:" + re.sub(r"[^A-Za-z0-9]", "", a), name)
                else:
                    ci.append(_alias_pattern(a))
                    folded.setdefault(key, name)
        ci.sort(key=len, reverse=True)
        cs.sort(key=len, reverse=True)
        ci_re = (
            re.compile(r"(?<![\w])(?:" + "|".join(ci) + r")s?(?![\w])", re.I) if ci else re.compile(r"(?!x)x")
        )
        cs_re = re.compile(r"(?<![\w])(?:" + "|".join(cs) + r")(?![\w])") if cs else re.compile(r"(?!x)x")
        # one pattern per kind of force over every country's words (hundreds of countries: one
        # pass each, not one per country); the matched word says which country
        by_word: dict[str, str] = {}
        for cname, adjs in self._countries.values():
            for x in (*adjs, cname + "'s", cname + "n", cname):
                by_word.setdefault(_word_key(x), cname)
        words = "|".join(
            sorted(
                {
                    _alias_pattern(x)
                    for cname, adjs in self._countries.values()
                    for x in (*adjs, cname + "'s", cname + "n")
                },
                key=len,
                reverse=True,
            )
        )
        # the nouns are few and rare, the country words many: find the noun, then the word that
        # ends right before it (trying every word at every position of the text is most of the
        # cost of find())
        before = re.compile(rf"(?<![\w])(?P<w>{words}){_SEP}\Z", re.I)
        country_res: list[tuple[re.Pattern[str], re.Pattern[str], str, dict[str, str]]] = []
        for nouns, kind in ((MILITARY_NOUNS, "Military"), (POLICE_NOUNS, "Police")):
            country_res.append((re.compile(rf"(?<![\w])(?:{nouns})(?![\w])", re.I), before, kind, by_word))
        self._cache = (ci_re, cs_re, folded, country_res)
        return self._cache

    def _name_for(self, matched: str) -> str | None:
        _, _, folded, _ = self._compiled
        letters = re.sub(r"[^A-Za-z0-9]", "", matched)
        if "CS:" + letters in folded:
            return folded["CS:" + letters]
        key = re.sub(r"[\s\-\u2013\u2014.]+", "", matched).lower()
        key = re.sub(r"^(?:unitedstates)", "us", key)
        for k in (key, key[:-1] if key.endswith("s") else key):
            if k in folded:
                return folded[k]
        return None

    def find(self, text: str) -> list[ActorMatch]:
        """Every actor named in ``text``: leftmost-longest, non-overlapping."""
        ci_re, cs_re, _, country_res = self._compiled
        found: list[tuple[int, int, Actor]] = []
        for rx in (ci_re, cs_re):
            for m in rx.finditer(text):
                if rx is cs_re and m.group(0).lower() in _WORDS and _shouted(text, m.start(), m.end()):
                    continue  # "THE COMMUNITY IS SUPPORTING": in capitals, "IS" is the verb
                name = self._name_for(m.group(0))
                if name:
                    found.append((m.start(), m.end(), self._actors[name]))
        for noun_rx, word_rx, kind, by_word in country_res:
            for n in noun_rx.finditer(text):
                m = word_rx.search(text, max(0, n.start() - _LONGEST_WORD), n.start())
                cname = by_word.get(_word_key(m.group("w"))) if m else None
                if m and cname:
                    found.append((m.start(), n.end(), self.state_force(f"{kind} Forces of {cname}")))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMatch] = []
        last = -1
        for start, end, actor in found:
            if start >= last:
                out.append(ActorMatch(start, end, text[start:end], actor))
                last = end
        return out

    def resolve(self, phrase: str) -> Actor | None:
        """The actor a phrase names ("a group of 10 IS militants" -> Islamic State), or None."""
        matches = self.find(phrase)
        if not matches:
            return None
        return max(matches, key=lambda m: m.end - m.start).actor

    def state_force(self, name: str) -> Actor:
        """A country's military or police forces (made on the fly when not listed)."""
        if name in self._actors:
            return self._actors[name]
        cname = name.split(" of ", 1)[1]
        return Actor(name, STATE, self.country_code(cname), air=name.startswith("Military"))

    def civilians(self, country: str | None) -> Actor:
        return Actor(f"Civilians ({country})" if country else "Civilians", CIVILIANS)

    def salience(self, text: str) -> Counter[str]:
        """How often each actor is named in ``text``."""
        return Counter(m.actor.name for m in self.find(text))

    def countries_named(self, text: str) -> Iterator[str]:
        """Country codes named in ``text``, by name or adjective, in order of appearance."""
        pats = []
        for code, (cname, adjs) in self._countries.items():
            for w in (cname, *adjs):
                if len(w) > 3:
                    pats.append((w, code))
        rx = re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w, _ in pats) + r")(?![\w])")
        by_word = dict(pats)
        for m in rx.finditer(text):
            yield by_word[m.group(1)]


def _world_countries(listed: Iterable[dict]) -> list[dict]:
    """Every other country, named as GeoNames names it, with its demonyms as adjectives, so that
    "Burundian soldiers" is "Military Forces of Burundi" as "Nigerian army" is "Military Forces of
    Nigeria". The dictionary's own entries (ACLED's spelling of the name) come first."""
    known = {c["code"].upper() for c in listed}
    adjectives: dict[str, list[str]] = {}
    for word, code in demonyms().items():
        if " " not in word and not word.endswith("s"):
            adjectives.setdefault(code, []).append(word)
    return [
        {"code": code, "name": name, "adjectives": adjectives.get(code, [])}
        for code, name in sorted(country_names().items())
        if code not in known
    ]


def with_inter(actor: Actor, inter: int | None) -> Actor:
    return replace(actor, inter=inter)


def rioters(country: str | None) -> Actor:
    """ACLED's unnamed rioters of a country (inter 5)."""
    return Actor(f"Rioters ({country})" if country else "Rioters", 5)


def protesters(country: str | None) -> Actor:
    """ACLED's unnamed protesters of a country (inter 6)."""
    return Actor(f"Protesters ({country})" if country else "Protesters", 6)
