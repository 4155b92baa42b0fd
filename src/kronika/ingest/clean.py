"""Clean article text: normalise characters, drop page furniture, re-join broken paragraphs.

All later spans index into the text this returns, so it is computed once, before analysis.
What counts as furniture is data (``lang/xx`` and ``lang/<iso>/boilerplate.txt``); the
logic here is the same for every language.
"""

from __future__ import annotations

import re
import unicodedata

from kronika.lang import Language, get

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MARKDOWN_ESCAPE = re.compile(r"\\([$*_#\[\]])")
_TERMINAL = tuple(".!?…:;\"”’»)")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")

#: A line printed twice this short is a photo caption and both copies go; a longer one is a
#: paragraph the page repeated, and one copy stays.
CAPTION_MAX_CHARS = 300
#: Most text lines a caption and its credit lines span ("caption / photographer / agency /
#: caption" is four); the lines between the two copies must each be this short.
CAPTION_WINDOW = 4
CREDIT_MAX_WORDS = 6
#: A line at least this long that does not end a sentence, inside one paragraph, was
#: hard-wrapped and is joined to the next.
WRAP_MIN_CHARS = 50


def normalize(text: str) -> str:
    """Unicode NFC, one kind of newline and space, no invisible or control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def clean_text(text: str, language: str) -> str:
    """The clean article text: paragraphs separated by a blank line."""
    data = get(language)
    paragraphs = _paragraphs(normalize(text))
    lines = [(p, line) for p, para in enumerate(paragraphs) for line in para if line]
    lines = _drop_repeated_captions(lines)
    lines = [(p, line) for p, line in lines if not _is_boilerplate(line, data)]
    # furniture broken over two lines ("To contact the WSWS and the / ... visit:") is only
    # recognisable once re-joined
    lines = [(p, line) for p, line in _join(lines, data) if not _is_boilerplate(line, data)]
    return _render(lines)


def _paragraphs(text: str) -> list[list[str]]:
    return [block.split("\n") for block in re.split(r"\n\s*\n", text.strip()) if block]


def _is_boilerplate(line: str, data: Language) -> bool:
    return data.boilerplate.fullmatch(line) is not None


def _drop_repeated_captions(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop a caption printed twice, in a row or around its credit lines ("Getty Images");
    of a longer line printed twice, drop the second copy."""
    drop: set[int] = set()
    for i, (_, line) in enumerate(lines):
        if i in drop:
            continue
        for j in range(i + 1, min(i + CAPTION_WINDOW, len(lines))):
            if lines[j][1] != line:
                continue
            if all(_is_credit(text) for _, text in lines[i + 1 : j]):
                drop.update(range(i, j + 1) if len(line) <= CAPTION_MAX_CHARS else [j])
            break
    return [item for k, item in enumerate(lines) if k not in drop]


def _is_credit(line: str) -> bool:
    return len(line.split()) <= CREDIT_MAX_WORDS and not line.endswith(_TERMINAL)


def _join(lines: list[tuple[int, str]], data: Language) -> list[tuple[int, str]]:
    """Re-join lines that break a sentence: page breaks and hard wraps. A joined line takes
    the paragraph number of its last part, which the line after it is compared with."""
    out: list[tuple[int, str]] = []
    for paragraph, line in lines:
        if out and _continues(out[-1][1], line, data, paragraph == out[-1][0]):
            out[-1] = (paragraph, f"{out[-1][1]} {line}")
        else:
            out.append((paragraph, line))
    return out


def _render(lines: list[tuple[int, str]]) -> str:
    parts: list[str] = []
    for k, (paragraph, line) in enumerate(lines):
        if k:
            parts.append("\n" if paragraph == lines[k - 1][0] else "\n\n")
        parts.append(line)
    return "".join(parts)


def _continues(before: str, line: str, data: Language, same_paragraph: bool) -> bool:
    """Whether ``line`` continues the sentence that ``before`` breaks off: a hard wrap inside
    a paragraph, or a page break before a lower-case word or after a word like "the"."""
    if before.endswith(_TERMINAL) or not line:
        return False
    if same_paragraph and len(before) >= WRAP_MIN_CHARS and line[0].isalnum():
        return True
    word = _LAST_WORD.search(before)
    dangling = word is not None and word.group(1).lower() in data.dangling and before[-1].isalpha()
    return line[0].islower() or dangling
