from kronika.ingest.text import parse_text
from kronika.model import Published


def test_header_date_on_the_same_line_as_the_body() -> None:
    """Guards the flattened-export form of the seeds: `` date 2020-08 In steeds ...``."""
    document = parse_text(" date 2020-08 In steeds meer bedrijven wordt gestaakt.\n\nMeer.", "f")
    assert document.published == Published("2020-08", "month")
    assert document.text == "In steeds meer bedrijven wordt gestaakt.\n\nMeer."


def test_header_lines() -> None:
    text = (
        "date 2021-03-04\ntitle Staking bij de haven\nsource Dagblad\n"
        "url https://example.org/a\nlanguage nl\n\nDe havenarbeiders legden het werk neer."
    )
    document = parse_text(text, "f")
    assert document.published == Published("2021-03-04", "day")
    assert document.title == "Staking bij de haven"
    assert document.source == "Dagblad"
    assert document.url == document.location == "https://example.org/a"
    assert document.language == "nl"
    assert document.text.strip() == "De havenarbeiders legden het werk neer."


def test_no_header_means_no_date_and_the_text_untouched() -> None:
    text = "Source close to the ministry said the strike goes on.\nTitle deeds were burned."
    document = parse_text(text, "f")
    assert document.published is None
    assert document.text == text


def test_invalid_header_values_are_body_text() -> None:
    document = parse_text("url not-a-url here\nlanguage Dutch speakers marched.", "f")
    assert document.url is None and document.language is None
    assert document.text.startswith("url not-a-url")
