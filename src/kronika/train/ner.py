"""Train the NER CRF of one language from the corpora its recipe names.

    python -m kronika.train ner --lang nl --data ../shared/data/ner

Each language has a :class:`Recipe` (:data:`RECIPES`): the corpora it learns from, the test
sets it is scored on, the WikiANN corpus its name lexicon comes from, and whether its data's
terms let the model ship. The corpora are those of ``../shared/data/SOURCES.md``:

- ``<corpus>/<split>.conllu``: ``idx<TAB>token<TAB>BIO`` lines, a blank line between
  sentences, ``-DOCSTART-`` (CoNLL) or ``#DOCSTART`` (BSNLP) between documents;
- ``<corpus>/<split>.iob`` (NER-UK): ``token BIO`` lines; its PERS is read as PER and its
  types that CoNLL does not have (DATE, JOB, MON, ART, …) as O. It has no val split: the
  last tenth of train's (pseudo-)documents stands in for it (settings are chosen on it with
  ``--no-val``; the final model learns from it too, as with every val split).

The trainer fits a CRF (L-BFGS, elastic net) on the features of
:mod:`kronika.analyze.entities`, writes ``ner-<lang>.crfsuite`` (and the second pass
``ner-<lang>.doc.crfsuite``) into ``kronika/models`` (or, where the data's licence keeps the
model out of the default install, into the user model folder,
:func:`kronika.analyze.entities.user_model_folder`), and next to it ``ner-<lang>.json`` with
the data used and its licence, the settings, the training time and the scores per type on
each test set.

Choices measured for the languages added after en/nl, on val (train only; F1 over PER/ORG/LOC
on WikiANN, over all four types on CoNLL-2002 es and NER-UK); each recipe's ``notes`` (also
in the model's JSON record) give the numbers:

- de, pl, ru learn from WikiANN, which is also where their name lexicon comes from. A
  lexicon of the training data itself fires on every training name seen twice, so the CRF
  over-trusts it; *cross-fitting* (each half of the documents sees the lexicon of the other
  half, the shipped lexicon is the whole one) helps: de 0.8120 → 0.8153, pl 0.8378 → 0.8453.
- The lemma feature (simplemma) helps ru and uk, not de, pl or es
  (``Recipe.lemmas``; the model's record lists the feature, :data:`kronika.analyze.entities.LEMMA_FEATURE`).
- The second (document) pass adds a little even on WikiANN's pseudo-documents (de 0.8153 →
  0.8168, pl 0.8453 → 0.8464, BSNLP pl 0.3830 → 0.3882): every language keeps it.
- es: adding WikiANN es train lowers CoNLL-es (val 0.7579 → 0.7363, test 0.8022 → 0.7939)
  and lifts WikiANN es (val 0.47 → 0.85): the shipped model learns from both (``ES_NOTES``).
- en, nl: ``--second-domain`` learns from WikiANN train too, as a second domain
  (:func:`mark_domains`): on val CoNLL holds (en 0.9001 → 0.9046, nl 0.7863 → 0.7854) and
  WikiANN rises (en 0.43 → 0.51, nl 0.54 → 0.65), where mixing the two plainly cost CoNLL
  2.6 and 5.1 points. The models it makes are not shipped: they lose on every linking dev
  set (``EN_NL_NOTES``).
- uk: NER-UK (CC BY-NC-SA 4.0) may not ship: the model goes to the user model folder.

Russian: slovnet's news NER model (inside the ``natasha`` wheel, MIT) was scored with the
same scorer on the same tokens (``python -m kronika.train slovnet``, :mod:`compare_ru`):
WikiANN ru test F1 0.37 against the CRF's 0.85 (it splits WikiANN's "Фамилия , Имя" title
spans into two names), BSNLP 2019 ru test 0.72 against 0.40 (recall 0.90 against 0.47), at
16-19k tokens/s against the CRF's 19-30k. It does not win on both test sets, so the CRF
stays; on news slovnet is clearly stronger (``ner-ru.json``, ``compared_with``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

PSEUDO_DOCUMENT = 20
"""Sentences per document where a corpus has no document marks (CoNLL-2002, WikiANN,
NER-UK): about the length of a news article, so the document clues see what they see at run
time."""

ITERATIONS = 150
C1 = 0.02
C2 = 0.005
"""Elastic-net weights chosen on CoNLL-2003 val (60 iterations): 0.05/0.01 → F1 0.8955,
0.1/0.01 → 0.8962, 0.02/0.005 → 0.8992."""

HELD_OUT = 10
"""A corpus without a val split (NER-UK) gives every document from the last 1/10 of train
to val (the tail, not every tenth: neighbouring documents share a text and its names)."""

LICENCES = {
    "conll2002": "research use",
    "conll2003": "Reuters corpus terms: research use",
    "wikiann": "derived from Wikipedia (CC BY-SA)",
    "bsnlp2019": "research use",
    "ner-uk": "CC BY-NC-SA 4.0: measure with it; a model trained on it must say so and stay "
              "out of the default install if its terms forbid shipping",
}
"""The terms of each corpus family as ``../shared/data/SOURCES.md`` states them."""

WIKIANN_TYPES = ("PER", "ORG", "LOC")
"""WikiANN labels only these: its test sets score them alone (see kronika.eval.ner)."""


@dataclass(frozen=True, slots=True)
class Recipe:
    """What one language's model learns from and is measured on."""

    corpora: tuple[str, ...]
    """Training corpora (their train split, and val where ``with_val``)."""
    tests: tuple[str, ...]
    """Test sets scored after training; the first is the one pinned in baselines.json."""
    lexicon: str | None = None
    """The WikiANN corpus whose names make the name lexicon (None: no lexicon)."""
    lexicon_splits: tuple[str, ...] = ("train", "val")
    """The splits the lexicon reads: never a split the model is scored on."""
    news: tuple[str, ...] = ()
    """Corpora of labelled news with only val and test splits (BSNLP 2019) whose val split
    is learnt from, :data:`NEWS_REPEAT` times over; their test split stays for scoring."""
    ships: bool = True
    """False where the data's terms keep the model out of the default install."""
    lemmas: bool = False
    """Does the model also see each word's lemma (chosen on val, see the notes)?"""
    second: str | None = None
    """A corpus whose train split ``--second-domain`` adds as a second domain
    (:func:`mark_domains`); measured for en and nl, not shipped (``EN_NL_NOTES``)."""
    c1: float = C1
    c2: float = C2
    """Elastic-net weights (chosen on val where they differ from the CoNLL-2003 ones)."""
    notes: tuple[str, ...] = field(default=())
    """What was measured to choose the recipe (recorded in the model's JSON)."""


