"""Specific mentions and canonical events on multi-outlet coverage (``specific-dev.jsonl``).

16 articles (8 Dutch, 8 English) about 4 stories set in real cities (a port strike in
Antwerp, a hospital strike in Manchester, a farmers' occupation in Groningen, a week of
protests in Tbilisi), each story told by 4 outlets over several days, in both languages
but one (Manchester: 3 English, 1 Dutch), written and labelled by helpers who did not see
kronika's rules. Every event-like word is labelled with its class (``specific``,
``headline``, ``background``, ``generic``, ``opinion``, ``noise``), the real-world event
it reports (ids shared across articles and languages), and the episode it belongs to (a
strike over days and the marches inside it).

The articles go through the whole pipeline into a SQLite store (end to end: the mentions are
kronika's own, not the gold ones). An extracted mention stands for the gold item whose
trigger it overlaps. Scores:

- ``mention_precision``: of kronika's specific mentions, the share that stand for a gold
  specific mention (one that overlaps no gold item, or a generic/background/headline one,
  is wrong); ``mention_recall``: of the gold specific mentions, the share a specific
  kronika mention stands for;
- ``specificity_accuracy``: on the extracted mentions that stand for a gold item, how often
  kronika's specific/not-specific agrees with the gold class; ``headline_accuracy``: how
  often a gold headline mention is a kronika headline;
- B3, CoNLL F1 and pairwise P/R of kronika's canonical events over the gold specific
  mentions it found specific, all pairs, cross-article and cross-language pairs;
- ``multi_outlet_one_event``: of the gold events that two or more articles report
  specifically, the share whose mentions kronika found all sit in one canonical event that
  holds no other gold event;
- ``episode_pair_precision``/``recall``: over pairs of gold events (found by kronika), "in
  the same episode" (one inside the other's episode, or the same episode event) against the
  gold episode ids.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from pathlib import Path

from kronika.eval.clusters import b_cubed, conll_f1, pairwise
from kronika.ingest.dates import parse_published
from kronika.model import Article

DEV_SET = "specific-dev.jsonl"


@dataclass(frozen=True, slots=True)
class GoldItem:
    article_id: str
    language: str
    start: int
    end: int
    kind: str
    """specific, headline, background, generic, opinion or noise."""
    event: str | None
    episode: str | None


@dataclass(frozen=True, slots=True)
class Found:
    """An extracted mention as stored: its article, trigger span, specificity and event."""

    article_id: str
    start: int
    end: int
    specificity: str
    event_id: str


def load_dev(path: Path | None = None) -> tuple[list[Article], list[GoldItem]]:
    """The dev articles (not analysed yet) and their gold items with character spans."""
    text = path.read_text(encoding="utf-8") if path else (
        resources.files("kronika.eval").joinpath(DEV_SET).read_text(encoding="utf-8")
    )
    articles, gold = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        head, blank, _ = item["text"].partition("\n\n")  # a headline line, as a text file's reader takes it
        articles.append(Article(
            id=item["id"], text=item["text"], source=item.get("source"), language=item["language"],
            published=parse_published(item["published"]), title=head.strip() if blank else None,
        ))
        for mention in item["events"]:
            start = _nth(item["text"], mention["trigger"], mention.get("occurrence", 1))
            gold.append(GoldItem(
                item["id"], item["language"], start, start + len(mention["trigger"]), mention["class"],
                mention.get("event"), mention.get("episode"),
            ))
    return articles, gold


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} does not occur {n} times")
    return at


def run_dev(articles: list[Article]) -> tuple[list[Found], dict[str, str | None], set[str]]:
    """Run the pipeline and the linker: the stored mentions, each event's episode (event id
    → the episode event it is inside, if any) and the ids of the episode events."""
    from kronika.link import link_store
    from kronika.pipeline import analyze
    from kronika.store import Store
    from kronika.store.links import EventFilter

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "dev.db") as store:
        for article in articles:
            store.put_article(analyze(article), location=article.id)
        link_store(store)
        found = [
            Found(row.article_id, row.record["trigger"]["start"], row.record["trigger"]["end"],
                  row.record.get("specificity", "specific"), row.event_id)
            for row in store.links.mentions()
        ]
        inside: dict[str, str | None] = {}
        episodes: set[str] = set()
        for event in store.links.events(EventFilter(specific=None)):
            inside[event.id] = event.episode_id
            if event.episode is not None:
                episodes.add(event.id)
    return found, inside, episodes


def evaluate_specific_dev(path: Path | None = None) -> dict[str, float]:
    articles, gold = load_dev(path)
    found, inside, episodes = run_dev(articles)
    by_article: dict[str, list[GoldItem]] = defaultdict(list)
    for item in gold:
        by_article[item.article_id].append(item)

    def gold_of(mention: Found) -> GoldItem | None:
        return next(
            (g for g in by_article[mention.article_id] if g.start < mention.end and mention.start < g.end), None
        )

    matched = [(m, gold_of(m)) for m in found]
    specific = [(m, g) for m, g in matched if m.specificity == "specific"]
    right = sum(1 for _, g in specific if g is not None and g.kind == "specific" and g.event)
    gold_specific = [g for g in gold if g.kind == "specific" and g.event]
    covered = {id(g) for m, g in specific if g is not None}
    labelled = [(m, g) for m, g in matched if g is not None]
    agree = sum(1 for m, g in labelled if (m.specificity == "specific") == (g.kind == "specific"))
    headlines = [(m, g) for m, g in labelled if g.kind == "headline"]

    # Canonical events over the gold specific mentions kronika found specific (one kronika
    # mention per gold item: the first that overlaps it).
    key: dict[str, str] = {}
    response: dict[str, str] = {}
    article_of: dict[str, str] = {}
    language_of: dict[str, str] = {}
    for n, item in enumerate(gold_specific):
        mention = next((m for m, g in specific if g is item), None)
        if mention is None:
            continue
        name = f"{item.article_id}#{n}"
        key[name], response[name] = item.event or "", mention.event_id
        article_of[name], language_of[name] = item.article_id, item.language
    b3 = b_cubed(key, response)
    pairs = pairwise(key, response)
    across = pairwise(key, response, where=lambda a, b: article_of[a] != article_of[b])
    languages = pairwise(key, response, where=lambda a, b: language_of[a] != language_of[b])
    scores = {
        "mention_precision": round(right / len(specific), 4) if specific else 0.0,
        "mention_recall": round(len({id(g) for g in gold_specific} & covered) / len(gold_specific), 4),
        "specificity_accuracy": round(agree / len(labelled), 4) if labelled else 0.0,
        "headline_accuracy": round(sum(m.specificity == "headline" for m, _ in headlines) / len(headlines), 4)
        if headlines else 0.0,
        "b3_f1": round(b3.f1, 4),
        "conll_f1": round(conll_f1(key, response), 4),
        "pair_precision": round(pairs.precision, 4),
        "pair_recall": round(pairs.recall, 4),
        "cross_article_pair_precision": round(across.precision, 4),
        "cross_article_pair_recall": round(across.recall, 4),
        "cross_language_pair_precision": round(languages.precision, 4),
        "cross_language_pair_recall": round(languages.recall, 4),
        "multi_outlet_one_event": _one_event(key, response, article_of),
        "gold_specific": float(len(gold_specific)),
    }
    scores |= _episode_pairs(gold_specific, key, response, inside, episodes)
    return scores


def _one_event(key: dict[str, str], response: dict[str, str], article_of: dict[str, str]) -> float:
    """The share of gold events reported in two or more articles whose found mentions all sit
    in one canonical event holding no other gold event."""
    members: dict[str, set[str]] = defaultdict(set)
    golds_in: dict[str, set[str]] = defaultdict(set)
    for name, event in key.items():
        members[event].add(name)
        golds_in[response[name]].add(event)
    multi = [event for event, names in members.items() if len({article_of[n] for n in names}) >= 2]
    whole = sum(
        1 for event in multi
        if len({response[n] for n in members[event]}) == 1 and golds_in[response[next(iter(members[event]))]] == {event}
    )
    return round(whole / len(multi), 4) if multi else 0.0


def _episode_pairs(
    gold: list[GoldItem], key: dict[str, str], response: dict[str, str], inside: dict[str, str | None],
    episodes: set[str],
) -> dict[str, float]:
    """Pairwise P/R of "these two events are one episode" over the gold events kronika found."""
    episode_of_gold = {g.event: g.episode for g in gold if g.event}
    linked_of_gold: dict[str, str] = {}
    for name, event in key.items():
        linked_of_gold.setdefault(event, response[name])

    def kronika_episode(event_id: str) -> str | None:
        return inside.get(event_id) or (event_id if event_id in episodes else None)

    true_positive = predicted = expected = 0
    for a, b in combinations(sorted(linked_of_gold), 2):
        want = episode_of_gold.get(a) is not None and episode_of_gold.get(a) == episode_of_gold.get(b)
        ea, eb = kronika_episode(linked_of_gold[a]), kronika_episode(linked_of_gold[b])
        got = ea is not None and ea == eb and linked_of_gold[a] != linked_of_gold[b]
        expected += want
        predicted += got
        true_positive += want and got
    return {
        "episode_pair_precision": round(true_positive / predicted, 4) if predicted else 0.0,
        "episode_pair_recall": round(true_positive / expected, 4) if expected else 0.0,
    }
