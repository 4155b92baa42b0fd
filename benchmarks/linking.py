"""Event linking at scale: time and memory for up to 100,000 synthetic event mentions.

    python benchmarks/linking.py [--mentions 100000] [--seed 7]

Synthetic world: events of 6 types in 40 cities of 8 countries over two years, each
reported by 1–8 mentions. A mention keeps its event's type (and mode, most of the time),
and is noisy the way extracted mentions are: a day date (60%), the publication week as a
guess (25%) or no date (15%); the city (70%), only the country (20%) or no place (10%); a
participant count within ±20% of the truth (half of the protests, and 1 in 10 doubles it,
a disagreement); an actor entity: the event's own organiser (40%) or the country's
government, which acts in many events (10%). The linker sees only the records.

Printed per size: the first eighth, quarter, half and all of the two years (news grows
with time, so the mentions per day stay the same): seconds, mentions per second, peak
memory of the linker (tracemalloc), and the time ratio to the previous size — about 2.0
per doubling is linear; all-pairs would be 4.0. ``--dense`` keeps the two years for every
size instead (more mentions per day: the blocks grow, so the cost grows faster). Pairwise precision and recall against the
synthetic truth say whether the blocking kept the right pairs together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
import tracemalloc
from collections import Counter

from kronika.link.events import EventLinker, Interval, MentionRecord, link_records

TYPES = [("PROTEST", "demonstration"), ("PROTEST", "strike"), ("COERCE", "arrest"), ("ASSAULT", "beating"),
         ("CONSULT", "meeting"), ("SANCTION", "economic")]
COUNTRIES = ["BY", "NL", "UA", "PL", "GE", "RS", "HU", "LT"]
START = dt.date(2023, 1, 1).toordinal()
DAYS = 730


def world(mentions: int, seed: int) -> tuple[list[MentionRecord], dict[str, int]]:
    """Synthetic mention records and the true event of each."""
    rng = random.Random(seed)
    cities = [(f"geo:{1000 + i}", COUNTRIES[i % len(COUNTRIES)]) for i in range(40)]
    records: list[MentionRecord] = []
    truth: dict[str, int] = {}
    event = 0
    while len(records) < mentions:
        event += 1
        event_type, mode = rng.choice(TYPES)
        city, country = rng.choice(cities)
        day = START + rng.randrange(DAYS)
        size = rng.randint(1_000, 100_000) if event_type == "PROTEST" else None
        for _ in range(min(rng.randint(1, 8), mentions - len(records))):
            n = len(records)
            article = f"a{n // 3}"
            roll = rng.random()
            if roll < 0.6:
                date = Interval(day, day, "day", False)
            elif roll < 0.85:
                week = day - dt.date.fromordinal(day).weekday() + rng.choice((0, 7))
                date = Interval(week, week + 6, "week", True)
            else:
                date = None
            roll = rng.random()
            place = city if roll < 0.7 else None
            has_country = roll < 0.9
            participants = None
            if size and rng.random() < 0.5:
                figure = size * (2.0 if rng.random() < 0.1 else rng.uniform(0.8, 1.2))
                participants = (figure, figure)
            records.append(MentionRecord(
                id=f"m{n}", article_id=article, order=(dt.date.fromordinal(day).isoformat(), article, n),
                type=event_type, mode=mode if rng.random() < 0.9 else None, stage="fact", date=date,
                place=place, country=country if has_country else None, country_weak=False,
                actors=_actors(rng, event, country),
                targets=frozenset(), participants=participants,
            ))
            truth[f"m{n}"] = event
    return records, truth


def _actors(rng: random.Random, event: int, country: str) -> frozenset[str]:
    """40%: the event's own organiser; 10%: the country's government, which acts in many
    events; otherwise none."""
    roll = rng.random()
    if roll < 0.4:
        return frozenset({f"ent-organiser-{event}"})
    if roll < 0.5:
        return frozenset({f"ent-government-{country}"})
    return frozenset()


def pairwise(linker: EventLinker, truth: dict[str, int]) -> tuple[float, float]:
    def pairs(groups: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in groups.values())

    predicted = Counter(linker.event_of[m] for m in truth)
    gold = Counter(truth.values())
    both = Counter((linker.event_of[m], truth[m]) for m in truth)
    correct = pairs(both)
    return correct / max(pairs(predicted), 1), correct / max(pairs(gold), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dense", action="store_true", help="Every size spans the whole two years.")
    args = parser.parse_args()
    records, truth = world(args.mentions, args.seed)
    if not args.dense:
        records.sort(key=lambda r: r.order)
    print(f"{'mentions':>9} {'events':>8} {'seconds':>8} {'mentions/s':>11} {'peak MiB':>9} {'ratio':>6} "
          f"{'pair P':>7} {'pair R':>7}")
    previous = None
    for share in (8, 4, 2, 1):
        subset = records[: len(records) // share]
        tracemalloc.start()
        began = time.perf_counter()
        linker = link_records(subset)
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        precision, recall = pairwise(linker, {r.id: truth[r.id] for r in subset})
        ratio = f"{seconds / previous:.2f}" if previous else "-"
        print(f"{len(subset):>9,} {len(linker.events):>8,} {seconds:>8.2f} {len(subset) / seconds:>11,.0f} "
              f"{peak:>9.1f} {ratio:>6} {precision:>7.3f} {recall:>7.3f}")
        previous = seconds


if __name__ == "__main__":
    main()