BSNLP_NOTE = (
    "BSNLP 2019 (news on named topics, out of domain) labels only part of the mentions (of the "
    "single-word names labelled in a val document, about half of their other occurrences in "
    "it are O): its precision reads low, its recall is the fairer figure"
)
ES_NOTES = (
    ("val F1 CoNLL-2002 es / WikiANN es (train only, one pass): CoNLL train 0.7579 / 0.4691; "
     "+ WikiANN es train (its lexicon cross-fitted) 0.7363 / 0.8490: CoNLL alone scores better "
     "on CoNLL, but only the mixed model meets the WikiANN floor; + lemma 0.7587 / 0.4503 (not used); c1/c2 "
     "0.05/0.01 0.7545, 0.01/0.002 0.7602 (used)"),
    ("test F1 CoNLL / WikiANN of the final models (train + val, two passes): CoNLL alone "
     "0.8022 / 0.4599; CoNLL + WikiANN (shipped) 0.7939 / 0.8501"),
    ("WikiANN es labels Wikipedia link anchors (clubs, TV shows, 'REDIRECCIÓN …' titles) "
     "differently from CoNLL-2002's news annotation: a CoNLL model stays far under the "
     "issue's 0.80 WikiANN floor there; this one, which also learns from WikiANN es train, "
     "meets both floors at 0.008 less on CoNLL"),
)


DOMAIN_MARK = "{family}:"
"""Prefix of the copies of a second training domain's features (:func:`mark_domains`)."""


NEWS_REPEAT = 3
"""How many times over a ``news`` corpus is learnt from: WikiANN sentences are Wikipedia
link anchors and titles, mostly names, and a model trained on them alone tags half of a
news sentence as one organisation; BSNLP val is a tenth of their size. Set once, before
measuring (not tuned on the test split)."""


