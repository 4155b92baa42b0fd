"""Demands of protesters and strikers (``demands-dev.jsonl``).

Sentences in en, nl and de, written by a helper who did not see kronika's demand words,
each with the demands it states (the words, and an issue code of
:data:`kronika.extract.demands.CODES` or ``other``) and negatives: protest sentences that
state no demand, market "demand", authorities' demands of protesters.

Each sentence is read on its own (:func:`kronika.extract.demands.sentence_demands`). A found
demand matches a gold one when their characters overlap (each gold demand matches once,
the largest overlap first). Scores: ``precision``, ``recall``, ``f1`` of the demands found
and ``code_accuracy`` (matched demands whose code is the gold one), also per language.
``python -m kronika.eval.demands [NAME.jsonl]`` lists the misses (of a set in this folder). The word lists were tuned on this
set after a first, untuned measurement (F1 0.744, code accuracy 0.788), so its scores now
overstate what unseen text gets; a held-out set of the same format is still to be written.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from kronika.extract.demands import sentence_demands
from kronika.model import Demand

DEV_SET = "demands-dev.jsonl"


def load_sentences(path: Path | None = None, name: str = DEV_SET) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8") if path else (
        resources.files("kronika.eval").joinpath(name).read_text(encoding="utf-8")
    )
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def gold_spans(line: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans = []
    for demand in line["demands"]:
        start = line["text"].find(demand["span"])
        if start >= 0:
            spans.append((start, start + len(demand["span"]), demand["code"]))
    return spans


def match(found: list[Demand], gold: list[tuple[int, int, str]]) -> list[tuple[Demand, tuple[int, int, str]]]:
    """Pairs of a found and a gold demand that overlap, the largest overlaps first."""
    overlaps = sorted(
        ((min(d.end, g[1]) - max(d.start, g[0]), i, j) for i, d in enumerate(found) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_found: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for size, i, j in overlaps:
        if size <= 0:
            break
        if i in used_found or j in used_gold:
            continue
        used_found.add(i)
        used_gold.add(j)
        pairs.append((found[i], gold[j]))
    return pairs


def evaluate_demands(path: Path | None = None, name: str = DEV_SET) -> dict[str, float]:
    lines = load_sentences(path, name)
    totals: dict[str, list[int]] = {}
    for line in lines:
        found = sentence_demands(line["text"], 0, len(line["text"]), line["language"])
        gold = gold_spans(line)
        pairs = match(found, gold)
        for key in ("all", line["language"]):
            counts = totals.setdefault(key, [0, 0, 0, 0])
            counts[0] += len(found)
            counts[1] += len(gold)
            counts[2] += len(pairs)
            counts[3] += sum(d.code == g[2] for d, g in pairs)
    scores: dict[str, float] = {}
    for key, (found_n, gold_n, matched, right) in sorted(totals.items()):
        p = matched / found_n if found_n else 0.0
        r = matched / gold_n if gold_n else 0.0
        prefix = "" if key == "all" else f"{key}_"
        scores[f"{prefix}f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        if key == "all":
            scores["precision"], scores["recall"] = round(p, 4), round(r, 4)
            scores["code_accuracy"] = round(right / matched, 4) if matched else 0.0
            scores["sentences"] = float(len(lines))
    return scores


if __name__ == "__main__":
    import sys

    chosen = sys.argv[1] if len(sys.argv) > 1 else DEV_SET
    for line in load_sentences(name=chosen):
        found = sentence_demands(line["text"], 0, len(line["text"]), line["language"])
        gold = gold_spans(line)
        pairs = match(found, gold)
        wrong = [(d.code, d.text, g[2]) for d, g in pairs if d.code != g[2]]
        extra = [(d.code, d.text) for d in found if all(d is not p[0] for p in pairs)]
        missed = [(line["text"][g[0] : g[1]], g[2]) for g in gold if all(g is not p[1] for p in pairs)]
        if wrong or extra or missed:
            print(f"{line['id']}: {line['text']}")
            for kind, items in (("code", wrong), ("extra", extra), ("missed", missed)):
                for item in items:
                    print(f"    {kind}: {item}")
    print(evaluate_demands(name=chosen))
