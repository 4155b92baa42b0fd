"""Language identification: accuracy and speed of the detectors we considered.

    python benchmarks/langid.py [--data ../shared/data] [--per-language 400]

Test text: sentences of the CoNLL-2002 (nl) and CoNLL-2003 (en) test splits, labelled by
other people, and our own sentences in tests/fixtures/langid/ for the other languages.
Prints accuracy (an "und" answer counts as wrong) and the "und" rate per language for
kronika's detector (py3langid restricted to our languages, with the "und" rules of
kronika.ingest.language) and, when installed, lingua-language-detector restricted the same
way (with "und" below 0.5 confidence).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from kronika.ingest.language import identify_language
from kronika.lang import available
from kronika.train.ner import read_documents

ROOT = Path(__file__).resolve().parent.parent
CONLL = {"nl": "ner/conll2002-nl/test.conllu", "en": "ner/conll2003-en/test.conllu"}


def conll_sentences(path: Path) -> list[str]:
    sentences = (
        re.sub(r" ([.,:;!?')])", r"\1", " ".join(words))
        for document in read_documents(path)
        for words, _ in document
    )
    return [s for s in sentences if _is_prose(s)]


def _is_prose(sentence: str) -> bool:
    """A running-text sentence, not a sports table row or an all-caps headline."""
    words = sentence.split()
    alphabetic = [w for w in words if w.isalpha()]
    return (
        len(words) >= 6
        and len(alphabetic) >= 0.7 * len(words)
        and sum(w.islower() for w in alphabetic) >= 0.5 * len(alphabetic)
    )


def load_samples(data: Path, per_language: int) -> list[tuple[str, str]]:
    rng = random.Random(13)
    samples: list[tuple[str, str]] = []
    for code, relative in CONLL.items():
        path = data / relative
        if path.exists():
            sentences = conll_sentences(path)
            samples += [(code, s) for s in rng.sample(sentences, min(per_language, len(sentences)))]
    for path in sorted((ROOT / "tests/fixtures/langid").glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        samples += [(path.stem, line) for line in lines]
    return samples


def lingua_detector() -> Callable[[str], str] | None:
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        return None
    codes = [IsoCode639_1.from_str(c) for c in available() if c != "xx"]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def detect(text: str) -> str:
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value < 0.5:
            return "und"
        return values[0].language.iso_code_639_1.name.lower()

    return detect


def score(name: str, detect: Callable[[str], str], samples: list[tuple[str, str]]) -> None:
    for code in {gold for gold, _ in samples}:  # models load lazily: keep that out of timing
        detect(next(text for gold, text in samples if gold == code))
    right: Counter[str] = Counter()
    undetermined: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusions: dict[str, Counter[str]] = defaultdict(Counter)
    started = time.perf_counter()
    for gold, text in samples:
        answer = detect(text)
        total[gold] += 1
        right[gold] += answer == gold
        undetermined[gold] += answer == "und"
        if answer not in (gold, "und"):
            confusions[gold][answer] += 1
    seconds = time.perf_counter() - started
    chars = sum(len(text) for _, text in samples)
    decided = len(samples) - sum(undetermined.values())
    print(f"\n{name}: {sum(right.values()) / len(samples):.3f} accuracy on {len(samples)} texts "
          f"({sum(right.values()) / max(decided, 1):.3f} of those not 'und'), "
          f"{len(samples) / seconds:,.0f} texts/s, {chars / seconds / 1e6:.2f} M chars/s")
    for code in sorted(total):
        wrong = ", ".join(f"{k}:{v}" for k, v in confusions[code].most_common(3))
        print(f"  {code}  n={total[code]:<4} acc={right[code] / total[code]:.3f}  "
              f"und={undetermined[code] / total[code]:.3f}  {wrong}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--per-language", type=int, default=400)
    args = parser.parse_args()
    samples = load_samples(args.data, args.per_language)
    score("kronika (py3langid)", identify_language, samples)
    other = lingua_detector()
    if other:
        score("lingua", other, samples)
    else:
        print("\nlingua is not installed; pip install lingua-language-detector to compare")


if __name__ == "__main__":
    main()
