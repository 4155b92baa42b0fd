"""Event linking on our own nl/en development set (``link-dev.jsonl``).

36 invented articles (18 Dutch, 18 English) about 8 invented situations, with every event
mention labelled by the real-world event it reports (98 gold events, 55 of them reported in
both languages). They were written to hold the hard cases: the same protest with different
figures and date expressions in five outlets; the protest of the next Sunday, a
pro-government rally the same day, strikes in two cities the same day; background
mentions of older events; calls and threats next to the acts themselves.

The articles go through the whole pipeline (analysis, extraction, entity resolution,
linking into a SQLite store in a temporary folder). An extracted mention stands for a gold
mention when its trigger overlaps the gold trigger; gold mentions no extracted mention
covers are counted (``coverage``) and left out of the scores. Scores over the covered
mentions: B3, MUC, CEAF-e and their mean (CoNLL F1), and pairwise precision/recall, all
of them and only the pairs across languages. This is the measurement the linker's
thresholds were set with; the set was written by us (a helper who did not see the
linker's rules), not labelled by others.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kronika.eval.clusters import b_cubed, ceaf_e, conll_f1, muc, pairwise
from kronika.ingest.dates import parse_published
from kronika.model import Article

DEV_SET = "link-dev.jsonl"


@dataclass(frozen=True, slots=True)
class GoldMention:
    article_id: str
    language: str
    start: int
    end: int
    event: str


def load_dev(path: Path | None = None) -> tuple[list[Article], list[GoldMention]]:
    """The dev articles (not analysed yet) and their gold mentions with character spans."""
    text = path.read_text(encoding="utf-8") if path else (
        resources.files("kronika.eval").joinpath(DEV_SET).read_text(encoding="utf-8")
    )
    articles, gold = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        articles.append(Article(
            id=item["id"], text=item["text"], source=item.get("source"), language=item["language"],
            published=parse_published(item["published"]),
        ))
        for mention in item["events"]:
            start = _nth(item["text"], mention["trigger"], mention.get("occurrence", 1))
            gold.append(GoldMention(
                item["id"], item["language"], start, start + len(mention["trigger"]), mention["event"]
            ))
    return articles, gold


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} does not occur {n} times")
    return at


def link_dev(
    articles: list[Article], gold: list[GoldMention]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Run the pipeline and the linker on the dev articles.

    Returns (gold mention key → gold event, gold mention key → linked event, key → language)
    for the gold mentions an extracted mention covers.
    """
    from kronika.link import link_store
    from kronika.pipeline import analyze
    from kronika.store import Store

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "dev.db") as store:
        for article in articles:
            store.put_article(analyze(article), location=article.id)
        link_store(store)
        triggers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for row in store.links.mentions():
            trigger = row.record["trigger"]
            triggers[row.article_id].append((trigger["start"], trigger["end"], row.event_id))
    key_event, key_linked, key_language = {}, {}, {}
    for n, mention in enumerate(gold):
        event = next(
            (e for start, end, e in triggers[mention.article_id] if start < mention.end and mention.start < end), None
        )
        if event is None:
            continue
        key = f"{mention.article_id}#{n}"
        key_event[key], key_linked[key], key_language[key] = mention.event, event, mention.language
    return key_event, key_linked, key_language


def evaluate_link_dev(path: Path | None = None) -> dict[str, float]:
    articles, gold = load_dev(path)
    key, response, languages = link_dev(articles, gold)
    b3, link_muc, ceaf = b_cubed(key, response), muc(key, response), ceaf_e(key, response)
    pairs = pairwise(key, response)
    across = pairwise(key, response, where=lambda a, b: languages[a] != languages[b])
    return {
        "coverage": round(len(key) / len(gold), 4),
        "b3_f1": round(b3.f1, 4),
        "muc_f1": round(link_muc.f1, 4),
        "ceafe_f1": round(ceaf.f1, 4),
        "conll_f1": round(conll_f1(key, response), 4),
        "pair_precision": round(pairs.precision, 4),
        "pair_recall": round(pairs.recall, 4),
        "pair_f1": round(pairs.f1, 4),
        "cross_pair_precision": round(across.precision, 4),
        "cross_pair_recall": round(across.recall, 4),
        "gold_mentions": float(len(key)),
    }
