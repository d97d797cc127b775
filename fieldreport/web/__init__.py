"""Web dashboard: one static page and its ES modules, served by the API process.

There is no build step. The page's own files live in ``static/``; the libraries it uses
(Leaflet, markercluster, d3, topojson-client and world-atlas's country outlines; Swagger UI for
the API's ``/docs``) are the npm
packages of the repository's ``package.json``, served straight from ``node_modules`` under
``/vendor/<package>/...``. Nothing is fetched from the internet: the map's base layer is the
world-atlas countries drawn by Leaflet, not tiles.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse, Response

STATIC = Path(__file__).resolve().parent / "static"
VENDOR_ENV = "FIELDREPORT_WEB_VENDOR"
# The dependencies of package.json: the only folders of node_modules that are served.
VENDOR_PACKAGES = frozenset(
    {"d3", "leaflet", "leaflet.markercluster", "swagger-ui-dist", "topojson-client", "world-atlas"}
)
# Every route of the single-page app answers with the same page; the script reads the path.
PAGES = ("/", "/events", "/stories", "/event/{item_id}", "/story/{item_id}", "/article/{item_id}")

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
# Defense in depth: the scripts never build HTML from data, and the page could not run an
# injected script or plugin if they did. Leaflet and d3 set styles through the DOM, which
# style-src does not restrict.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def vendor_dir() -> Path:
    """node_modules at the repository root, or the folder FIELDREPORT_WEB_VENDOR names."""
    override = os.environ.get(VENDOR_ENV)
    return Path(override) if override else Path(__file__).resolve().parents[2] / "node_modules"


def _not_found(message: str) -> JSONResponse:
    body = {"error": {"status": 404, "code": "not_found", "message": message}}
    return JSONResponse(body, status_code=404, headers={"X-Content-Type-Options": "nosniff"})


def _file(root: Path, rel: str) -> Path | None:
    """``root/rel`` if it is a regular file inside ``root`` with a served suffix, else None."""
    parts = rel.split("/")
    if (
        not rel
        or "\\" in rel
        or "\x00" in rel
        or any(p in ("", ".", "..") or p.startswith(".") for p in parts)
    ):
        return None
    try:
        base = root.resolve(strict=True)
        path = (base / rel).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not path.is_relative_to(base) or not path.is_file() or path.suffix not in _TYPES:
        return None
    return path


def _serve(path: Path) -> FileResponse:
    return FileResponse(path, media_type=_TYPES[path.suffix], headers=_HEADERS)


def mount(app: FastAPI) -> None:
    """Add the dashboard's routes to ``app``: the page, its static files and the vendored libraries."""

    async def page(item_id: str | None = None) -> Response:
        return _serve(STATIC / "index.html")

    for route in PAGES:
        app.add_api_route(route, page, methods=["GET"], include_in_schema=False)

    @app.get("/static/{rel:path}", include_in_schema=False)
    async def static(rel: str) -> Response:
        path = _file(STATIC, rel)
        return _serve(path) if path else _not_found(f"no static file {rel!r}")

    @app.get("/vendor/{package}/{rel:path}", include_in_schema=False)
    async def vendor(package: str, rel: str) -> Response:
        if package not in VENDOR_PACKAGES:
            return _not_found(f"{package!r} is not a dashboard library")
        path = _file(vendor_dir() / package, rel)
        if path is None:
            return _not_found(
                f"no file {rel!r} in {package}: run `make install` (npm ci) for the map libraries"
            )
        return _serve(path)
