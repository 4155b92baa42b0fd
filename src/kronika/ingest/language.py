"""Language identification per article, offline, with py3langid.

An article in a language without a ``lang/`` folder gets its own ISO code (py3langid knows
97); otherwise the answer is one of ours, or "und".

``benchmarks/langid.py`` compares it with lingua-language-detector, both restricted to the
languages that have a ``lang/`` folder, on 920 sentences (CoNLL-2002/2003 test sentences
for nl and en, our own for the other eight). Accuracy was the same within a few sentences
(this module 0.998 with no wrong answer, lingua 0.992 with its own "und" rule), but plain
py3langid read about 1.0 M characters/s against lingua's 0.25 M, and this module, which
ranks all 97 languages once per sample, still ran 1.5-2.5 times as fast as lingua in the
same runs; language ID runs on every article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import islice

from kronika.lang import available

UNDETERMINED = "und"
_LETTER = re.compile(r"[^\W\d_]")
#: Fewer letters than this is too little text to tell a language by.
MIN_LETTERS = 12
#: Below this (normalised) probability the answer is "und". On the 920 benchmark sentences
#: 0.6 left no wrong answer (0.5 left one) and turned 2 right answers into "und".
MIN_CONFIDENCE = 0.6
#: Characters read from each half of a long article: plenty for a confident answer, and it
#: bounds the cost of very long texts. Halves in different languages make the text "und".
SAMPLE_CHARS = 500
#: A sample whose best language, among all 97, has a lower probability than this tells no
#: language: a list of names, a table, a run of numbers. It does not contradict the other
#: half. Measured on 600 samples of benchmarks/realistic.py articles: every such list or
#: table scored 0.07-0.28 (lb and fy first); prose scored 0.38 and more (all but two 0.59 and
#: more). Every sample of the seeds, the example corpus and the langid fixtures scored 0.9 and more.
TELLING = 0.5


@cache
def _ranker() -> Callable[[str], list[tuple[str, float]]]:
    """py3langid over all its 97 languages: (code, probability), best first."""
    from py3langid import langid

    model = langid.MODEL_DIR / langid.MODEL_FILE
    return langid.LanguageIdentifier.from_modelpath(model, norm_probs=True).rank  # type: ignore[no-any-return]


@cache
def _ours() -> frozenset[str]:
    return frozenset(code for code in available() if code != "xx")


def identify_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when it is too short to tell or
    its two halves are in different languages."""
    if sum(1 for _ in islice(_LETTER.finditer(text), MIN_LETTERS)) < MIN_LETTERS:
        return UNDETERMINED
    if len(text) <= 2 * SAMPLE_CHARS:
        return _best(text)[0]
    middle = len(text) // 2
    (first, telling_first), (second, telling_second) = _half(text, 0, middle), _half(text, middle, len(text))
    if first != second and telling_first != telling_second:
        return first if telling_first else second  # the other half is a table or a list of names
    return first if first == second else UNDETERMINED


def _half(text: str, start: int, end: int) -> tuple[str, bool]:
    """The language of ``text[start:end]`` read from a sample at its centre; where that
    sample tells no language (a table, a list of names), from the first that does of
    samples at its quarters, then its eighths: a table in the middle of an article hides
    the prose around it. At most 7 samples, ~0.4 ms each."""
    length = end - start
    centres = dict.fromkeys(start + length * k // parts for parts in (2, 4, 8) for k in range(1, parts, 2))
    verdicts = (_best(_window(text, centre)) for centre in centres)
    at_centre = next(verdicts)
    return at_centre if at_centre[1] else next((v for v in verdicts if v[1]), at_centre)


def _window(text: str, centre: int) -> str:
    start = max(0, centre - SAMPLE_CHARS // 2)
    start = text.find(" ", start) + 1 or start
    return text[start : start + SAMPLE_CHARS]


def _best(text: str) -> tuple[str, bool]:
    """The language of ``text``, and whether the text tells one (:data:`TELLING`).

    A language without a ``lang/`` folder (Swahili, Czech …) is named as such rather
    than forced into the closest one we have, and is processed with the shared rules only.
    Among ours, the probabilities are renormalised over our languages, as if the model
    knew only those, which is more accurate for them (benchmarks/langid.py)."""
    ranked = _ranker()(text)
    code, probability = ranked[0]
    telling = probability >= TELLING
    if code not in _ours() and probability >= MIN_CONFIDENCE:
        return str(code), telling
    known = [(c, p) for c, p in ranked if c in _ours()]
    total = sum(p for _, p in known)
    code, share = known[0]
    return (str(code) if total and share / total >= MIN_CONFIDENCE else UNDETERMINED), telling
