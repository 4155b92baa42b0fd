"""kronika's flat event table: one row per canonical event, the columns of ``csv``,
``geojson`` and ``parquet`` exports.

Each column is listed in :data:`COLUMNS` with its kind (text, decimal number or whole
number) and its meaning; :func:`flat_row` fills a row from a canonical event. Lists inside
a cell are joined with ``";"`` (ids, outlets, field names) or ``"; "`` (names, which may
contain commas). An empty cell means kronika does not know the value.

Actors are named by their entity's canonical name when the linker resolved them (the most
used Latin-script press spelling, so one organisation has one name across languages), and
by the text the source used otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from kronika.export.dates import first_day
from kronika.model import Actor, CanonicalEntity, CanonicalEvent, Reconciled

Cell = str | float | int | None
"""A cell of the flat table: ``None`` is an unknown value."""

Kind = Literal["string", "float", "int"]

COUNTS = ("participants", "arrested", "killed", "injured")
"""The magnitudes the flat table has columns for (the others stay in the claims)."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    meaning: str


def _count_columns() -> list[Column]:
    columns = []
    for count in COUNTS:
        columns.append(Column(f"{count}_low", "float", f"lowest number {count} the sources give"))
        columns.append(
            Column(f"{count}_high", "float", f"highest number {count} (empty: no upper bound)")
        )
    return columns


COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "kronika's canonical event id"),
    Column("type", "string", "event type (PLOVER's types plus STATEMENT)"),
    Column("mode", "string", "kronika's mode of the type (strike, arrest, visit…)"),
    Column("modality", "string",
           "occurred, ongoing, planned, called_for, threatened, denied or hypothetical"),
    Column("date", "string", "the date as precisely as the sources give it: 2020-08-15, "
           "2020-W34, 2020-08, 2020 or an interval start/end"),
    Column("date_precision", "string", "day, week, month or year"),
    Column("date_start", "string", "first day of that date, YYYY-MM-DD (the Monday of a week)"),
    Column("country", "string", "ISO 3166-1 alpha-2 code of the event's country"),
    Column("place", "string", "name of the most precise place a source names"),
    Column("latitude", "float", "WGS84 latitude of the place"),
    Column("longitude", "float", "WGS84 longitude of the place"),
    Column("geo_precision", "string", "what the coordinates stand for: city, region or country"),
    Column("actor1", "string", "first actor (who acts)"),
    Column("actor2", "string", "first target (whom the act is aimed at)"),
    Column("actors", "string", "every actor, joined with '; '"),
    Column("targets", "string", "every target, joined with '; '"),
    *_count_columns(),
    Column("disagreements", "string",
           "fields whose sources disagree beyond tolerance, joined with ';'"),
    Column("sources", "int", "number of distinct articles reporting the event"),
    Column("outlets", "string", "distinct outlets of those articles, joined with ';'"),
    Column("articles", "string", "ids of those articles, joined with ';'"),
    Column("languages", "string", "languages of those articles (ISO 639-1), joined with ';'"),
    Column("story_id", "string", "id of the story (developing situation) the event belongs to"),
    Column("specific", "int", "1: reports one particular occurrence; 0: kept only from generic, "
           "background or headline mentions (exported with --all)"),
    Column("episode_id", "string", "for a one-day event inside a lasting one (a march of strikers): "
           "the id of that episode's event"),
    Column("episode_start", "string", "for a lasting event (strike, sit-in, occupation…): the earliest "
           "day a source dates its start to"),
    Column("episode_ongoing_as_of", "string", "for a lasting event not reported ended: the day of its latest report"),
    Column("episode_events", "string", "for a lasting event: the ids of the one-day events inside it, joined with ';'"),
    Column("demands", "string", "what the participants demand, as issue codes (resignation, wages, …; "
           "kronika.extract.demands) joined with ';'"),
    Column("acled_event_type", "string",
           "ACLED event_type; empty when ACLED does not code such events"),
    Column("acled_sub_event_type", "string", "ACLED sub_event_type"),
    Column("confidence", "float",
           "0-1: the confidence of the event's mentions combined (more sources, higher)"),
    Column("summary", "string", "the sentence of the most confident mention, as evidence to read"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)


def actor_name(actor: Actor, entities: Mapping[str, CanonicalEntity]) -> str:
    """The canonical name of a resolved actor, else the text the source used."""
    entity = entities.get(actor.entity_id) if actor.entity_id else None
    return entity.name if entity is not None else actor.text


def names(
    event: CanonicalEvent, role: str, entities: Mapping[str, CanonicalEntity]
) -> list[str]:
    """The distinct names of the event's actors with ``role`` (actor, target, supported)."""
    return _distinct(actor_name(a, entities) for a in event.actors if a.role == role)


def outlets(event: CanonicalEvent) -> list[str]:
    """The distinct outlets of the event's claims, in the order they first appear."""
    return _distinct(c.outlet for c in event.claims if c.outlet)


def source_articles(event: CanonicalEvent) -> list[str]:
    """The distinct articles the event rests on: its articles, then any only a claim names."""
    return _distinct([*event.articles, *(c.article_id for c in event.claims)])


def flat_row(event: CanonicalEvent, entities: Mapping[str, CanonicalEntity]) -> dict[str, Cell]:
    """The flat table row of ``event``, keyed by :data:`COLUMN_NAMES` in that order."""
    place = event.place
    has_point = place is not None and place.lat is not None and place.lon is not None
    actors, targets = names(event, "actor", entities), names(event, "target", entities)
    articles = source_articles(event)
    row: dict[str, Cell] = {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_start": first_day(event.date).isoformat() if event.date else None,
        "country": event.country or (place.country if place else None),
        "place": place.name if place else None,
        "latitude": place.lat if place and has_point else None,
        "longitude": place.lon if place and has_point else None,
        "geo_precision": place.precision if place else None,
        "actor1": actors[0] if actors else None,
        "actor2": targets[0] if targets else None,
        "actors": "; ".join(actors) or None,
        "targets": "; ".join(targets) or None,
    }
    for count in COUNTS:
        reconciled = event.magnitudes.get(count)
        row[f"{count}_low"] = _number(reconciled.low) if reconciled else None
        row[f"{count}_high"] = _number(reconciled.high) if reconciled else None
    row.update({
        "disagreements": ";".join(event.disagreements) or None,
        "sources": len(articles),
        "outlets": ";".join(outlets(event)) or None,
        "articles": ";".join(articles) or None,
        "languages": ";".join(event.languages) or None,
        "story_id": event.story_id,
        "specific": int(event.specific),
        "episode_id": event.episode_id,
        "episode_start": event.episode.start if event.episode else None,
        "episode_ongoing_as_of": event.episode.ongoing_as_of if event.episode else None,
        "episode_events": ";".join(event.episode.events) or None if event.episode else None,
        "demands": ";".join(dict.fromkeys(d.code for d in event.demands)) or None,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "confidence": event.confidence,
        "summary": event.summary,
    })
    return row


def count_text(count: Reconciled | None) -> str | None:
    """A reconciled count as text: ``100000``, ``100000-200000`` for a range, ``at least 7000``
    for a range without an upper bound ("more than 7,000"); ``None`` without a figure."""
    if count is None:
        return None
    low, high = count.low, count.high
    if low is None:
        return None if high is None else f"at most {_whole(high)}"
    if high is None:
        return f"at least {_whole(low)}"
    if high == low:
        return _whole(low)
    return f"{_whole(low)}-{_whole(high)}"


def _whole(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
