"""Publication dates of HTML pages with conflicting dates (``pubdates-dev.jsonl``).

Pages in en, nl, de, es and fr (60), written by a helper who did not see kronika's date
rules, each with its true first publication day and the traps real sites set: modification
dates in metadata (``article:modified_time``, ``dateModified``, "Updated …" lines),
copyright years in footers, dates of comments, related articles and the events the text
talks about, dates only in the canonical URL or only in a localised byline, and
timestamps whose UTC day differs from the local one.

Each page goes through kronika's HTML reader (:func:`kronika.ingest.html.parse_html`).
Scores: ``day_accuracy`` (the day found is the true one, over all pages), ``found`` (a
date was found at all) and ``precision`` (of the dates found, the share that are right).
``python -m kronika.eval.pubdates`` lists the misses.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

DEV_SET = "pubdates-dev.jsonl"


def load_pages(path: Path | None = None) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8") if path else (
        resources.files("kronika.eval").joinpath(DEV_SET).read_text(encoding="utf-8")
    )
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def page_date(html: str) -> str | None:
    """The publication day kronika reads off a page, or None."""
    from kronika.errors import InputError
    from kronika.ingest.html import parse_html

    try:
        document = parse_html(html, "page")
    except InputError:
        return None
    published = document.published
    return published.date if published is not None else None


def evaluate_pubdates(path: Path | None = None) -> dict[str, float]:
    pages = load_pages(path)
    answers = [(page, page_date(page["html"])) for page in pages]
    found = [got for _, got in answers if got is not None]
    right = sum(got == page["published"] for page, got in answers)
    return {
        "day_accuracy": round(right / len(pages), 4) if pages else 0.0,
        "found": round(len(found) / len(pages), 4) if pages else 0.0,
        "precision": round(right / len(found), 4) if found else 0.0,
        "pages": float(len(pages)),
    }


if __name__ == "__main__":
    for page in load_pages():
        got = page_date(page["html"])
        if got != page["published"]:
            print(f"{page['id']}  true {page['published']}  read {got}  ({page.get('kind', '')})")
