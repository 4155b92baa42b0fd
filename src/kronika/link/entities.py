"""Entity resolution across articles and languages.

The analysis stage groups the name mentions of one article into chains (``c1``, ``c2`` …,
see :func:`kronika.analyze.names.chain_names`). This module turns chains into entities that
hold across articles and languages: Loekasjenko (nl), Lukashenko (en) and Лукашенко are one
person; Wit-Rusland and Belarus one country.

A chain joins an existing entity when

- it is a place the analysis geocoded: the same GeoNames id, or for a country the same
  ISO code (a place's key, whatever the language calls it);
- or its names score at least :data:`~kronika.analyze.names.SAME_NAME` with the entity's
  names (transliterations, press spellings, typos), with the same label; a weaker match
  (below :data:`SURE_NAME`) also needs one co-occurring entity in common, so two unrelated
  people who share a surname in unrelated articles stay apart. Among several candidates the
  one with the best name score, then the most shared context, wins;
- or it is an organisation whose name looks translated (:func:`translation`: the
  Coordination Council, de Coördinatieraad) and its article shares at least
  :data:`TRANSLATION_CONTEXT` other entities with the candidate's.

Candidates come from blocking keys (the folded surname's first and, for long names, last
letters, an acronym's letters, a place id), so resolution cost grows with the number of chains, not its square.
Entity ids are made once, from the first chain that created the entity, and never change:
later chains only join. The display name is the most used Latin-script full form whose last
word is the most used surname spelling (ties: the spelling English-language articles use).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kronika.analyze.names import SAME_NAME, name_key, name_similarity
from kronika.model import Article, CanonicalEntity, Variant, short_hash

SURE_NAME = 0.9
"""A name match at least this strong needs no shared context (exact keys, press
spellings: Loekasjenko/Lukashenko 1.0, the typo Loekajsenko 0.95). Between
:data:`~kronika.analyze.names.SAME_NAME` and this (Loeskanjenko 0.80, Tikhonovskaya /
Tsikhanouskaya 0.82) the chain's article must also name one entity the candidate's
articles name."""

BLOCK_PREFIX = 2
"""Letters of the folded surname (a name's last word) that make its blocking key: typos
and transliterations keep the first letters (lukasenko, luskanienko)."""

BLOCK_SUFFIX = 4
LONG_NAME = 8
"""A surname of at least LONG_NAME folded letters also gets a key of its last BLOCK_SUFFIX
letters: long transliterated names vary at the start too (Tsikhanouskaya / Tikhonovskaya
fold to cihanovskaia / tihonovskaia)."""

_RESOLVE_ORDER = {"LOC": 0, "PER": 1, "ORG": 2}

CONTEXT_LIMIT = 200
"""Co-occurring entities remembered per entity (the most frequent), to bound memory."""


@dataclass(slots=True)
class Chain:
    """One article's chain of mentions of one name."""

    article_id: str
    chain_id: str
    label: str
    canonical: str
    language: str
    forms: Counter[str]
    geo: str | None = None
    """``geo:<geonameid>`` or ``country:<ISO>`` for a geocoded place."""
    country: str | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class EntityState:
    """What the resolver keeps of an entity between articles."""

    id: str
    label: str
    forms: Counter[str] = field(default_factory=Counter)
    languages: dict[str, set[str]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    context: Counter[str] = field(default_factory=Counter)
    geo: str | None = None
    country: str | None = None
    geonameid: int | None = None
    full_names: set[str] = field(default_factory=set)
    """Distinct canonical forms of the chains (compared with new chains)."""

    def record(self) -> CanonicalEntity:
        return CanonicalEntity(
            id=self.id,
            name=display_name(self.forms, self.languages),
            label=self.label,  # type: ignore[arg-type]  # labels come from Entity
            country=self.country,
            variants=[
                Variant(text, count, sorted(self.languages.get(text, ())))
                for text, count in sorted(self.forms.items(), key=lambda item: (-item[1], item[0]))
            ],
            mentions=sum(self.forms.values()),
            articles=sorted(self.articles),
            geonameid=self.geonameid,
        )


def chains_of(article: Article) -> list[Chain]:
    """The name chains of an analysed article, with the place each LOC chain was geocoded to."""
    chains: dict[str, Chain] = {}
    for entity in article.entities:
        if not entity.entity_id:
            continue
        chain = chains.get(entity.entity_id)
        if chain is None:
            chain = chains[entity.entity_id] = Chain(
                article.id, entity.entity_id, entity.label, entity.canonical or entity.text,
                article.language, Counter(),
            )
        chain.forms[entity.text] += 1
        if entity.label == "LOC" and chain.geo is None:
            place = next(
                (p for p in article.places if p.start <= entity.start and entity.end <= p.end), None
            )
            if place is not None and (place.geonameid or place.country):
                if place.precision == "country" or place.geonameid is None:
                    chain.geo = f"country:{place.country}"
                else:
                    chain.geo = f"geo:{place.geonameid}"
                chain.country, chain.geonameid = place.country, place.geonameid
    return list(chains.values())


class EntityResolver:
    """Resolves chains into entities, incrementally: feed articles in any number of calls."""

    def __init__(self, entities: Iterable[EntityState] = ()) -> None:
        self.entities: dict[str, EntityState] = {}
        self._blocks: dict[str, set[str]] = {}
        for entity in entities:
            self._add(entity)

    def _add(self, entity: EntityState) -> None:
        self.entities[entity.id] = entity
        for key in _entity_keys(entity):
            self._blocks.setdefault(key, set()).add(entity.id)

    def resolve(self, article: Article) -> dict[str, str]:
        """Resolve the chains of ``article``; returns chain id → entity id, and sets
        ``entity_id``/``canonical`` of the article's entities and speakers to the resolved
        entity (the chain ids are replaced)."""
        chains = chains_of(article)
        mapping: dict[str, str] = {}
        # Places first: their ids are certain and they give the names their context; then
        # people, whose spellings match best, then organisations (translated names need
        # the most context).
        for chain in sorted(chains, key=lambda c: (c.geo is None, _RESOLVE_ORDER.get(c.label, 3), c.chain_id)):
            mapping[chain.chain_id] = self._resolve_chain(chain, mapping).id
        entity_ids = set(mapping.values())
        for entity_id in entity_ids:
            state = self.entities[entity_id]
            state.context.update(entity_ids - {entity_id})
            if len(state.context) > CONTEXT_LIMIT:
                state.context = Counter(dict(state.context.most_common(CONTEXT_LIMIT)))
        article.resolve_entities({
            chain: (entity_id, display_name(self.entities[entity_id].forms, self.entities[entity_id].languages))
            for chain, entity_id in mapping.items()
        })
        return mapping

    def _resolve_chain(self, chain: Chain, resolved: dict[str, str]) -> EntityState:
        entity = self._match(chain, set(resolved.values()))
        if entity is None:
            entity = EntityState(
                id=f"ent-{short_hash(chain.article_id, chain.chain_id)}", label=chain.label,
                geo=chain.geo, country=chain.country, geonameid=chain.geonameid,
            )
        else:
            for key in _entity_keys(entity):
                self._blocks.get(key, set()).discard(entity.id)
        entity.forms.update(chain.forms)
        for form in chain.forms:
            entity.languages.setdefault(form, set()).add(chain.language)
        entity.articles.add(chain.article_id)
        entity.full_names.add(chain.canonical)
        self._add(entity)
        return entity

    def _match(self, chain: Chain, context: set[str]) -> EntityState | None:
        if chain.geo:
            same_place = min(self._blocks.get(chain.geo, ()), default=None)
            if same_place is not None:
                return self.entities[same_place]
        best: tuple[float, int, str] | None = None
        for entity_id in self._candidates(chain):
            entity = self.entities[entity_id]
            if entity.label != chain.label and not _same_key(chain, entity):
                continue
            if entity.geo and chain.geo and entity.geo != chain.geo:
                continue
            score = max(name_similarity(chain.canonical, name, chain.label) for name in entity.full_names)
            shared = sum(1 for other in context if other in entity.context)
            if score < SAME_NAME:
                translated = chain.label in ("ORG", "MISC") and shared >= TRANSLATION_CONTEXT and any(
                    translation(chain.canonical, name) for name in entity.full_names
                )
                if not translated:
                    continue
            elif score < SURE_NAME and not shared:
                continue
            candidate = (score, shared, entity_id)
            if best is None or candidate[:2] > best[:2] or (candidate[:2] == best[:2] and entity_id < best[2]):
                best = candidate
        return self.entities[best[2]] if best else None

    def _candidates(self, chain: Chain) -> set[str]:
        found: set[str] = set()
        for key in _name_keys(chain.canonical, chain.label):
            found |= self._blocks.get(key, set())
        return found

    def records(self) -> Iterator[CanonicalEntity]:
        for entity in self.entities.values():
            yield entity.record()


TRANSLATION_CONTEXT = 2
"""Entities a chain's article must share with an organisation before a translated name
(below) may join it: translations are a weaker sign than spellings."""

TRANSLATION_PREFIX = 5
COMPOUND_PREFIX = 7


def translation(a: str, b: str) -> bool:
    """Could two organisation names be one name translated between related languages?

    Every word of four or more letters of the shorter name starts like a word of the other
    (:data:`TRANSLATION_PREFIX` folded letters: European Commission / Europese Commissie),
    or the shorter name is one compound starting like the other's first word
    (:data:`COMPOUND_PREFIX` letters: Coördinatieraad / Coordination Council). Names in
    unrelated words (United Nations / Verenigde Naties) are out of its reach."""
    words_a = [w for w in name_key(a).split() if len(w) >= 4]
    words_b = [w for w in name_key(b).split() if len(w) >= 4]
    if not words_a or not words_b or words_a == words_b:
        return False
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(shorter) == 1 and len(longer) > 1:
        return _common_prefix(shorter[0], longer[0]) >= COMPOUND_PREFIX
    return all(
        any(_common_prefix(w, other) >= min(TRANSLATION_PREFIX, len(w), len(other)) for other in longer)
        for w in shorter
    )


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _same_key(chain: Chain, entity: EntityState) -> bool:
    key = name_key(chain.canonical)
    return any(name_key(name) == key for name in entity.full_names)


def _name_keys(form: str, label: str) -> set[str]:
    """Blocking keys of a name: its surname's first letters, and its initials as an acronym
    (European Union → ``acr:eu``, and EU itself → ``acr:eu``)."""
    tokens = name_key(form).split()
    if not tokens:
        return set()
    surname = tokens[-1]
    keys = {f"name:{surname[:BLOCK_PREFIX]}"}
    if len(surname) >= LONG_NAME:
        keys.add(f"end:{surname[-BLOCK_SUFFIX:]}")
    if label != "PER":
        keys.add(f"name:{tokens[0][:BLOCK_PREFIX]}")
        keys.add("acr:" + ("".join(t[0] for t in tokens) if len(tokens) > 1 else tokens[0]))
    return keys


def _entity_keys(entity: EntityState) -> set[str]:
    keys = {entity.geo} if entity.geo else set()
    for name in entity.full_names:
        keys |= _name_keys(name, entity.label)
    return keys


def display_name(forms: Counter[str], languages: dict[str, set[str]]) -> str:
    """The most used Latin-script press spelling: the most used surname spelling (last
    word), then the most used full form ending with it. Ties go to the form English-language
    articles use, then to the alphabetically first (so the choice is stable)."""
    if not forms:
        return ""
    latin = Counter({form: n for form, n in forms.items() if _is_latin(form)}) or forms

    def rank(form: str, count: int) -> tuple[int, int, str]:
        return (-count, 0 if "en" in languages.get(form, ()) else 1, form)

    surnames: Counter[str] = Counter()
    english: set[str] = set()
    for form, count in latin.items():
        last = form.split()[-1] if form.split() else form
        surnames[last] += count
        if "en" in languages.get(form, ()):
            english.add(last)
    surname = min(surnames, key=lambda s: (-surnames[s], 0 if s in english else 1, s))
    full = [(form, n) for form, n in latin.items() if form.split() and form.split()[-1] == surname]
    longest = max(len(form.split()) for form, _ in full)
    full = [(form, n) for form, n in full if len(form.split()) == longest]
    return min(full, key=lambda item: rank(*item))[0]


def _is_latin(form: str) -> bool:
    """Written in Latin letters (with diacritics: Łukaszenka), not Cyrillic, Greek …"""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(ord(c) < LATIN_END for c in letters)


LATIN_END = 0x250
"""The end of Unicode's Latin blocks (Basic Latin to Latin Extended-B)."""


def state_to_json(entity: EntityState) -> dict[str, object]:
    """What the store keeps of a resolver entity between runs."""
    return {
        "id": entity.id, "label": entity.label, "forms": dict(entity.forms),
        "languages": {form: sorted(langs) for form, langs in entity.languages.items()},
        "articles": sorted(entity.articles), "context": dict(entity.context),
        "geo": entity.geo, "country": entity.country, "geonameid": entity.geonameid,
        "full_names": sorted(entity.full_names),
    }


def state_from_json(data: dict[str, Any]) -> EntityState:
    return EntityState(
        id=data["id"], label=data["label"], forms=Counter(data["forms"]),
        languages={form: set(langs) for form, langs in data["languages"].items()},
        articles=set(data["articles"]), context=Counter(data["context"]),
        geo=data["geo"], country=data["country"], geonameid=data["geonameid"],
        full_names=set(data["full_names"]),
    )
