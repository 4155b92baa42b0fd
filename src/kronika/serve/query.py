"""What every event listing reads from the URL: filters, order and page, shared by the API,
the pages and the export links (so an export button exports what the page shows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request

from kronika.model import Article, CanonicalEntity, CanonicalEvent
from kronika.store import Store
from kronika.store.links import EventFilter

PER_PAGE = 50
MAX_PER_PAGE = 500

Sort = Literal[
    "date", "-date", "sources", "-sources", "mentions", "-mentions", "participants", "-participants"
]


def store(request: Request) -> Iterator[Store]:
    """A read-only connection to the app's store for one request."""
    yield from request.app.state.pool.connection()


StoreDep = Annotated[Store, Depends(store)]


@dataclass(slots=True)
class EventQuery:
    """The filters as the user gave them (for links and forms) and as the store reads them."""

    params: dict[str, str]
    where: EventFilter
    page: int
    per_page: int
    entity_name: str | None = None

    def url(self, path: str, **changes: str | int | None) -> str:
        """``path`` with these filters, some changed (``None`` drops one)."""
        params: dict[str, str | int] = dict(self.params)
        for key, value in changes.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = value
        return path + ("?" + urlencode(params) if params else "")


def event_query(
    store: StoreDep,
    since: Annotated[str | None, Query(description="Events on or after this day (YYYY-MM-DD).",
                                       max_length=10)] = None,
    until: Annotated[str | None, Query(description="Events on or before this day (YYYY-MM-DD).",
                                       max_length=10)] = None,
    type: Annotated[str | None, Query(description="Event type: PROTEST, COERCE, ASSAULT…", max_length=40)] = None,
    mode: Annotated[str | None, Query(description="Mode of the type: strike, march, arrest…", max_length=40)] = None,
    modality: Annotated[
        str | None, Query(description="occurred, ongoing, planned, called_for, threatened, denied, hypothetical",
                          max_length=40)
    ] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-2 country code (BY, NL…).", max_length=3)] = None,
    place: Annotated[str | None, Query(description="Place name as the event gives it (any case).",
                                       max_length=200)] = None,
    entity: Annotated[str | None, Query(description="An entity id, or a name or spelling of one.",
                                        max_length=200)] = None,
    q: Annotated[str | None, Query(description="Words that must all occur in the event's summary, place, "
                                   "actors or quoted evidence.", max_length=200)] = None,
    source: Annotated[str | None, Query(description="An outlet that reported the event (any case).",
                                        max_length=200)] = None,
    story: Annotated[str | None, Query(description="A story id.", max_length=40)] = None,
    episode: Annotated[str | None, Query(description="An episode's event id: the one-day events inside it.",
                                         max_length=40)] = None,
    show: Annotated[Literal["specific", "all", "generic"], Query(
        description="specific (default): events that report one particular occurrence; generic: those kept "
                    "only from generic, background or headline mentions; all: both.")] = "specific",
    sort: Annotated[Sort, Query(description="Order; '-' in front reverses it.")] = "date",
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Events per page.")] = PER_PAGE,
) -> EventQuery:
    given = {
        "since": _day("since", since), "until": _day("until", until),
        "type": type, "mode": mode, "modality": modality, "country": country, "place": place,
        "entity": entity, "q": q, "source": source, "story": story, "episode": episode,
        "show": show if show != "specific" else None,
        "sort": sort if sort != "date" else None, "per_page": str(per_page) if per_page != PER_PAGE else None,
    }
    params = {key: value.strip() for key, value in given.items() if value and value.strip()}
    named = None
    if params.get("entity"):
        named = store.links.find_entity(params["entity"])
        if named is None:
            raise HTTPException(404, f"no entity named {params['entity']!r}")
    where = EventFilter(
        since=params.get("since"), until=params.get("until"), type=params.get("type"),
        country=params.get("country"), entity=named.id if named else None, story=params.get("story"), mode=params.get("mode"),
        modality=params.get("modality"), place=params.get("place"), text=params.get("q"),
        source=params.get("source"), sort=sort, limit=per_page, offset=(page - 1) * per_page,
        episode=params.get("episode"), specific={"specific": True, "generic": False, "all": None}[show],
    )
    return EventQuery(params, where, page, per_page, named.name if named else None)


EventQueryDep = Annotated[EventQuery, Depends(event_query)]


def _day(name: str, value: str | None) -> str | None:
    """A YYYY-MM-DD day; empty (as an HTML form sends an unset date) is no day."""
    if not value or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a day (use YYYY-MM-DD)") from None


def event_or_404(store: Store, event_id: str) -> CanonicalEvent:
    found = store.links.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


def entity_or_404(store: Store, entity_id: str) -> CanonicalEntity:
    found = store.links.entity(entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return found


def article_or_404(store: Store, article_id: str) -> Article:
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found
