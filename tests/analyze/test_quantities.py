"""Quantities: separators, number words, ranges, approximators, vague amounts, units, kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.analyze.quantities import find_quantities
from kronika.model import Quantity

# (language, sentence, span text, value, low, high, kind, unit, approximate, vague)
# fmt: off
ROWS = [
    ("nl", "Op het plein stonden naar schatting 40.000 betogers.",
     "naar schatting 40.000", 40_000, None, None, "protesters", None, True, False),
    ("nl", "Bij de fabriek legden ruim 3.500 arbeiders het werk neer.",
     "ruim 3.500", 3500, 3500, None, "workers", None, True, False),
    ("nl", "Er kwamen vijfentwintigduizend mensen naar het stadion.",
     "vijfentwintigduizend", 25_000, 25_000, 25_000, "people", None, False, False),
    ("nl", "De schade bedraagt 2,5 miljoen euro.",
     "2,5 miljoen euro", 2_500_000, 2_500_000, 2_500_000, "money", "EUR", False, False),
    ("nl", "Tussen 8.000 en 12.000 demonstranten trokken door de stad.",
     "Tussen 8.000 en 12.000", None, 8000, 12_000, "protesters", None, False, False),
    ("nl", "Tienduizenden mensen gingen de straat op.",
     "Tienduizenden", None, 20_000, 99_999, "protesters", None, False, True),
    ("nl", "Honderdduizenden inwoners bleven thuis.",
     "Honderdduizenden", None, 200_000, 999_999, "people", None, False, True),
    ("nl", "De partij kreeg 12 procent van de stemmen.",
     "12 procent", 12, 12, 12, "percent", "%", False, False),
    ("nl", "Volgens de politie werden bijna 900 mensen opgepakt.",
     "bijna 900", 900, None, 900, "arrested", None, True, False),
    ("nl", "Enkele duizenden stakers verzamelden zich bij de poort.",
     "Enkele duizenden", None, 2000, 9000, "protesters", None, False, True),
    ("nl", "Er vielen minstens 14 doden bij de rellen.",
     "minstens 14", 14, 14, None, "killed", None, True, False),
    ("nl", "Tot 20.000 mensen werden verwacht.",
     "Tot 20.000", 20_000, None, 20_000, "people", None, True, False),
    ("nl", "Het ging om 1,5 mln kiezers.",
     "1,5 mln", 1_500_000, 1_500_000, 1_500_000, "people", None, False, False),
    ("en", "Organisers said 150,000 people joined the march.",
     "150,000", 150_000, 150_000, 150_000, "protesters", None, False, False),
    ("en", "More than 3,000 miners walked out on Tuesday.",
     "More than 3,000", 3000, 3000, None, "workers", None, True, False),
    ("en", "An estimated 60,000 demonstrators filled the square.",
     "An estimated 60,000", 60_000, None, None, "protesters", None, True, False),
    ("en", "About 1,200 people were detained overnight.",
     "About 1,200", 1200, None, None, "arrested", None, True, False),
    ("en", "Police reported over 400 arrests in the capital.",
     "over 400", 400, 400, None, "arrested", None, True, False),
    ("en", "Between 5,000 and 8,000 students rallied.",
     "Between 5,000 and 8,000", None, 5000, 8000, "protesters", None, False, False),
    ("en", "Crowds of 10-20 thousand were reported.",
     "10-20 thousand", None, 10_000, 20_000, None, None, False, False),
    ("en", "Tens of thousands of people marched on the palace.",
     "Tens of thousands", None, 20_000, 99_999, "protesters", None, False, True),
    ("en", "The fund is worth $10 billion.",
     "$10 billion", 10_000_000_000, 10_000_000_000, 10_000_000_000, "money", "USD", False, False),
    ("en", "Turnout was 84.2 percent, officials said.",
     "84.2 percent", 84.2, 84.2, 84.2, "percent", "%", False, False),
    ("en", "Twenty-five thousand workers signed the letter.",
     "Twenty-five thousand", 25_000, 25_000, 25_000, "workers", None, False, False),
    ("en", "At least three people were killed and dozens injured.",
     "At least three", 3, 3, None, "killed", None, True, False),
    ("en", "Up to 2.5 million euros was frozen.",
     "Up to 2.5 million euros", 2_500_000, None, 2_500_000, "money", "EUR", True, False),
    ("en", "Several hundred opposition supporters were held.",
     "Several hundred", None, 200, 900, "people", None, False, True),
    ("en", "Police detained a dozen people at the gate.",
     "a dozen", None, 10, 15, "arrested", None, False, True),
    ("de", "Rund 50.000 Menschen demonstrierten in der Hauptstadt.",
     "Rund 50.000", 50_000, None, None, "protesters", None, True, False),
    ("de", "Zehntausende Demonstranten zogen durch die Stadt.",
     "Zehntausende", None, 20_000, 99_999, "protesters", None, False, True),
    ("de", "Mehr als 600 Personen wurden festgenommen.",
     "Mehr als 600", 600, 600, None, "arrested", None, True, False),
    ("de", "Zwanzigtausend Arbeiter traten in den Streik.",
     "Zwanzigtausend", 20_000, 20_000, 20_000, "workers", None, False, False),
    ("de", "Die Partei kam auf 7,5 Prozent.",
     "7,5 Prozent", 7.5, 7.5, 7.5, "percent", "%", False, False),
    ("fr", "Plus de 30 000 manifestants ont défilé samedi.",
     "Plus de 30 000", 30_000, 30_000, None, "protesters", None, True, False),
    ("fr", "Des centaines de milliers de personnes étaient dans la rue.",
     "Des centaines de milliers", None, 200_000, 999_999, "people", None, False, True),
    ("fr", "Le budget atteint 3,2 millions d’euros.",
     "3,2 millions d’euros", 3_200_000, 3_200_000, 3_200_000, "money", "EUR", False, False),
    ("es", "Unos 4.000 trabajadores se sumaron a la huelga.",
     "Unos 4.000", 4000, None, None, "workers", None, True, False),
    ("es", "Más de 250 personas fueron detenidas.",
     "Más de 250", 250, 250, None, "arrested", None, True, False),
    ("es", "La inflación subió al 6,1 por ciento.",
     "6,1 por ciento", 6.1, 6.1, 6.1, "percent", "%", False, False),
    ("pl", "Ponad 20 tys. osób protestowało w Warszawie.",
     "Ponad 20 tys.", 20_000, 20_000, None, "protesters", None, True, False),
    ("pl", "Policja zatrzymała około 300 demonstrantów.",
     "około 300", 300, None, None, "arrested", None, True, False),
    ("pl", "Na ulice wyszły setki tysięcy ludzi.",
     "setki tysięcy", None, 200_000, 999_999, "people", None, False, True),
    ("ru", "Свыше 7 000 человек были задержаны за неделю.",
     "Свыше 7 000", 7000, 7000, None, "arrested", None, True, False),
    ("ru", "На площадь вышли от 10 до 20 тысяч человек.",
     "от 10 до 20 тысяч", None, 10_000, 20_000, "people", None, False, False),
    ("ru", "Ущерб составил 5 млн рублей.",
     "5 млн рублей", 5_000_000, 5_000_000, 5_000_000, "money", "RUB", False, False),
    ("ru", "В акции участвовали двадцать пять тысяч человек.",
     "двадцать пять тысяч", 25_000, 25_000, 25_000, "people", None, False, False),
    ("it", "Oltre 15.000 lavoratori hanno scioperato.",
     "Oltre 15.000", 15_000, 15_000, None, "workers", None, True, False),
    ("uk", "Понад 3 тисячі людей вийшли на вулиці.",
     "Понад 3 тисячі", 3000, 3000, None, "protesters", None, True, False),
    ("en", "Half a million Belarusians signed the petition.",
     "Half a million", 500_000, 500_000, 500_000, "people", None, False, False),
    ("nl", "Er gingen anderhalf miljoen Georgiërs stemmen.",
     "anderhalf miljoen", 1_500_000, 1_500_000, 1_500_000, "people", None, False, False),
    ("de", "Rund eine Million Menschen gingen auf die Straße.",
     "Rund eine Million", 1_000_000, None, None, "protesters", None, True, False),
    ("en", "About 300 miners marched, and police later arrested 40 of them.",
     "About 300", 300, None, None, "workers", None, True, False),
    ("nl", "Het gaat om mannen tussen de 20 en 60 jaar.",
     "tussen de 20 en 60", None, 20, 60, None, None, False, False),
    ("en", "The fine was $1.5m, officials said.",
     "$1.5m", 1_500_000, 1_500_000, 1_500_000, "money", "USD", False, False),
    ("en", "A 100,000-strong crowd filled the avenue.",
     "100,000", 100_000, 100_000, 100_000, "people", None, False, False),
    ("ru", "В столкновениях погибли по меньшей мере двое.",
     "по меньшей мере двое", 2, 2, None, "killed", None, True, False),
    ("nl", "De politie arresteerde zeker 700 betogers.",
     "zeker 700", 700, 700, None, "arrested", None, True, False),
    ("pl", "Na wiec przyszło kilkanaście tysięcy osób.",
     "kilkanaście tysięcy", None, 11_000, 19_000, "people", None, False, True),
    ("fr", "Plusieurs milliers de grévistes bloquaient l'usine.",
     "Plusieurs milliers", None, 2000, 9000, "protesters", None, False, True),
    ("es", "Entre 3.000 y 5.000 euros por familia.",
     "Entre 3.000 y 5.000 euros", None, 3000, 5000, "money", "EUR", False, False),
]
# fmt: on


def _only(text: str, language: str, span: str) -> Quantity:
    found = [q for q in find_quantities(text, language) if q.text == span]
    if len(found) != 1:
        raise AssertionError(f"{span!r} not found once in {find_quantities(text, language)}")
    return found[0]


@pytest.mark.parametrize(
    ("language", "text", "span", "value", "low", "high", "kind", "unit", "approx", "vague"),
    ROWS,
    ids=[f"{row[0]}-{i}" for i, row in enumerate(ROWS)],
)
def test_quantity(
    language: str,
    text: str,
    span: str,
    value: float | None,
    low: float | None,
    high: float | None,
    kind: str | None,
    unit: str | None,
    approx: bool,
    vague: bool,
) -> None:
    quantity = _only(text, language, span)
    assert text[quantity.start : quantity.end] == quantity.text
    assert (quantity.value, quantity.low, quantity.high) == (value, low, high)
    assert (quantity.kind, quantity.unit) == (kind, unit)
    assert (quantity.approximate, quantity.vague) == (approx, vague)


# Sentences in which nothing is a quantity: dates, years, times, ordinals, codes, phones.
TRAPS = [
    ("nl", "Hij regeert al sinds 1994 en de verkiezingen waren op 9 augustus 2020."),
    ("nl", "De bijeenkomst begon om 10.30 uur op de 3e verdieping."),
    ("nl", "Het was een lange dag voor een van de leiders."),
    ("en", "The vote took place on August 9 and 10, in 2020."),
    ("en", "He came 2nd, at 9 am on 19 August, after COVID-19 hit."),
    ("en", "Call +375 29 123 45 67 for details about the G7 meeting."),
    ("de", "Am 9. August wählte das Land zum 6. Mal."),
    ("fr", "Le 9 août 2020 à 14h30, le 1er tour a eu lieu."),
    ("es", "El 9 de agosto de 2020 hubo elecciones."),
    ("pl", "Wybory odbyły się 9 sierpnia 2020 r."),
    ("ru", "Выборы прошли 9 августа 2020 года, 9-го числа."),
    ("en", "His 26-year rule and a five-day strike, ref 666-015, won 2-1 in '92."),
    ("en", "The wall is 5m high; order 681055822754917 at 10.30 or 10:30."),
    ("nl", "Het was een en ander, en een van hen zei het."),
    ("en", "Rallies were held on 9 and 10 August and on 12-13 September."),
    ("ru", "Акции прошли 9-10 августа."),
    ("it", "Tu sei il primo."),
    ("fr", "Un bâtiment neuf a ouvert."),
    ("en", "Kolesnikova, 38, and Babaryko (64) remain in custody."),
]


@pytest.mark.parametrize(("language", "text"), TRAPS)
def test_no_false_quantities(language: str, text: str) -> None:
    assert find_quantities(text, language) == []


def test_separator_conventions() -> None:
    assert _only("Het kost 1.250 euro.", "nl", "1.250 euro").value == 1250
    assert _only("It costs 1,250 euros.", "en", "1,250 euros").value == 1250
    assert _only("Zo'n 1,5 miljoen mensen.", "nl", "Zo'n 1,5 miljoen").value == 1_500_000
    assert _only("Some 1.5 million people.", "en", "Some 1.5 million").value == 1_500_000
    # a multi-group number in the other convention is still thousands
    assert _only("Er waren 1,200,000 kiezers.", "nl", "1,200,000").value == 1_200_000
    assert _only("Ils étaient 12\u00a0000.", "fr", "12\u00a0000").value == 12000


def test_year_with_counted_noun_is_a_count() -> None:
    assert _only("Er werden 2000 mensen opgepakt.", "nl", "2000").kind == "arrested"
    assert find_quantities("In 2000 mensen opgepakt? Nee.", "nl") == []


SEED_EXPECTED = [
    # (phrase in a seed article, language, value, low, kind or None for "any")
    ("naar schatting 100.000", "nl", 100000, None, None),
    ("200,000", "en", 200000, 200000, "protesters"),
    ("more than 5,000", "en", 5000, 5000, "workers"),
    ("Some 7,000", "en", 7000, None, "arrested"),
]


def test_seeds(seeds: Path) -> None:
    texts = [(p.read_text(encoding="utf-8"), p.name) for p in sorted(seeds.glob("*.txt"))]
    for phrase, language, value, low, kind in SEED_EXPECTED:
        hits = [
            q
            for text, _ in texts
            if phrase in text
            for q in find_quantities(text, language)
            if q.text == phrase
        ]
        assert hits, f"{phrase!r} not found in the seeds"
        quantity = hits[0]
        assert (quantity.value, quantity.low) == (value, low)
        assert quantity.approximate == (phrase != "200,000")
        if kind is not None:
            assert quantity.kind == kind
        else:
            assert quantity.kind is not None


def test_belarusian_crowd_and_arrests() -> None:
    text = "Паводле ацэнак, каля 100 тысяч чалавек выйшлі на вуліцы; затрымалі больш за 50 чалавек."
    found = {(q.text, q.value, q.low, q.kind) for q in find_quantities(text, "be")}
    assert ("каля 100 тысяч", 100000.0, None, "protesters") in found  # "выйшлі на вуліцы"
    assert ("больш за 50", 50.0, 50.0, "arrested") in found
