"""No analyzer or extractor decides by a language code: what a language does is its data
(``kronika.lang.get(code)``), so adding a language is adding a folder."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kronika

PACKAGE = Path(kronika.__file__).parent
STAGES = sorted(p for folder in ("analyze", "extract") for p in (PACKAGE / folder).glob("*.py"))
CODES = frozenset({
    "af", "ar", "be", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
    "fy", "he", "hi", "hr", "hu", "id", "is", "it", "ja", "ko", "lb", "lt", "lv", "nb", "nl",
    "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr", "uk", "vi", "xx",
    "zh"
})
"""ISO 639-1 codes a stage might be tempted to name."""
LANGUAGE_NAMES = ("lang", "code", "folder", "iso")
"""A name holding one of these words holds a language code."""


def _codes(node: ast.AST) -> list[str]:
    """Language codes written as string constants in ``node`` (a constant, or a tuple, list
    or set of them, also inside a call such as ``frozenset({...})``)."""
    if isinstance(node, ast.Call):
        return [code for arg in node.args for code in _codes(arg)]
    items = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
    return [i.value for i in items if isinstance(i, ast.Constant) and i.value in CODES]


def _names_language(node: ast.AST) -> bool:
    text = ast.unparse(node).lower()
    return any(word in text for word in LANGUAGE_NAMES)


def offences(source: str) -> list[str]:
    """Places where ``source`` compares a language with a code, passes a code as a language,
    or lists codes under a name about languages."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_names_language(side) for side in sides):
                found += [f"{node.lineno}: compares with {code!r}" for side in sides for code in _codes(side)]
        elif isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg and _names_language(ast.Name(keyword.arg)):
                    found += [f"{node.lineno}: {keyword.arg}={code!r}" for code in _codes(keyword.value)]
            if _names_language(node.func) or ast.unparse(node.func).endswith(("get", "load", "joinpath")):
                found += [
                    f"{node.lineno}: {ast.unparse(node.func)}({code!r})"
                    for a in node.args
                    for code in _codes(a)
                ]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any("LANGUAGE" in ast.unparse(t).upper() for t in targets):
                found += [f"{node.lineno}: lists {code!r}" for code in _codes(node.value)]
    return found


@pytest.mark.parametrize("path", STAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stage_names_no_language_code(path: Path) -> None:
    assert offences(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        'if language == "en":\n    pass',
        'day_first = code != "en"',
        'if lang in ("nl", "de"):\n    pass',
        'path = files("kronika.lang").joinpath("en", "quotes.txt")',
        'GENITIVE_LANGUAGES = frozenset({"nl", "de"})',
        'simplemma.lemmatize(form, lang="de")',
        'data = get("en")',
    ],
)
def test_the_check_finds_codes(source: str) -> None:
    assert offences(source)


def test_the_check_lets_words_be() -> None:
    """Words that happen to spell a code ("de", "en", "it") are fine in word lists."""
    assert (
        offences('ARTICLES = frozenset({"de", "het", "en"})\nif token.low in ("it", "de"):\n    pass') == []
    )
