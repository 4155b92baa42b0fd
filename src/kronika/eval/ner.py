"""NER scores of a language's model on its labelled test sets, exact spans.

An entity counts as found when its first token, last token and type all equal a gold
entity's (the conlleval convention). The model runs through the same feature and tagging
code as :func:`kronika.analyze.entities.find_entities`, one document at a time.

Only the types that both the test set labels and the model knows are scored: WikiANN labels
PER, ORG and LOC, so on it a model's MISC guesses are left out (neither right nor wrong),
and a WikiANN-trained model (no MISC) is not charged with BSNLP's MISC names. The types
scored are returned as ``f1_<TYPE>`` keys.

The test sets of each language are those of its training recipe
(:data:`kronika.train.ner.RECIPES`): the first is the main one, pinned in baselines.json
under plain names (``f1``); :func:`evaluate_ner_suite` adds the others under the corpus
family's name (``bsnlp2019_f1``, ``wikiann_f1_PER``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kronika.analyze.entities import (
    LABELS,
    Taggers,
    installed_taggers,
    load_tagger,
    spans_from_labels,
    tag_sentences,
)

Tag = Callable[[Sequence[Sequence[str]]], list[list[str]]]
"""Labels every token of a document's sentences (the CRF, or another model to compare)."""


def evaluate_ner(
    data_dir: Path,
    language: str,
    split: str = "test",
    models: tuple[Path, Path | None] | None = None,
    *,
    corpus: str | None = None,
    tag: Tag | None = None,
    model_types: Sequence[str] | None = None,
) -> dict[str, float]:
    """P/R/F1 overall and F1 per type, and tokens/s, on one split of ``corpus`` (the
    language's main test corpus by default) under ``data_dir``.

    ``models`` scores other model files (first and second pass) than the installed ones;
    ``tag`` scores another tagger altogether, which labels ``model_types``.
    """
    from kronika.train.ner import CORPORA, corpus_types, read_split

    corpus = corpus or CORPORA[language]
    if tag is None:
        taggers: Taggers | None = None
        if models:
            taggers = (load_tagger(models[0]), load_tagger(models[1]) if models[1] else None)
        known = _model_types(language, taggers)

        def tag(words: Sequence[Sequence[str]]) -> list[list[str]]:
            return tag_sentences(words, language, taggers)
    else:
        known = set(model_types or LABELS)
    types = [label for label in LABELS if label in corpus_types(corpus) and label in known]

    documents = read_split(data_dir, corpus, split)
    found: dict[str, int] = dict.fromkeys(types, 0)
    gold: dict[str, int] = dict.fromkeys(types, 0)
    right: dict[str, int] = dict.fromkeys(types, 0)
    tokens = 0
    seconds = 0.0
    for document in documents:
        words = [sentence_words for sentence_words, _ in document]
        started = time.perf_counter()
        predicted = tag(words)
        seconds += time.perf_counter() - started
        for (sentence_words, labels), guess in zip(document, predicted, strict=True):
            tokens += len(sentence_words)
            truth = {span for span in spans_from_labels(labels) if span[2] in gold}
            ours = {span for span in spans_from_labels(guess) if span[2] in found}
            for span in truth:
                gold[span[2]] += 1
            for span in ours:
                found[span[2]] += 1
                right[span[2]] += span in truth
    scores = _prf(sum(right.values()), sum(found.values()), sum(gold.values()))
    for label in types:
        scores[f"f1_{label}"] = _prf(right[label], found[label], gold[label])["f1"]
    scores["tokens_per_s"] = tokens / seconds if seconds else 0.0
    return scores


def _model_types(language: str, taggers: Taggers | None) -> set[str]:
    """The entity types a CRF was trained to label (from its label set)."""
    chosen = taggers or installed_taggers(language)
    if chosen is None:
        return set(LABELS)
    return {label[2:] for label in chosen[0].labels() if label[:2] in ("B-", "I-")}


def evaluate_ner_suite(data_dir: Path, language: str) -> dict[str, float]:
    """The scores ``kronika eval ner`` pins: the main test set's under plain names, each
    other test set of the recipe (where its data is there) under its family's prefix."""
    from kronika.train.ner import RECIPES, family

    main, *others = RECIPES[language].tests
    scores = evaluate_ner(data_dir, language, corpus=main)
    for corpus in others:
        if (data_dir / corpus).is_dir():
            extra = evaluate_ner(data_dir, language, corpus=corpus)
            scores.update({f"{family(corpus)}_{name}": value for name, value in extra.items()})
    return scores


def _prf(right: int, found: int, gold: int) -> dict[str, float]:
    precision = right / found if found else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}
