"""A future date makes an event planned only in the event's own clause, not in the clause
a "that" opens after it (what is reported)."""

from __future__ import annotations

import pytest

from kronika.model import Article, Published
from kronika.pipeline import analyze


def _events(text: str, language: str) -> list[tuple[str, str]]:
    article = analyze(Article(id="d", text=text, language=language, published=Published("2025-03-10", "day")))
    return [(e.type, e.modality) for e in article.events]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Wahlkommission gab am Montag bekannt, dass die Abstimmung am 23. Juni stattfinden wird."),
        ("en", "The electoral commission announced on Monday that the vote will take place on 23 June."),
    ],
)
def test_a_date_of_what_is_reported_does_not_plan_the_announcement(language: str, text: str) -> None:
    assert ("STATEMENT", "occurred") in _events(text, language)


def test_a_future_date_of_the_event_itself_still_plans_it() -> None:
    assert ("PROTEST", "planned") in _events("The union will strike on 23 June.", "en")
