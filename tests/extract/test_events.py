"""Event mentions on sentences written for these tests (English; Dutch where the lexicon has it)."""

from __future__ import annotations

import pytest

from kronika.extract.lexicon import load
from kronika.model import Article, EventMention, Published
from kronika.pipeline import analyze

PUBLISHED = Published("2024-03-12", "day")  # a Tuesday


def events(text: str, language: str = "en", published: Published | None = PUBLISHED) -> list[EventMention]:
    return analyze(Article(id="t", text=text, language=language, published=published)).events


def kinds(text: str, language: str = "en") -> list[tuple[str, str | None, str]]:
    return [(e.type, e.mode, e.modality) for e in events(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bus drivers in Leeds walked out on Monday over unpaid overtime.", ("PROTEST", "strike", "occurred")),
        ("The teachers' union called for a general strike across the province.",
         ("PROTEST", "general_strike", "called_for")),
        ("Port workers will strike on Friday, the union announced.", ("PROTEST", "strike", "planned")),
        ("Port workers will strike on Friday unless the talks resume.", ("PROTEST", "strike", "hypothetical")),
        ("Miners in the north are still on strike, the union said.", ("PROTEST", "strike", "ongoing")),
        ("The interior minister threatened to arrest anyone who joins the march.",
         ("THREATEN", "restrict", "threatened")),
        ("Police denied beating the detained students.", ("ASSAULT", "beating", "denied")),
        ("If the vote is rigged, the opposition could boycott parliament.", ("PROTEST", "boycott", "hypothetical")),
        ("Riot police arrested 40 people outside the court on Saturday.", ("COERCE", "arrest", "occurred")),
        ("The council lifted the curfew after a quiet week.", ("CONCEDE", None, "occurred")),
        ("The minister cancelled her visit to the capital.", ("SANCTION", None, "occurred")),
        ("The government refused to accept the mediators' proposal.", ("REJECT", None, "occurred")),
    ],
)
def test_type_mode_and_modality(text: str, expected: tuple[str, str | None, str]) -> None:
    assert kinds(text)[0] == expected


def test_a_threat_is_one_event_not_the_act() -> None:
    found = kinds("The army threatened a crackdown on the strikers.")
    assert [k[0] for k in found] == ["THREATEN"]


def test_a_rally_for_the_government_is_its_own_rally() -> None:
    found = events("Thousands attended a rally for the government in the capital, "
                   "while 20,000 people protested against the president in the port city.")
    modes = [e.mode for e in found if e.type == "PROTEST"]
    assert modes == ["rally", "demonstration"]


def test_modifier_nouns_and_idioms_are_no_events() -> None:
    assert kinds("The strike committee met the press.") == [("CONSULT", "meeting", "occurred")]
    assert kinds("The index showed a striking resemblance to last year.") == []
    assert kinds("Share prices rose according to the report.") == []


def test_arguments_actor_target_place_date_magnitude() -> None:
    text = "Riot police detained 300 protesters in Tbilisi on Monday, according to a rights group."
    analysed = analyze(Article(id="t", text=text, language="en", published=PUBLISHED))
    (event,) = analysed.events
    assert (event.type, event.mode) == ("COERCE", "detention")
    assert any(a.role == "actor" and "police" in a.text for a in event.actors)
    assert any(a.role == "target" and "protesters" in a.text for a in event.actors)
    assert event.place is not None and event.place.name == "Tbilisi" and event.place_from == "sentence"
    assert event.date is not None and event.date.value == "2024-03-11" and event.date_from == "sentence"
    assert event.magnitudes["arrested"].low == 300
    assert event.attribution == "a rights group"
    assert event.acled is not None and event.acled.sub_event_type == "Arrests"
    assert event.trigger.text == text[event.trigger.start : event.trigger.end] == "detained"
    assert event.sentence.text == text
    assert 0 < event.confidence <= 1


def test_passive_swaps_actor_and_target() -> None:
    (event,) = events("Two journalists were arrested by the police.")
    roles = {a.role: a.text for a in event.actors}
    assert roles == {"target": "Two journalists", "actor": "the police"} or (
        "journalists" in roles["target"] and "police" in roles["actor"]
    )


def test_date_falls_back_to_the_publication_week() -> None:
    (event,) = events("Dockers blockaded the harbour entrance.")
    assert event.date is not None and event.date_from == "published"
    assert (event.date.value, event.date.precision, event.date.text) == ("2024-W11", "week", "")
    assert events("Dockers blockaded the harbour entrance.", published=None)[0].date is None


def test_place_falls_back_to_the_article_place() -> None:
    found = events("Nurses marched through Lyon on Saturday. They demanded higher pay.")
    assert found[0].place_from == "sentence"
    later = [e for e in found if e.type == "DEMAND"]
    assert later and later[0].place is not None and later[0].place.name == "Lyon"
    assert later[0].place_from == "article"


def test_quoted_event_is_attributed_to_the_speaker() -> None:
    text = '"The police beat us with batons," said Maria Lopez, a nurse.'
    (event,) = [e for e in events(text) if e.type == "ASSAULT"]
    assert event.attribution and "Maria Lopez" in event.attribution


def test_unknown_language_yields_no_events_and_no_error() -> None:
    assert events("Lorem ipsum dolor strike.", language="la") == []


def test_every_trigger_span_is_exact() -> None:
    text = "Workers walked off the job. Police fired tear gas and detained dozens."
    for event in events(text):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text


def test_lexicon_files_parse_and_cover_the_issue_types() -> None:
    for language in ("en", "nl"):
        lexicon = load(language)
        assert lexicon is not None, language
        values = {e.value.split()[0] for e in lexicon.sections["triggers"]}
        assert {"PROTEST", "COERCE", "ASSAULT", "THREATEN", "SANCTION", "CONSULT", "STATEMENT"} <= values
        for section in ("threatened", "called_for", "denied", "negation", "hypothetical", "planned", "ongoing"):
            assert lexicon.sections.get(section), (language, section)
