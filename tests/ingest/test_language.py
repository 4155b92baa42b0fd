from pathlib import Path

import pytest

from kronika.ingest.language import SAMPLE_CHARS, UNDETERMINED, identify_language

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "langid"
LANGUAGES = ["nl", "en", "de", "fr", "es", "it", "pl", "ru", "uk", "be"]


def lines(code: str) -> list[str]:
    return [line for line in (FIXTURES / f"{code}.txt").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("code", LANGUAGES)
def test_sentences_of_each_language(code: str) -> None:
    """Sentences of ten words or more are identified; shorter ones may be "und", never wrong
    by more than one line in twelve."""
    answers = [(line, identify_language(line)) for line in lines(code)]
    long_answers = [answer for line, answer in answers if len(line.split()) >= 10]
    assert all(answer == code for answer in long_answers), answers
    wrong = [line for line, answer in answers if answer not in (code, UNDETERMINED)]
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize("code", LANGUAGES)
def test_whole_article_of_each_language(code: str) -> None:
    assert identify_language("\n\n".join(lines(code))) == code


@pytest.mark.parametrize("text", ["", "OK", "Minsk", "12:30 — 14:00", "Strike!", "   \n "])
def test_too_short_is_undetermined(text: str) -> None:
    assert identify_language(text) == UNDETERMINED


def test_article_half_in_one_language_half_in_another_is_undetermined() -> None:
    text = " ".join(lines("nl")[3:]) + "\n\n" + " ".join(lines("ru")[3:])
    assert identify_language(text) == UNDETERMINED


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("sw", "Wafanyakazi wa bandari waligoma Jumatatu wakidai mishahara ya juu zaidi na kuachiliwa kwa viongozi wao."),
        ("tr", "İşçiler pazartesi günü daha yüksek ücret talebiyle greve başladı ve sendika liderlerinin serbest bırakılmasını istedi."),
        ("cs", "Dělníci v přístavu v pondělí vstoupili do stávky a požadovali vyšší mzdy a propuštění zadržených odborářů."),
    ],
)
def test_language_without_a_folder_is_named_not_forced_into_ours(code: str, text: str) -> None:
    assert identify_language(text) == code


TABLE = "\n".join(
    f"{city} | {workers} | {share}% | {name}"
    for city, workers, share, name in [
        ("Lyon", 2380, 36, "Karel De Smet"), ("Gdansk", 1452, 5, "Marta Verbeek"), ("Porto", 977, 12, "Jonas Okafor"),
        ("Ghent", 3105, 48, "Ilse Moreau"), ("Brno", 640, 9, "Tomasz Lindqvist"), ("Leeds", 2211, 27, "Anna Weber"),
        ("Tampere", 1893, 31, "Ruben Novak"), ("Utrecht", 754, 8, "Sofia Kowalczyk"), ("Riga", 1320, 17, "Daan Hendriks"),
        ("Lille", 2870, 41, "Olga Janssen"), ("Turin", 1105, 14, "Pieter De Smet"), ("Cork", 498, 6, "Lena Okafor"),
    ] * 2
)
NAMES = ", ".join(
    f"{first} {last}" for first in ("Olga", "Karel", "Ilse", "Tomasz", "Sofia", "Ruben", "Marta", "Jonas", "Anna")
    for last in ("Lindqvist", "Novak", "Okafor", "De Smet", "Weber")
) + " signed the letter."


@pytest.mark.parametrize("code", ["en", "nl"])
@pytest.mark.parametrize("part", [TABLE, NAMES], ids=["table", "names"])
def test_half_that_is_a_table_or_a_list_of_names_does_not_make_an_article_undetermined(code: str, part: str) -> None:
    """Such a half tells no language: the prose half decides."""
    prose = " ".join(lines(code)[:8])
    assert len(part) > SAMPLE_CHARS and len(prose) > SAMPLE_CHARS  # a sample from each
    assert identify_language(part + "\n\n" + prose) == code
    assert identify_language(prose + "\n\n" + part) == code


@pytest.mark.parametrize("code", ["en", "nl"])
def test_prose_around_a_long_table_decides_when_the_table_fills_the_middle_of_both_halves(code: str) -> None:
    """The samples at the centre of each half fall in the list and the table; others of
    the same half find the prose before and after them."""
    prose = lines(code)
    before, after = " ".join(prose[:6]), " ".join(prose[6:12])
    middle = f"{NAMES}\n\n{TABLE}\n\n{NAMES}\n\n{TABLE}\n\n{NAMES}"
    text = f"{before}\n\n{middle}\n\n{after}"
    inside = range(len(before) + SAMPLE_CHARS // 2, len(before) + len(middle) - SAMPLE_CHARS // 2)
    assert len(text) // 4 in inside and 3 * len(text) // 4 in inside  # both centre samples miss the prose
    assert identify_language(text) == code
