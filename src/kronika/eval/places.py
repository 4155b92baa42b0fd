"""Place precision on text full of names that are no places (``places-dev.jsonl``).

News paragraphs in English, German and Spanish written and labelled by a helper who did
not see kronika's place rules: every real place with the country it is in, and every
capitalised span a gazetteer could take for a place but that is none (people whose
surnames are towns, institutions named after buildings, demonyms, common words that are
also towns, clubs named after their city).

Each paragraph goes through the analysis (sentences, entities, name chains, places).
Scores: ``precision`` (of the places kronika finds, the share that overlap a gold place
in the same country; a people's adjective, which kronika marks as its country's
:data:`~kronika.analyze.places.DEMONYM`, and a word of an organisation's name, marked
:data:`~kronika.analyze.places.NAME_PART`, are no place mentions and not counted), ``recall`` (of the gold places, the share found in the right
country), ``not_place_errors`` (places found on a labelled non-place, per 100 of them;
lower is better) and ``places_found``.

The same scores, prefixed ``news_``, on real news nobody here wrote (``places-news.jsonl``,
suite ``places-news``): 12 PolNeAR dev articles (US politics, 2016) and 24 MEANTIME English
ones (Wikinews business news), every place mention labelled with its country by a helper
who did not see kronika's rules; the texts are read from ``../shared/data``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from kronika.analyze.places import DEMONYM, NAME_PART
from kronika.model import Article

DEV_SET = "places-dev.jsonl"
NEWS_SET = "places-news.jsonl"
MEANTIME_EN = Path("coref") / "meantime-nl-en" / "en" / "meantime.conll"


def _span(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} does not occur {occurrence} times")
    return at, at + len(needle)


def load(path: Path | None = None, name: str = DEV_SET) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8") if path else (
        resources.files("kronika.eval").joinpath(name).read_text(encoding="utf-8")
    )
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def evaluate_places(path: Path | None = None) -> dict[str, float]:
    return score(load(path))


def news_items(data: Path, path: Path | None = None) -> Iterator[dict[str, object]]:
    """The items of ``places-news.jsonl`` with their text read from the shared data: PolNeAR
    dev articles (``quotes/polnear/dev/text``) and MEANTIME English articles (their tokens
    joined by spaces, one sentence a line, as :mod:`kronika.eval.negatives` reads them)."""
    from kronika.eval.meantime import document_texts

    meantime: dict[str, str] = {}
    for item in load(path, NEWS_SET):
        source, doc = str(item["source"]), str(item["doc"])
        if source == "polnear":
            text = (data / "quotes" / "polnear" / "dev" / "text" / doc).read_text(encoding="utf-8")
        else:
            meantime = meantime or document_texts(data / MEANTIME_EN)
            text = meantime[doc]
        yield {**item, "id": f"{source}:{doc}", "language": "en", "text": text}


def evaluate_news_places(data: Path) -> dict[str, float]:
    """The scores of :func:`score` on real news (``places-news.jsonl``), prefixed ``news_``."""
    return {f"news_{name}": value for name, value in score(news_items(data)).items()}


def score(items: Iterable[dict[str, object]]) -> dict[str, float]:
    """Precision, recall and trap errors (see the module docstring) over labelled items."""
    from kronika.pipeline import ANALYSIS_STAGES

    found = right = gold_total = gold_found = traps = trap_hits = 0
    for item in items:
        text = str(item["text"])
        article = Article(id=str(item["id"]), text=text, language=str(item["language"]))
        for stage in ANALYSIS_STAGES:
            article = stage(article)
        gold = [(*_span(text, g["text"], g.get("occurrence", 1)), g["country"]) for g in item["places"]]  # type: ignore[attr-defined]
        wrong = [_span(text, g["text"], g.get("occurrence", 1)) for g in item.get("not_places", [])]  # type: ignore[attr-defined]
        # a people's adjective, a word of an organisation's name: no place mention
        places = [p for p in article.places if p.feature not in (DEMONYM, NAME_PART)]
        found += len(places)
        right += sum(any(p.start < e and s < p.end and (p.country or "") == c for s, e, c in gold) for p in places)
        gold_total += len(gold)
        gold_found += sum(any(p.start < e and s < p.end and (p.country or "") == c for p in places) for s, e, c in gold)
        traps += len(wrong)
        trap_hits += sum(any(p.start < e and s < p.end for p in places) for s, e in wrong)
    return {
        "precision": round(right / found, 4) if found else 0.0,
        "recall": round(gold_found / gold_total, 4) if gold_total else 0.0,
        "not_place_errors_per_100": round(100 * trap_hits / traps, 2) if traps else 0.0,
        "places_found": float(found),
        "gold_places": float(gold_total),
    }


if __name__ == "__main__":
    from kronika.pipeline import ANALYSIS_STAGES

    for item in load():
        text = str(item["text"])
        article = Article(id=str(item["id"]), text=text, language=str(item["language"]))
        for stage in ANALYSIS_STAGES:
            article = stage(article)
        gold = {(g["text"], g["country"]) for g in item["places"]}  # type: ignore[attr-defined]
        for p in article.places:
            if p.feature not in (DEMONYM, NAME_PART) and not any(p.text in t or t in p.text for t, c in gold if c == p.country):
                print(f"{item['id']}  wrong: {p.text!r} -> {p.name}, {p.country}")
