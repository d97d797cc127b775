from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldreport.cli import cli
from fieldreport.errors import ConfigError
from fieldreport.settings import SETTINGS, Config, load_config


def test_defaults_come_from_the_settings_table() -> None:
    cfg = Config()
    for s in SETTINGS:
        assert getattr(cfg, s.name) == s.default


def test_toml_overrides_only_what_it_sets(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_text("batch_size = 8\nnear_duplicate = 1\n", encoding="utf-8")
    cfg = load_config(path)
    assert cfg.batch_size == 8
    assert cfg.near_duplicate == 1.0
    assert cfg.db == "fieldreport.duckdb"
    assert load_config(path, batch_size=3).batch_size == 3


def test_unknown_setting_names_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_text("bach_size = 8\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match="Unknown setting 'bach_size'. Known settings: actors_path, batch_size"
    ):
        load_config(path)


def test_wrong_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_text('batch_size = "many"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="Setting 'batch_size' must be int, got 'many'"):
        load_config(path)


def test_bands_must_divide_permutations() -> None:
    with pytest.raises(ConfigError, match="must be a multiple of minhash_bands"):
        Config().with_overrides({"minhash_perm": 128, "minhash_bands": 10})


def test_every_setting_is_documented_in_help() -> None:
    out = CliRunner().invoke(cli, ["--help"], obj={}).output
    for s in SETTINGS:
        assert s.name in out


def test_scope_is_all_or_political(tmp_path: Path) -> None:
    from fieldreport.export import SCOPES

    assert Config().scope == "all"
    path = tmp_path / "fr.toml"
    path.write_text('scope = "political"\n', encoding="utf-8")
    assert load_config(path).scope == "political"
    path.write_text('scope = "war"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="Setting 'scope' must be one of 'all', 'political', got 'war'"):
        load_config(path)
    with pytest.raises(ConfigError, match="Setting 'scope' must be str, got 1"):
        Config().with_overrides({"scope": 1})
    assert next(s.choices for s in SETTINGS if s.name == "scope") == tuple(SCOPES)
