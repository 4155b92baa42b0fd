"""Event mentions on the five real seed articles (skipped where ../shared is absent).

The check list of issue 4: strikes in every article, the Sunday protest of ~100,000 and the
pro-government rally (000), the factory visit (001/002/004), the march of more than 5,000
tractor-plant workers (004), Monday's arrests (003), the threatened crackdown (003), the
~7,000 arrests (003, 004), the EU sanctions (002), the general strike called for (000, 001),
and nothing from page furniture. 000 and 004 were published on 17 August 2020.
"""

from __future__ import annotations

import pytest

from kronika.model import Article, EventMention


@pytest.fixture(scope="module")
def extracted(seed_articles: dict[str, Article]) -> dict[str, Article]:
    return seed_articles


def of(article: Article, event_type: str, modes: tuple[str, ...] | None = None) -> list[EventMention]:
    return [e for e in article.events if e.type == event_type and (modes is None or e.mode in modes)]


STRIKES = ("strike", "general_strike", "sit_in")


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_strikes_in_every_article(extracted: dict[str, Article], name: str) -> None:
    assert of(extracted[name], "PROTEST", STRIKES)


def test_sunday_protest_of_100000_and_the_rally_for_the_regime(extracted: dict[str, Article]) -> None:
    protests = of(extracted["000"], "PROTEST")
    sunday = [e for e in protests if e.date and e.date.value == "2020-08-16"]
    assert any(e.magnitudes.get("participants") and e.magnitudes["participants"].low == 100000
               and e.place and e.place.name == "Minsk" for e in sunday)
    assert [e for e in protests if e.mode == "rally"]


def test_the_factory_visit_and_the_jeering(extracted: dict[str, Article]) -> None:
    assert of(extracted["001"], "CONSULT", ("visit",))
    assert any(e.trigger.text == "jeered" for e in of(extracted["002"], "PROTEST"))
    assert any("chants" in e.trigger.text for e in of(extracted["004"], "PROTEST"))


def test_the_march_of_5000_tractor_plant_workers(extracted: dict[str, Article]) -> None:
    (march,) = of(extracted["004"], "PROTEST", ("march",))
    assert march.magnitudes["participants"].low == 5000
    assert any("Minsk Tractor Plant" in a.text for a in march.actors)


def test_monday_arrests_in_soligorsk_and_of_the_council_members(extracted: dict[str, Article]) -> None:
    monday = [e for e in of(extracted["003"], "COERCE", ("arrest",)) if e.date and e.date.value == "2020-08-24"]
    places = {e.place.name for e in monday if e.place}
    assert {"Soligorsk", "Minsk"} <= places


def test_the_threatened_crackdown(extracted: dict[str, Article]) -> None:
    threats = of(extracted["003"], "THREATEN")
    assert any(e.mode == "restrict" and e.modality == "threatened" for e in threats)
    assert not any(e.type == "ASSAULT" and "crackdown" in e.trigger.text for e in extracted["003"].events)


@pytest.mark.parametrize("name", ["003", "004"])
def test_about_7000_arrested(extracted: dict[str, Article], name: str) -> None:
    arrests = of(extracted[name], "COERCE")
    assert any(e.magnitudes.get("arrested") and e.magnitudes["arrested"].low == 7000 for e in arrests)


def test_eu_sanctions(extracted: dict[str, Article]) -> None:
    assert any(any("European Union" in a.text for a in e.actors) for e in of(extracted["002"], "SANCTION"))


@pytest.mark.parametrize("name", ["000", "001"])
def test_the_general_strike_is_called_for(extracted: dict[str, Article], name: str) -> None:
    assert any(e.modality == "called_for" for e in of(extracted[name], "PROTEST", STRIKES))


def test_rejecting_new_elections(extracted: dict[str, Article]) -> None:
    assert of(extracted["001"], "REJECT")


def test_no_event_from_page_furniture(extracted: dict[str, Article]) -> None:
    furniture = ("solidarity frame", "facebook", "Getty Images", "Live Radio", "reporter and editor")
    for article in extracted.values():
        for event in article.events:
            assert not any(f.lower() in event.sentence.text.lower() for f in furniture), event.sentence.text
            assert article.text[event.trigger.start : event.trigger.end] == event.trigger.text
