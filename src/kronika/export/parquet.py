"""Parquet for analysis (pyarrow, polars, DuckDB, R's arrow): the columns of kronika's
flat table (:mod:`kronika.export.columns`) with their types, plus ``claims``.

Types: text columns are strings, coordinates, counts and confidence float64, ``sources``
int64; an unknown value is null. ``claims`` holds every claim of the event as a JSON
array (:class:`kronika.model.Claim` records: article, outlet, field, value, range, span),
for who wants to see what each source said.

Rows are written in row groups of :data:`BATCH_ROWS`, so memory stays flat however many
events there are. pyarrow is imported only when this format is used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from kronika.export.columns import COLUMNS, Cell, flat_row
from kronika.model import CanonicalEntity, CanonicalEvent, to_dict

BATCH_ROWS = 10_000
"""Rows per row group: a few MB of memory per batch, and big enough groups for fast scans."""


def parquet_schema() -> Any:
    """The pyarrow schema of the file: the flat columns, then ``claims``."""
    import pyarrow as pa

    types = {"string": pa.string(), "float": pa.float64(), "int": pa.int64()}
    fields = [pa.field(column.name, types[column.kind]) for column in COLUMNS]
    return pa.schema([*fields, pa.field("claims", pa.string())])


def write_parquet(
    events: Iterable[CanonicalEvent], entities: Mapping[str, CanonicalEntity], out: BinaryIO
) -> int:
    """Write the events as one Parquet file to ``out``; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    written = 0
    batch: list[dict[str, Cell]] = []
    with pq.ParquetWriter(out, schema) as writer:
        for event in events:
            row = flat_row(event, entities)
            row["claims"] = json.dumps(to_dict(event.claims), ensure_ascii=False)
            batch.append(row)
            if len(batch) == BATCH_ROWS:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        if batch:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            written += len(batch)
    return written
