"""A negation inside a count ("не менее 50", "no fewer than 40") negates nothing."""

from __future__ import annotations

import pytest

from kronika.model import Article, Published
from kronika.pipeline import analyze


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Полиция задержала не менее 50 человек."),
        ("pl", "Policja zatrzymała nie mniej niż 40 osób."),
        ("en", "Police arrested no fewer than 40 people."),
        ("de", "Die Polizei nahm nicht weniger als 40 Menschen fest."),
    ],
)
def test_a_negated_comparison_in_a_count_leaves_the_arrest_a_fact(language: str, text: str) -> None:
    article = analyze(Article(id="n", text=text, language=language, published=Published("2024-05-06", "day")))
    assert [(e.type, e.modality) for e in article.events] == [("COERCE", "occurred")]


def test_a_real_negation_still_denies() -> None:
    article = analyze(Article(id="n", text="Никто не был задержан.", language="ru"))
    assert [(e.type, e.modality) for e in article.events] == [("COERCE", "denied")]
