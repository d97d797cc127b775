from __future__ import annotations

from pathlib import Path

import pytest

from fieldreport.settings import Config

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One gazetteer index for the whole session; building it is the slow part."""
    return str(tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite")


@pytest.fixture
def cfg(tmp_path: Path, gazetteer_path: str) -> Config:
    return Config().with_overrides({"db": str(tmp_path / "test.duckdb"), "gazetteer_path": gazetteer_path})


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation data beside the repo; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
