"""From a raw document to an :class:`Article`: language, clean text, top matter, stable id."""

from __future__ import annotations

import re

from kronika.errors import InputError
from kronika.ingest.clean import clean_text
from kronika.ingest.dates import dateline
from kronika.ingest.document import RawDocument
from kronika.ingest.language import UNDETERMINED, identify_language
from kronika.lang import available
from kronika.model import Article, Published, content_id

#: The top matter (title, byline, dateline) sits within the first lines of an article.
TOP_LINES = 6
TITLE_MAX_CHARS = 200
_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄЎ][\w.'’-]*\s?){2,4}")


def build_article(
    document: RawDocument, *, language: str | None = None, published: Published | None = None
) -> Article:
    """Clean ``document`` into an article. ``language`` and ``published`` override what the
    document says; the document's own values override what is detected."""
    code = (language or document.language or "").lower() or identify_language(document.text)
    if code != UNDETERMINED and code not in available():
        code = code[:2] if code[:2] in available() else code
    clean = clean_text(document.text, code)
    if not clean:
        raise InputError("no text", "nothing left after removing boilerplate")
    clean, author, found_date = _take_top_matter(clean, code)
    return Article(
        id=document.id or content_id(clean, document.url),
        text=clean,
        source=document.source,
        url=document.url,
        title=document.title or _title(clean),
        author=document.author or author,
        language=code,
        published=published or document.published or found_date,
    )


def _title(text: str) -> str | None:
    """The first paragraph when it reads as a headline: one short line, no final period."""
    first, _, rest = text.partition("\n\n")
    headline = (
        rest
        and "\n" not in first
        and len(first) <= TITLE_MAX_CHARS
        and not first.endswith((".", "!", "?", ":", "…"))
        and ". " not in first
    )
    return first if headline else None


def _take_top_matter(text: str, language: str) -> tuple[str, str | None, Published | None]:
    """Remove a dateline ("25 August 2020") near the top, and the byline just above it;
    return the remaining text, the author and the date."""
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        found = dateline(line, language)
        if found is None:
            continue
        author = None
        remove = {index}
        above = index - 1
        if above >= 0 and lines[above] and _NAME.fullmatch(lines[above].strip()):
            author = lines[above].strip()
            remove.add(above)
        kept = [line for k, line in enumerate(lines) if k not in remove]
        cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
        return cleaned, author, found
    return text, None, None
