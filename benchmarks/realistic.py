"""Per-document speed on messy articles of 200 to 8,000 words, stage by stage.

    python benchmarks/realistic.py [--per-size 6] [--input FILE.jsonl|DIR] [--seed 1]
    python benchmarks/realistic.py --write DIR [--per-size 300] [--size 600]

Without ``--input`` it generates English and Dutch articles of 200, 600, 1,000, 2,000,
4,000 and 8,000 words from our own sentence templates, mixing what real pages hold: many
names, long quotations, bulleted lists, tables, pasted comment sections, the same line
repeated, text without sentence punctuation and lines of thousands of characters. With
``--input`` it reads a real corpus instead (anything ``kronika run`` reads).

Prints articles/s of the whole per-document pipeline (document building and every
analysis and extraction stage, no store), milliseconds per 1,000 words per stage, the 10
slowest articles per word with the stage that took most of their time, and the cost ratio
of 8,000-word to 1,000-word articles (linear = 8), timed on a second pass (the first loads
the models and the indexes some stages build on first use, such as the gazetteer's
spelling index: about a second once per process). The issue's bound: no article may cost
more than 20 times the median per word.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path

from kronika.executors import collector
from kronika.ingest.build import build_article
from kronika.ingest.document import RawDocument, Skipped
from kronika.ingest.sources import read_inputs
from kronika.pipeline import STAGES

SIZES = (200, 600, 1000, 2000, 4000, 8000)

FIRST = ["Anna", "Pieter", "Marta", "Jonas", "Ilse", "Tomasz", "Sofia", "Karel", "Lena", "Ruben", "Olga", "Daan"]
LAST = ["Verbeek", "Kowalczyk", "Hendriks", "Moreau", "Lindqvist", "Okafor", "De Smet", "Novak", "Janssen", "Weber"]
CITIES = ["Rotterdam", "Ghent", "Leeds", "Lyon", "Gdansk", "Utrecht", "Bristol", "Porto", "Tampere", "Brno"]
ORGS = ["the dockers' union", "the city council", "Northern Rail", "the transport ministry", "Harbour Logistics"]

SENTENCES = {
    "en": [
        "{p} said on {d} that {o} would not accept the offer.",
        "About {n} workers walked out at the {c} plant on {d}, according to {o}.",
        "Police in {c} detained {n} protesters after a march through the centre.",
        "\"We have waited for years and nothing has changed, and we will not wait any longer,\" {p} told reporters outside the town hall, adding that the talks with {o} had broken down twice.",
        "The strike, now in its third day, has halted traffic at the port of {c}.",
        "{p} and {q} met representatives of {o} in {c} on {d}.",
        "Shares in {o} fell after the announcement.",
    ],
    "nl": [
        "{p} zei {d} dat {o} het bod niet zou aanvaarden.",
        "Zo'n {n} werknemers legden {d} het werk neer in de fabriek in {c}, meldt {o}.",
        "De politie in {c} hield {n} betogers aan na een mars door het centrum.",
        "'We wachten al jaren en er verandert niets, en we wachten niet langer,' zei {p} bij het stadhuis, waarna hij zei dat het overleg met {o} twee keer was vastgelopen.",
        "De staking, die nu drie dagen duurt, legt het verkeer in de haven van {c} stil.",
        "{p} en {q} spraken {d} in {c} met vertegenwoordigers van {o}.",
    ],
}
DAYS = {"en": ["Monday", "Tuesday", "Friday", "12 March"], "nl": ["maandag", "dinsdag", "vrijdag", "12 maart"]}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng: random.Random, language: str) -> str:
    return rng.choice(SENTENCES[language]).format(
        p=person(rng), q=person(rng), d=rng.choice(DAYS[language]), o=rng.choice(ORGS), c=rng.choice(CITIES),
        n=rng.randrange(20, 5000),
    )


def block(rng: random.Random, language: str, kind: str) -> str:
    """One paragraph-sized piece of a page of the given kind."""
    if kind == "prose":
        return " ".join(sentence(rng, language) for _ in range(rng.randrange(3, 7)))
    if kind == "names":
        return ", ".join(person(rng) for _ in range(40)) + " signed the letter."
    if kind == "quote":
        return "\"" + " ".join(sentence(rng, language).replace('"', "") for _ in range(12)) + "\""
    if kind == "list":
        return "\n".join(f"- {sentence(rng, language)}" for _ in range(8))
    if kind == "table":
        rows = [f"{rng.choice(CITIES)} | {rng.randrange(100, 9000)} | {rng.randrange(1, 40)}% | {person(rng)}"
                for _ in range(15)]
        return "City | Workers | Share | Contact\n" + "\n".join(rows)
    if kind == "comments":
        return "\n".join(f"user{rng.randrange(1000)} wrote: {sentence(rng, language)} lol" for _ in range(10))
    if kind == "repeated":
        return "\n".join([sentence(rng, language)] * 10)
    if kind == "unpunctuated":
        return " ".join(sentence(rng, language).rstrip(".").replace(",", "") for _ in range(12)).lower()
    assert kind == "long line"
    return " ".join(sentence(rng, language) for _ in range(60)).replace(". ", "; ")


KINDS = ("prose", "prose", "prose", "names", "quote", "list", "table", "comments", "repeated", "unpunctuated", "long line")


def generate(per_size: int, seed: int, sizes: tuple[int, ...] = SIZES, exact: bool = False) -> list[RawDocument]:
    """``per_size`` articles of each size, alternately en and nl; a size is a minimum, or with
    ``exact`` the article's length in words (its last block cut)."""
    rng = random.Random(seed)
    documents = []
    for size in sizes:
        for k in range(per_size):
            language = "en" if k % 2 == 0 else "nl"
            parts = [f"Headline {k} about {rng.choice(CITIES)}"]
            words = 0
            while words < size:
                part = block(rng, language, rng.choice(KINDS))
                parts.append(part)
                words += len(part.split())
            text = "\n\n".join(parts)
            if exact:
                text = "".join(re.findall(r"\S+\s*", text)[:size]).strip()
            documents.append(RawDocument(text=text, origin=f"generated-{size}-{k}", language=language))
    return documents


