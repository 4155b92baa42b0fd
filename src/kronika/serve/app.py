"""The web app: JSON API under ``/api``, server-rendered pages, static files of our own.

The app only reads: every route is GET, the store is opened read-only (SQLite refuses
writes on those connections), and no route touches a file outside the store except the
packaged ``static/`` folder. Everything an article says is untrusted: templates escape
it, JSON escapes ``<``, ``>`` and ``&``, and a Content-Security-Policy lets the browser
run only our own scripts.
"""

from __future__ import annotations

import json
import queue
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from kronika import __version__
from kronika.store import Store

OSM_TILES = "https://tile.openstreetmap.org"
"""The optional map layer: only fetched when a user switches it on."""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    f"img-src 'self' data: {OSM_TILES}; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

HERE = resources.files(__package__)


class SafeJSONResponse(JSONResponse):
    """JSON with ``<``, ``>`` and ``&`` written as ``\\u003c`` … : the same data, but a
    consumer that pastes it into HTML cannot be made to open a tag."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["X-Frame-Options"] = "DENY"
        return response


class StorePool:
    """Read-only connections to one store, one per request at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._idle.put(Store(path, readonly=True))  # fails now, not at the first request

    def connection(self) -> Iterator[Store]:
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = Store(self.path, readonly=True)
        try:
            yield store
        finally:
            self._idle.put(store)


def create_app(db: str | Path) -> FastAPI:
    """The kronika web app over the store at ``db`` (read-only)."""
    from kronika.serve import api, pages

    app = FastAPI(
        title="kronika",
        version=__version__,
        description=(
            "A sourced chronicle of political events, read-only. Every event keeps each "
            "source's claims with the sentence they come from; ids are stable across runs."
        ),
        default_response_class=SafeJSONResponse,
        docs_url=None,  # FastAPI's docs page loads scripts from a CDN: /api is our own
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.pool = StorePool(Path(db))
    app.state.templates = pages.templates()
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE.joinpath("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(StarletteHTTPException, pages.error_page)
    app.add_exception_handler(RequestValidationError, pages.error_page)
    return app

