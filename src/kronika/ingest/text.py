"""Plain text with an optional header of ``key value`` lines.

    date 2020-08
    title Strikes spread
    source Example Daily
    url https://example.org/a
    language nl

    Body text ...

Keys are lower case, optionally followed by a colon. A ``date`` may share its line with the
start of the body (``date 2020-08 In steeds meer ...``), as in exports that flatten the
header. Without a header date, a dateline near the top ("25 August 2020") is used.
"""

from __future__ import annotations

import re

from kronika.ingest.dates import parse_published
from kronika.ingest.document import RawDocument

_HEADER_DATE = re.compile(r"[ \t]*date:?[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*")
_HEADER_LINE = re.compile(
    r"[ \t]*(title|url|source|author|language|lang):?[ \t]+([^\n]*?)[ \t]*(?:\n|$)"
)
_URL = re.compile(r"https?://\S+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def parse_text(text: str, origin: str) -> RawDocument:
    """Split an optional header off ``text`` and return the document it describes."""
    document = RawDocument(text="", origin=origin)
    position = 0
    while True:
        date = _HEADER_DATE.match(text, position)
        if date:
            document.published = parse_published(date.group(1))
            position = date.end()
            if position < len(text) and text[position] == "\n":
                position += 1
            continue
        line = _HEADER_LINE.match(text, position)
        if line and _valid(line.group(1), line.group(2)):
            _assign(document, line.group(1), line.group(2))
            position = line.end()
            continue
        break
    document.text = text[position:]
    return document


def _valid(key: str, value: str) -> bool:
    if key == "url":
        return bool(_URL.fullmatch(value))
    if key in ("language", "lang"):
        return bool(_LANGUAGE.fullmatch(value))
    return bool(value) and len(value) <= 300


def _assign(document: RawDocument, key: str, value: str) -> None:
    if key == "url":
        document.url = document.location = value
    elif key in ("language", "lang"):
        document.language = value
    elif key == "title":
        document.title = value
    elif key == "source":
        document.source = value
    elif key == "author":
        document.author = value
