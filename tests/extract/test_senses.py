"""Trigger precision (issue 20): words match as the words they are, with the sense an entry
needs; and the article gate keeps non-political pages free of events. Sentences and
paragraphs written for these tests."""

from __future__ import annotations

import pytest

from kronika.extract import gate
from kronika.extract.lexicon import load
from kronika.model import Article, Published
from kronika.pipeline import analyze

PUBLISHED = Published("2024-03-12", "day")


def triggers(text: str, language: str = "en") -> list[tuple[str, str]]:
    article = analyze(Article(id="t", text=text, language=language, published=PUBLISHED))
    return [(e.trigger.text, e.type) for e in article.events]


@pytest.mark.parametrize("text", [
    "The reviews were generally positive and the sequel literally sold out.",  # no "rally" inside words
    "The competition among the bakeries was fierce this year.",  # no "petition"
    "Type a few letters into the search box to filter the recipes.",
    "A price alert pops up when the jacket drops below forty euros.",
    "The execution of the script stops when the buffer is full.",
    "The striking colours of the new collection drew a crowd of buyers.",
    "Lightning struck the old oak in the garden last night.",
    "Our analysis demonstrates the value of caching the pages.",
    "Shares of the chip maker rallied after the results.",
    "She rolled a strike in the last frame to win the bowling title.",
    "The options had a strike price of 40 dollars.",
    "Spain plays the Netherlands in two matches on March 1-2.",
    "March 04 , 2011\nThe brewery opened a second hall for visitors.",  # a dateline in tokenised text
    "The pilot study demonstrated that the new filter halves the noise.",
    "Engineers had to demonstrate they could cut the weight of the frame.",
    "Cutting the phone bill and the shortened supply chain saved the shop money.",
    "The club captain was banned for three games after the brawl in the tunnel.",
    "The home side trailed for an hour but rallied to win the final.",
    "Two hikers were killed in an avalanche above the village on Sunday.",
    "The bakery is fighting to keep its prices low this winter.",  # strives, no fight
    "The chain's layoffs at two warehouses surprised the drivers.",  # a business decision
    "Rising rents could destroy the economy of the old town.",
    "The court upheld the bidder's protest over the tender.",  # a legal complaint
])
def test_ordinary_words_are_no_events(text: str) -> None:
    assert triggers(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Police carried out a search of the activist's home on Monday.", ("search", "COERCE")),
    ("The army was put on high alert along the border.", ("put on high alert", "MOBILIZE")),
    ("The prisoner's execution was carried out at dawn despite appeals.", ("execution", "ASSAULT")),
    ("Workers at the steel plant struck on Monday over unpaid wages.", ("struck", "PROTEST")),
    ("The party voiced its support for the striking farmers.", ("striking", "PROTEST")),
    ("Thousands demonstrated outside parliament on Sunday.", ("demonstrated", "PROTEST")),
    ("Supporters of the opposition rallied in the main square.", ("rallied", "PROTEST")),
    ("Guards fired warning shots at the border crossing.", ("shots", "ASSAULT")),
    ("Nurses demonstrated in front of the ministry on Friday.", ("demonstrated", "PROTEST")),
    ("The government cut all aid to the region after the coup.", ("cut", "SANCTION")),
    ("The mine laid off forty strikers after the walkout.", ("laid off", "COERCE")),
    ("Rebels were fighting government troops near the airport.", ("fighting", "FIGHT")),
])
def test_the_political_sense_still_is_an_event(text: str, expected: tuple[str, str]) -> None:
    found = triggers(text)
    assert any(t[1] == expected[1] and expected[0].split()[0] in t[0] for t in found), found


@pytest.mark.parametrize("text", [
    "We namen een gok en hebben in dit geval de opdracht gewonnen.",  # "in dit geval" is no innemen
    "Morgen pakt de fabriek de productie weer volledig op.",  # no arrest without people
    "De telefoon moet je stevig vasthouden tijdens het filmen.",
    "Het bedrijf wil de uitspraak aanvechten bij de hoogste rechter.",
    "De proef demonstreert dat de nieuwe motor zuiniger is.",
    "De concurrentiestrijd tussen de twee winkelketens wordt harder.",
    "Het rapport sluit een fusie uit en legt op voorhand de voorwaarden vast.",  # no opsluiten
])
def test_dutch_ordinary_words_are_no_events(text: str) -> None:
    assert [t for t in triggers(text, "nl") if t[1] != "STATEMENT"] == []


