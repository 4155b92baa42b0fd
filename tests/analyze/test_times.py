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


def all_values(text: str, language: str, published: Published | None = MONDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.kind) for t in find_times(text, language, published)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # vague times relative to publication: TimeML's REF values, kind "ref"
        ("en", "The union is now on strike.", [("now", "PRESENT_REF", "ref")]),
        ("en", "Prices have recently risen.", [("recently", "PAST_REF", "ref")]),
        ("en", "Such marches happened in the past.", [("in the past", "PAST_REF", "ref")]),
        ("en", "Talks may resume in the near future.", [("the near future", "FUTURE_REF", "ref")]),
        ("nl", "De bond staakt momenteel.", [("momenteel", "PRESENT_REF", "ref")]),
        ("nl", "Onlangs werd er betoogd.", [("Onlangs", "PAST_REF", "ref")]),
        ("nl", "In de toekomst komen er meer.", [("de toekomst", "FUTURE_REF", "ref")]),
        ("de", "Derzeit wird gestreikt.", [("Derzeit", "PRESENT_REF", "ref")]),
        ("de", "Kürzlich kam es zu Protesten.", [("Kürzlich", "PAST_REF", "ref")]),
        ("de", "In Zukunft soll es anders werden.", [("In Zukunft", "FUTURE_REF", "ref")]),
        # quarters and halves: intervals of months
        ("en", "Profits fell in the third quarter of 2019.", [("third quarter of 2019", "2019-07/2019-09", "date")]),
        ("en", "Second-quarter sales rose.", [("Second-quarter", "2020-04/2020-06", "date")]),
        ("en", "Sales rose in Q1 2019.", [("Q1 2019", "2019-01/2019-03", "date")]),
        ("en", "Output fell in the latest quarter.", [("latest quarter", "2020-04/2020-06", "date")]),
        ("en", "Sales rose in the first half.", [("first half", "2020-01/2020-06", "date")]),
        # "the quarter" refers back to the one named; "a year earlier" then is that quarter a year before
        ("en", "Third-quarter profit doubled. In the quarter, sales fell.",
         [("Third-quarter", "2020-07/2020-09", "date"), ("quarter", "2020-07/2020-09", "date")]),
        ("en", "Third-quarter profit was $5 million, against $3 million a year ago.",
         [("Third-quarter", "2020-07/2020-09", "date"), ("a year ago", "2019-07/2019-09", "date")]),
        ("nl", "De winst steeg in het derde kwartaal van 2019.", [("derde kwartaal van 2019", "2019-07/2019-09", "date")]),
        ("de", "Der Umsatz sank im dritten Quartal 2019.", [("dritten Quartal 2019", "2019-07/2019-09", "date")]),
        # seasons (meteorological): a bare "fall" or "spring" is a verb or a noun
        ("en", "The protests began last winter.", [("last winter", "2019-12/2020-02", "date")]),
        ("en", "Elections are due this summer.", [("this summer", "2020-06/2020-08", "date")]),
        ("en", "Prices fall in spring.", []),
        ("nl", "Afgelopen zomer werd er gestaakt.", [("Afgelopen zomer", "2019-06/2019-08", "date")]),
        ("de", "Letzten Sommer wurde gestreikt.", [("Letzten Sommer", "2019-06/2019-08", "date")]),
        # decades
        ("en", "Strikes were common in the 1980s.", [("1980s", "1980/1989", "date")]),
        ("en", "It was a hit in the '90s.", [("90s", "1990/1999", "date")]),
        ("nl", "In de jaren 80 werd er veel gestaakt.", [("jaren 80", "1980/1989", "date")]),
        ("de", "In den 90er Jahren gab es Proteste.", [("90er", "1990/1999", "date")]),
        # "earlier this month" is this month, not the last one
        ("en", "Earlier this month the board met.", [("Earlier this month", "2020-08", "date")]),
        ("nl", "Eerder deze maand vergaderde het bestuur.", [("Eerder deze maand", "2020-08", "date")]),
        ("de", "Der Vorstand tagte im laufenden Monat.", [("laufenden Monat", "2020-08", "date")]),
        # a year between a determiner and a noun; a count is not a year
        ("en", "The 1996 bombing was never solved.", [("1996", "1996", "date")]),
        ("en", "The 2000 workers walked out.", []),
        ("en", "Mid-May the talks failed.", [("May", "2020-05", "date")]),
        # a month without a year in a future clause is the next one
        ("en", "The contract will expire in February.", [("February", "2021-02", "date")]),
        # Dutch writes the future in the present: an event held on a weekday is upcoming
        ("nl", "De bond houdt dinsdag een betoging.", [("dinsdag", "2020-08-18", "date")]),
    ],
)
def test_refs_parts_of_years_and_decades(language: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    """Guards issue 18: REFs, quarters, seasons and decades were missed or misread."""
    assert all_values(text, language) == expected


def test_a_ref_is_never_an_event_date() -> None:
    """A REF names no calendar period: an event beside "now" is dated by publication."""
    from kronika.extract.arguments import date
    from kronika.model import Article

    text = "The union is now on strike."
    times = find_times(text, "en", MONDAY)
    assert [(t.text, t.kind) for t in times] == [("now", "ref")]
    article = Article("a", text, language="en", published=MONDAY, times=times)
    dated, source = date(article, times, text.index("strike"))
    assert source == "published" and dated is not None and dated.value == "2020-W34"
