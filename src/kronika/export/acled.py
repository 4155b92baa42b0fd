"""ACLED-shaped CSV: kronika's events under the column names of ACLED's data exports, so
scripts and dashboards written for ACLED data read them.

Only events with an ACLED code (:attr:`CanonicalEvent.acled`) are rows: ACLED codes what
happened on the ground (protests, riots, violence, strategic developments), not
statements or threats. Columns kronika cannot fill (``region``, ``admin2``, ``admin3``,
``source_scale``, ``timestamp``, inter codes of unknown actors) are left empty. The
columns, following ACLED's codebook:

- ``event_id_cnty``: kronika's event id (ACLED's are a country code and a number).
- ``event_date``: YYYY-MM-DD; a week, month or interval is given by its first day and
  ``time_precision`` says how exact it is. ``year``: the year of that day.
- ``time_precision``: 1 = the day is known, 2 = within a week or a few days, 3 = within a
  month (kronika's year-precise dates are 3 too, ACLED's coarsest code).
- ``disorder_type``: ``Demonstrations`` (protests, violent demonstrations), ``Political
  violence`` (battles, explosions/remote violence, violence against civilians, mob
  violence), ``Political violence; Demonstrations`` (excessive force against protesters),
  ``Strategic developments``.
- ``event_type``, ``sub_event_type``: ACLED's codes, from :mod:`kronika.ontology`.
- ``actor1``, ``actor2`` and their associated actors ``assoc_actor_1``/``assoc_actor_2``
  (further actors, joined with ``"; "``). As in ACLED, a protest's actor1 is
  ``Protesters (<country>)``, a riot's ``Rioters (<country>)``, and the actor2 of
  violence against civilians ``Civilians (<country>)``; the named groups are the
  associated actors. Otherwise actor1 is the first actor, actor2 the first target.
- ``inter1``, ``inter2``: ACLED's actor type codes where the event type fixes them
  (5 rioters, 6 protesters, 7 civilians); ``interaction``: the two codes, lower first
  (``60`` a protest with no other actor).
- ``civilian_targeting``: ``Civilian targeting`` for violence against civilians and
  excessive force against protesters.
- ``iso``: ISO 3166-1 numeric code; ``country``: the country's name.
- ``admin1``: the place when it is itself a first-level region; ``location``: the place's
  name; ``latitude``/``longitude``: its coordinates; ``geo_precision``: 1 = town or city,
  2 = region, 3 = country.
- ``source``: the outlets reporting the event, joined with ``"; "``.
- ``notes``: the sentence of the most confident mention.
- ``fatalities``: the lowest number of dead the sources give, 0 when none do.
- ``tags``: ``crowd size=100000`` (``crowd size=100000-200000`` when the sources give a
  range, ``crowd size=at least 7000`` for "more than 7,000", ``crowd size=no report`` for
  a demonstration without a figure) and ``sources disagree: participants`` naming the
  fields whose sources disagree; tags are joined with ``"; "``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from kronika.export import countries
from kronika.export.columns import Cell, count_text, names, outlets
from kronika.export.dates import first_day, precision_of
from kronika.export.spreadsheet import write_csv
from kronika.model import AcledCode, CanonicalEntity, CanonicalEvent

HEADER: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"city": 1, "region": 2, "country": 3}

_EXCESSIVE_FORCE = "Excessive force against protesters"

DISORDER_TYPE = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
}
DISORDER_SUB_TYPE = {
    _EXCESSIVE_FORCE: "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
"""Sub-event types whose disorder type is not their event type's."""

RIOTERS, PROTESTERS, CIVILIANS = 5, 6, 7
"""ACLED's inter codes of the generic actors kronika names."""


def write_acled(
    events: Iterable[CanonicalEvent], entities: Mapping[str, CanonicalEntity], out: BinaryIO
) -> int:
    """Write the events that have an ACLED code as ACLED-shaped CSV; returns how many."""
    return write_csv(out, HEADER, _rows(events, entities))


def _rows(
    events: Iterable[CanonicalEvent], entities: Mapping[str, CanonicalEntity]
) -> Iterator[dict[str, Cell]]:
    for event in events:
        if event.acled is not None:
            yield acled_row(event, entities)


