"""The JSON API (``/api``): events, entities, articles, stories, the timeline and map data,
and exports of the current filter. Read-only; ids are the store's stable ids."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from queue import Full, Queue
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from kronika.link.strikes import filter_strikes, store_strikes
from kronika.model import CanonicalEvent, Story, to_dict
from kronika.serve import charts, evidence
from kronika.serve.app import SafeJSONResponse
from kronika.serve.query import EventQueryDep, StoreDep, article_or_404, entity_or_404, event_or_404
from kronika.store import Store
from kronika.store.links import EventFilter

router = APIRouter(prefix="/api", tags=["api"])

EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
    "plover": ("application/x-ndjson", "jsonl"),
}
MAP_POINTS = 20_000
"""At most this many events go to the map (the largest first)."""


class Page(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[dict[str, Any]]


class EventSummary(BaseModel):
    """One row of an event list (``/api/events/{id}`` gives the whole event)."""

    id: str
    url: str
    type: str
    mode: str | None
    modality: str
    date: str | None
    date_precision: str | None
    place: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    participants: dict[str, Any] | None
    actors: list[dict[str, Any]]
    sources: int
    mentions: int
    languages: list[str]
    disagreements: list[str]
    story_id: str | None
    summary: str | None


class EventPage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[EventSummary]


class EventDetail(BaseModel):
    event: dict[str, Any]
    """The canonical event: reconciled values, every claim, mention and article id."""
    sources: list[dict[str, Any]]
    """Each article's claims with the sentence each one quotes (``excerpt``: the sentence,
    ``mark_start``/``mark_end`` the quoted part within it)."""


def summary(event: CanonicalEvent) -> dict[str, Any]:
    participants = event.magnitudes.get("participants")
    place = event.place
    return {
        "id": event.id, "url": f"/events/{event.id}", "type": event.type, "mode": event.mode,
        "modality": event.modality, "date": event.date, "date_precision": event.date_precision,
        "place": place.name if place else None, "country": event.country,
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "participants": to_dict(participants) if participants else None,
        "actors": to_dict(event.actors), "sources": len(event.articles), "mentions": len(event.mentions),
        "languages": event.languages, "disagreements": event.disagreements, "story_id": event.story_id,
        "summary": event.summary,
    }


def page_of(items: list[dict[str, Any]], total: int, page: int, per_page: int) -> SafeJSONResponse:
    return SafeJSONResponse({"total": total, "page": page, "per_page": per_page, "items": items})


@router.get("/events", response_model=EventPage, summary="Events, filtered, sorted, a page at a time")
def events(store: StoreDep, query: EventQueryDep) -> SafeJSONResponse:
    items = [summary(e) for e in store.links.events(query.where)]
    return page_of(items, store.links.count_events(query.where), query.page, query.per_page)


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with every source's claims")
def event(event_id: str, store: StoreDep) -> SafeJSONResponse:
    found = event_or_404(store, event_id)
    return SafeJSONResponse({"event": to_dict(found), "sources": [_source(s) for s in evidence.sources(store, found)]})


def _source(source: evidence.Source) -> dict[str, Any]:
    data = to_dict(source)
    for item, claim in zip(data["claims"], source.claims, strict=True):
        item.update(_excerpt(claim.excerpt))
    data["mentions"] = [_excerpt(m) for m in source.mentions]
    return data


def _excerpt(found: evidence.Excerpt | None) -> dict[str, Any]:
    """The sentence (``excerpt``), where it starts in the article, and the marked part
    within it."""
    if found is None:
        return {"excerpt": None}
    return {"excerpt": found.text, "start": found.start, "mark_start": found.mark_start, "mark_end": found.mark_end}


@router.get("/timeline", summary="Events per day (week, month) and type for the filter")
def timeline(store: StoreDep, query: EventQueryDep) -> SafeJSONResponse:
    chart = charts.timeline(store.links.events_per_day(query.where))
    return SafeJSONResponse({
        "unit": chart.unit, "imprecise": chart.imprecise,
        "bins": [{"bin": b.label, "since": b.since, "until": b.until, "total": b.total,
                  "types": {block.type: block.count for block in b.blocks}} for b in chart.bars if b.total],
    })


@router.get("/map", summary="The filter's events with coordinates, as GeoJSON points")
def map_points(store: StoreDep, query: EventQueryDep) -> SafeJSONResponse:
    return SafeJSONResponse(_points(store, query.where))


def _points(store: Store, where: EventFilter) -> dict[str, Any]:
    rows = store.links.event_points(where, MAP_POINTS)
    features = [
        {"type": "Feature", "id": id_, "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"type": kind, "date": date, "place": place, "country": country,
                        "participants": crowd, "sources": sources, "colour": charts.colour(kind)}}
        for id_, kind, date, place, country, lat, lon, crowd, sources in rows
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get("/facets", summary="Values to filter by, with their event counts")
def facets(store: StoreDep) -> SafeJSONResponse:
    return SafeJSONResponse({
        column: [{"value": v, "events": n} for v, n in values] for column, values in store.links.all_facets().items()
    })


@router.get("/entities", response_model=Page, summary="Entities by name or any spelling, most mentioned first")
def entities(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Part of the name or of any spelling.", max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> SafeJSONResponse:
    items = [to_dict(e) for e in store.links.entities(query=q, limit=per_page, offset=(page - 1) * per_page)]
    return page_of(items, store.links.count_entities(q), page, per_page)


@router.get("/entities/{entity_id}", summary="One entity: its spellings and its events")
def entity(entity_id: str, store: StoreDep) -> SafeJSONResponse:
    found = entity_or_404(store, entity_id)
    where = EventFilter(entity=found.id, limit=100)
    return SafeJSONResponse({
        "entity": to_dict(found), "events_total": store.links.count_events(where),
        "events": [summary(e) for e in store.links.events(where)],
    })


@router.get("/articles", response_model=Page, summary="The stored articles (current versions)")
def articles(
    store: StoreDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> SafeJSONResponse:
    rows = list(store.articles(limit=per_page, offset=(page - 1) * per_page))
    return page_of(rows, store.count(current=True), page, per_page)


@router.get("/articles/{article_id}", summary="One article with every analysed span")
def article(article_id: str, store: StoreDep) -> SafeJSONResponse:
    found = article_or_404(store, article_id)
    data = to_dict(found)
    data["event_ids"] = store.links.events_of_mentions(article_id)
    return SafeJSONResponse(data)


@router.get("/stories", summary="Stories: articles and events about one developing situation")
def stories(store: StoreDep) -> SafeJSONResponse:
    return SafeJSONResponse([to_dict(s) for s in store.links.stories()])


@router.get("/stories/{story_id}", summary="One story")
def story(story_id: str, store: StoreDep) -> SafeJSONResponse:
    found: Story | None = store.links.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    return SafeJSONResponse(to_dict(found))


@router.get("/strikes", summary="The strike tracker: one record per strike at one workplace")
def strikes(
    store: StoreDep,
    country: Annotated[str | None, Query(max_length=3, description="ISO country code")] = None,
    since: Annotated[str | None, Query(max_length=10, description="running on or after (YYYY-MM-DD)")] = None,
    status: Annotated[str | None, Query(max_length=12, description="latest status (started, suspended, …)")] = None,
) -> SafeJSONResponse:
    found = filter_strikes(store_strikes(store), country=country, since=since, status=status)
    return SafeJSONResponse([to_dict(s) for s in found])


@router.get("/export", summary="The filter's events as a file (all pages)", response_class=StreamingResponse)
def export(
    request: Request,
    query: EventQueryDep,
    format: Annotated[Literal["csv", "acled", "jsonl", "geojson", "plover"], Query()] = "csv",
) -> StreamingResponse:
    where = query.where
    where.limit, where.offset = None, 0
    media_type, suffix = EXPORTS[format]
    name = "kronika-events" + ("" if format == suffix else f"-{format}") + f".{suffix}"
    chunks = _export_chunks(request.app.state.pool.path, where, format)
    return StreamingResponse(
        chunks, media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


class _QueueWriter:
    """A binary stream whose writes go to a queue, read by the response as it is sent."""

    def __init__(self, chunks: Queue[bytes | None], stop: threading.Event) -> None:
        self.chunks, self.stop = chunks, stop

    def write(self, data: bytes) -> int:
        while not self.stop.is_set():
            try:
                self.chunks.put(bytes(data), timeout=0.5)
                return len(data)
            except Full:
                continue
        raise BrokenPipeError("the client went away")

    def flush(self) -> None:
        pass


def _export_chunks(path: Path, where: EventFilter, fmt: str) -> Iterator[bytes]:
    """The export, written by the exporter in a thread of its own (exporters write to a
    stream) and sent while it is written; memory stays constant for any size."""
    from kronika.export import write_events

    chunks: Queue[bytes | None] = Queue(maxsize=64)
    stop = threading.Event()

    def produce() -> None:
        try:
            with Store(path, readonly=True) as store:
                names = {e.id: e for e in store.links.entities()}
                write_events(store.links.events(where), names, fmt, _QueueWriter(chunks, stop))  # type: ignore[arg-type]
        except BrokenPipeError:
            return
        finally:
            try:
                chunks.put(None, timeout=5)
            except Full:  # nobody reads any more
                pass

    threading.Thread(target=produce, daemon=True).start()
    try:
        while (chunk := chunks.get()) is not None:
            yield chunk
    finally:
        stop.set()
