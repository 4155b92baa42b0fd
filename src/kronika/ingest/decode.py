"""Bytes to text: size limit, binary detection, encoding detection."""

from __future__ import annotations

import codecs
from functools import cache

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

MOSTLY_UTF8 = 0.5
"""Share of a document's non-ASCII characters that must be valid UTF-8 for it to be read as
UTF-8 with its invalid bytes taken for stray Windows-1252 (a pasted Latin-1 quote), not as
the sign of a legacy encoding (which would garble every accented letter: "VĂ¶gel"). Legacy
text seldom forms valid UTF-8 by chance; in hand-written paragraphs the share was 0% in
Latin-1 German, Windows-1250 Polish, ISO-8859-2 Czech, KOI8-R, Windows-1255 and 1256; 4% in
Windows-1251 Ukrainian ("Ві" is valid UTF-8); 9-29% in Big5, GBK, Shift_JIS, EUC-JP, EUC-KR
and Thai TIS-620 (single sentences up to 40%). A UTF-8 page with a few stray bytes among
its accented letters is near 100%, and 79% with five in a short French page."""

_REPLACEMENT = "\ufffd"


def check_size(size: int, limit: int = MAX_DOCUMENT_BYTES) -> None:
    if size > limit:
        raise InputError(
            "too large",
            f"{size / 2**20:.1f} MiB is over the {limit / 2**20:.0f} MiB limit for one document",
        )


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise :class:`InputError` (empty, binary, undecodable).

    A BOM wins, then valid UTF-8, then mostly valid UTF-8 (its few invalid bytes read as
    Windows-1252, see :data:`MOSTLY_UTF8`), then the ``declared`` charset (HTTP header, HTML
    meta), then charset-normalizer's best guess; UTF-8 lines among legacy-encoded ones stay
    UTF-8.
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
    if _utf8_share(data) >= MOSTLY_UTF8:
        return data.decode("utf-8", errors=_stray_bytes_as_cp1252())
    return _decode_legacy(data, declared)


def _utf8_share(data: bytes) -> float:
    """Which share of the non-ASCII characters of ``data`` are valid UTF-8 sequences; each
    invalid byte (or broken sequence) counts as one character."""
    text = data.decode("utf-8", errors="replace")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    invalid = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    return (non_ascii - invalid) / non_ascii if non_ascii else 1.0


@cache
def _stray_bytes_as_cp1252() -> str:
    """The name of a codec error handler that reads bytes invalid in UTF-8 as Windows-1252
    (a superset of Latin-1's letters), registered once per process."""

    def as_cp1252(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeDecodeError):
            raise error
        stray = error.object[error.start : error.end]
        return bytes(stray).decode("cp1252", errors="replace"), error.end

    name = "kronika-stray-cp1252"
    codecs.register_error(name, as_cp1252)
    return name


def _decode_legacy(data: bytes, declared: str | None) -> str:
    """Decode a document that is not mostly UTF-8: lines that are valid UTF-8 with non-ASCII
    letters (a UTF-8 page template around a legacy-encoded article) stay UTF-8, the rest is
    decoded in the ``declared`` charset when that fits, else in charset-normalizer's guess."""
    lines = data.splitlines(keepends=True)
    utf8_lines = {}
    for number, line in enumerate(lines):
        if not line.isascii():
            try:
                utf8_lines[number] = line.decode("utf-8")
            except UnicodeDecodeError:
                pass
    if not utf8_lines:
        return data.decode(_legacy_encoding(data, declared), errors="replace")
    rest = b"".join(line for number, line in enumerate(lines) if number not in utf8_lines)
    encoding = _legacy_encoding(rest, declared)
    return "".join(
        utf8_lines[number] if number in utf8_lines else line.decode(encoding, errors="replace")
        for number, line in enumerate(lines)
    )


def _legacy_encoding(data: bytes, declared: str | None) -> str:
    if declared:
        try:
            data.decode(declared)
            return declared
        except (LookupError, UnicodeDecodeError):
            pass
    guess = from_bytes(data[:200_000]).best()
    if guess is None:
        raise InputError("bad encoding", "not text in any encoding we know")
    return guess.encoding


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > len(sample) * 0.02
