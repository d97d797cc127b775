"""Read-only HTTP API over a fieldreport database (``fieldreport serve``)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
