"""MEANTIME nl/en: gold event and entity mentions with cross-lingual coreference chains.

The folder (``../shared/data/coref/meantime-nl-en``) holds ``en/`` and ``nl/``, each with
``event_mentions.json``, ``entities_mentions.json`` and ``meantime.conll``. The Dutch
articles are translations of the English ones and keep their ``doc_id``.

What the loader evens out:

- Chain ids carry a prefix that differs by language (``cross_intra_OTH400…`` in English,
  ``cross_OTH400…`` in Dutch, ``intra_…``); the trailing ``[A-Z]{3}\\d+`` is the same
  instance in both languages and becomes :attr:`GoldMention.chain`.
- ``mention_id`` is not unique within a file: nested mentions with the same head share it
  (160 ids are repeated among the English entity mentions), and a few records are exact duplicates (11 Dutch entity
  mentions, 1 Dutch event mention). Duplicates are kept, so counts match the files; the
  ids get a ``#2``, ``#3`` suffix.
- Sentence text is not in the JSON: it is rebuilt from ``meantime.conll`` (columns: doc
  key ``topic/subtopic``, sentence number, token number, token, coreference tags), whose
  doc key is the mention's ``conll_doc_key``.

Sentence numbers line up across the languages in 110 of the 120 articles; in 10 Apple
articles the translation merged or split sentences, so the same ``sent_id`` can be a
different sentence there. Chains also cross articles (29 event chains, 125 entity chains):
the key is cross-document. Some Dutch tokens keep CSV quoting (``" "`` for one quote).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kronika.eval.clusters import b_cubed, ceaf_e, conll_f1, muc, pairwise

MENTION_FILES = {"event": "event_mentions.json", "entity": "entities_mentions.json"}
CONLL_FILE = "meantime.conll"

_CHAIN_KEY = re.compile(r"[A-Z]{3}\d+$")


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str
    """Unique across both languages: ``<language>:<mention_id>[#n]``."""
    language: str
    kind: str
    """``event`` or ``entity``."""
    doc_id: str
    topic: str
    sent_id: int
    tokens: tuple[int, ...]
    """Token numbers in the sentence (not always contiguous)."""
    text: str
    head: str
    head_lemma: str
    mention_type: str
    """ORG, PER, LOC, PRO, FIN for entities; OTH, SPE, GRA … for events."""
    chain: str
    """The language-independent chain key: equal chains corefer, across languages too."""
    sentence: str
    """The sentence's tokens joined with spaces; empty if the sentence is not found."""
    sentence_tokens: tuple[str, ...]


def load(
    folder: Path, kind: str = "event", languages: Sequence[str] = ("en", "nl")
) -> list[GoldMention]:
    """The gold ``kind`` mentions of each language, in file order, languages in the given
    order."""
    if kind not in MENTION_FILES:
        raise ValueError(f"kind must be one of {', '.join(MENTION_FILES)}, not {kind!r}")
    if not folder.is_dir():
        raise FileNotFoundError(f"no MEANTIME folder at {folder}")
    mentions: list[GoldMention] = []
    for language in languages:
        mention_file = folder / language / MENTION_FILES[kind]
        conll_file = folder / language / CONLL_FILE
        for path in (mention_file, conll_file):
            if not path.is_file():
                raise FileNotFoundError(f"MEANTIME file missing: {path}")
        sentences = read_sentences(conll_file)
        with mention_file.open(encoding="utf-8") as stream:
            records = json.load(stream)
        mentions.extend(_mentions(records, language, kind, sentences))
    return mentions


def document_texts(path: Path) -> dict[str, str]:
    """The text of every document in a MEANTIME CoNLL file, by doc key: its tokens joined by
    spaces, one sentence a line."""
    by_doc: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for (doc, number), tokens in read_sentences(path).items():
        by_doc[doc].append((number, tokens))
    return {doc: "\n".join(" ".join(tokens) for _, tokens in sorted(lines)) for doc, lines in by_doc.items()}


def read_sentences(path: Path) -> dict[tuple[str, int], tuple[str, ...]]:
    """The tokens of every sentence in a MEANTIME CoNLL file, by (doc key, sentence number)."""
    tokens: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) < 4:
                raise ValueError(f"{path}:{number}: expected 5 tab-separated columns: {line!r}")
            doc_key, sent_id, token_id, token = columns[:4]
            tokens[doc_key, int(sent_id)][int(token_id)] = token
    return {sentence: tuple(words[i] for i in sorted(words)) for sentence, words in tokens.items()}


