"""How the article gate's thresholds trade events kept against events found in non-news.

    python benchmarks/gate.py [--data ../shared/data]

Negatives: CoNLL-2003 sports and business documents and MEANTIME business news
(:mod:`kronika.eval.negatives`), plus our own non-political paragraphs when installed.
Positives: PolNeAR dev (84 US political articles) and the link dev set. Every article is
analysed once without the gate; then, for each pair of thresholds (domain words per 1,000
and the ratio of other domains' words), it prints the conflict mentions per 1,000 words
left in the negatives and the positive articles and specific mentions the gate would drop.
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path

from kronika import ontology
from kronika.eval import negatives
from kronika.extract import gate
from kronika.extract.events import find_events
from kronika.extract.lexicon import load
from kronika.model import Article
from kronika.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent


Row = tuple[int, float, float, int, int, int, int]


def measure(documents: list[negatives.Document]) -> list[Row]:
    """Per document: words, domain and other-domain density, conflict and specific mentions
    (without the gate), whitespace words, and different domain words."""
    rows = []
    for n, (_, language, text) in enumerate(documents):
        article = analyze(Article(id=f"d{n}", text=text, language=language))
        mentions = find_events(article, gate=False)
        lexicon = load(language)
        assert lexicon is not None
        words, density, other, distinct = gate.domain_density(
            [lexicon.words(text, s.start, s.end) for s in article.sentences], lexicon
        )
        rows.append((words, density, other, sum(e.type in ontology.CONFLICTUAL for e in mentions),
                     sum(e.specificity == "specific" for e in mentions), len(text.split()), distinct))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    negative = list(negatives.conll_documents(args.data / "ner" / "conll2003-en"))
    negative += negatives.meantime_documents(args.data / "coref" / "meantime-nl-en")
    if resources.files("kronika.eval").joinpath(negatives.DEV_SET).is_file():
        negative += negatives.own_documents()
    positive: list[negatives.Document] = [
        ("polnear", "en", path.read_text(encoding="utf-8"))
        for path in sorted((args.data / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))
    ]
    link_dev = resources.files("kronika.eval").joinpath("link-dev.jsonl").read_text(encoding="utf-8")
    positive += [("link-dev", r["language"], r["text"]) for r in map(json.loads, link_dev.splitlines()) if r]
    specific_dev = resources.files("kronika.eval").joinpath("specific-dev.jsonl").read_text(encoding="utf-8")
    positive += [("specific-dev", r["language"], r["text"]) for r in map(json.loads, specific_dev.splitlines()) if r]
    neg, pos = measure(negative), measure(positive)
    words = sum(r[5] for r in neg)
    print(f"{len(neg)} negative documents ({words:,} words), {len(pos)} positive ones "
          f"({sum(r[4] for r in pos)} specific mentions)\n")
    print("distinct min/1k  ratio  negatives: conflict/1k  positives: articles gated  specific mentions lost")
    for distinct in (1, 2, 3):
        for floor in (0.0, 3.0, 5.0, 8.0):
            for ratio in (float("inf"), 4.0, 3.0, 2.0):
                def kept(r: Row, floor: float = floor, ratio: float = ratio, distinct: int = distinct) -> bool:
                    return r[0] < gate.MIN_WORDS or (r[6] >= distinct and r[1] >= floor and r[2] <= ratio * r[1])
                conflict = sum(r[3] for r in neg if kept(r))
                lost = [r for r in pos if not kept(r)]
                print(f"{distinct:8d} {floor:6.1f} {ratio:6.1f}  {1000 * conflict / words:22.3f}  {len(lost):25d}"
                      f"  {sum(r[4] for r in lost):22d}")


if __name__ == "__main__":
    main()
