"""Events found in text that reports none (``kronika eval negatives``).

Three kinds of text where a political-event system should find (almost) nothing:

- **CoNLL-2003 sports and business documents** (Reuters, 1996; ``ner/conll2003-en`` val and
  test): a document is sports when its headline starts with a Reuters sports slug
  ("SOCCER -", "TENNIS -", :data:`SPORTS`), business when its headline names a market,
  a company result or a price (:data:`BUSINESS`); the others are left out (much of the
  rest is politics).
- **MEANTIME** (``coref/meantime-nl-en``): Wikinews business news about Airbus, Apple,
  General Motors and the stock market, English and Dutch.
- **Our own non-political paragraphs** (``nonpolitical-dev.jsonl``): recipes, shops, sports,
  tech, fashion and other web text in en and nl (111 paragraphs), written by helpers who did not see
  kronika's rules, full of words that look like events ("generally", "search box",
  "striking colours", "the stock rallied", "code execution").

Scores, per 1,000 words (whitespace tokens), lower is better: ``conflict_per_1k`` counts
mentions of a conflictual type (:data:`kronika.ontology.CONFLICTUAL`: protests, assaults,
fights, coercion, sanctions, mobilisation), ``specific_conflict_per_1k`` those of them that
kronika calls specific (the ones the timeline and exports show by default), and
``events_per_1k`` every mention. Each for every source and all together (``all_``).

These sets are not free of real events: MEANTIME reports the EU ban on Indonesian airlines
and a work stoppage at Airbus, CoNLL business news protests in Chad. ``noise_conflict_per_1k``
leaves out the conflict mentions a helper who did not see the rules judged to be real
political or social events (``negatives-real.jsonl``: 29 of 47 judged at the first
measurement, keyed by a hash of the sentence and the trigger, so no text is copied); a
mention not judged there counts as noise.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from kronika import ontology
from kronika.model import Article

DEV_SET = "nonpolitical-dev.jsonl"
REAL_SET = "negatives-real.jsonl"

SPORTS = re.compile(
    r"^(SOCCER|TENNIS|CRICKET|GOLF|RUGBY( UNION| LEAGUE)?|BASEBALL|BASKETBALL|CYCLING|ATHLETICS|"
    r"MOTOR ?RACING|MOTORCYCLING|BOXING|HORSE RACING|ALPINE SKIING|SKIING|FREESTYLE SKIING|NFL|NHL|NBA|"
    r"ICE HOCKEY|HOCKEY|SWIMMING|SQUASH|BADMINTON|VOLLEYBALL|HANDBALL|ROWING|SAILING|YACHTING|"
    r"SNOOKER|TABLE TENNIS|FORMULA ONE|GYMNASTICS|JUDO|WRESTLING|CHESS|AMERICAN FOOTBALL|"
    r"AUSTRALIAN RULES|NORDIC SKIING|SKI JUMPING|SPEED SKATING|FIGURE SKATING|BOBSLEIGH|LUGE|BIATHLON|TRIATHLON)\b[^-]*-"
)
"""Reuters sports slugs at the start of a headline."""

BUSINESS = re.compile(
    r"\b(SHARES?|STOCKS?|BONDS?|BOURSE|DOLLAR|YEN|MARK|PROFIT|NET|EARNINGS|RESULTS|DIVIDEND|"
    r"REVENUE|SALES|PRICES?|FUTURES|TREASURIES|OPENING|CLOSE[SD]?|MARKET|INDEX|RATES?|"
    r"CORN|WHEAT|SOYBEANS?|COFFEE|SUGAR|GOLD|COPPER|CRUDE|OIL PRICES|FOREX|IPO|BUYOUT|MERGER)\b",
    re.IGNORECASE,
)
"""Words of a business headline (a market report, a company result, a price)."""

Document = tuple[str, str, str]
"""(source, language, text)."""


def conll_documents(folder: Path) -> Iterator[Document]:
    """The sports and business documents of CoNLL-2003 English val and test, each as its
    headline line and its sentences."""
    for split in ("val", "test"):
        sentences: list[list[str]] = []
        for document in _conll_documents(folder / f"{split}.conllu"):
            sentences = document
            if not sentences:
                continue
            head = " ".join(sentences[0])
            kind = "sports" if SPORTS.match(head) else "business" if BUSINESS.search(head) else None
            if kind:
                yield f"conll2003-{kind}", "en", "\n\n".join(" ".join(s) for s in sentences)


def _conll_documents(path: Path) -> Iterator[list[list[str]]]:
    document: list[list[str]] = []
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) < 2:
            if sentence:
                document.append(sentence)
            sentence = []
            continue
        if columns[1] == "-DOCSTART-":
            if document:
                yield document
            document, sentence = [], []
            continue
        sentence.append(columns[1])
    if sentence:
        document.append(sentence)
    if document:
        yield document


def meantime_documents(folder: Path) -> Iterator[Document]:
    from kronika.eval.meantime import document_texts

    for language in ("en", "nl"):
        texts = document_texts(folder / language / "meantime.conll")
        for doc in sorted(texts):
            yield "meantime", language, texts[doc]


def own_documents(path: Path | None = None) -> Iterator[Document]:
    text = path.read_text(encoding="utf-8") if path else (
        resources.files("kronika.eval").joinpath(DEV_SET).read_text(encoding="utf-8")
    )
    for line in text.splitlines():
        if line.strip():
            item = json.loads(line)
            yield f"own-{item['language']}", item["language"], item["text"]


def evaluate_negatives(data: Path) -> dict[str, float]:
    """The rates of the module docstring over the negatives found under ``data`` (the
    ``../shared/data`` folder; a source that is not there is left out)."""
    documents: list[Document] = list(own_documents())
    conll = data / "ner" / "conll2003-en"
    if conll.is_dir():
        documents += conll_documents(conll)
    meantime = data / "coref" / "meantime-nl-en"
    if meantime.is_dir():
        documents += meantime_documents(meantime)
    return rates(documents)


def real_events() -> set[tuple[str, str]]:
    """(sentence hash, trigger) of the mentions judged to be real events (module docstring)."""
    text = resources.files("kronika.eval").joinpath(REAL_SET).read_text(encoding="utf-8")
    return {
        (item["sentence_sha1"], item["trigger"])
        for item in (json.loads(line) for line in text.splitlines() if line.strip())
    }


def sentence_key(sentence: str) -> str:
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:16]


def rates(documents: list[Document]) -> dict[str, float]:
    from kronika.pipeline import analyze

    real = real_events()
    counts: dict[str, list[int]] = {}
    for n, (source, language, text) in enumerate(documents):
        article = analyze(Article(id=f"neg-{n}", text=text, language=language))
        found = [e for e in article.events if e.type in ontology.CONFLICTUAL]
        noise = [e for e in found if (sentence_key(e.sentence.text), e.trigger.text.lower()) not in real]
        row = [len(text.split()), len(article.events), len(found),
               sum(e.specificity == "specific" for e in found), len(noise), 1]
        for key in (source, "all"):
            counts[key] = [a + b for a, b in zip(counts.get(key, [0] * 6), row, strict=True)]
    scores: dict[str, float] = {}
    for key, (words, events, conflict, specific, noisy, docs) in sorted(counts.items()):
        scores[f"{key}_documents"] = float(docs)
        scores[f"{key}_events_per_1k"] = round(1000 * events / max(words, 1), 3)
        scores[f"{key}_conflict_per_1k"] = round(1000 * conflict / max(words, 1), 3)
        scores[f"{key}_specific_conflict_per_1k"] = round(1000 * specific / max(words, 1), 3)
        scores[f"{key}_noise_conflict_per_1k"] = round(1000 * noisy / max(words, 1), 3)
    return scores
