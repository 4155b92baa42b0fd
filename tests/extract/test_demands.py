"""Demands of protesters and strikers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.extract.demands import CODES, sentence_demands
from kronika.extract.lexicon import load
from kronika.model import Article, Published
from kronika.pipeline import analyze


def demands(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.code, d.text) for d in sentence_demands(text, 0, len(text), language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Crowds rallied in Tirana demanding that the interior minister resign.",
         [("resignation", "the interior minister resign")]),
        ("en", "Nurses at two clinics want a 12% pay rise, more staff on night shifts and the reinstatement of a sacked colleague.",
         [("wages", "a 12% pay rise"), ("conditions", "more staff on night shifts"),
          ("jobs", "the reinstatement of a sacked colleague")]),
        ("en", "Students marched through Skopje calling for fresh elections and the release of the detained activists.",
         [("new_elections", "fresh elections"), ("release_prisoners", "the release of the detained activists")]),
        ("en", "Dockers walked out in protest against the planned closure of the shipyard.",
         [("jobs", "the planned closure of the shipyard")]),
        ("en", "Farmers blocked roads, demanding a meeting with the agriculture minister.",
         [("other", "a meeting with the agriculture minister")]),
        ("nl", "Boeren die lagere brandstofprijzen eisen, blokkeerden de snelweg bij Zwolle.",
         [("prices", "lagere brandstofprijzen")]),
        ("nl", "De vakbond eist dat de directie aftreedt en dat de achterstallige lonen worden uitbetaald.",
         [("resignation", "de directie aftreedt"), ("wages", "dat de achterstallige lonen worden uitbetaald")]),
        ("de", "Die Streikenden fordern eine Lohnerhöhung von acht Prozent sowie kürzere Arbeitszeiten.",
         [("wages", "eine Lohnerhöhung von acht Prozent"), ("conditions", "kürzere Arbeitszeiten")]),
        ("de", "Tausende Demonstranten, die den Rücktritt der Regierung verlangen, zogen durch Prag.",
         [("resignation", "den Rücktritt der Regierung")]),
    ],
)
def test_demands_and_their_codes(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert demands(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Demand for copper fell sharply in the second quarter."),
        ("en", "Police demanded that the protesters leave the square by midnight."),
        ("en", "The union called for a general strike on Thursday."),
        ("en", "The results were generally good, the company said."),
        ("nl", "De vraag naar huurwoningen blijft groot in Utrecht."),
        ("nl", "De regering heeft nog niet op de eisen van de stakers gereageerd."),
        ("de", "Die Nachfrage nach Stahl sank im Mai um vier Prozent."),
        ("fr", "Les grévistes réclament une hausse des salaires."),
    ],
)
def test_no_protest_demand(language: str, text: str) -> None:
    assert demands(text, language) == []


def test_protest_mentions_carry_the_demands_of_the_next_sentence() -> None:
    text = ("Some 900 workers at the Kestrel paper mill in Tampere walked out on Monday. "
            "They want the wage arrears paid and no layoffs this year.")
    article = analyze(Article(id="t", text=text, language="en", published=Published("2024-03-12", "day")))
    strike = next(e for e in article.events if e.mode == "strike")
    assert [(d.code, d.text) for d in strike.demands] == [
        ("wages", "the wage arrears paid"), ("jobs", "no layoffs this year"),
    ]


def test_codes_are_documented_in_every_demand_file() -> None:
    for language in ("en", "nl", "de"):
        lexicon = load(language, "demands.txt")
        assert lexicon is not None
        used = {entry.value for entry in lexicon.sections["codes"]}
        assert used <= set(CODES), (language, used - set(CODES))
