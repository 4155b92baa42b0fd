"""The article gate: does an article report political or social events at all?

A recipe, a shop page, a match report or a stock-market story uses words that also name
events ("beat", "attack", "rally", "search"), and sense rules (:mod:`kronika.extract.lexicon`)
cannot catch them all. So before reading events, kronika asks how much of the article is
the vocabulary of political and social news: the ``[domain]`` words of the language's
``events.txt`` (government, police, union, protester, election…) per 1,000 words. An article
of at least :data:`MIN_WORDS` words below :data:`MIN_PER_1K` yields no events, and says so
(``Article.notes``); a shorter text is too short to judge and always passes (a sentence
given to ``kronika extract``, a news brief).

Measured (``python benchmarks/gate.py``; ``kronika eval negatives``) on text that reports no political events —
CoNLL-2003 sports and business documents, MEANTIME's business news, our own non-political
paragraphs — and on political news (PolNeAR dev, the link dev set, the seed articles):
see :data:`MIN_PER_1K`.
"""

from __future__ import annotations

from collections.abc import Sequence

from kronika.extract.lexicon import Lexicon, Word

MIN_WORDS = 50
"""Texts shorter than this (in words) always pass."""

MIN_DISTINCT = 2
"""Different ``[domain]`` words an article needs: one word, however often, is not a subject
("four strikes in a row" in a bowling report, "cardiac arrest" in a health page). With
:data:`MIN_PER_1K` 5 and :data:`OTHER_RATIO` 3 (``python benchmarks/gate.py``, with our 111
paragraphs and the specific dev set), 2 takes conflict mentions per 1,000 words in the
negatives from 0.76 to 0.52, at 1 more of 132 political articles gated (8 of 1,063 specific
mentions lost instead of 6); 3 gives 0.44 but loses 20. Counting only domain words that
are not also triggers gated a strike report whose only other domain word was "union"."""

OTHER_RATIO = 3.0
"""An article whose ``[other_domains]`` words (sports, markets, companies, technology,
entertainment) outnumber its domain words more than this many times yields no events (4:
0.60 per 1,000 in the negatives, same positives lost; 2: 0.51, but 42 mentions lost)."""

MIN_PER_1K = 5.0
"""Domain words per 1,000 words an article needs to have its events read. Political news
has a median of 27 (PolNeAR dev, 84 US election articles; lowest 0) to 55 (the link dev
set); sports reports 0 (p90 11), business 0–4.5. With :data:`OTHER_RATIO` 3, conflict
mentions per 1,000 words in the negatives fall from 1.23 (no gate, with the sense rules) to
0.56, and 3 of 120 political articles (5 of 921 specific mentions) are gated; 8 would give
0.44 but gate 6 articles and 43 mentions."""


def domain_density(sentences: Sequence[list[Word]], lexicon: Lexicon) -> tuple[int, float, float, int]:
    """The number of words, the ``[domain]`` and ``[other_domains]`` words per 1,000, and
    the number of different domain words."""
    domain = lexicon.sets.get("domain", frozenset())
    other = lexicon.sets.get("other_domains", frozenset())
    words = hits = others = 0
    distinct: set[str] = set()
    for sentence in sentences:
        for word in sentence:
            if word.form[:1].isalpha():
                words += 1
                found = word.keys & domain
                if found:
                    hits += 1
                    distinct.add(min(found))
                others += bool(word.keys & other)
    if not words:
        return 0, 0.0, 0.0, 0
    return words, 1000 * hits / words, 1000 * others / words, len(distinct)


def gate_note(sentences: Sequence[list[Word]], lexicon: Lexicon) -> str | None:
    """Why the article's events are not read, or ``None`` when they are."""
    if "domain" not in lexicon.sets:
        return None  # a language without domain words: nothing to judge by
    words, density, other, distinct = domain_density(sentences, lexicon)
    if words < MIN_WORDS:
        return None
    if density < MIN_PER_1K:
        return (
            f"no events read: not political or social news ({density:.1f} domain words per 1,000,"
            f" below {MIN_PER_1K:g})"
        )
    if other > OTHER_RATIO * density:
        return (
            f"no events read: sports, market or other news ({other:.1f} words of other domains per"
            f" 1,000 against {density:.1f} political)"
        )
    if distinct < MIN_DISTINCT:
        return (
            f"no events read: not political or social news ({distinct} different domain word"
            f"{'s' if distinct != 1 else ''}, fewer than {MIN_DISTINCT})"
        )
    return None
