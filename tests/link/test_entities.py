"""Entity resolution across articles and languages, on texts written for these tests."""

from __future__ import annotations

from collections import Counter

from kronika.analyze.names import SAME_NAME, name_similarity
from kronika.link.entities import (
    SURE_NAME,
    EntityResolver,
    display_name,
    state_from_json,
    state_to_json,
    translation,
)
from kronika.model import Article, Published
from kronika.pipeline import analyze

PUBLISHED = Published("2024-03-12", "day")


def article(id: str, text: str, language: str = "en") -> Article:
    return analyze(Article(id=id, text=text, language=language, published=PUBLISHED))


def entity_of(resolver: EntityResolver, art: Article, text: str) -> str:
    ids = {e.entity_id for e in art.entities if e.text == text}
    assert len(ids) == 1, (text, [(e.text, e.entity_id) for e in art.entities])
    return ids.pop()  # type: ignore[return-value]


NL = (
    "De Oekraïense president Volodymyr Zelensky sprak dinsdag in Kiev met Joe Biden. "
    "Zelensky vroeg om meer steun van Washington."
)
EN = (
    "Ukrainian President Volodymyr Zelenskyy met Joe Biden in Kyiv on Tuesday. "
    "Zelenskyy asked Washington for more support."
)


def test_transliterations_and_languages_merge_into_one_entity() -> None:
    resolver = EntityResolver()
    nl, en = article("a-nl", NL, "nl"), article("a-en", EN)
    resolver.resolve(nl)
    resolver.resolve(en)
    zelensky = entity_of(resolver, nl, "Zelensky")
    assert entity_of(resolver, en, "Zelenskyy") == zelensky
    assert entity_of(resolver, nl, "Kiev") == entity_of(resolver, en, "Kyiv")  # one GeoNames place
    record = resolver.entities[zelensky].record()
    assert {v.text for v in record.variants} >= {"Zelensky", "Zelenskyy", "Volodymyr Zelensky"}
    assert record.label == "PER"
    assert sorted(record.articles) == ["a-en", "a-nl"]


def test_different_given_names_with_one_surname_stay_apart() -> None:
    resolver = EntityResolver()
    first = article("b1", "Former senator Edward Kennedy spoke in Boston on Monday about health care.")
    second = article("b2", "Robert Kennedy spoke in Boston on Monday about vaccines.")
    resolver.resolve(first)
    resolver.resolve(second)
    assert entity_of(resolver, first, "Edward Kennedy") != entity_of(resolver, second, "Robert Kennedy")


def test_a_weak_spelling_match_needs_shared_context() -> None:
    # Tikhonovskaya / Tsikhanouskaya score between SAME_NAME and SURE_NAME: one person when
    # the articles share context, two when nothing else connects them.
    assert SAME_NAME <= name_similarity("Svetlana Tikhonovskaya", "Sviatlana Tsikhanouskaya") < SURE_NAME
    first = "Svetlana Tikhonovskaya met Angela Merkel in Berlin on Monday."
    related = "Sviatlana Tsikhanouskaya thanked Angela Merkel in Berlin on Monday."
    unrelated = "Sviatlana Tsikhanouskaya won the chess open in Toronto on Monday."
    resolver = EntityResolver()
    a, b = article("d1", first), article("d2", related)
    resolver.resolve(a)
    resolver.resolve(b)
    assert entity_of(resolver, a, "Svetlana Tikhonovskaya") == entity_of(resolver, b, "Sviatlana Tsikhanouskaya")
    resolver = EntityResolver()
    a, c = article("d1", first), article("d3", unrelated)
    resolver.resolve(a)
    resolver.resolve(c)
    assert entity_of(resolver, a, "Svetlana Tikhonovskaya") != entity_of(resolver, c, "Sviatlana Tsikhanouskaya")


def test_ids_are_stable_and_state_survives_a_round_trip() -> None:
    resolver = EntityResolver()
    nl = article("a-nl", NL, "nl")
    mapping = resolver.resolve(nl)
    again = EntityResolver(state_from_json(state_to_json(s)) for s in resolver.entities.values())
    en = article("a-en", EN)
    again.resolve(en)
    assert entity_of(again, en, "Zelenskyy") == mapping[_chain_of(article("a-nl", NL, "nl"), "Zelensky")]


def _chain_of(art: Article, text: str) -> str:
    return next(e.entity_id for e in art.entities if e.text == text)  # type: ignore[return-value]


def test_display_name_is_the_most_used_latin_full_form() -> None:
    forms = Counter({"Lukashenko": 9, "Loekasjenko": 4, "Alexander Lukashenko": 2, "Aleksander Loekasjenko": 3,
                     "Лукашенко": 20})
    languages = {"Lukashenko": {"en"}, "Alexander Lukashenko": {"en"}, "Loekasjenko": {"nl"},
                 "Aleksander Loekasjenko": {"nl"}, "Лукашенко": {"ru"}}
    assert display_name(forms, languages) == "Alexander Lukashenko"
    # A tie in surname counts goes to the spelling English-language articles use.
    assert display_name(Counter({"Poetin": 2, "Putin": 2}), {"Poetin": {"nl"}, "Putin": {"en"}}) == "Putin"


def test_a_translated_organisation_name_merges_when_the_articles_share_context() -> None:
    assert translation("Coördinatieraad", "Coordination Council")
    assert not translation("Verenigde Naties", "United Nations")
    assert not translation("Europees Parlement", "European Commission")
    en = article("e1", "The Coordination Council of the opposition met in Minsk on Monday. "
                       "Svetlana Tikhonovskaya said Alexander Lukashenko must go.")
    nl = article("e2", "De Coördinatieraad van de oppositie vergaderde maandag in Minsk. "
                       "Svetlana Tichanovskaja zei dat Aleksandr Loekasjenko moet vertrekken.", "nl")
    elsewhere = article("e3", "The Coordination Council of the chess federation met in Toronto on Monday.")
    resolver = EntityResolver()
    for item in (en, nl):
        resolver.resolve(item)
    council = entity_of(resolver, en, "Coordination Council")
    assert entity_of(resolver, nl, "Coördinatieraad") == council
    lone = EntityResolver()
    lone.resolve(article("e2", nl.text, "nl"))
    lone.resolve(elsewhere)
    assert len({e.entity_id for e in elsewhere.entities if "Council" in e.text}) == 1
    assert not any(len(state.forms) > 1 for state in lone.entities.values() if state.label == "ORG")
