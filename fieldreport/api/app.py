"""The read-only HTTP API over one fieldreport database: ``create_app(db_path)``.

Routes live under ``/api/`` (plus ``/health`` and ``/docs``); the dashboard (``fieldreport.web``)
mounts its pages beside them. Every error, whatever raised it, answers with one JSON shape:
``{"error": {"status", "code", "message"}}``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import FieldreportError
from ..store import Store
from ..web import mount
from . import reads
from .params import (
    Actor,
    Admin1,
    BBox,
    Country,
    End,
    EventScope,
    EventType,
    Limit,
    Offset,
    Search,
    Sort,
    Start,
    StoryId,
    SubEventType,
)
from .query import EventFilters, ParamError

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_parameter",
    500: "internal_error",
}

_EXPORTS = {
    "csv": ("acled-csv", "text/csv"),
    "geojson": ("geojson", "application/geo+json"),
    "jsonl": ("jsonl", "application/x-ndjson"),
}

_DESCRIPTION = """Read-only access to a fieldreport event database: events with their filters,
a timeline histogram, facet counts, each event's evidence (sentences and casualty claims with
offsets into the stored article text), articles, stories, and filtered exports.

Every error answers `{"error": {"status", "code", "message"}}`."""


class NotFound(StarletteHTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(404, message)


def _found(record: dict[str, Any] | None, kind: str, key: str) -> dict[str, Any]:
    if record is None:
        raise NotFound(f"No {kind} with id {key!r}.")
    return record


def error_response(
    status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The one error shape of the API."""
    body = {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _other_filters(
    event_type: EventType = None,
    sub_event_type: SubEventType = None,
    actor: Actor = None,
    country: Country = None,
    admin1: Admin1 = None,
    bbox: BBox = None,
    story: StoryId = None,
    q: Search = None,
    scope: EventScope = None,
) -> EventFilters:
    return EventFilters(
        event_type=tuple(event_type or ()), sub_event_type=tuple(sub_event_type or ()), actor=actor,
        country=country, admin1=admin1, bbox=bbox, story=story, q=q, scope=scope,
    )  # fmt: skip


OtherFilters = Annotated[EventFilters, Depends(_other_filters)]


def _filters(other: OtherFilters, start: Start = None, end: End = None) -> EventFilters:
    return replace(other, start=start, end=end)  # replace() validates the dates again


Filters = Annotated[EventFilters, Depends(_filters)]


def _view(request: Request) -> Iterator[Store]:
    # a cursor per request: sync endpoints run in a thread pool, and a DuckDB connection is not
    # safe across threads
    store: Store = request.app.state.store
    cur = store.con.cursor()
    try:
        yield reads.View(cur, store.path)
    finally:
        cur.close()


View = Annotated[Store, Depends(_view)]


class _HeadAsGet:
    """Answer HEAD as GET without the body: FastAPI's routes take GET only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, headers_only)


def create_app(db_path: str | Path) -> FastAPI:
    """The API over the database at ``db_path``, opened read-only (StoreError if it is missing)."""
    store = Store(db_path, read_only=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="fieldreport",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served below from the local Swagger UI package: no CDN at run time
        openapi_tags=[
            {"name": "events", "description": "Events, their timeline, facets and evidence."},
            {"name": "sources", "description": "Articles and stories."},
            {"name": "export", "description": "Filtered events as files, streamed."},
            {"name": "service", "description": "Health of the server and its database."},
        ],
    )
    app.state.store = store
    app.add_middleware(_HeadAsGet)
    _install_errors(app)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="fieldreport API",
            swagger_js_url="/vendor/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/health", tags=["service"], summary="Server and database status")
    def health(db: View) -> dict[str, Any]:
        return reads.health(db)

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, paged and sorted")
    def events(
        db: View, filters: Filters, sort: Sort = "-event_date", limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        return reads.event_page(db, filters, sort, limit, offset)

    @app.get(
        "/api/events/histogram",
        tags=["events"],
        summary="Events, deaths and injured per day, week or month",
        description="Bins are the non-empty ones, sorted; `date` is the bin's first day (weeks start on "
        "Monday). start and end are not taken: the timeline shows the whole extent under the other filters.",
    )
    def histogram(
        db: View, filters: OtherFilters, bin: Literal["day", "week", "month"] = "day"
    ) -> dict[str, Any]:
        return reads.histogram(db, filters, bin)

    @app.get(
        "/api/facets",
        tags=["events"],
        summary="Counts of event types, sub-event types, countries and actors under the filters",
        description="`actor` is the top 50 of actor1 and actor2 together, each event counted once per actor.",
    )
    def facets(db: View, filters: Filters) -> dict[str, Any]:
        return reads.facets(db, filters)

    @app.get(
        "/api/events/{event_id}",
        tags=["events"],
        summary="One event: the JSONL record with its mentions and claims, and its articles",
    )
    def event(db: View, event_id: str) -> dict[str, Any]:
        return _found(reads.event_detail(db, event_id), "event", event_id)

    @app.get("/api/articles", tags=["sources"], summary="Articles, paged, newest last")
    def articles(db: View, q: Search = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        return reads.article_page(db, q, limit, offset)

    @app.get(
        "/api/articles/{article_id}",
        tags=["sources"],
        summary="One article's metadata and clean text, with its evidence spans",
        description="`spans` are offsets into `text`: `event` (ref: event_id), `claim` (ref: its event), "
        "`place` (ref: gazetteer_id) and `timex` (ref: normalised value).",
    )
    def article(db: View, article_id: str) -> dict[str, Any]:
        return _found(reads.article_detail(db, article_id), "article", article_id)

    @app.get("/api/stories", tags=["sources"], summary="Stories, oldest first, paged")
    def stories(db: View, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        return reads.story_page(db, limit, offset)

    @app.get(
        "/api/stories/{story_id}",
        tags=["sources"],
        summary="One story: summary, conflicts, and its events by date",
    )
    def story(db: View, story_id: str) -> dict[str, Any]:
        return _found(reads.story_detail(db, story_id), "story", story_id)

    def exporter(ext: str) -> Any:
        fmt, media_type = _EXPORTS[ext]

        def export(filters: Filters) -> StreamingResponse:
            def chunks() -> Iterator[str]:
                # its own cursor, closed when the stream ends: the request's is gone by then
                cur = store.con.cursor()
                try:
                    yield from reads.export_chunks(reads.View(cur, store.path), fmt, filters)
                finally:
                    cur.close()

            headers = {"Content-Disposition": f'attachment; filename="events.{ext}"'}
            return StreamingResponse(chunks(), media_type=media_type, headers=headers)

        return export

    for ext, what in (("csv", "ACLED CSV"), ("geojson", "a GeoJSON FeatureCollection"), ("jsonl", "JSONL")):
        app.add_api_route(
            f"/api/export.{ext}",
            exporter(ext),
            methods=["GET"],
            tags=["export"],
            summary=f"The filtered events as {what}, streamed",
            response_class=StreamingResponse,
            name=f"export_{ext}",
        )

    mount(app)
    return app


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"No such path: {request.url.path}"
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            message = f"Method {request.method} is not allowed here: the API is read-only (GET and HEAD)."
            headers["Allow"] = "GET, HEAD"  # HEAD is answered by _HeadAsGet, which routing cannot see
        return error_response(exc.status_code, message, headers=headers or None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return error_response(422, "; ".join(problems) or "Invalid request.")

    @app.exception_handler(ParamError)
    async def param_error(request: Request, exc: ParamError) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(FieldreportError)
    async def fieldreport_error(request: Request, exc: FieldreportError) -> JSONResponse:
        # our own errors carry a message meant for the user
        return error_response(500, str(exc), code="server_error")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "Internal server error; the server log has the details.")
