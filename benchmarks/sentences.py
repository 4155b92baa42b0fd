"""Sentence splitting: boundary precision/recall and speed, kronika against syntok.

    python benchmarks/sentences.py [--data ../shared/data]

Gold: the sentence breaks of the CoNLL-2002 (nl) and CoNLL-2003 (en) test splits, labelled
by other people. Sentences are detokenised ("Engeland , Spanje ." → "Engeland, Spanje.")
and joined with spaces into passages of 20; a gold break counts only after a sentence that
ends in . ! ? (with any closing quote), since no splitter can see a break after a headline
run into the next sentence. syntok is measured when installed (pip install syntok).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from kronika.analyze.sentences import split_sentences
from kronika.train.ner import read_documents

ROOT = Path(__file__).resolve().parent.parent
SETS = {"nl": "ner/conll2002-nl/test.conllu", "en": "ner/conll2003-en/test.conllu"}
PASSAGE = 20
_FINAL = re.compile(r"[.!?][\"'”’»)]*$")

Splitter = Callable[[str, str], list[int]]


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,:;!?%)\]])", r"\1", text)
    return re.sub(r"([(\[$]) ", r"\1", text)


def passages(path: Path) -> list[tuple[str, set[int]]]:
    sentences = [words for document in read_documents(path) for words, _ in document]
    result = []
    for k in range(0, len(sentences), PASSAGE):
        text, breaks = "", set()
        for tokens in sentences[k : k + PASSAGE]:
            sentence = detokenize(tokens)
            if text:
                if _FINAL.search(text):
                    breaks.add(len(text) + 1)
                text += " "
            text += sentence
        result.append((text, breaks))
    return result


def kronika(text: str, language: str) -> list[int]:
    return [s.start for s in split_sentences(text, language)[1:]]


def syntok_splitter() -> Splitter | None:
    try:
        from syntok import segmenter
    except ImportError:
        return None

    def split(text: str, language: str) -> list[int]:
        starts = [sentence[0].offset for paragraph in segmenter.analyze(text) for sentence in paragraph]
        return starts[1:]

    return split


def score(name: str, split: Splitter, data: dict[str, list[tuple[str, set[int]]]]) -> None:
    for language, items in data.items():
        found = correct = gold = chars = 0
        started = time.perf_counter()
        for text, breaks in items:
            predicted = {start for start in split(text, language)}
            # a predicted break counts against precision only where the gold says "no break
            # here" for sure: not at the end of an unpunctuated sentence
            found += len(predicted)
            correct += len(predicted & breaks)
            gold += len(breaks)
            chars += len(text)
        seconds = time.perf_counter() - started
        precision, recall = correct / max(found, 1), correct / max(gold, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"{name:8} {language}  P={precision:.3f} R={recall:.3f} F1={f1:.3f}  "
              f"{chars / seconds / 1e6:.2f} M chars/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    data = {lang: passages(args.data / rel) for lang, rel in SETS.items() if (args.data / rel).exists()}
    if not data:
        raise SystemExit(f"no CoNLL test data under {args.data}")
    score("kronika", kronika, data)
    other = syntok_splitter()
    if other:
        score("syntok", other, data)
    else:
        print("syntok is not installed; pip install syntok to compare")


if __name__ == "__main__":
    main()
