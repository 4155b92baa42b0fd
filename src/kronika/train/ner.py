"""Train the NER CRF of one language from the CoNLL (and optionally WikiANN) corpora.

    python -m kronika.train ner --lang nl --data ../shared/data/ner

Reads ``<data>/<corpus>/train.conllu`` (``idx<TAB>token<TAB>BIO`` lines, blank line between
sentences, ``-DOCSTART-`` between documents), trains a CRF (L-BFGS, elastic net) on the
features of :mod:`kronika.analyze.entities`, writes ``kronika/models/ner-<lang>.crfsuite``
and next to it ``ner-<lang>.json`` with the data used, the settings, the training time and
the scores on the test split.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

CORPORA = {"nl": "conll2002-nl", "en": "conll2003-en"}
WIKIANN = {"nl": "wikiann-nl", "en": "wikiann-en"}
PSEUDO_DOCUMENT = 20
"""Sentences per document where a corpus has no document marks (CoNLL-2002 nl as shipped):
about the length of a news article, so the document clues see what they see at run time."""

ITERATIONS = 150
C1 = 0.02
C2 = 0.005
"""Elastic-net weights chosen on CoNLL-2003 val (60 iterations): 0.05/0.01 → F1 0.8955,
0.1/0.01 → 0.8962, 0.02/0.005 → 0.8992."""

Sentence = tuple[list[str], list[str]]


def read_documents(path: Path) -> Iterator[list[Sentence]]:
    """Documents of (words, labels) sentences from one CoNLL file."""
    document: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    marked = False

    def sentence_done() -> None:
        if words:
            document.append((words.copy(), labels.copy()))
            words.clear()
            labels.clear()

    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                sentence_done()
                if not marked and len(document) >= PSEUDO_DOCUMENT:
                    yield document
                    document = []
                continue
            if parts[1] == "-DOCSTART-":
                marked = True
                sentence_done()
                if document:
                    yield document
                document = []
                continue
            words.append(parts[1])
            labels.append(parts[2])
    sentence_done()
    if document:
        yield document


def _trainer(params: dict[str, Any]) -> Any:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params)
    return trainer


def _fit(
    documents: list[list[Sentence]], rows: list[list[list[list[str]]]], params: dict[str, Any], path: Path
) -> None:
    trainer = _trainer(params)
    for document, document_rows in zip(documents, rows, strict=True):
        for (_, labels), row in zip(document, document_rows, strict=True):
            trainer.append(row, labels)
    trainer.train(str(path))


def train(
    language: str,
    data: Path,
    *,
    out: Path | None = None,
    iterations: int = ITERATIONS,
    c1: float = C1,
    c2: float = C2,
    wikiann: bool = False,
    with_val: bool = True,
    eval_split: str = "test",
) -> dict[str, Any]:
    """Train, save and score the two models of ``language``; returns the recorded facts.

    The first-pass model learns from the sentence features. The second-pass model also sees
    what a first pass made of each word across its document; so that it learns how far to
    trust a first pass on *unseen* text, those votes come from two models each trained on
    one half of the documents and run on the other half (jackknifing).
    """
    from kronika.analyze import entities
    from kronika.analyze.entities import add_votes, document_features, document_votes, load_tagger
    from kronika.eval.ner import evaluate_ner

    out = out or Path(__file__).resolve().parent.parent / "models"
    lexicon = build_name_lexicon(language, data, out)
    entities.use_name_lexicon(language, lexicon)
    files = [data / CORPORA[language] / "train.conllu"]
    if with_val:  # the settings were chosen on val; the shipped model learns from it too
        files.append(data / CORPORA[language] / "val.conllu")
    if wikiann:
        files.append(data / WIKIANN[language] / "train.conllu")
    documents: list[list[Sentence]] = []
    sources = []
    for path in files:
        read = list(read_documents(path))
        documents += read
        sources.append({
            "file": f"{path.parent.name}/{path.name}",
            "documents": len(read),
            "sentences": sum(len(document) for document in read),
            "tokens": sum(len(words) for document in read for words, _ in document),
        })
    words = [[sentence_words for sentence_words, _ in document] for document in documents]
    rows = [document_features(document_words, language) for document_words in words]
    params = {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    first = out / f"ner-{language}.crfsuite"
    second = out / f"ner-{language}.doc.crfsuite"
    started = time.perf_counter()
    _fit(documents, rows, params, first)

    halves = [list(range(0, len(documents), 2)), list(range(1, len(documents), 2))]
    votes: list[dict[str, str]] = [{} for _ in documents]
    for trained_on, tagged in (halves, halves[::-1]):
        fold = out / f"ner-{language}.fold.crfsuite"
        _fit([documents[i] for i in trained_on], [rows[i] for i in trained_on], params, fold)
        tagger = load_tagger(fold)
        for i in tagged:
            labels = [tagger.tag(row) for row in rows[i]]
            votes[i] = document_votes(words[i], labels)
        fold.unlink()
    for document_rows, document_words, document_votes_ in zip(rows, words, votes, strict=True):
        for row, sentence_words in zip(document_rows, document_words, strict=True):
            add_votes(row, sentence_words, document_votes_)
    _fit(documents, rows, params, second)
    seconds = time.perf_counter() - started

    scores = evaluate_ner(data, language, eval_split, models=(first, second))
    record = {
        "models": [first.name, second.name],
        "task": "named entities PER ORG LOC MISC (BIO), two passes (document votes)",
        "language": language,
        "trained": date.today().isoformat(),
        "training_data": sources,
        "data_origin": "../shared/data/SOURCES.md (CoNLL-2002/2003 via Babelscape/wikineural; WikiANN)",
        "algorithm": "CRF, L-BFGS with elastic net (python-crfsuite), jackknifed second pass",
        "params": params,
        "training_seconds": round(seconds, 1),
        "evaluated_on": f"{CORPORA[language]}/{eval_split}.conllu",
        "scores": {name: round(value, 4) for name, value in scores.items()},
        "name_lexicon": f"{lexicon.name}: words mostly inside names of one type in WikiANN "
                        f"{WIKIANN[language]} (all splits)",
        "model_bytes": first.stat().st_size + second.stat().st_size,
    }
    (out / f"ner-{language}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


LEXICON_MIN_COUNT = 2
LEXICON_MIN_SHARE = 0.7
LEXICON_MAX_ZIPF = 4.5
"""A WikiANN word enters the name lexicon when seen at least twice inside names, with one type
at least 70% of the time, and it is not a common word of the language (zipf < 4.5)."""


def build_name_lexicon(language: str, data: Path, out: Path) -> Path:
    """Write ``ner-<iso>.names.tsv``: words that are mostly part of names of one type in
    WikiANN (Wikipedia, a different source than the CoNLL news used for training)."""
    from collections import Counter

    from kronika.analyze.frequencies import zipf

    counts: dict[str, Counter[str]] = {}
    for split in ("train", "val", "test"):
        for document in read_documents(data / WIKIANN[language] / f"{split}.conllu"):
            for words, labels in document:
                for word, label in zip(words, labels, strict=True):
                    if label != "O" and word[:1].isalpha():
                        counts.setdefault(word.lower(), Counter())[label[2:]] += 1
    lines = []
    for word, types in sorted(counts.items()):
        kind, count = types.most_common(1)[0]
        total = sum(types.values())
        if (total >= LEXICON_MIN_COUNT and count / total >= LEXICON_MIN_SHARE
                and zipf(word, language) < LEXICON_MAX_ZIPF):
            lines.append(f"{word}\t{kind}")
    path = out / f"ner-{language}.names.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
