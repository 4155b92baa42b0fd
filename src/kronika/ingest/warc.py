"""WARC files (``.warc``, ``.warc.gz``): each HTML response record is a page.

This is how Common Crawl news arrives. Files are streamed record by record; the WARC date
is the crawl time, not a publication date, so it is never used as one. A body sent with a
``Content-Encoding`` (gzip, deflate, br) is decompressed here, never past the size limit.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO

from kronika.errors import InputError
from kronika.ingest.decode import MAX_DOCUMENT_BYTES, check_size, decode
from kronika.ingest.document import RawDocument, Skipped
from kronika.ingest.html import looks_like_html, parse_html

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord


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
            try:
                body = _payload(record)
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


def _payload(record: ArcWarcRecord) -> bytes:
    """The HTTP body of ``record``, de-chunked and decompressed.

    warcio's own ``content_stream`` is not used for this: it passes a body in an encoding it
    does not know through still compressed (which then reads as binary), and its brotli
    support fails with brotli 1.2.
    """
    from warcio.bufferedreaders import ChunkedDataReader

    headers = record.http_headers
    stream = record.raw_stream
    if (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream)
    body = stream.read(MAX_DOCUMENT_BYTES + 1)
    check_size(len(body))
    encodings = (headers.get_header("Content-Encoding") or "").lower().split(",")
    for encoding in reversed([e.strip() for e in encodings if e.strip() not in ("", "identity")]):
        body = decompress(body, encoding)
    return body


def decompress(body: bytes, encoding: str) -> bytes:
    """``body`` decoded from the HTTP content coding ``encoding`` (gzip, x-gzip, deflate,
    br), at most one byte past the document size limit. A body that does not decompress but
    is HTML already (some crawlers store the decoded body with the header) is kept as it is.
    """
    limit = MAX_DOCUMENT_BYTES + 1
    try:
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(32 + zlib.MAX_WBITS).decompress(body, limit)  # gzip or zlib
        if encoding == "deflate":  # RFC 9110 says zlib-wrapped; some servers send raw deflate
            try:
                return zlib.decompressobj(zlib.MAX_WBITS).decompress(body, limit)
            except zlib.error:
                return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, limit)
        if encoding == "br":
            brotli = _brotli()
            try:
                return bytes(brotli.Decompressor().process(body, output_buffer_limit=limit))
            except brotli.error as error:
                raise ValueError(str(error)) from error
    except (zlib.error, ValueError) as error:
        if looks_like_html(body[:2048].lstrip()):
            return body
        raise InputError(
            "bad compression", f"Content-Encoding {encoding}: the body does not decompress ({error})"
        ) from error
    raise InputError("unsupported encoding", f"Content-Encoding {encoding} is not one kronika reads")


def _brotli() -> ModuleType:
    """The brotli module (a dependency of kronika), or brotlicffi where only that is installed."""
    try:
        import brotli
    except ImportError:
        try:
            import brotlicffi as brotli
        except ImportError:
            raise InputError(
                "unsupported encoding",
                "Content-Encoding br needs the brotli package (pip install brotli)",
            ) from None
    return brotli
