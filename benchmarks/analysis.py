"""Per-document speed: milliseconds per 600-word article, stage by stage, on one core.

    python benchmarks/analysis.py [--repeat 20]

Articles are the example stories (our own texts, in nl, en, de, fr, ru, pl) plus the seed articles in ../shared/seeds
when present, each cut or repeated to 600 words so that every language is timed on the same
length. Models and gazetteers are loaded before timing (that is a once-per-process cost,
printed separately). Targets: analysis under 30 ms per article; event extraction at most
as long as analysis (the ratio is printed); articles/s for the whole per-document pipeline.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from kronika.ingest.document import Skipped
from kronika.model import Article
from kronika.pipeline import ANALYSIS_STAGES, EXTRACT_STAGES, STAGES, process

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "examples" / name for name in ("corpus", "strike", "crosslang")] + [ROOT.parent / "shared" / "seeds"]
WORDS = 600


def sample_articles() -> list[Article]:
    """The inputs as articles of exactly WORDS words (text repeated when shorter)."""
    articles = []
    for item in process(str(path) for path in INPUTS if path.is_dir()):
        if isinstance(item, Skipped):
            continue
        article = item.article
        words = re.findall(r"\S+\s*", article.text)
        text = "".join((words * (WORDS // len(words) + 1))[:WORDS]).strip()
        articles.append(
            Article(id=article.id, text=text, language=article.language, published=article.published)
        )
    return articles


def fresh(article: Article) -> Article:
    return Article(
        id=article.id, text=article.text, language=article.language, published=article.published
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    articles = sample_articles()

    started = time.perf_counter()
    for article in articles:  # loads every model and gazetteer once
        for stage in STAGES:
            article = stage(article)
    print(f"first pass (loads models): {time.perf_counter() - started:.2f} s")

    per_stage: dict[str, list[float]] = {stage.__name__: [] for stage in STAGES}
    totals = []
    by_language: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for article in articles:
            language = article.language
            article = fresh(article)
            total = 0.0
            for stage in STAGES:
                started = time.perf_counter()
                article = stage(article)
                elapsed = time.perf_counter() - started
                per_stage[stage.__name__].append(elapsed)
                total += elapsed
            totals.append(total)
            by_language.setdefault(language, []).append(total)

    languages = sorted({a.language for a in articles})
    print(f"{len(articles)} articles of {WORDS} words ({', '.join(languages)}), {args.repeat} rounds")
    for name, times in per_stage.items():
        print(f"  {name:<16} {1000 * statistics.mean(times):6.2f} ms")
    for language, times in sorted(by_language.items()):
        print(f"  {language:<16} {1000 * statistics.mean(times):6.2f} ms (all stages)")
    mean = statistics.mean(totals)
    print(f"  {'all stages':<16} {1000 * mean:6.2f} ms mean, "
          f"{1000 * statistics.quantiles(totals, n=20)[-1]:.2f} ms p95  "
          f"-> {1 / mean:.0f} articles/s")
    analysis = sum(statistics.mean(per_stage[s.__name__]) for s in ANALYSIS_STAGES)
    extraction = sum(statistics.mean(per_stage[s.__name__]) for s in EXTRACT_STAGES)
    print(f"  analysis {1000 * analysis:.2f} ms (target: under 30), extraction {1000 * extraction:.2f} ms: "
          f"extraction/analysis = {extraction / analysis:.2f} (target: at most 1.0)")


if __name__ == "__main__":
    main()