def real(path: Path) -> list[RawDocument]:
    return [item for item in read_inputs([str(path)]) if not isinstance(item, Skipped)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-size", type=int, default=6)
    parser.add_argument("--input", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", type=Path, metavar="DIR",
                        help="write --per-size generated articles of exactly --size words to DIR "
                             "as text files (input for jobs.py --input) and stop")
    parser.add_argument("--size", type=int, default=600)
    args = parser.parse_args()
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        written = generate(args.per_size, args.seed, (args.size,), exact=True)
        for k, document in enumerate(written):
            (args.write / f"{k:05d}.txt").write_text(document.text + "\n", encoding="utf-8")
        print(f"wrote {len(written)} articles of {args.size} words to {args.write}")
        return
    documents = real(args.input) if args.input else generate(args.per_size, args.seed)
    started = time.perf_counter()
    for document in documents:  # a first pass loads the models and every lazily built index
        article = build_article(document)
        for stage in STAGES:
            article = stage(article)
    print(f"first pass (loading included): {time.perf_counter() - started:.1f} s")
    collector.settle()  # as a run does: full collections would otherwise be blamed on stages

    per_stage: dict[str, float] = defaultdict(float)
    rows = []  # (ms per 1,000 words, words, origin, slowest stage, its ms)
    total_words = 0
    started = time.perf_counter()
    for document in documents:
        times: dict[str, float] = {}
        t = time.perf_counter()
        article = build_article(document)
        times["build"] = time.perf_counter() - t
        for stage in STAGES:
            t = time.perf_counter()
            article = stage(article)
            times[stage.__name__] = time.perf_counter() - t
        words = max(len(article.text.split()), 1)
        total_words += words
        for name, seconds in times.items():
            per_stage[name] += seconds
        slowest = max(times, key=times.__getitem__)
        rows.append((1000 * sum(times.values()) * 1000 / words, words, document.origin, slowest, 1000 * times[slowest]))
    elapsed = time.perf_counter() - started

    print(f"{len(documents)} articles, {total_words:,} words: {len(documents) / elapsed:.1f} articles/s, "
          f"{total_words / elapsed:,.0f} words/s")
    print("\nms per 1,000 words, per stage:")
    for name, seconds in per_stage.items():
        print(f"  {name:<22} {1000 * seconds * 1000 / total_words:8.2f}")
    median = statistics.median(r[0] for r in rows)
    print(f"\nmedian {median:.1f} ms per 1,000 words; the 10 slowest per word:")
    for cost, words, origin, stage, ms in sorted(rows, reverse=True)[:10]:
        print(f"  {cost:8.1f} ms/1k words ({cost / median:4.1f}x median)  {words:>6} words  {origin}  "
              f"(most in {stage}: {ms:.0f} ms)")
    by_size: dict[int, list[float]] = defaultdict(list)
    for cost, words, origin, *_ in rows:
        if origin.startswith("generated-"):
            by_size[int(origin.split("-")[1])].append(cost * words / 1000)
    if 1000 in by_size and 8000 in by_size:
        ratio = statistics.mean(by_size[8000]) / statistics.mean(by_size[1000])
        print(f"\ncost of an 8,000-word article / a 1,000-word one: {ratio:.1f} (linear = 8)")
    worst = max(r[0] for r in rows) / median
    print(f"worst article per word: {worst:.1f}x the median (bound: 20x)")


if __name__ == "__main__":
    main()