EN_NL_NOTES = {
    language: (
        (f"val F1 CoNLL / WikiANN {language} (train only, one pass, lexicon of WikiANN train, "
         f"cross-fitted where WikiANN is learnt from): CoNLL alone {scores[0]}; + WikiANN train "
         f"{scores[1]}; + WikiANN with a domain mark (a label bias) {scores[2]}; + WikiANN with "
         f"every feature copied for it (full augmentation; run as news) {scores[3]}; + WikiANN "
         f"with a marked copy for WikiANN only (used) {scores[4]}"),
        (f"that model read as WikiANN (its marked copies on) scores WikiANN val {scores[5]}, "
         "CoNLL val far lower: WikiANN's conventions are learnt, but kronika reads news, so it "
         "would run as news"),
        (f"final models (train + val, two passes, lexicon of WikiANN train + val), test F1 "
         f"CoNLL / WikiANN: shipped {scores[6]}; --second-domain {scores[7]}. Not shipped: "
         f"{scores[8]}, and every linking dev set lost (specific-dev cross-article pair recall "
         "0.424 -> 0.394, cross-language 0.391 -> 0.345, MEANTIME end-to-end cross-language "
         "pairs 6 of 11 -> 4)"),
    )
    for language, scores in {
        "en": ("0.9001 / 0.4285", "0.8739 / 0.7382", "0.8833 / 0.6475", "0.9027 / 0.4839",
               "0.9046 / 0.5147", "0.7453", "0.8570 / 0.4538 (its lexicon read WikiANN test)",
               "0.8596 / 0.5173", "PER 0.914 -> 0.911 (HAB, a union, read LOC)"),
        "nl": ("0.7863 / 0.5382", "0.7356 / 0.8530", "0.7435 / 0.8088", "0.7850 / 0.6180",
               "0.7854 / 0.6545", "0.8571", "0.8299 / 0.5727 (its lexicon read WikiANN test)",
               "0.8266 / 0.6529", "CoNLL 0.830 -> 0.827, PER 0.880 -> 0.862"),
    }.items()
}


RECIPES: dict[str, Recipe] = {
    # en and nl: as trained before; WikiANN test is scored as the out-of-domain check, but
    # their lexicon read it too (all of WikiANN), so that score is optimistic (EN_NL_NOTES).
    "en": Recipe(("conll2003-en",), ("conll2003-en", "wikiann-en"), "wikiann-en", ("train", "val", "test"),
                 second="wikiann-en", notes=EN_NL_NOTES["en"]),
    "nl": Recipe(("conll2002-nl",), ("conll2002-nl", "wikiann-nl"), "wikiann-nl", ("train", "val", "test"),
                 second="wikiann-nl", notes=EN_NL_NOTES["nl"]),
    "de": Recipe(("wikiann-de",), ("wikiann-de",), "wikiann-de", notes=(
        ("val F1 (train only, one pass): no lexicon 0.8111; lexicon of train 0.8120; the same "
        "cross-fitted (each half sees the other half's lexicon) 0.8153; + second pass 0.8168; "
        "lemma feature 0.8119 (not used)"),
    )),
    # CoNLL + WikiANN: the one that meets both floors (CoNLL 0.7939 >= 0.75, WikiANN 0.8501
    # >= 0.80); CoNLL alone scores 0.8022 on CoNLL but 0.4599 on WikiANN (see ES_NOTES).
    "es": Recipe(("conll2002-es", "wikiann-es"), ("conll2002-es", "wikiann-es"), "wikiann-es",
                 c1=0.01, c2=0.002, notes=ES_NOTES),
    "pl": Recipe(("wikiann-pl",), ("wikiann-pl", "bsnlp2019-pl"), "wikiann-pl", news=("bsnlp2019-pl",), notes=(
        ("val F1 WikiANN / BSNLP (train only): lexicon not cross-fitted 0.8378 / 0.3689; "
        "cross-fitted 0.8453 / 0.3830; + lemma 0.8456 / 0.3758 (not used); cross-fitted with "
        "second pass 0.8464 / 0.3882"),
        BSNLP_NOTE,
    )),
    "ru": Recipe(("wikiann-ru",), ("wikiann-ru", "bsnlp2019-ru"), "wikiann-ru", news=("bsnlp2019-ru",), lemmas=True, notes=(
        ("val F1 WikiANN / BSNLP (train only, one pass, lexicon cross-fitted): 0.8341 / 0.2869; "
        "+ lemma (simplemma) 0.8377 / 0.3086 (used)"),
        BSNLP_NOTE,
    )),
    "uk": Recipe(("ner-uk",), ("ner-uk",), None, ships=False, lemmas=True, notes=(
        ("NER-UK has no val split: its last tenth of train (pseudo-)documents is val. val F1 "
        "(one pass): 0.8346; + lemma (simplemma) 0.8398 (used)"),
        ("NER-UK 2.0's other types (DATE, JOB, MON, ART, PERIOD, QUANT, DOC, PCT, TIME) are "
        "read as O; its MISC is rare (778 train mentions) and scores low"),
        ("no name lexicon: there is no WikiANN uk in ../shared/data, and one of another "
        "language (ru) would spell the names differently"),
    )),
}