def test_a_word_inside_a_separated_verb_decides_its_sense() -> None:
    # "zette … in" deploys troops, but water cannon deployed against a crowd disperse it
    found = triggers("Op het plein zette de oproerpolitie waterkanonnen in tegen de betogers.", "nl")
    assert [t[1] for t in found] == ["COERCE"]
    assert [t[1] for t in triggers("Het leger zette extra troepen in aan de grens.", "nl")] == ["MOBILIZE"]


def test_a_reversal_cue_in_a_list_reverses_nothing() -> None:
    found = triggers("The firm made deep cost cuts and wage concessions to keep the plant open.")
    assert found == [("concessions", "CONCEDE")]  # not a SANCTION "cuts" ending the concessions
    assert triggers("The government cancelled the talks with the rebels.") == [("cancelled", "SANCTION")]


def test_dutch_arrests_with_a_separated_particle_still_count() -> None:
    assert any(t[1] == "COERCE" for t in triggers("De politie pakte zaterdag in Minsk tientallen demonstranten op.", "nl"))
    assert any(t[1] == "COERCE" for t in triggers("De politie sloot de betogers urenlang op in een kazerne.", "nl"))
    assert any(t[1] == "PROTEST" for t in triggers("De bond riep de leden en de gepensioneerden op tot een staking.", "nl"))


def test_closed_compounds_only_where_the_language_compounds() -> None:
    assert load("nl").settings.get("compounds") == "closed"
    assert ("tegenmanifestatie", "PROTEST") in triggers(
        "Aanhangers van de regering hielden zaterdag een tegenmanifestatie in Tbilisi.", "nl")
    assert triggers("De zoektocht naar de zwarte dozen werd maandag gestaakt.", "nl") == []
    assert ("counter-rally", "PROTEST") in triggers("Supporters of the mayor held a counter-rally in Leeds on Sunday.")


def test_a_form_entry_overrides_its_lemma() -> None:
    """"struck" has its own entry (needing a labour sense): the lemma "strike" does not
    bring the strike back where that sense is missing."""
    lexicon = load("en")
    words = lexicon.words("The storm struck the coast.", 0, 27)
    assert any(m.by_form for m in lexicon.matches(words, frozenset({"triggers"})))
    assert triggers("The storm struck the coast.") == []


MATCH_REPORT = (
    "United beat City 3-1 in a tense derby on Saturday. The striker opened the scoring after ten "
    "minutes with a fierce strike from the edge of the box, and the midfielder added a second before "
    "half-time. City attacked for most of the second half and the keeper made two fine saves, but a "
    "late goal settled the match. The coach said the team had fought for every ball and that the "
    "league title race was far from over. Fans chanted for the whole match and the referee showed "
    "four yellow cards in a game that never boiled over."
)


def test_the_gate_keeps_a_match_report_free_of_events() -> None:
    article = analyze(Article(id="t", text=MATCH_REPORT, language="en"))
    assert article.events == []
    assert article.notes and article.notes[0].startswith("no events read:")


def test_the_gate_lets_political_news_and_short_texts_through() -> None:
    news = (
        "Thousands of workers marched through the capital on Saturday to protest against the "
        "government's pension reform. Police said 12,000 people took part; the unions said 40,000. "
        "The opposition called on the prime minister to withdraw the bill before the vote in "
        "parliament next week. Several activists were detained near the ministry of labour, and "
        "the interior minister defended the police, saying officers had shown restraint."
    )
    article = analyze(Article(id="t", text=news, language="en", published=PUBLISHED))
    assert article.notes == []
    assert {e.type for e in article.events} >= {"PROTEST", "COERCE"}
    short = analyze(Article(id="s", text="Workers struck at the plant on Monday.", language="en"))
    assert short.notes == [] and short.events  # too short to judge: the gate stays open


def test_domain_density_counts_words_of_the_domain() -> None:
    lexicon = load("en")
    text = "The government and the police met the union."
    words, density, other, distinct = gate.domain_density([lexicon.words(text, 0, len(text))], lexicon)
    assert words == 8 and density == pytest.approx(3 * 1000 / 8)
    assert other == 0 and distinct == 3
