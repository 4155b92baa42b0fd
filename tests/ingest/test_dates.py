import pytest

from kronika.ingest.dates import dateline, parse_published
from kronika.model import Published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-08", Published("2020-08", "month")),
        ("2020", Published("2020", "year")),
        ("2020-08-16", Published("2020-08-16", "day")),
        ("2020-08-16T10:00:00+02:00", Published("2020-08-16", "day")),
        ("2020/8/16", Published("2020-08-16", "day")),
        ("Mon, 17 Aug 2020 10:00:00 +0000", Published("2020-08-17", "day")),
        ("25 August 2020", Published("2020-08-25", "day")),
        ("Aug. 9, 2020", Published("2020-08-09", "day")),
        ("19 augustus 2020", Published("2020-08-19", "day")),
        ("17 августа 2020 г.", Published("2020-08-17", "day")),
        ("17.08.2020", Published("2020-08-17", "day")),
        ("2020-13", None),
        ("2020-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published(value: str, expected: Published | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("25 August 2020", "en", Published("2020-08-25", "day")),
        ("Published: Monday 17 August 2020, 10:32", "en", Published("2020-08-17", "day")),
        ("maandag 17 augustus 2020", "nl", Published("2020-08-17", "day")),
        ("On 25 August 2020 workers struck at the plant in Minsk.", "en", None),
        ("Clara Weiss", "en", None),
    ],
)
def test_dateline(line: str, language: str, expected: Published | None) -> None:
    assert dateline(line, language) == expected
