"""Errors raised by fieldreport.

The hierarchy, rooted in one class so callers can catch everything we raise::

    FieldreportError
    ├── ConfigError        bad settings file, unknown setting, wrong type
    ├── InputError         an input path that does not exist or cannot be read at all
    ├── SourceError        one input item could not be read (becomes a reject, never aborts a run)
    ├── GazetteerError     the gazetteer could not be built, loaded or imported
    ├── ModelError         the spaCy model is missing or broken
    └── StoreError         the database file cannot be opened or written

Only the CLI (and later the HTTP API) turns these into user messages; the core raises
them with a message that already says what the user can do about it.
"""

from __future__ import annotations


class FieldreportError(Exception):
    """Root of every error fieldreport raises on purpose."""

    exit_code = 1


class ConfigError(FieldreportError):
    """A settings file or setting value is invalid."""

    exit_code = 2


class InputError(FieldreportError):
    """An input path given by the user does not exist or is not readable."""

    exit_code = 2


class SourceError(FieldreportError):
    """One input item cannot be used; ``reason`` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class GazetteerError(FieldreportError):
    """The gazetteer could not be built, loaded or extended."""


class ModelError(FieldreportError):
    """The spaCy model cannot be loaded."""


class StoreError(FieldreportError):
    """The DuckDB file cannot be opened or written."""
