"""Bytes to text: size limit, binary detection, encoding detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from kronika.errors import InputError

#: Largest single document (a text, HTML or feed file, one WARC record, one JSONL line).
#: News articles are kilobytes; 20 MiB leaves room for bloated HTML and long feeds while
#: refusing dumps that would only exhaust memory. JSONL and WARC files are streamed record
#: by record, so only their records are held to this limit, not the whole file.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"\x1f\x8b": "gzip data",
    b"SQLite format 3": "SQLite database",
    b"\xd0\xcf\x11\xe0": "MS Office file",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")


def check_size(size: int, limit: int = MAX_DOCUMENT_BYTES) -> None:
    if size > limit:
        raise InputError(
            "too large",
            f"{size / 2**20:.1f} MiB is over the {limit / 2**20:.0f} MiB limit for one document",
        )


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise :class:`InputError` (empty, binary, undecodable).

    A BOM wins, then valid UTF-8, then the ``declared`` charset (HTTP header, HTML meta),
    then charset-normalizer's best guess.
    """
    check_size(len(data))
    if not data.strip():
        raise InputError("empty", "no content")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError("binary", kind)
    if _looks_binary(data):
        raise InputError("binary", "control bytes in content")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    guess = from_bytes(data[:200_000]).best()
    if guess is None:
        raise InputError("bad encoding", "not text in any encoding we know")
    return data.decode(guess.encoding, errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > len(sample) * 0.02
