"""Named entities from the shipped CRF models, on sentences of our own."""

from __future__ import annotations

import pytest

from kronika.analyze.entities import find_entities, has_model, model_languages, spans_from_labels
from kronika.analyze.sentences import split_sentences
from kronika.analyze.tokens import tokenize


def entities(text: str, language: str) -> list[tuple[str, str]]:
    found = find_entities(text, split_sentences(text, language), language)
    for entity in found:
        assert text[entity.start:entity.end] == entity.text
    return [(entity.text, entity.label) for entity in found]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Maria Kolesnikova met union leaders in Warsaw on Tuesday.",
         [("Maria Kolesnikova", "PER"), ("Warsaw", "LOC")]),
        ("en", "The European Commission said Germany would back the plan.",
         [("European Commission", "ORG"), ("Germany", "LOC")]),
        ("en", "Police in Kharkiv detained two reporters from Reuters.",
         [("Kharkiv", "LOC"), ("Reuters", "ORG")]),
        ("nl", "Premier Mark Rutte sprak in Brussel met de Europese Commissie.",
         [("Mark Rutte", "PER"), ("Brussel", "LOC"), ("Europese Commissie", "ORG")]),
        ("nl", "Vakbond FNV kondigde een staking aan in Rotterdam.",
         [("FNV", "ORG"), ("Rotterdam", "LOC")]),
        ("de", "Angela Merkel sprach am Montag in München mit Vertretern von Siemens.",
         [("Angela Merkel", "PER"), ("München", "LOC"), ("Siemens", "ORG")]),
        ("es", "Pedro Sánchez se reunió en Barcelona con los dirigentes de Comisiones Obreras.",
         [("Pedro Sánchez", "PER"), ("Barcelona", "LOC"), ("Comisiones Obreras", "ORG")]),
        ("pl", "Lech Wałęsa spotkał się w Gdańsku z przedstawicielami Solidarności.",
         [("Lech Wałęsa", "PER"), ("Gdańsku", "LOC"), ("Solidarności", "ORG")]),
        ("ru", "Владимир Путин провёл в Москве встречу с руководством Газпрома.",
         [("Владимир Путин", "PER"), ("Москве", "LOC"), ("Газпрома", "ORG")]),
    ],
)
def test_names_are_found_with_their_type(language: str, text: str, expected: list) -> None:
    found = entities(text, language)
    for item in expected:
        assert item in found


def test_possessive_is_not_part_of_the_name() -> None:
    found = entities("Lukashenko's government refused to resign.", "en")
    assert ("Lukashenko", "PER") in found


@pytest.mark.parametrize("language", ["de", "es", "pl", "ru"])
def test_the_new_languages_ship_a_model(language: str) -> None:
    assert has_model(language)
    assert language in model_languages()


def test_no_entities_without_a_model_or_text() -> None:
    assert not has_model("sw")
    assert entities("Rais alisema jambo hilo jana mjini Nairobi.", "sw") == []
    assert entities("", "en") == []


def test_tokens_split_clitics_and_punctuation_but_not_names() -> None:
    text = "Wit-Rusland's 100,000 (U.S.) didn't"
    assert [text[a:b] for a, b in tokenize(text)] == [
        "Wit-Rusland", "'s", "100,000", "(", "U.S.", ")", "did", "n't"
    ]


def test_bio_labels_become_spans() -> None:
    labels = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"]
    assert spans_from_labels(labels) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
