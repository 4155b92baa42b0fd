import re

import pytest

from kronika.lang import available, get

LANGUAGES = [code for code in available() if code != "xx"]


def test_the_ten_languages_have_folders() -> None:
    assert set(LANGUAGES) >= {"nl", "en", "de", "fr", "es", "it", "pl", "ru", "uk", "be"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_data_is_complete(code: str) -> None:
    data = get(code)
    assert data.code == code
    assert data.abbreviations, "abbreviations.txt"
    assert sorted(set(data.months.values())) == list(range(1, 13)), "months.txt has 12 lines"
    assert data.dangling, "dangling.txt"
    assert data.boilerplate.fullmatch("© 2024 Example") is not None  # shared rules apply too
    assert data.boilerplate.fullmatch("The strike at the plant went on.") is None


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", {"sun", "sat", "wed", "mar", "no", "p"}),
        ("nl", {"zo", "do", "ma", "min", "nr"}),
        ("de", {"so", "do", "mi", "s"}),
        ("fr", {"sept"}),
        ("pl", {"r"}),
    ],
)
def test_no_abbreviation_is_a_common_sentence_final_word(code: str, words: set[str]) -> None:
    """Guards against listing words that end many sentences ("He sat.", "Das ist so.",
    "Ils étaient sept.") as abbreviations that never end one."""
    assert not (get(code).abbreviations & words)


def test_unknown_code_gets_shared_data() -> None:
    data = get("sw")
    assert data.folder == "xx" and not data.known and not data.abbreviations
    assert data.boilerplate.fullmatch("#hashtag") is not None
    assert isinstance(data.boilerplate, re.Pattern)