def acled_row(event: CanonicalEvent, entities: Mapping[str, CanonicalEntity]) -> dict[str, Cell]:
    """The ACLED row of an event that has an ACLED code."""
    if event.acled is None:
        raise ValueError(f"event {event.id} has no ACLED code")
    event_type, sub_type = event.acled.event_type, event.acled.sub_event_type
    place = event.place
    code = event.country or (place.country if place else None)
    day = first_day(event.date) if event.date else None
    killed = event.magnitudes.get("killed")
    row: dict[str, Cell] = {
        "event_id_cnty": event.id,
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": (
            TIME_PRECISION[precision_of(event.date, event.date_precision)] if event.date else None
        ),
        "disorder_type": DISORDER_SUB_TYPE.get(sub_type, DISORDER_TYPE.get(event_type)),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "civilian_targeting": (
            "Civilian targeting"
            if event_type == "Violence against civilians" or sub_type == _EXCESSIVE_FORCE
            else None
        ),
        "iso": countries.numeric(code),
        "country": countries.acled_name(code),
        "admin1": place.name if place and (place.feature or "").startswith("ADM1") else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.precision or "") if place else None,
        "source": "; ".join(outlets(event)) or None,
        "notes": event.summary,
        "fatalities": int(killed.low) if killed and killed.low is not None else 0,
        "tags": "; ".join(tags(event)) or None,
    }
    row.update(_actor_columns(event, event.acled, entities, countries.acled_name(code)))
    return row


def _actor_columns(
    event: CanonicalEvent,
    code: AcledCode,
    entities: Mapping[str, CanonicalEntity],
    country: str | None,
) -> dict[str, Cell]:
    """actor1/2, their associated actors, inter codes and interaction (see the docstring)."""
    actors, targets = names(event, "actor", entities), names(event, "target", entities)
    in_country = f" ({country})" if country else ""
    actor1: str | None = actors[0] if actors else None
    actor2: str | None = targets[0] if targets else None
    assoc1, assoc2 = actors[1:], targets[1:]
    inter1: int | None = None
    inter2: int | None = None
    # someone acted on the protest, but kronika does not know who: no interaction code
    unknown_other = code.sub_event_type in ("Protest with intervention", _EXCESSIVE_FORCE)
    if code.sub_event_type == _EXCESSIVE_FORCE:
        # ACLED's actor1 is the force that cracked down; kronika's actors are the protesters
        actor1, assoc1 = None, []
        actor2, assoc2, inter2 = "Protesters" + in_country, actors, PROTESTERS
    elif code.event_type == "Protests":
        actor1, assoc1, inter1 = "Protesters" + in_country, actors, PROTESTERS
        actor2, assoc2 = None, []  # whom a protest addresses is not an ACLED actor2
    elif code.event_type == "Riots":
        actor1, assoc1, inter1 = "Rioters" + in_country, actors, RIOTERS
    elif code.event_type == "Violence against civilians":
        actor2, assoc2, inter2 = "Civilians" + in_country, targets, CIVILIANS
    return {
        "actor1": actor1,
        "assoc_actor_1": "; ".join(assoc1) or None,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(assoc2) or None,
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2, alone=actor2 is None and not unknown_other),
    }


def _interaction(inter1: int | None, inter2: int | None, *, alone: bool) -> int | None:
    """ACLED's interaction code: both inter codes, lower first; ``N0`` for one actor alone."""
    if inter1 is not None and inter2 is not None:
        low, high = sorted((inter1, inter2))
        return low * 10 + high
    if inter1 is not None and alone:
        return inter1 * 10
    return None


def tags(event: CanonicalEvent) -> list[str]:
    """ACLED-style tags: the crowd size, and which fields the sources disagree on."""
    found = []
    size = count_text(event.magnitudes.get("participants"))
    if size is not None:
        found.append(f"crowd size={size}")
    elif event.acled is not None and event.acled.event_type in ("Protests", "Riots"):
        found.append("crowd size=no report")
    if event.disagreements:
        found.append("sources disagree: " + ", ".join(event.disagreements))
    return found
