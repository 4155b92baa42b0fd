"""Russian: measure slovnet's NER model against kronika's CRF with the same scorer.

    python -m kronika.train slovnet --data ../shared/data/ner [--record]

slovnet (MIT) ships its news NER model and the navec embeddings it needs inside the
``natasha`` wheel (``natasha/data/model/slovnet_ner_news_v1.tar``,
``natasha/data/emb/navec_news_v1_1B_250K_300d_100q.tar``). ``import natasha`` fails on
Python 3.11 (through pymorphy2), so the tar files are found through the package's location
and loaded with ``slovnet.NER.load`` / ``navec.Navec.load`` directly. The test sets' own
tokens are fed to the model (its encoder, past razdel's tokenizer), and its PER/LOC/ORG
spans are scored by :func:`kronika.eval.ner.evaluate_ner` like the CRF's, on the same
machine in the same run so the speeds compare. ``--record`` writes the comparison into
``ner-ru.json`` (``compared_with``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from kronika.eval.ner import Tag, evaluate_ner

NER_TAR = "model/slovnet_ner_news_v1.tar"
NAVEC_TAR = "emb/navec_news_v1_1B_250K_300d_100q.tar"
TEST_SETS = ("wikiann-ru", "bsnlp2019-ru")


def natasha_data() -> Path:
    """The ``data`` folder of the installed natasha package (without importing it)."""
    spec = find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("natasha is not installed (pip install natasha slovnet navec)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def slovnet_tagger(data: Path | None = None) -> Tag:
    """A document tagger on slovnet's news NER model: BIO labels for given tokens."""
    from navec import Navec
    from slovnet import NER

    data = data or natasha_data()
    ner = NER.load(str(data / NER_TAR))
    ner.navec(Navec.load(str(data / NAVEC_TAR)))
    infer = ner.infer

    def tag(words: Sequence[Sequence[str]]) -> list[list[str]]:
        sentences = [list(sentence) for sentence in words]
        labels: list[list[str]] = [[] for _ in sentences]
        filled = [i for i, sentence in enumerate(sentences) if sentence]
        predicted = infer.decoder(infer.process(infer.encoder([sentences[i] for i in filled])))
        for i, sentence_labels in zip(filled, predicted, strict=True):
            labels[i] = list(sentence_labels)
        return labels

    return tag


def compare(data: Path, natasha: Path | None = None) -> dict[str, Any]:
    """Scores and speeds of slovnet and of the installed Russian CRF on each test set."""
    from kronika.analyze.entities import tag_sentences
    from kronika.train.ner import read_split

    tag = slovnet_tagger(natasha)
    # Warm both up (slovnet's arrays, the CRF's models, simplemma's Russian dictionary) so that
    # the speeds compare tagging, not loading.
    for document in read_split(data, TEST_SETS[0], "val")[:3]:
        words = [sentence_words for sentence_words, _ in document]
        tag(words)
        tag_sentences(words, "ru")
    result: dict[str, Any] = {}
    for corpus in TEST_SETS:
        if not (data / corpus).is_dir():
            continue
        slovnet = evaluate_ner(data, "ru", corpus=corpus, tag=tag, model_types=("PER", "ORG", "LOC"))
        crf = evaluate_ner(data, "ru", corpus=corpus)
        result[f"{corpus}/test"] = {
            "slovnet": {name: round(value, 4) for name, value in slovnet.items()},
            "crf": {name: round(value, 4) for name, value in crf.items()},
        }
    return result


def record(comparison: dict[str, Any], decision: str, model_folder: Path) -> None:
    """Write the comparison and the decision into ``ner-ru.json``."""
    path = model_folder / "ner-ru.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["compared_with"] = {
        "model": "slovnet 0.6 slovnet_ner_news_v1 + navec_news_v1_1B_250K_300d_100q "
                 "(inside the natasha 1.6 wheel; MIT)",
        "how": "python -m kronika.train slovnet: same tokens, same scorer (PER/ORG/LOC), "
               "same machine and run",
        "scores": comparison,
        "decision": decision,
    }
    path.write_text(json.dumps(saved, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
