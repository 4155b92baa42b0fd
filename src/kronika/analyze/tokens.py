"""Word tokens with character offsets, cut the way the CoNLL NER corpora are tokenised.

The NER models were trained on CoNLL-2002/2003 tokens, so text is cut the same way at run
time: punctuation stands alone, hyphenated words (Wit-Rusland, anti-government) and numbers
with separators (100,000 · 1996-08-22 · 3.5) stay whole, dotted abbreviations stay whole
(U.S., p.m.), and the English clitics 's n't 're 've 'll 'd 'm are tokens of their own
(Lukashenko's → Lukashenko + 's), with straight or curly apostrophes.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}                       # U.S.  p.m.  e.g.
    | \d+(?:[.,:/-]\d+)*                       # 100,000  3.5  1996-08-22  20:30
    | [^\W_]+?(?=n['’]t\b)                     # do|n't
    | n['’]t\b
    | ['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M)\b  # clitics: 's 're …
    | [^\W_]+(?:[-'’][^\W_]+)*?(?=['’](?:s|S|re|ve|ll|d|m)\b)
    | [^\W_]+(?:[-'’][^\W_]+)*                 # words, hyphenated words, O'Brien
    | \S                                       # any other character alone
    """,
    re.VERBOSE,
)


Spans = tuple[tuple[int, int], ...]

_seen: tuple[str, dict[tuple[int, int], Spans]] = ("", {})
"""The text tokenised last and its tokens per (start, end): the entity tagger and the event
lexicon read the same sentences of the same article, which is then cut once. Swapped as one
tuple, so a thread reading another article never sees a mix."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> Spans:
    """The (start, end) offsets of the tokens of ``text[start:end]``."""
    global _seen
    end = len(text) if end is None else end
    seen_text, spans = _seen
    if seen_text is not text:
        spans = {}
        _seen = (text, spans)
    found = spans.get((start, end))
    if found is None:
        found = spans[(start, end)] = tuple(match.span() for match in _TOKEN.finditer(text, start, end))
    return found
