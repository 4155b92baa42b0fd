"""Quotes and their speakers: invented sentences in several languages, plus one seed check."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.analyze.entities import find_entities
from kronika.analyze.quotes import find_quotes
from kronika.analyze.sentences import split_sentences
from kronika.model import Quote

# (language, text, [(quoted content, speaker text or None, direct)])
# A speaker of None means the quote must not be reported at all.
ROWS: list[tuple[str, str, list[tuple[str, str | None, bool]]]] = [
    # --- English: every quote style, cue after and before, split, nested, pronouns
    (
        "en",
        '"We will not stop until the plant listens," said Anna Petrova, a welder.',
        [("We will not stop until the plant listens", "Anna Petrova", True)],
    ),
    (
        "en",
        "“We will strike,” Viktor Orlov said, “until they listen to us.”",
        [
            ("We will strike", "Viktor Orlov", True),
            ("until they listen to us.", "Viktor Orlov", True),
        ],
    ),
    (
        "en",
        "According to Maria Novak, “the mine will close before the winter.”",
        [("the mine will close before the winter.", "Maria Novak", True)],
    ),
    (
        "en",
        "Pavel Sidorov spoke to the crowd in Grodno. “Nobody will silence us,” he said.",
        [("Nobody will silence us", "Pavel Sidorov", True)],
    ),
    (
        "en",
        '"The negotiations have failed," a spokesman for the ministry said on Tuesday.',
        [("The negotiations have failed", "a spokesman for the ministry", True)],
    ),
    (
        "en",
        "‘We are not afraid of the police,’ said Tom Fletcher.",
        [("We are not afraid of the police", "Tom Fletcher", True)],
    ),
    (
        "en",
        "\"They shouted 'Go home!' at us all night,\" said Irina Belova.",
        [("They shouted 'Go home!' at us all night", "Irina Belova", True)],
    ),
    (
        "en",
        (
            "Olga Ivanova described the night at the station.\n"
            "“We waited for hours outside the gate.\n"
            "“Then the riot police came,” she said."
        ),
        [
            ("We waited for hours outside the gate.", "Olga Ivanova", True),
            ("Then the riot police came", "Olga Ivanova", True),
        ],
    ),
    (
        "en",
        "“The vote was stolen,” Dmitri Volkov told reporters. “We will be back tomorrow.”",
        [
            ("The vote was stolen", "Dmitri Volkov", True),
            ("We will be back tomorrow.", "Dmitri Volkov", True),
        ],
    ),
    (
        "en",
        "The mayor of Brest said that the water supply had been restored in every district.",
        [("the water supply had been restored in every district", "The mayor of Brest", False)],
    ),
    (
        "en",
        "The so-called “reforms” were announced on Tuesday by the cabinet.",
        [("reforms", None, True)],
    ),
    (
        "en",
        "The workers' union rejected the director's offer, and nobody's happy about it.",
        [],
    ),
    (
        "en",
        "“It is over,” the mayor's spokesman, Natalia Eismont, told reporters on Monday.",
        [("It is over", "Natalia Eismont", True)],
    ),
    (
        "en",
        "Stepan Kuzmin has also said the factory would stay closed until June.",
        [("the factory would stay closed until June", "Stepan Kuzmin", False)],
    ),
    (
        "en",
        "“This is the end of an era.” ― Lena Moroz",
        [("This is the end of an era.", "Lena Moroz", True)],
    ),
    (
        "en",
        "Irina Sokolova closed the clinic on Friday, saying “there is no money left for the staff.”",
        [("there is no money left for the staff.", "Irina Sokolova", True)],
    ),
    ("en", 'The sign on the gate read: "No entry for anyone today."', []),
    (
        "en",
        "The crowd cheered Anna Petrova, who told them: “We will win this.”",
        [("We will win this.", "Anna Petrova", True)],
    ),
    # --- Dutch
    (
        "nl",
        "„Dit is pas het begin”, zegt vakbondsleider Piet de Boer. „We gaan door.”",
        [("Dit is pas het begin", "Piet de Boer", True), ("We gaan door.", "Piet de Boer", True)],
    ),
    (
        "nl",
        "„We gaan door tot het einde”, zei Sergej Ivanov voor de poort.",
        [("We gaan door tot het einde", "Sergej Ivanov", True)],
    ),
    (
        "nl",
        "“De staking is pas begonnen”, aldus Marina Kovalenko.",
        [("De staking is pas begonnen", "Marina Kovalenko", True)],
    ),
    (
        "nl",
        "Jan de Vries stond bij de fabriek in Gomel. “Wij wijken niet”, zei hij.",
        [("Wij wijken niet", "Jan de Vries", True)],
    ),
    (
        "nl",
        "Minister Bakker stelt dat de fabriek de hele zomer open blijft.",
        [("de fabriek de hele zomer open blijft", "Minister Bakker", False)],
    ),
    (
        "nl",
        "„We werken 's nachts door”, zei Piet Janssen.",
        [("We werken 's nachts door", "Piet Janssen", True)],
    ),
    (
        "nl",
        "Hij kwam 's avonds laat thuis en zag 't nieuws over de 'hervormingen' niet.",
        [],
    ),
    (
        "nl",
        "Loekasjenko: „Er komen geen nieuwe verkiezingen.”",
        [("Er komen geen nieuwe verkiezingen.", "Loekasjenko", True)],
    ),
    (
        "nl",
        "„Wij willen vrije verkiezingen”, vertelt de 28-jarige Anna aan de telefoon.",
        [("Wij willen vrije verkiezingen", "de 28-jarige Anna", True)],
    ),
    # --- German
    (
        "de",
        "„Wir bleiben hier, bis sie gehen“, sagte Klaus Becker.",
        [("Wir bleiben hier, bis sie gehen", "Klaus Becker", True)],
    ),
    (
        "de",
        "Petra Lang sprach vor dem Werk. »Das ist erst der Anfang«, sagte sie.",
        [("Das ist erst der Anfang", "Petra Lang", True)],
    ),
    (
        "de",
        "Der Sprecher der Firma sagte, dass die Fabrik bis Montag geschlossen bleibt.",
        [("die Fabrik bis Montag geschlossen bleibt", "Der Sprecher der Firma", False)],
    ),
    # --- French
    (
        "fr",
        "« Nous ne céderons pas », a déclaré Marie Dubois.",
        [("Nous ne céderons pas", "Marie Dubois", True)],
    ),
    (
        "fr",
        "Selon Jean Martin, la grève va continuer toute la semaine.",
        [("la grève va continuer toute la semaine", "Jean Martin", False)],
    ),
    (
        "fr",
        "Paul Girard a parlé aux ouvriers. « C'est fini », a-t-il déclaré.",
        [("C'est fini", "Paul Girard", True)],
    ),
    ("fr", "L'usine d'Anton est fermée aujourd'hui.", []),
    # --- Spanish
    (
        "es",
        "«Seguiremos en la calle», dijo Carlos Ruiz.",
        [("Seguiremos en la calle", "Carlos Ruiz", True)],
    ),
    (
        "es",
        "Ana López afirmó que el gobierno había mentido a todos.",
        [("el gobierno había mentido a todos", "Ana López", False)],
    ),
    # --- Polish
    (
        "pl",
        "„Nie boimy się nikogo” – powiedział Tomasz Nowak.",
        [("Nie boimy się nikogo", "Tomasz Nowak", True)],
    ),
    (
        "pl",
        "Rzecznik rządu powiedział, że rozmowy zostały zerwane w nocy.",
        [("rozmowy zostały zerwane w nocy", "Rzecznik rządu", False)],
    ),
    # --- Russian
    (
        "ru",
        "«Мы здесь надолго», — говорит Ольга Орлова. «Никто не уйдёт».",
        [("Мы здесь надолго", "Ольга Орлова", True), ("Никто не уйдёт", "Ольга Орлова", True)],
    ),
    (
        "ru",
        "«Мы не уйдём с площади», — сказал Иван Петров.",
        [("Мы не уйдём с площади", "Иван Петров", True)],
    ),
    (
        "ru",
        "По словам Ольги Смирновой, завод остановлен до понедельника.",
        [("завод остановлен до понедельника", "Ольги Смирновой", False)],
    ),
]


def _check_spans(text: str, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


@pytest.mark.parametrize(("language", "text", "expected"), ROWS)
def test_quotes(language: str, text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    quotes = find_quotes(text, split_sentences(text, language), [], language)
    _check_spans(text, quotes)
    by_text = {quote.text: quote for quote in quotes}
    for content, speaker, direct in expected:
        if speaker is None:
            assert content not in by_text, f"{content!r} is not a quote"
            continue
        assert content in by_text, f"{content!r} not in {list(by_text)}"
        quote = by_text[content]
        assert quote.speaker is not None and quote.speaker.text == speaker
        assert quote.direct is direct
        assert quote.cue
    wanted = {content for content, speaker, _ in expected if speaker is not None}
    assert set(by_text) <= wanted, f"unexpected quotes {set(by_text) - wanted}"


def test_cue_words_are_kept_as_written() -> None:
    text = "“De staking is pas begonnen”, aldus Marina Kovalenko."
    (quote,) = find_quotes(text, split_sentences(text, "nl"), [], "nl")
    assert quote.cue == "aldus"
    text = "According to Maria Novak, “the mine will close before the winter.”"
    (quote,) = find_quotes(text, split_sentences(text, "en"), [], "en")
    assert quote.cue == "According to"


def test_entities_give_the_speaker_span() -> None:
    text = "“Nobody will silence us,” said Pavel Sidorov, a driver."
    sentences = split_sentences(text, "en")
    (quote,) = find_quotes(text, sentences, find_entities(text, sentences, "en"), "en")
    assert quote.speaker is not None and "Sidorov" in quote.speaker.text


def test_seed_split_quote_with_a_pronoun_speaker(seeds: Path) -> None:
    (path,) = sorted(seeds.glob("004*"))
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text, "en")
    for entities in (find_entities(text, sentences, "en"), []):
        quotes = find_quotes(text, sentences, entities, "en")
        _check_spans(text, quotes)
        (quote,) = [q for q in quotes if "no new election until you kill me" in q.text]
        assert quote.direct
        assert quote.speaker is not None and "Lukashenko" in quote.speaker.text


def test_a_title_abbreviation_stays_out_of_the_speaker() -> None:
    """Guards a bug: "M. Jean Moreau" gave the speaker ". Jean Moreau"."""
    text = "La direction, dirigée par M. Jean Moreau, assure que la production reprendra lundi."
    quotes = find_quotes(text, split_sentences(text, "fr"), [], "fr")
    _check_spans(text, quotes)
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text[0].isalpha()


def test_belarusian_direct_quote_with_its_speaker() -> None:
    text = "«Мы не пойдзем, пакуль не будзе новых выбараў», — сказаў актывіст Іван Пятроў."
    quotes = find_quotes(text, split_sentences(text, "be"), [], "be")
    _check_spans(text, quotes)
    (quote,) = quotes
    assert quote.direct and quote.cue == "сказаў"
    assert quote.speaker is not None and quote.speaker.text.endswith("Іван Пятроў")
