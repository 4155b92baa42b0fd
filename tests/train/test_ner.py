"""The NER training script, end to end on tiny corpora we wrote (the real ones take minutes)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from kronika.analyze import entities
from kronika.eval.ner import evaluate_ner
from kronika.model import Sentence
from kronika.train.ner import default_out, read_documents, read_split, train

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
        "licence": "Reuters corpus terms: research use",
    }
    assert saved["scores"]["f1"] == record["scores"]["f1"] > 0.9  # it learns its own data


UK_SENTENCES = [
    [("Олена", "B-PERS"), ("Шевчук", "I-PERS"), ("приїхала", "O"), ("до", "O"), ("Львова", "B-LOC"),
     ("у", "O"), ("травні", "B-DATE"), ("2021", "I-DATE"), (".", "O")],
    [("Профспілка", "B-ORG"), ("Укрзалізниці", "I-ORG"), ("оголосила", "O"), ("страйк", "O"),
     (".", "O")],
    [("Шевчук", "B-PERS"), ("виступила", "O"), ("у", "O"), ("Львові", "B-LOC"), ("як", "O"),
     ("депутатка", "B-JOB"), ("та", "O"), ("прочитала", "O"), ("«", "O"), ("Кобзар", "B-ART"),
     ("»", "O"), (".", "O")],
]


def write_iob(path: Path, copies: int) -> None:
    """NER-UK's format: ``token BIO`` lines, blank lines (several) between sentences."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for _ in range(copies):
        for sentence in UK_SENTENCES:
            lines += [f"{word} {label}" for word, label in sentence] + ["", "", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_ner_uk_labels_are_read_as_conll_types(tmp_path: Path) -> None:
    write_iob(tmp_path / "ner-uk" / "train.iob", 1)
    (document,) = read_documents(tmp_path / "ner-uk" / "train.iob")
    assert [labels for _, labels in document] == [
        ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O", "O"],
        ["B-ORG", "I-ORG", "O", "O", "O"],
        ["B-PER", "O", "O", "B-LOC", "O", "O", "O", "O", "O", "O", "O", "O"],
    ]


def test_a_corpus_without_val_holds_out_the_tail_of_train(tmp_path: Path) -> None:
    write_iob(tmp_path / "ner-uk" / "train.iob", 70)  # 210 sentences: 11 pseudo-documents
    whole = list(read_documents(tmp_path / "ner-uk" / "train.iob"))
    train_part = read_split(tmp_path, "ner-uk", "train")
    val_part = read_split(tmp_path, "ner-uk", "val")
    assert len(whole) == 11 and len(val_part) == 1
    assert train_part + val_part == whole


@pytest.fixture
def user_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "user-models"
    monkeypatch.setenv("KRONIKA_MODELS", str(folder))
    entities.forget_models()
    yield folder
    monkeypatch.delenv("KRONIKA_MODELS")
    entities.use_name_lexicon("uk", None)
    entities.forget_models()


def test_a_model_whose_data_may_not_ship_goes_to_the_user_folder(
    tmp_path: Path, user_models: Path
) -> None:
    data = tmp_path / "data"
    write_iob(data / "ner-uk" / "train.iob", 60)
    write_iob(data / "ner-uk" / "test.iob", 20)
    assert default_out("uk") == user_models
    record = train("uk", data, iterations=20)
    assert (user_models / "ner-uk.crfsuite").is_file()
    package = Path(entities.__file__).resolve().parent.parent / "models"
    assert not (package / "ner-uk.crfsuite").exists()
    saved = json.loads((user_models / "ner-uk.json").read_text(encoding="utf-8"))
    assert "CC BY-NC-SA 4.0" in saved["licence"] and "not part of the default install" in saved["licence"]
    assert saved["training_data"][0]["file"] == "ner-uk/train.iob (first 9/10 of the documents)"
    assert saved["name_lexicon"] == "none" and not (user_models / "ner-uk.names.tsv").exists()
    # The scorer reads NER-UK's format and scores the four CoNLL types it keeps.
    assert set(record["scores"]) >= {"f1", "f1_PER", "f1_ORG", "f1_LOC"}
    assert record["scores"]["f1"] > 0.9  # it learns its own data
    # The model lookup finds it after the package folder: Ukrainian text gets entities.
    assert entities.has_model("uk")
    text = "Олена Шевчук приїхала до Львова."
    found = [(e.text, e.label) for e in entities.find_entities(text, [Sentence(0, len(text))], "uk")]
    assert ("Олена Шевчук", "PER") in found and ("Львова", "LOC") in found


def test_wikiann_scores_leave_misc_out(tmp_path: Path) -> None:
    """WikiANN labels no MISC: a model's MISC guesses there are neither right nor wrong."""
    folder = tmp_path / "wikiann-de"
    folder.mkdir()
    sentences = [[("Angela", "B-PER"), ("Merkel", "I-PER"), ("besuchte", "O"), ("Paris", "B-LOC"),
                  ("zur", "O"), ("Expo", "O"), (".", "O")]]
    lines = [f"{i}\t{w}\t{label}" for i, (w, label) in enumerate(sentences[0])]
    (folder / "test.conllu").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def tag(words: Sequence[Sequence[str]]) -> list[list[str]]:
        return [["B-PER", "I-PER", "O", "B-LOC", "O", "B-MISC", "O"] for _ in words]

    scores = evaluate_ner(tmp_path, "de", tag=tag)
    assert scores["f1"] == scores["precision"] == 1.0
    assert "f1_MISC" not in scores and scores["f1_PER"] == 1.0


def test_eval_scores_a_user_trained_model_without_pinning_it(
    tmp_path: Path, user_models: Path
) -> None:
    from kronika.eval import baselines
    from tests.conftest import cli

    data = tmp_path / "data"
    write_iob(data / "ner-uk" / "train.iob", 60)
    write_iob(data / "ner-uk" / "test.iob", 20)
    train("uk", data, iterations=20)
    pinned = baselines.load_baselines()
    result = cli("eval", "ner", "--lang", "uk", "--data", str(data), "--update")
    assert result.exit_code == 0, result.output
    assert "ner-uk" in result.output and "f1_PER" in result.output
    assert "not pinned" in result.output
    assert baselines.load_baselines() == pinned


def test_a_second_domain_gets_marked_copies_of_its_features_only() -> None:
    from kronika.train.ner import mark_domains

    rows = [[[["word=a", "title"]]], [[["word=b"]]]]
    mark_domains(rows, [("conll2003-en", "train"), ("wikiann-en", "train")], "conll2003")
    assert rows == [[[["word=a", "title"]]], [[["word=b", "wikiann:word=b"]]]]
