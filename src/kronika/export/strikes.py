"""The strike tracker's export: one row per strike (:class:`kronika.model.Strike`).

CSV (``STRIKE_COLUMNS``, safe for spreadsheets: :mod:`kronika.export.spreadsheet`) or
JSON Lines with every field, status change and claim (``from_dict(Strike, …)`` reads it back).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from kronika.export.columns import Cell
from kronika.export.spreadsheet import write_csv
from kronika.model import Strike, to_dict

STRIKE_COLUMNS = (
    "id", "workplace", "workplace_kind", "enterprise_id", "employer", "state_owned", "sector", "city", "country",
    "union", "start", "start_precision", "end", "ongoing_as_of", "status", "status_history", "workers_low",
    "workers_high", "workers_disputed", "workers_claims", "demands", "repression_events", "dismissals", "called_by", "events",
    "articles", "outlets",
)
"""``status_history``: "status date (sources)" per change, joined with "; ";
``workers_claims``: each source's figure, "low-high outlet (according to …)"; ``dismissals``:
"date (sources)" per reported dismissal of strikers; lists join with ";"."""


def strike_row(strike: Strike) -> dict[str, Cell]:
    workers = strike.workers
    claims = [
        f"{_count(c.low, c.high)} {c.outlet or c.article_id}" + (f" (according to {c.attributed_to})" if c.attributed_to else "")
        for c in strike.claims if c.field == "participants"
    ]
    return {
        "id": strike.id,
        "workplace": strike.workplace,
        "workplace_kind": strike.workplace_kind,
        "enterprise_id": strike.enterprise_id,
        "employer": strike.employer,
        "state_owned": strike.state_owned,
        "sector": strike.sector,
        "city": strike.place.name if strike.place else None,
        "country": strike.country,
        "union": strike.union,
        "start": strike.start,
        "start_precision": strike.start_precision,
        "end": strike.end,
        "ongoing_as_of": strike.ongoing_as_of,
        "status": strike.status,
        "status_history": "; ".join(f"{c.status} {c.date or '?'} ({len(c.sources)})" for c in strike.history) or None,
        "workers_low": workers.low if workers else None,
        "workers_high": workers.high if workers else None,
        "workers_disputed": workers.disagreement if workers else None,
        "workers_claims": "; ".join(claims) or None,
        "demands": ";".join(dict.fromkeys(d.code for d in strike.demands)) or None,
        "repression_events": ";".join(strike.repression) or None,
        "dismissals": "; ".join(f"{c.date or '?'} ({len(c.sources)})" for c in strike.dismissals) or None,
        "called_by": strike.called_by,
        "events": ";".join(strike.events),
        "articles": ";".join(strike.articles),
        "outlets": ";".join(strike.outlets) or None,
    }


def _count(low: float | None, high: float | None) -> str:
    if low is None:
        return "?"
    if high is None:
        return f"{low:,.0f}+"
    return f"{low:,.0f}" if high == low else f"{low:,.0f}-{high:,.0f}"


def write_strikes(strikes: Iterable[Strike], fmt: str, out: BinaryIO) -> int:
    """Write strikes as ``csv`` or ``jsonl``; returns how many."""
    if fmt == "csv":
        return write_csv(out, STRIKE_COLUMNS, map(strike_row, strikes))
    written = 0
    for strike in strikes:
        out.write(json.dumps(to_dict(strike), ensure_ascii=False, allow_nan=False).encode("utf-8") + b"\n")
        written += 1
    return written
