"""Exporters: canonical events written in formats other tools read.

======== ================================================================================
format   what it is
======== ================================================================================
csv      kronika's flat table, one row per event (:mod:`~kronika.export.columns`), safe
         to open in a spreadsheet (:mod:`~kronika.export.spreadsheet`)
acled    CSV with ACLED's column names and codes, only events ACLED would code
         (:mod:`~kronika.export.acled`)
plover   JSON Lines of PLOVER records, PLOVER's event types (:mod:`~kronika.export.plover`)
jsonl    JSON Lines of complete canonical events with every claim, loadable again
         (:mod:`~kronika.export.jsonl`)
geojson  a GeoJSON FeatureCollection of the events that have coordinates
         (:mod:`~kronika.export.geojson`)
parquet  the flat table with types, plus the claims as JSON (:mod:`~kronika.export.parquet`)
======== ================================================================================

Every exporter streams: events are read once, one at a time (parquet: in batches), so a
chronicle of any size exports in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import BinaryIO

from kronika.model import CanonicalEntity, CanonicalEvent

FORMATS: tuple[str, ...] = ("csv", "acled", "plover", "jsonl", "geojson", "parquet")


def write_events(
    events: Iterable[CanonicalEvent],
    entities: Mapping[str, CanonicalEntity],
    fmt: str,
    out: BinaryIO,
) -> int:
    """Write events in format fmt to the binary stream out; returns how many were written.

    ``entities`` (entity id → entity) names resolved actors. Formats that keep only some
    events (acled: events with an ACLED code; geojson: events with coordinates) count only
    those written. Raises ValueError for a format not in :data:`FORMATS`.
    """
    # each format's module is imported when used: parquet needs pyarrow, acled pycountry
    if fmt == "csv":
        from kronika.export.columns import COLUMN_NAMES, flat_row
        from kronika.export.spreadsheet import write_csv

        return write_csv(out, COLUMN_NAMES, (flat_row(event, entities) for event in events))
    if fmt == "acled":
        from kronika.export.acled import write_acled

        return write_acled(events, entities, out)
    if fmt == "plover":
        from kronika.export.plover import write_plover

        return write_plover(events, entities, out)
    if fmt == "jsonl":
        from kronika.export.jsonl import write_jsonl

        return write_jsonl(events, out)
    if fmt == "geojson":
        from kronika.export.geojson import write_geojson

        return write_geojson(events, entities, out)
    if fmt == "parquet":
        from kronika.export.parquet import write_parquet

        return write_parquet(events, entities, out)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
