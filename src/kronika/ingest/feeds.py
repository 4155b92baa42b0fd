"""RSS and Atom feed files: one document per item, text from its content or summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import lxml.html

from kronika.errors import InputError
from kronika.ingest.dates import parse_published
from kronika.ingest.document import RawDocument, Skipped
from kronika.model import Published

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    lowered = head[:2048].lower()
    return any(marker in lowered for marker in FEED_MARKERS)


def read_feed(data: bytes, origin: str) -> Iterator[RawDocument | Skipped]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        raise InputError("bad feed", str(problem) if problem else "no items")
    source = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin} item {number}"
        text = _entry_text(entry)
        if not text:
            yield Skipped(where, "empty", "item has no content or summary")
            continue
        link = entry.get("link")
        yield RawDocument(
            text=text,
            origin=where,
            location=link or entry.get("id"),
            title=entry.get("title"),
            url=link,
            source=source,
            author=entry.get("author"),
            published=_entry_date(entry),
        )


def _entry_text(entry: dict) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    html = html or entry.get("summary", "")
    if not html.strip():
        return ""
    return html_to_text(html)


def html_to_text(html: str) -> str:
    """Text of an HTML fragment, one block element per paragraph."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content().strip()


def _entry_date(entry: dict) -> Published | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return Published(dt.date(*parsed[:3]).isoformat(), "day")
    for key in ("published", "updated"):
        if entry.get(key):
            return parse_published(entry[key])
    return None
