"""GeoJSON (RFC 7946) for maps: a FeatureCollection with one Point per located event.

Coordinates are ``[longitude, latitude]`` in WGS84, as RFC 7946 requires; the feature's
``id`` is kronika's event id and its ``properties`` are the columns of kronika's flat table
(:mod:`kronika.export.columns`), numbers as JSON numbers. ``geo_precision`` says whether
the point is a city, a region's or a country's reference point: country-level events all
sit on one point per country. Events without coordinates are left out. QGIS, Leaflet,
Kepler.gl and GDAL open the file as it is.

Features are written as they come, so the collection is never held in memory.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from kronika.export.columns import flat_row
from kronika.model import CanonicalEntity, CanonicalEvent

_OPEN = b'{"type": "FeatureCollection", "features": [\n'
_CLOSE = b"\n]}\n"


def write_geojson(
    events: Iterable[CanonicalEvent], entities: Mapping[str, CanonicalEntity], out: BinaryIO
) -> int:
    """Write the events that have coordinates as a FeatureCollection; returns how many."""
    out.write(_OPEN)
    written = 0
    for event in events:
        feature = event_feature(event, entities)
        if feature is None:
            continue
        if written:
            out.write(b",\n")
        out.write(json.dumps(feature, ensure_ascii=False, allow_nan=False).encode("utf-8"))
        written += 1
    out.write(_CLOSE)
    return written


def event_feature(
    event: CanonicalEvent, entities: Mapping[str, CanonicalEntity]
) -> dict[str, Any] | None:
    """The GeoJSON Feature of an event, ``None`` when it has no usable coordinates."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    if not (math.isfinite(place.lat) and math.isfinite(place.lon)):
        return None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": flat_row(event, entities),
    }
