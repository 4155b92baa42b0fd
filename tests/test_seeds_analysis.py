"""The analysis stage on the five real seed articles (skipped where ../shared is absent).

The seeds carry only a month (``date 2020-08``); articles 000 and 004 were published on
Monday 17 August 2020, which a user gives with ``--published`` to resolve "Zondag" or
"Monday" to a day. The other three keep what their header or dateline says.
"""

from __future__ import annotations

import pytest

from kronika.analyze.names import SAME_NAME, name_similarity
from kronika.model import Article


@pytest.fixture(scope="module")
def analysed(seed_articles: dict[str, Article]) -> dict[str, Article]:
    return seed_articles


def times(article: Article) -> dict[str, tuple[str, str]]:
    return {t.text: (t.value, t.precision) for t in article.times}


def test_weekdays_resolve_against_publication(analysed: dict[str, Article]) -> None:
    assert times(analysed["000"])["Zondag"] == ("2020-08-16", "day")
    assert times(analysed["000"])["afgelopen vrijdag"] == ("2020-08-14", "day")
    assert times(analysed["004"])["Monday"] == ("2020-08-17", "day")


@pytest.mark.parametrize(
    ("seed", "name", "country"),
    [("000", "Minsk", "BY"), ("000", "Moskou", "RU"), ("003", "Grodno", "BY"),
     ("003", "Soligorsk", "BY"), ("003", "Lithuania", "LT"), ("004", "Minsk", "BY")],
)
def test_places_are_geocoded(analysed: dict[str, Article], seed: str, name: str, country: str) -> None:
    places = [p for p in analysed[seed].places if p.text == name]
    assert places, f"{name} not found in {seed}"
    assert {p.country for p in places} == {country}
    assert all(p.lat is not None and p.geonameid for p in places)


def quantities(article: Article) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(q.text, q.value, q.low, q.kind) for q in article.quantities]


def test_crowd_and_arrest_figures(analysed: dict[str, Article]) -> None:
    (crowd,) = [q for q in analysed["000"].quantities if "100.000" in q.text]
    assert crowd.value == 100000 and crowd.approximate
    assert crowd.text.startswith("naar schatting")
    npr = analysed["004"].quantities
    assert any(q.value == 200000 or q.low == 200000 for q in npr if "200,000" in q.text)
    (workers,) = [q for q in npr if "5,000" in q.text]
    assert workers.low == 5000 and workers.kind == "workers"
    (arrested,) = [q for q in npr if "7,000" in q.text]
    assert arrested.value == 7000 and arrested.approximate and arrested.kind in ("people", "arrested")


def test_lukashenko_chain_holds_every_spelling(analysed: dict[str, Article]) -> None:
    for seed, article in analysed.items():
        mentions = [
            e for e in article.entities
            if e.label == "PER" and name_similarity(e.text, "Lukashenko") >= SAME_NAME
        ]
        if seed == "001" or seed == "000":
            assert len({e.text for e in mentions}) >= 2, seed
        assert mentions, seed
        assert len({e.entity_id for e in mentions}) == 1, (seed, [(e.text, e.entity_id) for e in mentions])
    spellings = {e.text for e in analysed["000"].entities}
    assert {"Loekasjenko", "Loeskanjenko"} <= spellings
    assert "Loekajsenko" in {e.text for e in analysed["001"].entities}


def test_the_kill_me_quote_is_lukashenkos(analysed: dict[str, Article]) -> None:
    (quote,) = [q for q in analysed["004"].quotes if "until you kill me" in q.text]
    assert quote.direct
    assert quote.speaker is not None
    assert name_similarity(quote.speaker.text, "Lukashenko") >= SAME_NAME


def test_every_span_is_exact(analysed: dict[str, Article]) -> None:
    for article in analysed.values():
        for span in [*article.entities, *article.places, *article.times, *article.quantities,
                     *article.quotes]:
            assert article.text[span.start:span.end] == span.text
