"""WARC files (``.warc``, ``.warc.gz``): each HTML response record is a page.

This is how Common Crawl news arrives. Files are streamed record by record; the WARC date
is the crawl time, not a publication date, so it is never used as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from kronika.errors import InputError
from kronika.ingest.decode import MAX_DOCUMENT_BYTES, decode
from kronika.ingest.document import RawDocument, Skipped
from kronika.ingest.html import parse_html


def read_warc(stream: BinaryIO, origin: str) -> Iterator[RawDocument | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin} {url}"
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or "html" not in content_type:
                continue
            body = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            try:
                yield parse_html(decode(body, charset_of(content_type)), where, url)
            except InputError as error:
                yield Skipped(where, error.reason, error.detail)
    except ArchiveLoadFailed as error:
        raise InputError("bad WARC", str(error)) from error
    if records == 0:
        raise InputError("bad WARC", "no WARC record could be read (truncated or not a WARC file)")


def charset_of(content_type: str) -> str | None:
    """The charset parameter of an HTTP Content-Type."""
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            return value.strip("\"'")
    return None
