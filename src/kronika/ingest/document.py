"""What readers produce: a raw document with the metadata its source gave, or a skip."""

from __future__ import annotations

from dataclasses import dataclass

from kronika.model import Published


@dataclass(slots=True)
class RawDocument:
    """Text and metadata as read, before cleaning and language identification.

    ``location`` names where the document lives (its URL, else its file path or the id its
    source gave); a later document at the same location is a new version of it.
    ``origin`` says where it was read from, for messages ("feed.xml item 3").
    """

    text: str
    origin: str
    location: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    published: Published | None = None


@dataclass(slots=True)
class Skipped:
    """An input that did not become an article, with a short reason and the details."""

    origin: str
    reason: str
    detail: str = ""
