"""The NER training script, end to end on a tiny corpus we wrote (the real one takes minutes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.analyze import entities
from kronika.train.ner import read_documents, train

SENTENCES = [
    [("Anna", "B-PER"), ("Kowalski", "I-PER"), ("visited", "O"), ("Gdansk", "B-LOC"), (".", "O")],
    [("The", "O"), ("Harbour", "B-ORG"), ("Union", "I-ORG"), ("called", "O"), ("a", "O"),
     ("strike", "O"), (".", "O")],
    [("Kowalski", "B-PER"), ("spoke", "O"), ("in", "O"), ("Gdansk", "B-LOC"), ("on", "O"),
     ("Monday", "O"), (".", "O")],
    [("Polish", "B-MISC"), ("dockers", "O"), ("joined", "O"), ("the", "O"), ("Harbour", "B-ORG"),
     ("Union", "I-ORG"), (".", "O")],
]


def write_conll(path: Path, documents: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for _ in range(documents):
        lines += ["0\t-DOCSTART-\tO", ""]
        for sentence in SENTENCES:
            lines += [f"{i}\t{word}\t{label}" for i, (word, label) in enumerate(sentence)] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    for split in ("train", "val", "test"):
        write_conll(tmp_path / "data" / "conll2003-en" / f"{split}.conllu", 3)
        write_conll(tmp_path / "data" / "wikiann-en" / f"{split}.conllu", 1)
    yield tmp_path
    entities.use_name_lexicon("en", None)


def test_documents_are_read_between_docstart_marks(corpus: Path) -> None:
    documents = list(read_documents(corpus / "data" / "conll2003-en" / "train.conllu"))
    assert len(documents) == 3
    assert documents[0][0] == (["Anna", "Kowalski", "visited", "Gdansk", "."],
                               ["B-PER", "I-PER", "O", "B-LOC", "O"])


def test_training_writes_models_and_their_record(corpus: Path) -> None:
    out = corpus / "models"
    out.mkdir()
    record = train("en", corpus / "data", out=out, iterations=20)
    assert (out / "ner-en.crfsuite").is_file() and (out / "ner-en.doc.crfsuite").is_file()
    assert (out / "ner-en.names.tsv").read_text(encoding="utf-8").strip()
    saved = json.loads((out / "ner-en.json").read_text(encoding="utf-8"))
    assert saved["training_data"][0] == {
        "file": "conll2003-en/train.conllu", "documents": 3, "sentences": 12, "tokens": 78,
    }
    assert saved["scores"]["f1"] == record["scores"]["f1"] > 0.9  # it learns its own data
