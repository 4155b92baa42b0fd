"""PLOVER records, one JSON object per line, with the field names of the PLOVER gold
records (``PLOVER_GSR_CAMEO.txt``, Open Event Data Alliance) wherever kronika has the
value, and, as in those records, only the fields that have one. (The 2021 PLOVER manual
and POLECAT name some of them differently: ``event_type`` for ``event``, ``actor`` and
``recipient`` for ``source`` and ``target``; the gold records are what kronika's PLOVER
scores are computed on, so their names are kept.)

PLOVER fields:

- ``id``: kronika's event id.
- ``date``: YYYY-MM-DD, the first day of the event's date (a week's Monday, a month's
  first day); ``datePrecision`` (kronika's addition) says day, week, month or year.
- ``event``: the PLOVER type. PLOVER puts intent into the type, kronika into the modality,
  so a planned strike is THREATEN and a call for talks DEMAND
  (:func:`kronika.ontology.plover_type`); STATEMENT, kronika's addition, stays.
- ``mode``: kronika's mode when the PLOVER type is kronika's own type, the kind of threat
  for THREATEN (:func:`kronika.ontology.threat_mode`), absent otherwise.
- ``source``, ``target``: lists of actors, each ``{"actorText": name, "code": ISO
  3166-1 alpha-3 of the entity's country when known, "entityId": kronika's entity id}``.
- ``eventLoc``: ``{"name", "country code" (ISO alpha-2), "lat", "lon", "geonameid",
  "precision"}`` of the place.
- ``size``: how many took part (for COERCE events: how many were arrested), as text:
  ``100000``, ``100000-200000``, ``at least 7000``. ``dead``, ``injured``: the same for
  the killed and injured.
- ``text``: the sentence of the most confident mention.
- ``language``: the articles' language, when they share one.
- ``publication``: the outlets reporting the event, joined with ``"; "``.
- ``coder``, ``version``: ``kronika`` and its version.

kronika's additions: ``modality``, ``kronikaType`` and ``kronikaMode`` (the type and
mode before the PLOVER conversion), ``supported`` (actors an act supports, as ``source``),
``languages``, ``articles`` (the ids of the source articles), ``storyId``,
``disagreements`` (fields whose sources disagree) and ``confidence``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from kronika import __version__
from kronika.export import countries
from kronika.export.columns import actor_name, count_text, outlets, source_articles
from kronika.export.dates import first_day, precision_of
from kronika.model import CanonicalEntity, CanonicalEvent
from kronika.ontology import plover_type, threat_mode

SIZE_FIELDS = {"COERCE": ("arrested", "participants")}
"""Which magnitude is PLOVER's ``size`` for a type; every other type: participants."""


def write_plover(
    events: Iterable[CanonicalEvent], entities: Mapping[str, CanonicalEntity], out: BinaryIO
) -> int:
    """Write one PLOVER record per event as JSON Lines; returns how many."""
    written = 0
    for event in events:
        line = json.dumps(plover_record(event, entities), ensure_ascii=False, allow_nan=False)
        out.write(line.encode("utf-8") + b"\n")
        written += 1
    return written


def plover_record(
    event: CanonicalEvent, entities: Mapping[str, CanonicalEntity]
) -> dict[str, Any]:
    """The PLOVER record of one event (see the module docstring), without empty fields."""
    kind = plover_type(event.type, event.modality)
    languages = sorted(set(event.languages))
    record: dict[str, Any] = {
        "id": event.id,
        "date": first_day(event.date).isoformat() if event.date else None,
        "datePrecision": precision_of(event.date, event.date_precision) if event.date else None,
        "event": kind,
        "mode": _mode(event, kind),
        "source": _actors(event, "actor", entities),
        "target": _actors(event, "target", entities),
        "eventLoc": _location(event),
        "size": _size(event),
        "dead": count_text(event.magnitudes.get("killed")),
        "injured": count_text(event.magnitudes.get("injured")),
        "text": event.summary,
        "language": languages[0] if len(languages) == 1 else None,
        "publication": "; ".join(outlets(event)),
        "coder": "kronika",
        "version": __version__,
        "modality": event.modality,
        "kronikaType": event.type,
        "kronikaMode": event.mode,
        "supported": _actors(event, "supported", entities),
        "languages": languages,
        "articles": source_articles(event),
        "storyId": event.story_id,
        "disagreements": event.disagreements,
        "confidence": event.confidence,
    }
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}


def _mode(event: CanonicalEvent, kind: str) -> str | None:
    if kind == event.type:
        return event.mode
    if kind == "THREATEN":
        return threat_mode(event.type, event.mode)
    return None


def _actors(
    event: CanonicalEvent, role: str, entities: Mapping[str, CanonicalEntity]
) -> list[dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for actor in event.actors:
        if actor.role != role:
            continue
        name = actor_name(actor, entities)
        entity = entities.get(actor.entity_id) if actor.entity_id else None
        code = countries.alpha_3(entity.country) if entity is not None else None
        described = {"actorText": name, "code": code, "entityId": actor.entity_id}
        found.setdefault(name, {key: value for key, value in described.items() if value})
    return list(found.values())


def _location(event: CanonicalEvent) -> dict[str, Any]:
    place = event.place
    if place is None:
        return {}
    described = {
        "name": place.name,
        "country code": place.country or event.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": place.precision,
    }
    return {key: value for key, value in described.items() if value is not None}


def _size(event: CanonicalEvent) -> str | None:
    for name in SIZE_FIELDS.get(event.type, ("participants",)):
        size = count_text(event.magnitudes.get(name))
        if size is not None:
            return size
    return None
