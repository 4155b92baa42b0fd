"""Event extraction scores: the PLOVER gold records and kronika's own nl+en dev set.

PLOVER (``../shared/data/events/plover/PLOVER_GSR_CAMEO.txt``, 322 English sentences coded
by the Open Event Data Alliance): each sentence has one gold event. kronika's *primary*
mention of the sentence is its earliest (STATEMENT only when nothing else was found), and its PLOVER type comes from its type and
modality (:func:`kronika.ontology.plover_type`: "will visit" is PLOVER's AGREE). Scores:

- ``type_accuracy``: primary type equals the gold type (no mention counts as wrong);
- ``type_macro_f1``: F1 per gold type from the primary types, averaged over the types
  present in the gold records (a predicted type that no gold record has is only a false
  positive of nothing, so it lowers no average but it is no hit either);
- ``mode_accuracy``: over records whose gold mode has a kronika mode and whose type was
  right without conversion, the primary mention has that mode;
- ``actor_match``: over records with a gold source actor and the right type, an actor of
  the primary mention shares a content word with the gold actor text.

Dev sets beside this module: ``events-dev.jsonl`` (our own nl and en sentences) and
``events-langs-dev.jsonl`` (de, fr, es, pl, ru, uk, be: at least 45 sentences each, written
and labelled by a helper who had not seen the word lists). Each sentence has its gold events
(type, mode, modality, trigger, actors); lines with no events are negatives. Gold and
predicted events of a sentence are paired by type in text order. ``type_f1`` is micro F1
over those pairs; ``modality_accuracy`` is over paired events; both also per language.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from kronika.model import Article, EventMention, Published
from kronika.ontology import from_plover_mode, plover_type
from kronika.pipeline import analyze

PLOVER_FILE = "PLOVER_GSR_CAMEO.txt"
DEV_FILE = "events-dev.jsonl"
LANGS_DEV_FILE = "events-langs-dev.jsonl"
GOLD_VERSION = {"ACCUSE": "DISAPPROVE"}
"""The gold records follow PLOVER 0.5b1 (2016), which had no ACCUSE: accusations are DISAPPROVE there."""
PLOVER_DATE = "2000-01-01"
"""The gold records' placeholder date, given as the publication date."""

_WORD = re.compile(r"\w+")
_STOP = frozenset(["the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "from", "by", "with", "his", "her", "their", "its", "s"])


def primary(events: list[EventMention]) -> EventMention | None:
    """The mention that stands for the sentence: the earliest (a news lead names its main
    event first; on PLOVER this beats the most confident one, 0.53 against 0.44 macro-F1)."""
    return min(events, key=lambda e: e.trigger.start) if events else None


def _extract(text: str, language: str, published: str, ident: str) -> list[EventMention]:
    article = Article(id=ident, text=text, language=language, published=Published(published, "day"))
    return analyze(article).events


def _f1(hits: int, predicted: int, gold: int) -> float:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def evaluate_plover(folder: Path) -> dict[str, float]:
    """Scores on the PLOVER gold records in ``folder`` (see the module docstring)."""
    path = folder / PLOVER_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no {PLOVER_FILE} in {folder}")
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    gold_types: Counter[str] = Counter()
    predicted_types: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    mode_total = mode_hits = actor_total = actor_hits = 0
    for record in records:
        gold = record["event"]
        best = primary(_extract(record["text"], "en", PLOVER_DATE, record["id"]))
        gold_types[gold] += 1
        if best is None:
            continue
        kind = plover_type(best.type, best.modality)
        kind = GOLD_VERSION.get(kind, kind)
        predicted_types[kind] += 1
        if kind != gold:
            continue
        hits[gold] += 1
        mode = from_plover_mode(gold, record.get("mode") or "")
        if mode and kind == best.type:
            mode_total += 1
            mode_hits += best.mode == mode
        sources = _actors(record.get("source"))
        if sources:
            actor_total += 1
            found = [_content(a.text) for a in best.actors if a.role == "actor"]
            actor_hits += any(_content(s) & f for s in sources for f in found)
    f1s = [_f1(hits[t], predicted_types[t], gold_types[t]) for t in gold_types]
    return {
        "type_accuracy": sum(hits.values()) / len(records),
        "type_macro_f1": sum(f1s) / len(f1s),
        "mode_accuracy": mode_hits / mode_total if mode_total else 0.0,
        "actor_match": actor_hits / actor_total if actor_total else 0.0,
        "gold_records": float(len(records)),
    }


def _actors(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]


def load_dev(name: str = DEV_FILE) -> list[dict[str, Any]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def evaluate_dev(name: str = DEV_FILE) -> dict[str, float]:
    """Scores on a dev set that ships with kronika (:data:`DEV_FILE`, :data:`LANGS_DEV_FILE`)."""
    pairs = predicted_n = gold_n = modality_hits = 0
    per_language: dict[str, list[int]] = {}
    for line in load_dev(name):
        events = _extract(line["text"], line["language"], line["published"], line["id"])
        gold = list(line["events"])
        predicted = list(events)
        matched = modality_right = 0
        for g in gold:
            twin = next((p for p in predicted if p.type == g["type"]), None)
            if twin is None:
                continue
            predicted.remove(twin)
            matched += 1
            modality_right += twin.modality == g["modality"]
        pairs += matched
        predicted_n += len(events)
        gold_n += len(gold)
        modality_hits += modality_right
        counts = per_language.setdefault(line["language"], [0, 0, 0, 0])
        counts[0] += matched
        counts[1] += len(events)
        counts[2] += len(gold)
        counts[3] += modality_right
    scores = {
        "type_f1": _f1(pairs, predicted_n, gold_n),
        "type_precision": pairs / predicted_n if predicted_n else 0.0,
        "type_recall": pairs / gold_n if gold_n else 0.0,
        "modality_accuracy": modality_hits / pairs if pairs else 0.0,
    }
    for language, (hit, pred, gold_count, modality_right) in sorted(per_language.items()):
        scores[f"type_f1_{language}"] = _f1(hit, pred, gold_count)
        scores[f"modality_accuracy_{language}"] = modality_right / hit if hit else 0.0
    scores["gold_events"] = float(gold_n)
    return scores
