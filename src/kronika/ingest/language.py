"""Language identification per article, offline, with lingua.

We compared lingua-language-detector and py3langid, both restricted to the languages that
have a ``lang/`` folder, on one sentence per line of real labelled text (CoNLL/WikiANN nl and
en) and our own sentences in the other languages (``benchmarks/langid.py``); lingua was more
accurate on short text and fast enough on a capped sample (figures in that script's output
and in the README).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kronika.lang import available

if TYPE_CHECKING:
    from lingua import LanguageDetector

UNDETERMINED = "und"
#: Fewer letters than this is too little text to tell a language by.
MIN_LETTERS = 12
#: Below this confidence the answer is "und"; on our short-sentence set 0.5 kept 99% of the
#: correct answers while turning most wrong ones into "und".
MIN_CONFIDENCE = 0.5
#: Characters read from each of the two halves of a long article: enough for a confident
#: answer, and it bounds the cost of very long texts.
SAMPLE_CHARS = 400


@cache
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(code) for code in available() if code != "xx"]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def identify_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when it is too short to tell or
    its two halves are in different languages."""
    if sum(char.isalpha() for char in text[: SAMPLE_CHARS * 4]) < MIN_LETTERS:
        return UNDETERMINED
    if len(text) <= 2 * SAMPLE_CHARS:
        return _best(text)
    middle = len(text) // 2
    first = _best(_window(text, middle // 2))
    second = _best(_window(text, middle + middle // 2))
    return first if first == second else UNDETERMINED


def _window(text: str, centre: int) -> str:
    start = max(0, centre - SAMPLE_CHARS // 2)
    start = text.find(" ", start) + 1 or start
    return text[start : start + SAMPLE_CHARS]


def _best(text: str) -> str:
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return UNDETERMINED
    return values[0].language.iso_code_639_1.name.lower()
