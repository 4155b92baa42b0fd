"""Quote attribution scores on PolNear (English news, brat stand-off annotation).

Data: ``<data_dir>/<split>/text/<name>.txt`` and ``<data_dir>/<split>/attributions/
<name>_<annotator>.ann``; ``metadata.tsv`` lists the documents of each split (column
``compartment``). A document annotated by several annotators is scored against the first
annotator file in sorted order.

Gold: every ``E`` relation with a ``Content`` (fragments joined by ``;`` are one content)
and a ``Source``. Attributions without a source (``Attribution-no-source``) are not
(speaker, content) pairs and are left out.
A gold content is DIRECT when its first fragment starts with a quote mark and its last
fragment ends with a quote mark, optionally followed by closing punctuation (PolNear
annotates the marks as part of the content).

Matching, one to one, greedily in text order:

* content: the characters our quote covers overlap at least ``CONTENT_OVERLAP`` of the gold
  content's characters (quote marks and white space not counted). Our quotes of one kind
  that share one speaker and lie within ``JOIN_GAP`` characters of each other, in the same
  or the next paragraph, are first joined into one prediction, as PolNear annotates a split
  quote and a quote continued in the next paragraph as one content;
* speaker: our speaker span overlaps the gold ``Source`` span, or the two share a name word
  (a capitalised word of 3+ letters, "Mr. Obama" ~ "Barack Obama"). When the gold source is
  a pronoun or relative pronoun ("he", "who"), the ``ANTECEDENTS`` nearest preceding gold
  sources that hold a name (a capitalised word once a leading "The"/"A" is dropped) stand
  in for its antecedent, as PolNear does not link pronouns to names; our speaker (which
  carries the antecedent we resolved) may match the pronoun span or one of those names.

Direct scores compare our ``direct=True`` quotes with gold direct contents. A quote of ours
that lies (for at least half its characters) inside a gold content that is not direct, with
a speaker that matches that attribution's source, and touches no gold direct content, is a
correctly attributed fragment of a mixed quote (``He said the nation has become "more
interested in …"``): it is left out of the direct scores (neither hit nor miss), as the
gold counts that attribution as indirect. With a wrong speaker it counts as a miss. "All" scores compare every quote we find with every
gold attribution.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from kronika.analyze.entities import find_entities
from kronika.analyze.quotes import find_quotes
from kronika.analyze.sentences import split_sentences
from kronika.model import Quote

CONTENT_OVERLAP = 0.5
"""Share of the gold content our quote must cover (the task's definition)."""
JOIN_GAP = 250
"""Largest gap between two pieces of one split quote ('…,' he said, '…')."""
ANTECEDENTS = 2
"""How many preceding gold name sources stand in for a gold pronoun source."""

_QUOTE_CHARS = "\"'“”„‟«»‘’‚‹›"
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "his", "her"}
    | {"their", "him", "them", "us", "me"}
)
_DETERMINER = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]{2,}")


@dataclass(slots=True)
class _Gold:
    fragments: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str
    antecedent: str
    direct: bool


@dataclass(slots=True)
class _Pred:
    fragments: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    speaker_text: str
    direct: bool


def evaluate_quotes(data_dir: Path, split: str = "dev") -> dict[str, float]:
    """Precision and recall of (speaker, content) pairs on one PolNear split."""
    data_dir = Path(data_dir)
    names = _documents(data_dir, split)
    counts = {"dt": 0, "dp": 0, "dg": 0, "at": 0, "ap": 0, "ag": 0}
    documents = 0
    for name in names:
        text_path = data_dir / split / "text" / f"{name}.txt"
        anns = sorted((data_dir / split / "attributions").glob(f"{name}_*.ann"))
        if not text_path.is_file() or not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = _read_gold(anns[0], text)
        sentences = split_sentences(text, "en")
        entities = find_entities(text, sentences, "en")
        predicted = _join(find_quotes(text, sentences, entities, "en"), text)
        documents += 1
        direct_gold = [g for g in gold if g.direct]
        direct_pred = [p for p in predicted if p.direct]
        mixed = [g for g in gold if not g.direct]
        hits, counted = _matches(direct_pred, direct_gold, text, mixed)
        counts["dt"] += hits
        counts["dp"] += counted
        counts["dg"] += len(direct_gold)
        counts["at"] += _matches(predicted, gold, text, [])[0]
        counts["ap"] += len(predicted)
        counts["ag"] += len(gold)
    direct_p, direct_r = _ratio(counts["dt"], counts["dp"]), _ratio(counts["dt"], counts["dg"])
    return {
        "direct_precision": direct_p,
        "direct_recall": direct_r,
        "direct_f1": round(2 * direct_p * direct_r / (direct_p + direct_r), 4) if direct_p + direct_r else 0.0,
        "all_precision": _ratio(counts["at"], counts["ap"]),
        "all_recall": _ratio(counts["at"], counts["ag"]),
        "documents": float(documents),
    }


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _documents(data_dir: Path, split: str) -> list[str]:
    metadata = data_dir / "metadata.tsv"
    if metadata.is_file():
        with metadata.open(encoding="utf-8", newline="") as handle:
            rows = csv.DictReader(handle, delimiter="\t")
            names = [row["filename"] for row in rows if row.get("compartment") == split]
        if names:
            return sorted(set(names))
    return sorted(p.stem for p in (data_dir / split / "text").glob("*.txt"))


