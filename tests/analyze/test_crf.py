"""The numpy tagger gives crfsuite's labels for the shipped NER models."""

from __future__ import annotations

import random
from importlib import resources

import numpy as np
import pycrfsuite
import pytest

from kronika.analyze import crf
from kronika.analyze.entities import (
    add_votes,
    document_features,
    document_votes,
    installed_taggers,
    tag_sentences,
)
from kronika.analyze.sentences import split_sentences
from kronika.analyze.tokens import tokenize

TEXTS = {
    "en": (
        "Dock workers in Antwerp walked out on Monday, the ABVV union said. "
        "\"We will not go back until the port authority listens,\" said Marleen Vos, who "
        "leads the strike committee. Police detained 14 people near the Kattendijkdok after "
        "a march through the city centre. The mayor, Bart De Wever, called for talks with "
        "the Port of Antwerp-Bruges and the transport ministry in Brussels. "
        "SHIPPING HALTED AT EUROPE'S SECOND PORT"
    ),
    "nl": (
        "Havenarbeiders in Antwerpen legden maandag het werk neer, meldt de vakbond ABVV. "
        "'We gaan pas terug als het havenbedrijf luistert,' zei Marleen Vos van het "
        "stakingscomité. De politie hield veertien mensen aan bij het Kattendijkdok na een "
        "mars door het centrum. Burgemeester Bart De Wever riep op tot overleg met Port of "
        "Antwerp-Bruges en het ministerie van Mobiliteit in Brussel."
    ),
}


def words_of(text: str, language: str) -> list[list[str]]:
    return [
        [text[start:end] for start, end in tokenize(text, sentence.start, sentence.end)]
        for sentence in split_sentences(text, language)
    ]


def crfsuite_labels(words: list[list[str]], language: str) -> list[list[str]]:
    """What python-crfsuite's own tagger gives, both passes, as kronika tagged before."""
    folder = resources.files("kronika.models")
    first = pycrfsuite.Tagger()
    first.open(str(folder / f"ner-{language}.crfsuite"))
    rows = document_features(words, language)
    labels = [first.tag(row) if row else [] for row in rows]
    second_path = folder / f"ner-{language}.doc.crfsuite"
    if not second_path.is_file():
        return labels
    second = pycrfsuite.Tagger()
    second.open(str(second_path))
    votes = document_votes(words, labels)
    named = {word for word, vote in votes.items() if vote != "O"}
    for index, (row, sentence) in enumerate(zip(rows, words, strict=True)):
        if not named.isdisjoint(sentence):
            add_votes(row, sentence, votes)
            labels[index] = second.tag(row)
    return labels


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_labels_equal_crfsuites(language: str) -> None:
    words = words_of(TEXTS[language], language)
    expected = crfsuite_labels(words, language)
    assert any(label != "O" for sentence in expected for label in sentence)
    assert tag_sentences(words, language) == expected


def test_string_rows_tag_like_crfsuite() -> None:
    """Training tags its folds with feature strings, not parts."""
    words = words_of(TEXTS["en"], "en")
    rows = document_features(words, "en")
    reference = pycrfsuite.Tagger()
    reference.open(str(resources.files("kronika.models") / "ner-en.crfsuite"))
    taggers = installed_taggers("en")
    assert taggers is not None
    tagger = taggers[0]
    assert tagger.tag_sentences(rows) == [reference.tag(row) for row in rows]
    assert tagger.tag(rows[0]) == reference.tag(rows[0])


def test_a_full_cache_starts_over_and_tags_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    words = words_of(TEXTS["en"], "en")
    expected = crfsuite_labels(words, "en")
    monkeypatch.setattr(crf, "MAX_GROUPS", 10)
    for _ in range(3):
        assert tag_sentences(words, "en") == expected


def test_sentences_without_punctuation_are_cut_where_no_name_is() -> None:
    """A "sentence" of a thousand tokens (a pasted list, a text without full stops) is
    decoded in pieces; the labels stay crfsuite's for nearly every token."""
    rng = random.Random(3)
    sentence_words = [word for sentence in words_of(TEXTS["en"], "en") for word in sentence if word not in ".!?"]
    long_sentence = [rng.choice(sentence_words) for _ in range(1200)]
    words = [long_sentence, ["Marleen", "Vos", "spoke", "."]]
    expected = crfsuite_labels(words, "en")
    found = tag_sentences(words, "en")
    assert [len(sentence) for sentence in found] == [1200, 4]
    same = sum(a == b for x, y in zip(found, expected, strict=True) for a, b in zip(x, y, strict=True))
    assert same / 1204 >= 0.995
    taggers = installed_taggers("en")
    assert taggers is not None
    pieces = taggers[0]._pieces(taggers[0].emissions(np.zeros((1200, 1), dtype=np.intp)))
    assert sum(pieces) == 1200
    assert max(pieces) <= crf.LONG_SENTENCE


def test_empty_sentences_and_documents() -> None:
    assert tag_sentences([], "en") == []
    assert tag_sentences([[], ["Antwerp"], []], "en") == [[], ["B-LOC"], []]