def chain_key(coref_chain: str) -> str:
    """``cross_intra_OTH40014340782068576`` → ``OTH40014340782068576``."""
    match = _CHAIN_KEY.search(coref_chain)
    if match is None:
        raise ValueError(f"unexpected MEANTIME chain id {coref_chain!r}")
    return match.group(0)


def _mentions(
    records: Iterable[dict[str, Any]],
    language: str,
    kind: str,
    sentences: dict[tuple[str, int], tuple[str, ...]],
) -> Iterable[GoldMention]:
    seen: dict[str, int] = defaultdict(int)
    for record in records:
        base = f"{language}:{record['mention_id']}"
        seen[base] += 1
        sent_id = int(record["sent_id"])
        words = sentences.get((str(record["conll_doc_key"]), sent_id), ())
        yield GoldMention(
            id=base if seen[base] == 1 else f"{base}#{seen[base]}",
            language=language,
            kind=kind,
            doc_id=str(record["doc_id"]),
            topic=str(record["topic"]),
            sent_id=sent_id,
            tokens=tuple(int(token) for token in record["tokens_number"]),
            text=str(record["tokens_str"]),
            head=str(record["mention_head"]),
            head_lemma=str(record["mention_head_lemma"]),
            mention_type=str(record["mention_type"]),
            chain=chain_key(str(record["coref_chain"])),
            sentence=" ".join(words),
            sentence_tokens=words,
        )


# Trivial responses to compare a linker with ------------------------------------------


def gold_clusters(mentions: Iterable[GoldMention]) -> dict[str, Hashable]:
    """The key: mention id → chain."""
    return {mention.id: mention.chain for mention in mentions}


def singleton_clusters(mentions: Iterable[GoldMention]) -> dict[str, Hashable]:
    """Every mention alone."""
    return {mention.id: mention.id for mention in mentions}


def head_lemma_clusters(mentions: Iterable[GoldMention]) -> dict[str, Hashable]:
    """Mentions of one article (either language) with the same head lemma, case-folded."""
    return {mention.id: (mention.doc_id, mention.head_lemma.casefold()) for mention in mentions}


def baseline_scores(mentions: Sequence[GoldMention]) -> dict[str, float]:
    """B³, MUC, CEAF-e, CoNLL F1 and cross-language pairwise scores of the trivial
    responses (``singletons``, ``head_lemma``) on the given mentions, named
    ``<response>/<metric>_<p|r|f1>``."""
    key = gold_clusters(mentions)
    language = {mention.id: mention.language for mention in mentions}

    def cross_language(a: str, b: str) -> bool:
        return language[a] != language[b]

    scores: dict[str, float] = {}
    for name, response in (
        ("singletons", singleton_clusters(mentions)),
        ("head_lemma", head_lemma_clusters(mentions)),
    ):
        for metric, score in (
            ("b3", b_cubed(key, response)),
            ("muc", muc(key, response)),
            ("ceaf_e", ceaf_e(key, response)),
            ("cross_pairs", pairwise(key, response, where=cross_language)),
        ):
            scores[f"{name}/{metric}_p"] = score.precision
            scores[f"{name}/{metric}_r"] = score.recall
            scores[f"{name}/{metric}_f1"] = score.f1
        scores[f"{name}/conll_f1"] = conll_f1(key, response)
    return scores