CORPORA = {language: recipe.tests[0] for language, recipe in RECIPES.items()}
"""The main test corpus of each language (what ``kronika eval ner`` scores)."""
WIKIANN = {language: recipe.lexicon for language, recipe in RECIPES.items() if recipe.lexicon}

Sentence = tuple[list[str], list[str]]


def family(corpus: str) -> str:
    """``wikiann-de`` → ``wikiann``; ``ner-uk`` stays ``ner-uk``."""
    return corpus if corpus == "ner-uk" else corpus.rsplit("-", 1)[0]


def licence(corpus: str) -> str:
    return LICENCES[family(corpus)]


def corpus_types(corpus: str) -> tuple[str, ...]:
    """The entity types a corpus labels."""
    return WIKIANN_TYPES if family(corpus) == "wikiann" else ("PER", "ORG", "LOC", "MISC")


_IOB_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
"""NER-UK's types kept (its PERS is CoNLL's PER); the rest are not CoNLL types and read as O."""


def _iob_label(label: str) -> str:
    if label == "O" or label[:2] not in ("B-", "I-"):
        return "O"
    kind = _IOB_TYPES.get(label[2:])
    return f"{label[:2]}{kind}" if kind else "O"


def read_documents(path: Path) -> Iterator[list[Sentence]]:
    """Documents of (words, labels) sentences from one CoNLL-style file (``.conllu``:
    ``idx<TAB>token<TAB>BIO``; ``.iob``: ``token BIO``)."""
    iob = path.suffix == ".iob"
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
            line = line.rstrip("\n")
            parts = line.rsplit(None, 1) if iob else line.split("\t")
            if line.strip() in ("#DOCSTART", "-DOCSTART-") or (
                len(parts) >= 3 and parts[1] == "-DOCSTART-"
            ):
                marked = True
                sentence_done()
                if document:
                    yield document
                document = []
                continue
            if len(parts) < (2 if iob else 3):
                sentence_done()
                if not marked and len(document) >= PSEUDO_DOCUMENT:
                    yield document
                    document = []
                continue
            if iob:
                words.append(parts[0])
                labels.append(_iob_label(parts[1]))
            else:
                words.append(parts[1])
                labels.append(parts[2])
    sentence_done()
    if document:
        yield document


def _split_file(folder: Path, split: str) -> Path | None:
    for suffix in (".conllu", ".iob"):
        if (folder / f"{split}{suffix}").is_file():
            return folder / f"{split}{suffix}"
    return None


def _held_out(folder: Path, split: str) -> Path | None:
    """train's file where ``split`` (train or val) is cut from it: the corpus has no val."""
    if split in ("train", "val") and _split_file(folder, "val") is None:
        return _split_file(folder, "train")
    return None


