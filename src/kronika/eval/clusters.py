"""Coreference cluster scores: B³, MUC, CEAF-e, their CoNLL mean, and pairwise links.

Both sides are given as ``{mention id: cluster id}`` over the same mentions (gold mentions,
so there are no twinless mentions to reconcile). Singletons count: a mention alone in its
cluster is a cluster like any other, as MEANTIME annotates many of them.

- B³ (Bagga & Baldwin 1998): per mention, precision ``|K∩R| / |R|`` and recall
  ``|K∩R| / |K|`` of the key cluster K and response cluster R holding it, averaged over
  mentions.
- MUC (Vilain et al. 1995): recall ``Σ(|K| − |p(K)|) / Σ(|K| − 1)`` where ``p(K)`` splits
  K by the response; precision is the same with the sides swapped. Links only: a singleton
  key cluster contributes nothing, and an all-singleton response has recall 0.
- CEAF-e (Luo 2005): the best one-to-one alignment of key and response clusters under
  ``φ4(K, R) = 2|K∩R| / (|K| + |R|)``; precision divides its total by the number of
  response clusters, recall by the number of key clusters.
- Pairwise: precision and recall of coreferent mention pairs, optionally over the pairs a
  predicate keeps (say, pairs whose mentions differ in language).

A ratio with nothing to divide by (MUC on all-singleton clusters, no pairs) is 0.0, as in
the reference scorer.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

Mention = TypeVar("Mention", bound=Hashable)
"""The type of mention ids (cluster ids may be anything hashable, different on each side)."""


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float


def _score(precision: float, recall: float) -> Score:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _check_same_mentions(
    key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]
) -> None:
    if key.keys() == response.keys():
        return
    only_key = [repr(m) for m in key.keys() - response.keys()]
    only_response = [repr(m) for m in response.keys() - key.keys()]
    raise ValueError(
        "key and response must cluster the same mentions: "
        f"{len(only_key)} only in the key (e.g. {', '.join(sorted(only_key)[:3])}), "
        f"{len(only_response)} only in the response (e.g. {', '.join(sorted(only_response)[:3])})"
    )


def _overlaps(
    key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]
) -> Counter[tuple[Hashable, Hashable]]:
    """``|K∩R|`` for every (key cluster, response cluster) pair that shares a mention."""
    return Counter((key[mention], response[mention]) for mention in key)


def b_cubed(key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]) -> Score:
    """B³ precision and recall, averaged over mentions."""
    _check_same_mentions(key, response)
    key_sizes = Counter(key.values())
    response_sizes = Counter(response.values())
    precision = recall = 0.0
    # Every mention in a K∩R cell has the same per-mention scores: sum per cell.
    for (k, r), shared in _overlaps(key, response).items():
        precision += shared * shared / response_sizes[r]
        recall += shared * shared / key_sizes[k]
    return _score(_ratio(precision, len(key)), _ratio(recall, len(key)))


def _muc_recall(key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]) -> float:
    key_sizes = Counter(key.values())
    parts = Counter(k for k, _ in _overlaps(key, response))  # |p(K)| per key cluster
    found = sum(size - parts[k] for k, size in key_sizes.items())
    return _ratio(found, sum(size - 1 for size in key_sizes.values()))


def muc(key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]) -> Score:
    """MUC link-based precision and recall."""
    _check_same_mentions(key, response)
    return _score(_muc_recall(response, key), _muc_recall(key, response))


def ceaf_e(key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]) -> Score:
    """Entity-based CEAF with φ4 similarity and the optimal one-to-one cluster alignment."""
    _check_same_mentions(key, response)
    key_sizes = Counter(key.values())
    response_sizes = Counter(response.values())
    similarity: dict[Hashable, dict[Hashable, float]] = defaultdict(dict)
    for (k, r), shared in _overlaps(key, response).items():
        similarity[k][r] = 2 * shared / (key_sizes[k] + response_sizes[r])
    total = _best_alignment(similarity)
    return _score(_ratio(total, len(response_sizes)), _ratio(total, len(key_sizes)))


def conll_f1(key: Mapping[Mention, Hashable], response: Mapping[Mention, Hashable]) -> float:
    """The CoNLL-2012 score: the mean of the B³, MUC and CEAF-e F1."""
    scores = (b_cubed(key, response), muc(key, response), ceaf_e(key, response))
    return sum(score.f1 for score in scores) / len(scores)


def pairwise(
    key: Mapping[Mention, Hashable],
    response: Mapping[Mention, Hashable],
    *,
    where: Callable[[Mention, Mention], bool] | None = None,
) -> Score:
    """Precision and recall of coreferent pairs, over the pairs for which ``where(a, b)``
    holds (all pairs when it is None)."""
    _check_same_mentions(key, response)
    if where is None:
        linked = sum(shared * (shared - 1) // 2 for shared in _overlaps(key, response).values())
        return _score(_ratio(linked, _pair_count(response)), _ratio(linked, _pair_count(key)))
    predicate = where
    response_pairs = linked = 0
    for a, b in _pairs(response):
        if predicate(a, b):
            response_pairs += 1
            linked += key[a] == key[b]
    key_pairs = sum(1 for a, b in _pairs(key) if predicate(a, b))
    return _score(_ratio(linked, response_pairs), _ratio(linked, key_pairs))


def _pair_count(clustering: Mapping[Mention, Hashable]) -> int:
    return sum(size * (size - 1) // 2 for size in Counter(clustering.values()).values())


def _pairs(clustering: Mapping[Mention, Hashable]) -> list[tuple[Mention, Mention]]:
    members: dict[Hashable, list[Mention]] = defaultdict(list)
    for mention, cluster in clustering.items():
        members[cluster].append(mention)
    return [
        (group[i], group[j])
        for group in members.values()
        for i in range(len(group))
        for j in range(i + 1, len(group))
    ]


def _best_alignment(similarity: Mapping[Hashable, Mapping[Hashable, float]]) -> float:
    """The largest total similarity of a one-to-one matching of rows to columns.

    Kuhn-Munkres as successive shortest augmenting paths (Dijkstra with potentials) over
    the sparse overlap graph: a pair with no shared mention has similarity 0, so it is
    never worth an edge. Every row also gets a private dummy column ("left unaligned",
    similarity 0), which makes the problem a complete assignment of rows, and costs are
    ``1 − similarity`` so that they are non-negative. Each search stops at the first free
    column it reaches and only walks edges of the overlap graph, so it stays inside one
    connected component of key/response clusters; with about 1,000 clusters a side this
    takes milliseconds where a dense n×n matrix would take seconds in pure Python.
    """
    rows = list(similarity)
    columns: dict[Hashable, int] = {}
    edges: list[list[tuple[int, float]]] = []
    for row in rows:
        edges.append(
            [(columns.setdefault(c, len(columns)), 1.0 - s) for c, s in similarity[row].items()]
        )
    dummy = len(columns)  # row i's dummy column is dummy + i
    for i, row_edges in enumerate(edges):
        row_edges.append((dummy + i, 1.0))

    width = dummy + len(rows)
    row_potential = [0.0] * len(rows)
    column_potential = [0.0] * width
    owner = [-1] * width  # the row matched to each column
    matched = [-1] * len(rows)  # the column matched to each row

    for start in range(len(rows)):
        # Dijkstra over columns; reduced costs c − u[row] − v[column] stay ≥ 0.
        distance: dict[int, float] = {}
        reached_from: dict[int, int] = {}
        settled: dict[int, float] = {}
        visited_rows: dict[int, float] = {}
        heap: list[tuple[float, int]] = []
        row, at = start, 0.0
        while True:
            visited_rows[row] = at
            for column, cost in edges[row]:
                if column in settled:
                    continue
                d = at + cost - row_potential[row] - column_potential[column]
                if d < distance.get(column, math.inf):
                    distance[column] = d
                    reached_from[column] = row
                    heapq.heappush(heap, (d, column))
            # Entries are pushed only on improvement, so a column's first pop is its best.
            d, column = heapq.heappop(heap)
            while column in settled:
                d, column = heapq.heappop(heap)
            settled[column] = d
            if owner[column] == -1:
                break
            row, at = owner[column], d

        free, reach = column, d
        for row, d in visited_rows.items():
            row_potential[row] += reach - d
        for column, d in settled.items():
            column_potential[column] -= reach - d

        column = free
        while True:
            row = reached_from[column]
            previous = matched[row]
            owner[column], matched[row] = row, column
            if row == start:
                break
            column = previous

    names = list(columns)
    return sum(
        similarity[rows[i]][names[column]] for i, column in enumerate(matched) if column < dummy
    )
