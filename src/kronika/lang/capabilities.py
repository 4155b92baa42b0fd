"""What kronika can do in each language, stage by stage (``kronika languages``).

A stage either has what it needs for a language (its data file, an entity model) or falls
back to what every language shares, which for entities and events means nothing: those
are the stages an article's notes and the run summary name when its language lacks them.
The figures shown are the model's own test score (``kronika/models/ner-<iso>.json``) and
the pinned event dev-set score (``kronika/eval/baselines.json``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from kronika import lang

STAGES = ("sentences", "lemmas", "entities", "places", "times", "quantities", "quotes", "events", "demands", "strikes")
NEEDED = ("entities", "events")
"""Stages that find nothing at all in a language without their data."""


@dataclass(frozen=True, slots=True)
class Capability:
    stage: str
    supported: bool
    detail: str


def capabilities(code: str) -> list[Capability]:
    """One :class:`Capability` per stage of :data:`STAGES`, in that order."""
    language = lang.get(code)
    found = [
        Capability("sentences", True, "with abbreviations" if language.abbreviations else "punctuation only"),
        Capability("lemmas", _lemmatised(code), "simplemma" if _lemmatised(code) else "word forms only"),
        _entities(code),
        Capability("places", True, "GeoNames, CLDR names" + (" and a hand list" if language.has("places.txt") else "")),
        _file(language, "times", "times.txt", "weekdays, months, relative days", "digits only"),
        _file(language, "quantities", "numbers.txt",
              "number words" + (" (text2num)" if language.text2num else ""), "digits only"),
        _file(language, "quotes", "quotes.txt", "direct and indirect", "none"),
        _events(language),
        _file(language, "demands", "demands.txt", "demand words", "none"),
        _file(language, "strikes", "strikes.txt", "strike status words", "none"),
    ]
    return found


def missing(code: str) -> list[str]:
    """The stages of :data:`NEEDED` that language ``code`` has no data for."""
    return [c.stage for c in capabilities(code) if c.stage in NEEDED and not c.supported]


def note(stage: str, code: str) -> str:
    """An article's note for a stage its language lacks ("no events read: no event lexicon for de")."""
    what = {"entities": "entity model", "events": "event lexicon"}[stage]
    head = "no events read" if stage == "events" else f"no {stage}"
    return f"{head}: no {what} for {code}"


def _file(language: lang.Language, stage: str, name: str, yes: str, no: str) -> Capability:
    return Capability(stage, language.has(name), yes if language.has(name) else no)


def _entities(code: str) -> Capability:
    from kronika.analyze.entities import model_folder

    folder = model_folder(code)
    if folder is None:  # language.txt may say why
        return Capability("entities", False, lang.get(code).about.get("entities", "no entity model"))
    record_path = folder.joinpath(f"ner-{code}.json")
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    f1 = record.get("scores", {}).get("f1")
    where = str(record.get("evaluated_on", "its test set")).replace(".conllu", "").replace(".iob", "")
    detail = "CRF" + (f", F1 {f1:.2f} on {where}" if f1 is not None else "")
    return Capability("entities", True, detail)


def _events(language: lang.Language) -> Capability:
    if not language.has("events.txt"):
        return Capability("events", False, "no event lexicon")
    f1 = _pinned("events-dev").get(f"type_f1_{language.code}")
    return Capability("events", True, "event lexicon" + (f", dev type F1 {f1:.2f}" if f1 is not None else ""))


@cache
def _pinned(suite: str) -> dict[str, float]:
    from kronika.eval.baselines import load_baselines

    return dict(load_baselines().get(suite, {}))


@cache
def _lemmatised(code: str) -> bool:
    import simplemma

    try:
        simplemma.lemmatize("test", lang=code)
    except ValueError:
        return False
    return True
