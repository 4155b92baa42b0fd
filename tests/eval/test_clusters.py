"""Coreference scores against values worked out by hand from the definitions."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Hashable, Mapping

import pytest

from kronika.eval.clusters import Score, b_cubed, ceaf_e, conll_f1, muc, pairwise


def clusters(*groups: str) -> dict[str, int]:
    """``clusters("abc", "de")`` → a, b, c in cluster 0, d, e in cluster 1."""
    return {mention: number for number, group in enumerate(groups) for mention in group}


def close(score: Score, precision: float, recall: float, f1: float) -> bool:
    return (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


# Key {a,b,c} {d,e} {f}: n = 6 mentions, 3 clusters, 2 + 1 = 3 links.
KEY = clusters("abc", "de", "f")
SINGLETONS = clusters(*"abcdef")
ONE_CLUSTER = clusters("abcdef")


def test_all_singletons_response() -> None:
    # B3: every response cluster is pure (P = 1); a mention of a size-s key cluster finds
    # 1/s of it, so R = (3·1/3 + 2·1/2 + 1·1)/6 = 3/6; F = 2·0.5/1.5 = 2/3.
    assert close(b_cubed(KEY, SINGLETONS), 1.0, 0.5, 2 / 3)
    # MUC: a partition into singletons recovers no link: R = 0, and it has no link: P = 0.
    assert close(muc(KEY, SINGLETONS), 0.0, 0.0, 0.0)
    # CEAF-e: each key cluster aligns with one of its own singletons, φ4 = 2/(s+1):
    # Φ = 2/4 + 2/3 + 2/2 = 13/6; P = Φ/6 = 13/36, R = Φ/3 = 13/18, F = 2Φ/(6+3) = 13/27.
    assert close(ceaf_e(KEY, SINGLETONS), 13 / 36, 13 / 18, 13 / 27)
    assert conll_f1(KEY, SINGLETONS) == pytest.approx((2 / 3 + 0 + 13 / 27) / 3)


def test_one_big_cluster_response() -> None:
    # B3: R = 1; a mention of a size-s key cluster has P = s/6: P = (9 + 4 + 1)/36 = 7/18,
    # F = 2·(7/18)/(25/18) = 14/25.
    assert close(b_cubed(KEY, ONE_CLUSTER), 7 / 18, 1.0, 14 / 25)
    # MUC: all 3 key links found (R = 1); the response's 5 links are cut into 3 key
    # clusters, 6 − 3 = 3 right: P = 3/5, F = 2·0.6/1.6 = 3/4.
    assert close(muc(KEY, ONE_CLUSTER), 3 / 5, 1.0, 3 / 4)
    # CEAF-e: the one response cluster aligns with {a,b,c}: φ4 = 2·3/(3+6) = 2/3;
    # P = (2/3)/1, R = (2/3)/3 = 2/9, F = 2·(2/3)/(3+1) = 1/3.
    assert close(ceaf_e(KEY, ONE_CLUSTER), 2 / 3, 2 / 9, 1 / 3)


@pytest.mark.parametrize("key", [KEY, SINGLETONS, ONE_CLUSTER, clusters("ab", "cd", "ef")])
def test_perfect_response(key: dict[str, int]) -> None:
    # The same partition under other cluster ids.
    response = {mention: f"cluster {number}" for mention, number in key.items()}
    assert b_cubed(key, response) == Score(1.0, 1.0, 1.0)
    assert ceaf_e(key, response) == Score(1.0, 1.0, 1.0)
    if key == SINGLETONS:
        # No links on either side: MUC has nothing to count (0/0 → 0, the reference scorer).
        assert muc(key, response) == Score(0.0, 0.0, 0.0)
    else:
        assert muc(key, response) == Score(1.0, 1.0, 1.0)
        assert conll_f1(key, response) == pytest.approx(1.0)


# Bagga & Baldwin (1998), figure 3: truth {1-5} {6,7} {8-12}. Response A merges {6,7} with
# {8-12}, response B merges {1-5} with {8-12}. MUC cannot tell them apart; B3 can.
TRUTH = {m: 0 for m in range(1, 6)} | {6: 1, 7: 1} | {m: 2 for m in range(8, 13)}
MERGE_SMALL = {m: 0 for m in range(1, 6)} | {m: 1 for m in range(6, 13)}
MERGE_LARGE = {m: 0 for m in range(1, 6)} | {6: 1, 7: 1} | {m: 0 for m in range(8, 13)}


def test_muc_scores_both_merges_alike() -> None:
    # Key links 4 + 1 + 4 = 9, all found (R = 1). Response links 4 + 6 = 10 (A) or
    # 9 + 1 = 10 (B); one of them joins two key clusters: P = 9/10, F = 18/19.
    assert close(muc(TRUTH, MERGE_SMALL), 0.9, 1.0, 18 / 19)
    assert close(muc(TRUTH, MERGE_LARGE), 0.9, 1.0, 18 / 19)


def test_b_cubed_penalises_the_larger_merge() -> None:
    # A: 1-5 have P = 1, 6-7 have P = 2/7, 8-12 have P = 5/7:
    # P = (5 + 4/7 + 25/7)/12 = 16/21 (the paper's 76%); F = 2·(16/21)/(37/21) = 32/37.
    assert close(b_cubed(TRUTH, MERGE_SMALL), 16 / 21, 1.0, 32 / 37)
    # B: 1-5 and 8-12 have P = 5/10, 6-7 have P = 1: P = (2.5 + 2 + 2.5)/12 = 7/12 (58%).
    assert close(b_cubed(TRUTH, MERGE_LARGE), 7 / 12, 1.0, 14 / 19)


def test_ceaf_e_on_the_bagga_baldwin_merge() -> None:
    # φ4({1-5}, {1-5}) = 1, φ4({8-12}, {6-12}) = 10/12, φ4({6,7}, {6-12}) = 4/9: the best
    # alignment takes 1 + 5/6 = 11/6; P = (11/6)/2, R = (11/6)/3, F = 2·(11/6)/(3+2) = 11/15.
    assert close(ceaf_e(TRUTH, MERGE_SMALL), 11 / 12, 11 / 18, 11 / 15)
    assert conll_f1(TRUTH, MERGE_SMALL) == pytest.approx((32 / 37 + 18 / 19 + 11 / 15) / 3)


def test_ceaf_e_prefers_the_best_total_to_the_best_single_pair() -> None:
    # Key {a,b,c} {d}, response {a,b,d} {c}. The most similar pair is φ4({a,b,c}, {a,b,d})
    # = 2·2/6 = 2/3, but it leaves {d} with {c}: 0, total 2/3. Crossing over gives
    # φ4({a,b,c}, {c}) = 2/4 and φ4({d}, {a,b,d}) = 2/4: total 1, so P = R = F = 1/2
    # (a greedy alignment would score 1/3).
    assert close(ceaf_e(clusters("abc", "d"), clusters("abd", "c")), 0.5, 0.5, 0.5)


def brute_force_ceaf_e(key: Mapping[int, Hashable], response: Mapping[int, Hashable]) -> Score:
    """CEAF-e by trying every alignment (small inputs only)."""
    key_sizes, response_sizes = Counter(key.values()), Counter(response.values())
    shared = Counter((key[m], response[m]) for m in key)
    rows, columns = list(key_sizes), list(response_sizes)
    padded = columns + [None] * len(rows)  # None: left unaligned
    best = max(
        sum(
            2 * shared[k, r] / (key_sizes[k] + response_sizes[r])
            for k, r in zip(rows, choice, strict=True)
            if r is not None
        )
        for choice in itertools.permutations(padded, len(rows))
    )
    precision, recall = best / len(columns), best / len(rows)
    return Score(precision, recall, 2 * precision * recall / (precision + recall) if best else 0.0)


def test_ceaf_e_alignment_is_optimal_on_random_partitions() -> None:
    rng = random.Random(7)
    for _ in range(300):
        mentions = range(rng.randint(1, 8))
        key = {m: rng.randrange(rng.randint(1, 5)) for m in mentions}
        response = {m: rng.randrange(rng.randint(1, 5)) for m in mentions}
        expected = brute_force_ceaf_e(key, response)
        assert close(ceaf_e(key, response), expected.precision, expected.recall, expected.f1)


def test_scores_are_symmetric_in_precision_and_recall() -> None:
    rng = random.Random(3)
    key = {m: rng.randrange(40) for m in range(200)}
    response = {m: rng.randrange(60) for m in range(200)}
    for metric in (b_cubed, muc, ceaf_e, pairwise):
        forward, backward = metric(key, response), metric(response, key)
        assert (forward.precision, forward.recall) == pytest.approx(
            (backward.recall, backward.precision)
        )


def test_ceaf_e_handles_a_thousand_clusters_a_side() -> None:
    rng = random.Random(11)
    key = {m: rng.randrange(1000) for m in range(1500)}
    response = {m: key[m] if rng.random() < 0.7 else rng.randrange(1000) for m in key}
    score = ceaf_e(key, response)
    assert 0.5 < score.f1 < 1.0


@pytest.mark.parametrize("metric", [b_cubed, muc, ceaf_e, pairwise, conll_f1])
def test_different_mentions_are_refused(metric: Callable[..., object]) -> None:
    with pytest.raises(ValueError, match="1 only in the key.*0 only in the response"):
        metric(clusters("abc"), clusters("ab"))


def test_pairwise_over_all_pairs() -> None:
    # Key {a,b,c} {d,e}: 3 + 1 = 4 pairs. Response {a,b} {c,d,e}: 1 + 3 = 4 pairs, of which
    # (a,b) and (d,e) are right: P = R = F = 2/4.
    assert close(pairwise(clusters("abc", "de"), clusters("ab", "cde")), 0.5, 0.5, 0.5)
    # No response pairs: precision 0 (nothing to divide by), recall 0.
    assert close(pairwise(KEY, SINGLETONS), 0.0, 0.0, 0.0)


def test_pairwise_only_over_pairs_across_languages() -> None:
    # a, b English; c, d Dutch. Key {a,c} {b,d}: two pairs, both across languages.
    # Response: one cluster, 6 pairs, 4 of them across languages (a-c a-d b-c b-d).
    language = {"a": "en", "b": "en", "c": "nl", "d": "nl"}
    key, response = clusters("ac", "bd"), clusters("abcd")
    # All pairs: P = 2/6, R = 2/2, F = 2·(1/3)/(4/3) = 1/2.
    assert close(pairwise(key, response), 1 / 3, 1.0, 0.5)
    # Across languages only: P = 2/4, R = 2/2, F = 2/3.
    assert close(
        pairwise(key, response, where=lambda a, b: language[a] != language[b]), 0.5, 1.0, 2 / 3
    )
    # Within one language only: the key has no such pair, the response has (a,b) and (c,d).
    assert close(
        pairwise(key, response, where=lambda a, b: language[a] == language[b]), 0.0, 0.0, 0.0
    )
