"""Turn what the user names (files, directories, ``-`` for stdin, URLs) into documents.

The reader is chosen by file extension, or by sniffing the content when there is none or
one we do not know (stdin, URLs, "page", "page.de.emden-21416"). Every input that cannot be
read becomes a :class:`Skipped` with a reason; nothing here stops the run.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kronika.errors import InputError
from kronika.ingest.decode import check_size, decode
from kronika.ingest.document import RawDocument, Skipped
from kronika.ingest.feeds import looks_like_feed, read_feed
from kronika.ingest.fetch import fetch, is_url
from kronika.ingest.html import declared_charset, looks_like_html, parse_html
from kronika.ingest.jsonl import document_from_record, read_jsonl
from kronika.ingest.text import parse_text
from kronika.ingest.warc import charset_of, read_warc

TEXT = (".txt", ".text")
HTML = (".html", ".htm", ".xhtml")
JSONL = (".jsonl", ".ndjson")
JSON = (".json",)
FEED = (".rss", ".atom", ".xml")
WARC = (".warc", ".warc.gz")
SUPPORTED = TEXT + HTML + JSONL + JSON + FEED + WARC

Item = RawDocument | Skipped


def read_inputs(inputs: Iterable[str]) -> Iterator[Item]:
    """Documents and skips from every input, in the order given (directories sorted)."""
    for name in inputs:
        if name == "-":
            yield from _guard("stdin", _read_stdin())
        elif is_url(name):
            yield from _guard(name, _read_url(name))
        else:
            path = Path(name)
            if path.is_dir():
                for file in sorted(p for p in path.rglob("*") if p.is_file()):
                    if not any(part.startswith(".") for part in file.relative_to(path).parts):
                        yield from _guard(str(file), _read_file(file))
            elif path.exists():
                yield from _guard(str(path), _read_file(path))
            else:
                yield Skipped(name, "not found", "no such file or directory")


def _guard(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    """Run a reader; an InputError or OS error while reading becomes a skip of that input."""
    try:
        yield from items
    except InputError as error:
        yield Skipped(origin, error.reason, error.detail)
    except OSError as error:
        yield Skipped(origin, "unreadable", error.strerror or str(error))
    except (EOFError, zlib.error) as error:  # a truncated or corrupt .gz
        yield Skipped(origin, "unreadable", f"truncated or corrupt compressed data ({error})")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _read_file(path: Path) -> Iterator[Item]:
    suffix = _suffix(path)
    origin = str(path)
    if suffix not in SUPPORTED:
        yield from _read_unknown_file(path, suffix)
        return
    if suffix in WARC:
        opener = gzip.open if suffix == ".warc.gz" else open
        with opener(path, "rb") as stream:
            yield from read_warc(stream, origin)  # type: ignore[arg-type]
        return
    if suffix in JSONL:
        with path.open("rb") as stream:
            yield from read_jsonl(stream, origin)
        return
    check_size(path.stat().st_size)
    data = path.read_bytes()
    location = str(path.resolve())
    if suffix in TEXT:
        yield _with_location(parse_text(decode(data), origin), location)
    elif suffix in HTML:
        yield _with_location(parse_html(decode(data, declared_charset(data)), origin), location)
    elif suffix in FEED:
        yield from read_feed(data, origin)
    else:
        yield from _read_json(data, origin)


def _read_unknown_file(path: Path, suffix: str) -> Iterator[Item]:
    """A file without an extension we know, read by its content; a WARC file is streamed.
    Binary content under an unknown extension is an unsupported type."""
    origin = str(path)
    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith(b"\x1f\x8b"):
        with gzip.open(path, "rb") as stream:
            if stream.read(5) == b"WARC/":
                stream.seek(0)
                yield from read_warc(stream, origin)  # type: ignore[arg-type]
                return
    elif head.lstrip().startswith(b"WARC/"):
        with path.open("rb") as stream:
            yield from read_warc(stream, origin)
        return
    check_size(path.stat().st_size)
    location = str(path.resolve())
    try:
        for item in _read_bytes(path.read_bytes(), origin):
            yield _with_location(item, location)
    except InputError as error:
        if error.reason != "binary" or not suffix:
            raise
        raise InputError(
            "unsupported type", f"unknown extension {suffix} and not text ({error.detail})"
        ) from error


def _read_stdin() -> Iterator[Item]:
    yield from _read_bytes(sys.stdin.buffer.read(), "stdin")


def _read_url(url: str) -> Iterator[Item]:
    fetched = fetch(url)
    content_type = fetched.content_type.lower()
    if "html" in content_type:
        declared = charset_of(content_type) or declared_charset(fetched.body)
        yield parse_html(decode(fetched.body, declared), url, fetched.url)
        return
    for item in _read_bytes(fetched.body, url, sniff_type=content_type):
        if isinstance(item, RawDocument) and item.url is None:
            item.url = item.location = fetched.url
        yield item


def _read_bytes(data: bytes, origin: str, sniff_type: str = "") -> Iterator[Item]:
    """Read content whose type is not known from a file name."""
    check_size(len(data))
    head = data[:4096].lstrip()
    if head.startswith(b"WARC/"):
        yield from read_warc(io.BytesIO(data), origin)
    elif "xml" in sniff_type or looks_like_feed(head):
        yield from read_feed(data, origin)
    elif looks_like_html(head):
        yield parse_html(decode(data, declared_charset(data)), origin)
    elif head.startswith(b"{"):
        yield from read_jsonl(io.BytesIO(data), origin)
    elif head.startswith(b"["):
        yield from _read_json(data, origin)
    else:
        yield parse_text(decode(data), origin)


def _read_json(data: bytes, origin: str) -> Iterator[Item]:
    import json

    try:
        value = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise InputError("bad JSON", error.msg) from error
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        where = f"{origin} record {number}" if len(records) > 1 else origin
        try:
            yield document_from_record(record, where)
        except InputError as error:
            yield Skipped(where, error.reason, error.detail)


def _with_location(item: Item, location: str) -> Item:
    if isinstance(item, RawDocument) and item.location is None:
        item.location = location
    return item
