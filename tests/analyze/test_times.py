"""Time expressions: parametrized rows of our own sentences, per language."""

from __future__ import annotations

import pytest

from kronika.analyze.times import find_times
from kronika.model import Published

MONDAY = Published("2020-08-17", "day")  # a Monday


def values(text: str, language: str, published: Published | None = MONDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, language, published) if t.kind == "date"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "Zondag gingen duizenden mensen de straat op.", [("Zondag", "2020-08-16")]),
        ("nl", "Afgelopen vrijdag lag de haven stil.", [("Afgelopen vrijdag", "2020-08-14")]),
        ("nl", "De staking moet dinsdag beginnen.", [("dinsdag", "2020-08-18")]),
        ("nl", "Zaterdagavond werd er betoogd.", [("Zaterdagavond", "2020-08-15")]),
        ("nl", "Gisteren sprak de minister.", [("Gisteren", "2020-08-16")]),
        ("nl", "Het akkoord viel ruim een week geleden.", [("ruim een week geleden", "2020-W33")]),
        ("nl", "Vorige week waren er arrestaties.", [("Vorige week", "2020-W33")]),
        ("nl", "Op 9 augustus werd er gestemd.", [("9 augustus", "2020-08-09")]),
        ("nl", "Op 3 maart 2019 begon het.", [("3 maart 2019", "2019-03-03")]),
        ("nl", "In juli was het nog rustig.", [("juli", "2020-07")]),
        ("nl", "Volgend jaar komen er verkiezingen.", [("Volgend jaar", "2021")]),
        # "The Sunday before" is the one a week before the last Sunday.
        ("nl", "De zondag ervoor waren het er 100.000.", [("zondag ervoor", "2020-08-09")]),
        ("en", "As large as the Sunday before, when 100,000 came.", [("Sunday before", "2020-08-09")]),
        ("en", "The Sunday before the election was calm.", [("Sunday", "2020-08-16")]),
        ("de", "Am Sonntag davor kamen 100.000.", [("Sonntag davor", "2020-08-09")]),
        ("nl", "In het weekend belde hij twee keer.", [("weekend", "2020-08-15/2020-08-16")]),
        ("en", "On Monday, workers walked out.", [("Monday", "2020-08-17")]),
        ("en", "Last Thursday the mayor resigned.", [("Last Thursday", "2020-08-13")]),
        ("en", "The union will meet again on Friday.", [("Friday", "2020-08-21")]),
        ("en", "Sunday night protests were smaller.", [("Sunday night", "2020-08-16")]),
        ("en", "The vote took place on August 9.", [("August 9", "2020-08-09")]),
        ("en", "He was born on March 3, 1961.", [("March 3, 1961", "1961-03-03")]),
        ("en", "Two days ago the police arrived.", [("Two days ago", "2020-08-15")]),
        ("en", "Yesterday the talks failed.", [("Yesterday", "2020-08-16")]),
        ("en", "Prices rose last year.", [("last year", "2019")]),
        ("en", "The ban was lifted in May 2018.", [("May 2018", "2018-05")]),
        ("en", "Talks resume next week.", [("next week", "2020-W35")]),
        ("en", "The decree is dated 2020-08-19.", [("2020-08-19", "2020-08-19")]),
        ("de", "Am Montag legten die Arbeiter die Arbeit nieder.", [("Montag", "2020-08-17")]),
        ("de", "Gestern wurde demonstriert.", [("Gestern", "2020-08-16")]),
        ("de", "Vor zwei Tagen begann der Streik.", [("Vor zwei Tagen", "2020-08-15")]),
        ("de", "Die Wahl fand am 9. August 2020 statt.", [("9. August 2020", "2020-08-09")]),
        ("de", "Letzte Woche gab es Festnahmen.", [("Letzte Woche", "2020-W33")]),
        ("de", "Der Vertrag vom 19.08.2020 gilt.", [("19.08.2020", "2020-08-19")]),
        ("fr", "Dimanche, la foule était immense.", [("Dimanche", "2020-08-16")]),
        ("fr", "Hier, le ministre a parlé.", [("Hier", "2020-08-16")]),
        ("fr", "Le scrutin du 9 août a été contesté.", [("9 août", "2020-08-09")]),
        ("fr", "Il y a deux jours, la grève a commencé.", [("Il y a deux jours", "2020-08-15")]),
        ("fr", "Lundi dernier, les mineurs ont cessé le travail.", [("Lundi dernier", "2020-08-10")]),
        ("fr", "La semaine dernière, la police a arrêté dix personnes.", [("semaine dernière", "2020-W33")]),
        ("ru", "В воскресенье прошла акция протеста.", [("воскресенье", "2020-08-16")]),
        ("ru", "Вчера рабочие вышли на улицы.", [("Вчера", "2020-08-16")]),
        ("ru", "Выборы прошли 9 августа 2020 года.", [("9 августа 2020 года", "2020-08-09")]),
        ("ru", "Два дня назад начались забастовки.", [("Два дня назад", "2020-08-15")]),
        ("ru", "На прошлой неделе задержали активистов.", [("прошлой неделе", "2020-W33")]),
        ("ru", "В пятницу прошёл митинг.", [("пятницу", "2020-08-14")]),
        ("pl", "W niedzielę odbył się protest.", [("niedzielę", "2020-08-16")]),
        ("pl", "Wczoraj zatrzymano dziesięć osób.", [("Wczoraj", "2020-08-16")]),
        ("pl", "Wybory odbyły się 9 sierpnia 2020 roku.", [("9 sierpnia 2020 roku", "2020-08-09")]),
        ("es", "El domingo hubo una gran marcha.", [("domingo", "2020-08-16")]),
        ("es", "Hace dos días empezó la huelga.", [("Hace dos días", "2020-08-15")]),
        ("es", "La votación del 9 de agosto de 2020 fue impugnada.", [("9 de agosto de 2020", "2020-08-09")]),
        ("uk", "У неділю відбувся мітинг.", [("неділю", "2020-08-16")]),
        ("uk", "Вчора затримали двох активістів.", [("Вчора", "2020-08-16")]),
        ("be", "У нядзелю адбыўся мітынг.", [("нядзелю", "2020-08-16")]),
        ("be", "Учора затрымалі двух актывістаў.", [("Учора", "2020-08-16")]),
        ("be", "Два дні таму пачаўся страйк.", [("Два дні таму", "2020-08-15")]),
    ],
)
def test_time_values(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The government pledged $10 billion to the plan."),
        ("en", "Some 2,000 people and 1,500 police were there."),
        ("en", "He has ruled for 26 years and she for three weeks."),
        ("en", "Turnout was 5 percent higher, and 100,000 marched."),
        ("nl", "Naar schatting 100.000 mensen liepen 26 jaar na dato mee."),
        ("nl", "De regering trekt 2000 miljoen euro uit."),
        ("de", "Rund 20.000 Menschen kamen, 3 Wochen lang."),
        ("en", "Members may vote, and they march with 2020 supporters."),
    ],
)
def test_no_dates_from_numbers_durations_or_words(language: str, text: str) -> None:
    assert values(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "kind", "value"),
    [
        ("nl", "Hij regeert al sinds 1994.", "since", "1994"),
        ("en", "He has been in power since 1994.", "since", "1994"),
        ("nl", "Sinds afgelopen vrijdag wordt er gestaakt.", "since", "2020-08-14"),
        ("de", "Er regiert seit 1994.", "since", "1994"),
        ("en", "The strike lasts until Friday.", "until", "2020-08-21"),
    ],
)
def test_open_ends_of_periods_are_not_event_dates(language: str, text: str, kind: str, value: str) -> None:
    (expression,) = find_times(text, language, MONDAY)
    assert (expression.kind, expression.value) == (kind, value)


def test_spans_are_exact() -> None:
    text = "Op maandagochtend, 17 augustus 2020, begon de staking."
    for expression in find_times(text, "nl", MONDAY):
        assert text[expression.start:expression.end] == expression.text


def test_a_month_precise_publication_gives_relative_days_month_precision() -> None:
    (expression,) = find_times("Zondag werd er betoogd.", "nl", Published("2020-08", "month"))
    assert (expression.value, expression.precision) == ("2020-08", "month")


def test_relative_expressions_need_a_publication_date() -> None:
    assert values("Yesterday, on 9 August 2020, they met.", "en", None) == [("9 August 2020", "2020-08-09")]


def test_unknown_language_reads_only_what_every_language_writes() -> None:
    """No English words for a language kronika has no folder for: only dates in digits."""
    assert values("Yesterday, on 2020-08-12 and 14.08.2020.", "sw") == [
        ("2020-08-12", "2020-08-12"), ("14.08.2020", "2020-08-14")
    ]
