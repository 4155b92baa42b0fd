"""The HTML pages: timeline, map, event, entity, article, lists, and the API reference."""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from kronika import __version__
from kronika.link.strikes import filter_strikes, store_strikes
from kronika.model import Reconciled
from kronika.serve import charts, evidence
from kronika.serve.api import MAP_POINTS
from kronika.serve.app import OSM_TILES, SafeJSONResponse
from kronika.serve.query import EventQueryDep, StoreDep, article_or_404, entity_or_404, event_or_404
from kronika.store.links import EventFilter

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, section: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    context.update(section=section, store_name=request.app.state.pool.path.name)
    return templates.TemplateResponse(request, name, context)  # type: ignore[no-any-return]


@router.get("/")
def timeline(request: Request, store: StoreDep, query: EventQueryDep) -> HTMLResponse:
    return render(
        request, "timeline.html", "timeline", query=query, facets=store.links.all_facets(),
        chart=charts.timeline(store.links.events_per_day(query.where)),
        events=list(store.links.events(query.where)), total=store.links.count_events(query.where),
    )


@router.get("/map")
def map_page(request: Request, store: StoreDep, query: EventQueryDep) -> HTMLResponse:
    return render(
        request, "map.html", "map", query=query, facets=store.links.all_facets(), tiles=OSM_TILES,
        total=store.links.count_events(query.where), located=store.links.count_located(query.where),
        limit=MAP_POINTS,
    )


@router.get("/events/{event_id}")
def event_page(event_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    found = event_or_404(store, event_id)
    inside = [e for e in map(store.links.event, found.episode.events if found.episode else ()) if e is not None]
    part_of = store.links.event(found.episode_id) if found.episode_id else None
    return render(
        request, "event.html", "timeline", event=found, sources=evidence.sources(store, found),
        inside=inside, part_of=part_of,
    )


@router.get("/entities")
def entities_page(
    request: Request, store: StoreDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    per_page = 100
    found = list(store.links.entities(query=q, limit=per_page + 1, offset=(page - 1) * per_page))
    return render(
        request, "entities.html", "entities", entities=found[:per_page], more=len(found) > per_page,
        q=q, page=page, total=store.links.count_entities(q),
    )


@router.get("/entities/{entity_id}")
def entity_page(entity_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    found = entity_or_404(store, entity_id)
    where = EventFilter(entity=found.id, limit=100)
    strikes = [s for s in store_strikes(store) if s.enterprise_id == found.id or s.union_id == found.id]
    return render(
        request, "entity.html", "entities", entity=found, events=list(store.links.events(where)), strikes=strikes,
        total=store.links.count_events(where), chart=charts.timeline(store.links.events_per_day(where)),
    )


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> HTMLResponse:
    per_page = 100
    rows = list(store.articles(limit=per_page + 1, offset=(page - 1) * per_page))
    return render(request, "articles.html", "articles", articles=rows[:per_page], more=len(rows) > per_page,
                  page=page, total=store.count(current=True))


@router.get("/articles/{article_id}")
def article_page(article_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    found = article_or_404(store, article_id)
    mention_events = store.links.events_of_mentions(article_id)
    events = [e for e in map(store.links.event, dict.fromkeys(mention_events.values())) if e is not None]
    return render(
        request, "article.html", "articles", article=found, pieces=evidence.pieces(found, mention_events),
        events=events, url=evidence.web_url(found.url),
    )


@router.get("/stories")
def stories_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "stories.html", "stories", stories=list(store.links.stories()))


@router.get("/strikes")
def strikes_page(
    request: Request, store: StoreDep,
    country: Annotated[str | None, Query(max_length=3)] = None,
    status: Annotated[str | None, Query(max_length=12)] = None,
) -> HTMLResponse:
    found = filter_strikes(store_strikes(store), country=country or None, status=status or None)
    return render(request, "strikes.html", "strikes", strikes=found, country=country or "", status=status or "")


@router.get("/strikes/{strike_id}")
def strike_page(strike_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    found = next((s for s in store_strikes(store) if s.id == strike_id), None)
    if found is None:
        raise StarletteHTTPException(404, f"no strike {strike_id}")
    events = {e: store.links.event(e) for e in [*found.events, *found.repression]}
    workers = [evidence.claim_excerpt(store, c) for c in found.claims if c.field == "participants"]
    return render(request, "strike.html", "strikes", strike=found, events=events, workers=workers)


@router.get("/api")
def api_page(request: Request) -> HTMLResponse:
    return render(request, "api.html", "api", spec=request.app.openapi())


async def error_page(request: Request, error: Exception) -> Response:
    """Errors as JSON under /api, as a page elsewhere; either way what the request said
    (echoed in the message) stays text."""
    if isinstance(error, RequestValidationError):
        status, headers = 422, None
        detail: Any = jsonable_encoder(error.errors())
        message = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in error.errors())
    else:
        assert isinstance(error, StarletteHTTPException)
        status, headers = error.status_code, error.headers
        detail = message = str(error.detail)
    if request.url.path.startswith("/api") or status == 405:
        return SafeJSONResponse({"detail": detail}, status_code=status, headers=headers)
    response = render(request, "error.html", "", status=status, detail=message)
    response.status_code = status
    return response


# --- what templates call -------------------------------------------------------------------


def number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def magnitude(value: Reconciled) -> str:
    """``100,000``, ``100,000–200,000``, ``more than 5,000``."""
    if value.low is None and value.high is None:
        return str(value.value) if value.value is not None else "no figure"
    if value.high is None:
        return f"at least {number(value.low)}"
    if value.low is None or value.low == value.high:
        return number(value.high)
    return f"{number(value.low)}–{number(value.high)}"


def claim_value(claim: Any) -> str:
    if claim.low is not None or claim.high is not None:
        shown = magnitude(Reconciled(None, claim.low, claim.high))
        return f"{shown} ({claim.value})" if claim.value else shown
    return str(claim.value) + (f" ({claim.precision})" if claim.precision else "")


def schema_type(schema: dict[str, Any] | None) -> str:
    if not schema:
        return ""
    if "anyOf" in schema:
        return " or ".join(schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    return str(schema.get("format") or schema.get("type") or "")


TEMPLATE_GLOBALS = {
    "colour": charts.colour, "number": number, "magnitude": magnitude, "claim_value": claim_value,
    "schema_type": schema_type,
}


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(resources.files(__package__).joinpath("templates")))
    found.env.autoescape = True  # every template, whatever its file name
    found.env.globals.update(TEMPLATE_GLOBALS, version=__version__)
    return found
