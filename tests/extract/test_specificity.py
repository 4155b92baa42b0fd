"""Specificity classes and anchors (kronika.extract.specificity) on sentences written for these tests."""

from __future__ import annotations

from kronika.extract.gate import gate_note
from kronika.extract.lexicon import load
from kronika.model import Article, EventMention, Published
from kronika.pipeline import analyze

PUBLISHED = Published("2024-10-15", "day")


def events(text: str, language: str = "en") -> list[EventMention]:
    return analyze(Article(id="t", text=text, language=language, published=PUBLISHED)).events


def first(mentions: list[EventMention], trigger: str) -> EventMention:
    return next(e for e in mentions if e.trigger.text == trigger)


def test_an_event_dated_long_before_publication_is_background() -> None:
    found = events("Dock workers in Ghent struck for nine days in 2019 over pensions.")
    assert [e.specificity for e in found] == ["background"]
    recent = events("Dock workers in Ghent struck on Monday over pensions.")
    assert [e.specificity for e in recent] == ["specific"]


def test_a_definite_reference_to_an_earlier_event_is_specific() -> None:
    text = ("About 3,000 nurses marched through Leeds on Saturday. The march ended at the town hall. "
            "A march is a good way to be heard, one nurse said.")
    found = events(text)
    marches = [e for e in found if e.mode == "march"]
    assert [e.specificity for e in marches[:2]] == ["specific", "specific"]
    assert "antecedent" in marches[1].anchors
    assert marches[2].specificity == "generic"  # "a march": no antecedent


def test_a_past_verb_anchors_a_mention_and_a_present_one_does_not() -> None:
    past = first(events("Officers arrested several teenagers near the station."), "arrested")
    assert past.specificity == "specific" and "past" in past.anchors
    habit = events("Officers arrest teenagers who gather near stations.")
    assert all(e.specificity != "specific" for e in habit)
    dutch = first(events("Agenten hebben een aantal jongeren aangehouden.", "nl"), "aangehouden")
    assert "past" in dutch.anchors


def test_the_gate_needs_more_than_one_domain_word() -> None:
    lexicon = load("en")
    assert lexicon is not None
    text = (
        "Strike after strike after strike: the home team rolled strikes all evening, and the final game "
        "of the night ended with a perfect score. " * 4
    ).strip()
    article = analyze(Article(id="b", text=text, language="en"))
    sentences = [lexicon.words(text, s.start, s.end) for s in article.sentences]
    note = gate_note(sentences, lexicon)
    assert note is not None and "different domain word" in note
    assert article.events == [] and article.notes == [note]


def test_a_dateline_is_no_actor_and_not_the_sentence_place() -> None:
    text = "CAIRO — Gunmen attacked a bus in Tunis on Sunday, the interior ministry said."
    (attack,) = [e for e in events(text) if e.type == "ASSAULT"]
    assert "CAIRO" not in [a.text for a in attack.actors]
    assert attack.place is not None and attack.place.name == "Tunis"
