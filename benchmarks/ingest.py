"""Throughput of the whole per-document pipeline: read, clean, language, sentences and analysis.

    python benchmarks/ingest.py [--articles 3000] [--store]

Writes a corpus of plain-text articles (header, furniture lines, page-break splits, several
languages) into a temporary folder, then runs the per-document pipeline on one core and
prints articles/s, characters/s and peak memory. ``--store`` also writes them to SQLite and
then links them (``kronika link``: entities, canonical events, stories), timed apart.
The sentences below are written for this benchmark.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from kronika.ingest.document import Skipped
from kronika.pipeline import process

SENTENCES = {
    "nl": [
        "Duizenden havenarbeiders legden maandag het werk neer uit protest tegen de nieuwe cao.",
        "Volgens de bond gingen naar schatting 12.000 mensen de straat op in het centrum.",
        "Dhr. De Vries van de vakbond zei dat de staking voor onbepaalde tijd doorgaat.",
        "De politie hield ca. 40 betogers aan bij het ministerie van Sociale Zaken.",
        "De minister wil niet weten van nieuwe onderhandelingen zolang de acties duren.",
        "Afgelopen vrijdag waren er al kleinere demonstraties in drie andere steden.",
    ],
    "en": [
        "Thousands of rail workers walked out on Monday in a dispute over pay and pensions.",
        "Organisers said more than 15,000 people joined the march through the capital.",
        "Police detained at least 30 protesters outside the ministry, according to local media.",
        "Dr. Jane Miller, a labour historian, said the strike was the largest since 1994.",
        "The government threatened to bring in the army if the blockade was not lifted.",
        "On Aug. 9, the union called for a general strike across the public sector.",
    ],
    "de": [
        "Tausende Beschäftigte der Stahlindustrie legten am Montag die Arbeit nieder.",
        "Nach Angaben der Gewerkschaft beteiligten sich rund 20.000 Menschen an der Kundgebung.",
        "Die Polizei nahm z.B. vor dem Rathaus mehrere Demonstranten fest.",
        "Der Minister lehnte neue Verhandlungen am 9. August ab.",
    ],
    "fr": [
        "Des milliers de cheminots se sont mis en grève lundi contre la réforme des retraites.",
        "Selon les syndicats, plus de 50 000 personnes ont défilé dans les rues de la capitale.",
        "M. Dupont, porte-parole du ministère, a annoncé l'interpellation de 25 manifestants.",
    ],
    "ru": [
        "Тысячи рабочих вышли на забастовку в понедельник, требуя повышения зарплаты.",
        "По данным организаторов, в акции протеста приняли участие около 10 тысяч человек.",
        "Полиция задержала не менее 40 участников митинга у здания правительства.",
    ],
}
FURNITURE = ["© 2024 Example Radio", "Share this article", "Read more: Strike talks resume", "0:00 0:00"]
LANGUAGE_MIX = ["nl"] * 3 + ["en"] * 4 + ["de", "fr", "ru"]


def write_corpus(folder: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    total = 0
    for n in range(count):
        language = rng.choice(LANGUAGE_MIX)
        paragraphs = []
        for _ in range(rng.randint(5, 12)):
            paragraphs.append(" ".join(rng.choices(SENTENCES[language], k=rng.randint(2, 4))))
        if rng.random() < 0.3:
            words = paragraphs[2].split(" ")
            paragraphs[2] = " ".join(words[: len(words) // 2]) + "\n\n" + " ".join(words[len(words) // 2 :]).lower()
        body = "\n\n".join(paragraphs + rng.sample(FURNITURE, k=2))
        text = f"date 2020-08-{n % 28 + 1:02d}\ntitle Article {n}\n\n{body}\n"
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--store", action="store_true", help="also write the articles to SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = write_corpus(folder, args.articles)
        store = None
        if args.store:
            from kronika.store import Store

            store = Store(Path(tmp) / "bench.db")
        list(process([str(folder / "00000.txt")]))  # load the language model outside the timing
        started = time.perf_counter()
        done = skipped = 0
        for item in process([str(folder)]):
            if isinstance(item, Skipped):
                skipped += 1
                continue
            if store is not None:
                store.put_article(item.article, location=item.location, origin=item.origin)
            done += 1
        seconds = time.perf_counter() - started
        link_line = ""
        if store is not None:
            from kronika.link import link_store

            began = time.perf_counter()
            summary = link_store(store)
            link_seconds = time.perf_counter() - began
            link_line = (
                f"linking: {summary.articles:,} articles, {summary.mentions:,} mentions → {summary.events:,} events "
                f"in {link_seconds:.1f} s ({summary.mentions / max(link_seconds, 1e-9):,.0f} mentions/s)"
            )
            store.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = "ingest (read, clean, language) + analysis" + (" + SQLite store" if args.store else "")
    print(f"{what}: {done:,} articles ({skipped} skipped), {chars / max(done, 1):,.0f} chars each")
    print(f"{done / seconds:,.0f} articles/s, {chars / seconds / 1e6:.2f} M chars/s on one core, "
          f"peak memory {peak_mib:,.0f} MiB")
    if link_line:
        print(link_line)


if __name__ == "__main__":
    main()
