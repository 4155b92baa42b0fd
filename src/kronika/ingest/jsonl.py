"""JSON Lines: one article per line, ``{"id", "text", "published", "language", "title", "url",
"source", "author"}``, all but ``text`` optional. A bad line is skipped, the rest is read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from kronika.errors import InputError
from kronika.ingest.dates import parse_published
from kronika.ingest.decode import check_size, decode
from kronika.ingest.document import RawDocument, Skipped
from kronika.model import Published


def read_jsonl(lines: Iterable[bytes], origin: str) -> Iterator[RawDocument | Skipped]:
    for number, raw in enumerate(lines, start=1):
        where = f"{origin} line {number}"
        if not raw.strip():
            continue
        try:
            check_size(len(raw))
            record = json.loads(decode(raw))
            yield document_from_record(record, where)
        except json.JSONDecodeError as error:
            yield Skipped(where, "bad JSON", error.msg)
        except InputError as error:
            yield Skipped(where, error.reason, error.detail)


def document_from_record(record: Any, origin: str) -> RawDocument:
    """A document from one JSON object; raises InputError if it is not one."""
    if not isinstance(record, dict):
        raise InputError("bad JSON", "a line must hold a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("bad JSON", 'no "text" string')
    if not text.strip():
        raise InputError("empty", 'empty "text"')
    given_id = _string(record, "id")
    url = _string(record, "url")
    return RawDocument(
        text=text,
        origin=origin,
        location=url or given_id,
        id=given_id,
        title=_string(record, "title"),
        url=url,
        source=_string(record, "source"),
        author=_string(record, "author"),
        language=_string(record, "language"),
        published=_published(record.get("published", record.get("date"))),
    )


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return str(value)


def _published(value: Any) -> Published | None:
    if isinstance(value, dict) and isinstance(value.get("date"), str):
        parsed = parse_published(value["date"])
        precision = value.get("precision")
        if parsed and precision in ("day", "week", "month", "year"):
            return Published(parsed.date, precision)
        return parsed
    if isinstance(value, str):
        parsed = parse_published(value)
        if parsed is None:
            raise InputError("bad JSON", f"unreadable date {value!r}")
        return parsed
    return None
