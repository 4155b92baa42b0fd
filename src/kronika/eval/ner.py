"""NER scores of the shipped model on CoNLL-2002 (nl) / CoNLL-2003 (en), exact spans.

An entity counts as found when its first token, last token and type all equal a gold
entity's (the conlleval convention). The model runs through the same feature and tagging
code as :func:`kronika.analyze.entities.find_entities`, one document at a time.
"""

from __future__ import annotations

import time
from pathlib import Path

from kronika.analyze.entities import LABELS, load_tagger, spans_from_labels, tag_sentences


def evaluate_ner(
    data_dir: Path, language: str, split: str = "test", models: tuple[Path, Path] | None = None
) -> dict[str, float]:
    """P/R/F1 overall and F1 per type, and tokens/s, on ``<data_dir>/<corpus>/<split>.conllu``.

    ``models`` scores other model files (first and second pass) than the shipped ones.
    """
    from kronika.train.ner import CORPORA, read_documents

    taggers = (load_tagger(models[0]), load_tagger(models[1])) if models else None

    documents = list(read_documents(data_dir / CORPORA[language] / f"{split}.conllu"))
    found: dict[str, int] = dict.fromkeys(LABELS, 0)
    gold: dict[str, int] = dict.fromkeys(LABELS, 0)
    right: dict[str, int] = dict.fromkeys(LABELS, 0)
    tokens = 0
    seconds = 0.0
    for document in documents:
        words = [sentence_words for sentence_words, _ in document]
        started = time.perf_counter()
        predicted = tag_sentences(words, language, taggers)
        seconds += time.perf_counter() - started
        for (sentence_words, labels), guess in zip(document, predicted, strict=True):
            tokens += len(sentence_words)
            truth = set(spans_from_labels(labels))
            ours = set(spans_from_labels(guess))
            for span in truth:
                gold[span[2]] += 1
            for span in ours:
                found[span[2]] += 1
                right[span[2]] += span in truth
    scores = _prf(sum(right.values()), sum(found.values()), sum(gold.values()))
    for label in LABELS:
        scores[f"f1_{label}"] = _prf(right[label], found[label], gold[label])["f1"]
    scores["tokens_per_s"] = tokens / seconds if seconds else 0.0
    return scores


def _prf(right: int, found: int, gold: int) -> dict[str, float]:
    precision = right / found if found else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}
