"""fieldreport: news reports of armed conflict in, a sourced, geolocated, dated event dataset out.

The Python API mirrors the CLI::

    import fieldreport
    summary = fieldreport.run(["articles/"], db="conflict.duckdb")
    for event in fieldreport.read_events("conflict.duckdb"):
        print(event["event_date"], event["sub_event_type"], event["location"], event["fatalities"])
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import RunSummary

__version__ = "0.1.0"
__all__ = ["__version__", "read_events", "run"]

# run and read_events import the pipeline and the store when called, not here: every module of the
# package (the CLI among them) imports this one, and those load spaCy, DuckDB and the models.


def run(inputs: Sequence[str], db: str = "fieldreport.duckdb", **settings: Any) -> RunSummary:
    """Process files, folders or globs into the database ``db``; settings as in fieldreport.toml."""
    from .pipeline import run as run_pipeline
    from .settings import load_config

    return run_pipeline(list(inputs), load_config(db=db, **settings))


def read_events(db: str = "fieldreport.duckdb") -> Iterator[dict[str, Any]]:
    """Every event in ``db`` as a JSONL-contract record, with its mentions and claims."""
    from .export import iter_events
    from .store import Store

    with Store(db, read_only=True) as store:
        yield from iter_events(store)
