"""JSON Lines: one article per line, ``{"id", "text", "published", "language", "title", "url",
"source", "author"}``, all but ``text`` optional. A bad line is skipped, the rest is read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from kronika.errors import InputError
from kronika.ingest.dates import parse_published
from kronika.ingest.decode import MAX_DOCUMENT_BYTES, decode
from kronika.ingest.document import RawDocument, Skipped
from kronika.model import Published


def read_jsonl(stream: BinaryIO, origin: str) -> Iterator[RawDocument | Skipped]:
    """Documents from a JSON Lines stream, read one bounded line at a time."""
    for number, raw in enumerate(_bounded_lines(stream), start=1):
        where = f"{origin} line {number}"
        if raw is None:
            yield Skipped(where, "too large", f"line over the {MAX_DOCUMENT_BYTES // 2**20} MiB limit")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(decode(raw))
        except json.JSONDecodeError as error:
            yield Skipped(where, "bad JSON", error.msg)
            continue
        try:
            yield document_from_record(record, where)
        except InputError as error:
            # The record's own id, where it has one, names it in the skip ("empty", "bad JSON").
            given = record.get("id") if isinstance(record, dict) else None
            named = f"{where} (id {given})" if isinstance(given, (str, int)) and str(given) else where
            yield Skipped(named, error.reason, error.detail)


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Lines of ``stream``; ``None`` stands for a line over the limit, which is never held
    in memory whole."""
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) <= MAX_DOCUMENT_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(MAX_DOCUMENT_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


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