def _read_gold(path: Path, text: str) -> list[_Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            fragments = []
            for piece in offsets.split(";"):
                first, last = piece.split()
                fragments.append((int(first), int(last)))
            spans[parts[0]] = (label, fragments)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold: list[_Gold] = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None:
            continue
        source = spans.get(relation.get("Source", ""))
        if source is None:
            continue  # an attribution without a source is not a (speaker, content) pair
        fragments = sorted(content[1])
        start, end = source[1][0][0], source[1][-1][1]
        gold.append(
            _Gold(fragments, (start, end), text[start:end], "", _is_direct(text, fragments))
        )
    gold.sort(key=lambda g: g.fragments[0][0])
    names: list[str] = []
    for item in sorted(gold, key=lambda g: g.source[0] if g.source else 0):
        if item.source_text.lower() in _PRONOUNS:
            item.antecedent = " ".join(names[-ANTECEDENTS:])
        elif _NAME_WORD.search(_DETERMINER.sub("", item.source_text)):
            names.append(item.source_text)
    return gold


def _is_direct(text: str, fragments: list[tuple[int, int]]) -> bool:
    first = text[fragments[0][0] : fragments[0][1]].strip()
    last = text[fragments[-1][0] : fragments[-1][1]].strip().rstrip(".,;:!?—–- ")
    return bool(first) and first[0] in _QUOTE_CHARS and bool(last) and last[-1] in _QUOTE_CHARS


def _join(quotes: list[Quote], text: str) -> list[_Pred]:
    """Our quotes as predictions, split quotes joined (see the module docstring)."""
    preds: list[_Pred] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        speaker = quote.speaker
        span = (speaker.start, speaker.end) if speaker and speaker.start is not None else None
        name = speaker.text if speaker else ""
        last = preds[-1] if preds else None
        if (
            last is not None
            and last.direct == quote.direct
            and last.speaker == span
            and last.speaker_text == name
            and 0 <= quote.start - last.fragments[-1][1] <= JOIN_GAP
            and text.count("\n", last.fragments[-1][1], quote.start) <= 2
        ):
            last.fragments.append((quote.start, quote.end))
            continue
        if span is not None and span[1] is not None:
            preds.append(_Pred([(quote.start, quote.end)], (span[0], span[1]), name, quote.direct))
        else:
            preds.append(_Pred([(quote.start, quote.end)], None, name, quote.direct))
    return preds


def _content_chars(text: str, fragments: list[tuple[int, int]]) -> set[int]:
    return {
        i
        for start, end in fragments
        for i in range(start, end)
        if not text[i].isspace() and text[i] not in _QUOTE_CHARS
    }


def _names(value: str) -> set[str]:
    return {w.lower().strip("'’") for w in _NAME_WORD.findall(value)} - {"the", "mr.", "mrs"}


def _speaker_ok(pred: _Pred, gold: _Gold) -> bool:
    if pred.speaker is None or not pred.speaker_text:
        return False
    if (
        gold.source is not None
        and pred.speaker[0] < gold.source[1]
        and gold.source[0] < pred.speaker[1]
    ):
        return True
    mine = _names(pred.speaker_text)
    return bool(mine & _names(gold.source_text)) or bool(mine & _names(gold.antecedent))


def _matches(
    preds: list[_Pred], golds: list[_Gold], text: str, mixed: list[_Gold]
) -> tuple[int, int]:
    """Matched pairs, and how many predictions count (see the module docstring)."""
    gold_chars = [_content_chars(text, g.fragments) for g in golds]
    mixed_chars = [_content_chars(text, g.fragments) for g in mixed]
    used: set[int] = set()
    hits = 0
    counted = 0
    for pred in preds:
        mine = _content_chars(text, pred.fragments)
        inside_mixed = any(
            mine and len(mine & chars) >= CONTENT_OVERLAP * len(mine) and _speaker_ok(pred, gold)
            for chars, gold in zip(mixed_chars, mixed, strict=True)
        )
        if inside_mixed and not any(mine & chars for chars in gold_chars):
            continue  # part of a mixed quote: not scored as direct speech
        counted += 1
        for k, gold in enumerate(golds):
            if k in used or not gold_chars[k]:
                continue
            if len(mine & gold_chars[k]) >= CONTENT_OVERLAP * len(gold_chars[k]) and _speaker_ok(
                pred, gold
            ):
                used.add(k)
                hits += 1
                break
    return hits, counted
