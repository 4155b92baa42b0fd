"""Claims and their reconciliation: disagreements with the documented tolerance."""

from __future__ import annotations

from kronika.link.claims import reconcile_counts, reconcile_date
from kronika.model import Claim, Span


def count(article: str, low: float | None, high: float | None) -> Claim:
    return Claim(article, "participants", f"{low}-{high}", low=low, high=high)


def test_doubling_is_a_disagreement_with_the_full_range() -> None:
    result = reconcile_counts([count("a", 100_000, 100_000), count("b", 200_000, 200_000)])
    assert result.disagreement and result.rule == "sources disagree"
    assert (result.low, result.high, result.value) == (100_000, 200_000, None)


def test_some_and_over_the_same_figure_agree_on_their_common_range() -> None:
    result = reconcile_counts([count("a", 7_000, 7_000), count("b", 7_000, None)])  # "some 7,000", "over 7,000"
    assert not result.disagreement and result.rule == "sources agree"
    assert (result.low, result.high, result.value) == (7_000, 7_000, 7_000)


def test_figures_within_the_tolerance_agree() -> None:
    result = reconcile_counts([count("a", 20_000, 20_000), count("b", 24_000, 24_000)])
    assert not result.disagreement
    assert (result.low, result.high) == (20_000, 24_000)  # no common range: the span of both


def test_a_vague_amount_agrees_with_a_figure_inside_it() -> None:
    hundreds_of_thousands = count("a", 200_000, 999_999)
    assert not reconcile_counts([hundreds_of_thousands, count("b", 200_000, 200_000)]).disagreement
    assert reconcile_counts([hundreds_of_thousands, count("c", 100_000, 100_000)]).disagreement


def test_single_source() -> None:
    result = reconcile_counts([count("a", 5_000, None)])
    assert (result.rule, result.low, result.high, result.sources) == ("single source", 5_000, None, 1)


def test_dates_take_the_most_precise_read_date_and_flag_different_days() -> None:
    def date(article: str, value: str, precision: str, read: bool = True) -> Claim:
        return Claim(article, "date", value, precision=precision, span=Span(0, 6, "Sunday") if read else None)

    chosen = reconcile_date([date("a", "2020-08", "month"), date("b", "2020-08-16", "day"),
                             date("c", "2020-W34", "week", read=False)])
    assert (chosen.value, chosen.rule, chosen.disagreement) == ("2020-08-16", "most precise", False)
    clash = reconcile_date([date("a", "2020-08-16", "day"), date("b", "2020-08-17", "day")])
    assert clash.disagreement
    guessed = reconcile_date([date("a", "2020-W34", "week", read=False)])
    assert guessed.value == "2020-W34"