def read_split(data: Path, corpus: str, split: str) -> list[list[Sentence]]:
    """The documents of one split of a corpus; where the corpus has no val file, val is the
    last :data:`HELD_OUT` th of train and train the rest."""
    folder = data / corpus
    whole = _held_out(folder, split)
    if whole is not None:
        documents = list(read_documents(whole))
        cut = len(documents) - max(1, len(documents) // HELD_OUT)
        return documents[:cut] if split == "train" else documents[cut:]
    path = _split_file(folder, split)
    if path is None:
        raise FileNotFoundError(f"no {split} split of {corpus} in {data}")
    return list(read_documents(path))


def split_name(data: Path, corpus: str, split: str) -> str:
    """How a split is named in a record: ``wikiann-de/train.conllu``, ``ner-uk/train.iob
    (first 9/10 of the documents)``."""
    folder = data / corpus
    whole = _held_out(folder, split)
    if whole is not None:
        part = f"first {HELD_OUT - 1}/{HELD_OUT}" if split == "train" else f"last 1/{HELD_OUT}"
        return f"{corpus}/{whole.name} ({part} of the documents)"
    path = _split_file(folder, split)
    return f"{corpus}/{path.name if path else split}"


def has_split(data: Path, corpus: str, split: str) -> bool:
    """Whether :func:`read_split` finds that split."""
    folder = data / corpus
    return _held_out(folder, split) is not None or _split_file(folder, split) is not None


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


def default_out(language: str) -> Path:
    """Where a language's model goes: the package, or the user model folder where its data's
    terms keep it out of the default install."""
    from kronika.analyze.entities import user_model_folder

    if RECIPES[language].ships:
        return Path(__file__).resolve().parent.parent / "models"
    return user_model_folder()


def train(
    language: str,
    data: Path,
    *,
    out: Path | None = None,
    iterations: int = ITERATIONS,
    c1: float | None = None,
    c2: float | None = None,
    with_val: bool = True,
    eval_split: str = "test",
    two_pass: bool = True,
    crossfit: bool = True,
    second_domain: bool = False,
) -> dict[str, Any]:
    """Train, save and score the two models of ``language``; returns the recorded facts.

    The first-pass model learns from the sentence features. The second-pass model also sees
    what a first pass made of each word across its document; so that it learns how far to
    trust a first pass on *unseen* text, those votes come from two models each trained on
    one half of the documents and run on the other half (jackknifing).

    Where the name lexicon reads the training data itself (WikiANN-trained languages),
    ``crossfit`` gives each training document the lexicon of the *other* half of the data,
    so the model learns how far a lexicon from other text helps, as it will be at run time
    (a word of its own names is always in a lexicon of its own data).
    """
    from kronika.analyze import entities
    from kronika.analyze.entities import add_votes, document_features, document_votes, load_tagger
    from kronika.eval.ner import evaluate_ner

    recipe = RECIPES[language]
    c1 = recipe.c1 if c1 is None else c1
    c2 = recipe.c2 if c2 is None else c2
    out = out or default_out(language)
    out.mkdir(parents=True, exist_ok=True)
    first = out / f"ner-{language}.crfsuite"
    second = out / f"ner-{language}.doc.crfsuite"
    lexicon_path = out / f"ner-{language}.names.tsv"
    # Tuning on val (with_val False): the lexicon must not read val either.
    lexicon_splits = tuple(split for split in recipe.lexicon_splits if with_val or split != "val")
    if second_domain and recipe.second:  # the second domain's test split is scored
        lexicon_splits = tuple(split for split in lexicon_splits if split != "test")
    if recipe.lexicon:
        lexicon: Path | None = build_name_lexicon(language, data, out, lexicon_splits)
    else:
        lexicon = None
        lexicon_path.unlink(missing_ok=True)  # none from an earlier recipe
    entities.use_name_lexicon(language, lexicon_path)  # absent: no lexicon
    entities.use_lemmas(language, recipe.lemmas)

    corpora = list(recipe.corpora)
    if second_domain and recipe.second:
        corpora.append(recipe.second)
    splits = [(corpus, "train") for corpus in corpora]
    if with_val:  # the settings were chosen on val; the shipped model learns from it too
        splits[1:1] = [(recipe.corpora[0], "val")]
    splits += [(corpus, "val") for corpus in recipe.news for _ in range(NEWS_REPEAT)]
    documents: list[list[Sentence]] = []
    sources = []
    origins: list[tuple[str, str]] = []
    for corpus, split in splits:
        read = read_split(data, corpus, split)
        documents += read
        origins += [(corpus, split)] * len(read)
        sources.append({
            "file": split_name(data, corpus, split),
            "documents": len(read),
            "sentences": sum(len(document) for document in read),
            "tokens": sum(len(words) for document in read for words, _ in document),
            "licence": licence(corpus),
        })
    words = [[sentence_words for sentence_words, _ in document] for document in documents]
    crossfitted = bool(lexicon and crossfit and any(corpus == recipe.lexicon for corpus, _ in splits))
    if crossfitted:
        rows = _crossfit_rows(language, documents, words, origins, lexicon_path, lexicon_splits)
    else:
        rows = [document_features(document_words, language) for document_words in words]
    if second_domain and recipe.second:
        mark_domains(rows, origins, family(recipe.corpora[0]))
    params = {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    started = time.perf_counter()
    _fit(documents, rows, params, first)

    if two_pass:
        halves = [list(range(0, len(documents), 2)), list(range(1, len(documents), 2))]
        votes: list[dict[str, str]] = [{} for _ in documents]
        for trained_on, tagged in (halves, halves[::-1]):
            fold = out / f"ner-{language}.fold.crfsuite"
            _fit([documents[i] for i in trained_on], [rows[i] for i in trained_on], params, fold)
            tagger = load_tagger(fold)
            for i in tagged:
                labels = tagger.tag_sentences(rows[i])
                votes[i] = document_votes(words[i], labels)
            fold.unlink()
        for document_rows, document_words, document_votes_ in zip(rows, words, votes, strict=True):
            for row, sentence_words in zip(document_rows, document_words, strict=True):
                add_votes(row, sentence_words, document_votes_)
        _fit(documents, rows, params, second)
    else:
        second.unlink(missing_ok=True)
    seconds = time.perf_counter() - started

    models = (first, second if two_pass else None)
    tests = {}
    for corpus in recipe.tests:
        if has_split(data, corpus, eval_split):
            scores = evaluate_ner(data, language, eval_split, models=models, corpus=corpus)
            tests[f"{corpus}/{eval_split}"] = {name: round(value, 4) for name, value in scores.items()}
    main = f"{recipe.tests[0]}/{eval_split}"
    known = {label[2:] for document in documents for _, labels in document for label in labels}
    types = " ".join(kind for kind in ("PER", "ORG", "LOC", "MISC") if kind in known)
    record: dict[str, Any] = {
        "models": [path.name for path in models if path],
        "task": f"named entities {types} (BIO), "
                + ("two passes (document votes)" if two_pass else "one pass"),
        "language": language,
        "trained": date.today().isoformat(),
        "training_data": sources,
        "data_origin": "../shared/data/SOURCES.md (CoNLL-2002/2003 via Babelscape/wikineural; "
                       "WikiANN; NER-UK lang-uk/ner-uk v2.0)",
        "licence": _licence_note(language, corpora),
        "algorithm": "CRF, L-BFGS with elastic net (python-crfsuite)"
                     + (", jackknifed second pass" if two_pass else ""),
        "features": entities.feature_set(language),
        "params": params,
        "training_seconds": round(seconds, 1),
        "evaluated_on": main,
        "scores": tests.get(main, {}),
        "test_sets": tests,
        "name_lexicon": (
            f"{lexicon.name}: words mostly inside names of one type in WikiANN "
            f"{recipe.lexicon} ({', '.join(lexicon_splits)})"
            + ("; in training each half of those documents saw the other half's lexicon"
               if crossfitted else "")
            if lexicon else "none"
        ),
        "model_bytes": sum(path.stat().st_size for path in models if path),
    }
    if recipe.notes:
        record["notes"] = list(recipe.notes)
    if not recipe.ships:
        record["installed_in"] = (
            "the user model folder ($KRONIKA_MODELS, else $XDG_DATA_HOME/kronika/models or "
            "~/.local/share/kronika/models), not the package"
        )
    previous = out / f"ner-{language}.json"
    if previous.is_file():  # a comparison with another model is kept (see compare_ru)
        compared = json.loads(previous.read_text(encoding="utf-8")).get("compared_with")
        if compared:
            record["compared_with"] = compared
    (out / f"ner-{language}.json").write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    entities.forget_models()
    return record


def mark_domains(
    rows: list[list[list[list[str]]]], origins: list[tuple[str, str]], home: str
) -> None:
    """Give every token of the documents whose corpus is not of the ``home`` family a copy
    of each feature marked with its family (:data:`DOMAIN_MARK`).

    The plain weights learn what holds in both domains, the marked ones how the second one
    differs (WikiANN has no MISC and labels Wikipedia link anchors: species as LOC, albums as
    ORG). At run time a token has the plain features only, as the first corpus's had: the
    model reads text as news, with what the other domain taught it. An asymmetric form of
    feature augmentation (Daumé III 2007, "Frustratingly easy domain adaptation") that costs
    nothing at run time."""
    for document_rows, (corpus, _) in zip(rows, origins, strict=True):
        if family(corpus) != home:
            mark = DOMAIN_MARK.format(family=family(corpus))
            for sentence_rows in document_rows:
                for row in sentence_rows:
                    row.extend([mark + feature for feature in row])


def _crossfit_rows(
    language: str,
    documents: list[list[Sentence]],
    words: list[list[list[str]]],
    origins: list[tuple[str, str]],
    lexicon_path: Path,
    lexicon_splits: tuple[str, ...],
) -> list[list[list[list[str]]]]:
    """First-pass features of the training documents, those the lexicon was read from seeing
    the lexicon of the other half of them (even/odd documents)."""
    from kronika.analyze import entities
    from kronika.analyze.entities import document_features

    lexicon_corpus = RECIPES[language].lexicon
    shared = [i for i, (corpus, split) in enumerate(origins)
              if corpus == lexicon_corpus and split in lexicon_splits]
    rows: list[list[list[list[str]]] | None] = [None] * len(documents)
    for half in (0, 1):
        mine = shared[half::2]
        others = [documents[i] for i in shared[1 - half::2]]
        path = lexicon_path.with_suffix(f".half{half}.tsv")
        write_name_lexicon(language, others, path)
        entities.use_name_lexicon(language, path)
        for i in mine:
            rows[i] = document_features(words[i], language)
        path.unlink()
    entities.use_name_lexicon(language, lexicon_path)
    for i, row in enumerate(rows):
        if row is None:
            rows[i] = document_features(words[i], language)
    return [row for row in rows if row is not None]


def _licence_note(language: str, corpora: list[str]) -> str:
    terms = "; ".join(f"{corpus}: {licence(corpus)}" for corpus in corpora)
    if not RECIPES[language].ships:
        return (f"{terms}. Non-commercial, share-alike: the model is not part of the default "
                "install; a user who trains it keeps it in their own model folder, under the "
                "same terms.")
    if any(family(corpus) in ("conll2002", "conll2003") for corpus in corpora):
        return (f"{terms}. Shipped as the en/nl models are (trained on CoNLL data for research "
                "use); the name lexicon is WikiANN's (CC BY-SA).")
    return f"{terms}. The model and its name lexicon derive from WikiANN (CC BY-SA)."


LEXICON_MIN_COUNT = 2
LEXICON_MIN_SHARE = 0.7
LEXICON_MAX_ZIPF = 4.5
"""A WikiANN word enters the name lexicon when seen at least twice inside names, with one type
at least 70% of the time, and it is not a common word of the language (zipf < 4.5)."""


def build_name_lexicon(
    language: str, data: Path, out: Path, splits: tuple[str, ...] | None = None
) -> Path:
    """Write ``ner-<iso>.names.tsv``: words that are mostly part of names of one type in
    WikiANN (Wikipedia; for en/nl a different source than the CoNLL news used for training).
    ``splits`` are the WikiANN splits read (the recipe's by default)."""
    recipe = RECIPES[language]
    assert recipe.lexicon, f"no WikiANN corpus for {language}"
    documents = [
        document for split in splits or recipe.lexicon_splits
        for document in read_split(data, recipe.lexicon, split)
    ]
    return write_name_lexicon(language, documents, out / f"ner-{language}.names.tsv")


def write_name_lexicon(language: str, documents: list[list[Sentence]], path: Path) -> Path:
    """Write the name lexicon of ``documents`` to ``path`` (see :func:`build_name_lexicon`)."""
    from collections import Counter

    from kronika.analyze.frequencies import zipf

    counts: dict[str, Counter[str]] = {}
    for document in documents:
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
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
