"""The timeline chart's bins."""

from __future__ import annotations

from kronika.serve.charts import AXIS, HEIGHT, colour, timeline


def test_days_stack_by_type_and_imprecise_dates_are_counted_apart() -> None:
    chart = timeline([
        ("2020-08-16", "2020-08-16", "PROTEST", 3), ("2020-08-16", "2020-08-16", "COERCE", 1),
        ("2020-08-18", "2020-08-18", "PROTEST", 2), ("2020-08-01", "2020-08-31", "PROTEST", 5),
    ])
    assert chart.unit == "day"
    assert [b.label for b in chart.bars] == ["2020-08-16", "2020-08-17", "2020-08-18"]
    assert [b.total for b in chart.bars] == [4, 0, 2]
    assert chart.peak == 4 and chart.imprecise == {"PROTEST": 5}
    first = chart.bars[0]
    assert [b.type for b in first.blocks] == ["PROTEST", "COERCE"]  # ontology order
    assert abs(sum(b.height for b in first.blocks) - (HEIGHT - AXIS)) < 1e-6
    assert first.blocks[0].colour == colour("PROTEST") != colour("COERCE")
    assert chart.types == [("PROTEST", 10, colour("PROTEST")), ("COERCE", 1, colour("COERCE"))]
    (period,) = chart.periods  # the month-dated protests: a span over the whole chart
    assert (period.since, period.until, period.count) == ("2020-08-01", "2020-08-31", 5)
    assert period.x == 0 and abs(period.width - chart.width) < 1e-6 and period.y > chart.height


def test_long_ranges_get_weeks_then_months() -> None:
    weeks = timeline([("2020-01-01", "2020-01-01", "PROTEST", 1), ("2020-12-31", "2020-12-31", "PROTEST", 1)])
    assert weeks.unit == "week" and weeks.bars[0].label == "2020-W01" and weeks.bars[-1].label == "2020-W53"
    months = timeline([("2016-05-09", "2016-05-09", "AID", 1), ("2020-02-03", "2020-02-03", "AID", 2),
                       ("2020-02-01", "2020-02-29", "AID", 1)])
    assert months.unit == "month" and months.bars[0].label == "2016-05" and months.bars[-1].total == 3
    assert months.imprecise == {}  # a month-precise date fits a month bar


def test_empty_and_unknown_types() -> None:
    assert timeline([]).bars == []
    assert colour("SOMETHING_NEW").startswith("#")
