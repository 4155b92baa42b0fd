"""Quotes and their speakers: invented sentences in several languages, plus one seed check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kronika.analyze.entities import find_entities
from kronika.analyze.quotes import find_quotes
from kronika.analyze.sentences import split_sentences
from kronika.model import Entity, Quote

# (language, text, [(quoted content, speaker text or None, direct)])
# A speaker of None means the quote must not be reported at all.
ROWS: list[tuple[str, str, list[tuple[str, str | None, bool]]]] = [
    # --- English: every quote style, cue after and before, split, nested, pronouns
    (
        "en",
        '"We will not stop until the plant listens," said Anna Petrova, a welder.',
        [("We will not stop until the plant listens", "Anna Petrova", True)],
    ),
    (
        "en",
        "“We will strike,” Viktor Orlov said, “until they listen to us.”",
        [
            ("We will strike", "Viktor Orlov", True),
            ("until they listen to us.", "Viktor Orlov", True),
        ],
    ),
    (
        "en",
        "According to Maria Novak, “the mine will close before the winter.”",
        [("the mine will close before the winter.", "Maria Novak", True)],
    ),
    (
        "en",
        "Pavel Sidorov spoke to the crowd in Grodno. “Nobody will silence us,” he said.",
        [("Nobody will silence us", "Pavel Sidorov", True)],
    ),
    (
        "en",
        '"The negotiations have failed," a spokesman for the ministry said on Tuesday.',
        [("The negotiations have failed", "a spokesman for the ministry", True)],
    ),
    (
        "en",
        "‘We are not afraid of the police,’ said Tom Fletcher.",
        [("We are not afraid of the police", "Tom Fletcher", True)],
    ),
    (
        "en",
        "\"They shouted 'Go home!' at us all night,\" said Irina Belova.",
        [("They shouted 'Go home!' at us all night", "Irina Belova", True)],
    ),
    (
        "en",
        (
            "Olga Ivanova described the night at the station.\n"
            "“We waited for hours outside the gate.\n"
            "“Then the riot police came,” she said."
        ),
        [
            ("We waited for hours outside the gate.", "Olga Ivanova", True),
            ("Then the riot police came", "Olga Ivanova", True),
        ],
    ),
    (
        "en",
        "“The vote was stolen,” Dmitri Volkov told reporters. “We will be back tomorrow.”",
        [
            ("The vote was stolen", "Dmitri Volkov", True),
            ("We will be back tomorrow.", "Dmitri Volkov", True),
        ],
    ),
    (
        "en",
        "The mayor of Brest said that the water supply had been restored in every district.",
        [("the water supply had been restored in every district", "The mayor of Brest", False)],
    ),
    (
        "en",
        "The so-called “reforms” were announced on Tuesday by the cabinet.",
        [("reforms", None, True)],
    ),
    (
        "en",
        "The workers' union rejected the director's offer, and nobody's happy about it.",
        [],
    ),
    (
        "en",
        "“It is over,” the mayor's spokesman, Natalia Eismont, told reporters on Monday.",
        [("It is over", "Natalia Eismont", True)],
    ),
    (
        "en",
        "Stepan Kuzmin has also said the factory would stay closed until June.",
        [("the factory would stay closed until June", "Stepan Kuzmin", False)],
    ),
    (
        "en",
        "“This is the end of an era.” ― Lena Moroz",
        [("This is the end of an era.", "Lena Moroz", True)],
    ),
    (
        "en",
        "Irina Sokolova closed the clinic on Friday, saying “there is no money left for the staff.”",
        [("there is no money left for the staff.", "Irina Sokolova", True)],
    ),
    ("en", 'The sign on the gate read: "No entry for anyone today."', []),
    (
        "en",
        "The crowd cheered Anna Petrova, who told them: “We will win this.”",
        [("We will win this.", "Anna Petrova", True)],
    ),
    # --- Dutch
    (
        "nl",
        "„Dit is pas het begin”, zegt vakbondsleider Piet de Boer. „We gaan door.”",
        [("Dit is pas het begin", "Piet de Boer", True), ("We gaan door.", "Piet de Boer", True)],
    ),
    (
        "nl",
        "„We gaan door tot het einde”, zei Sergej Ivanov voor de poort.",
        [("We gaan door tot het einde", "Sergej Ivanov", True)],
    ),
    (
        "nl",
        "“De staking is pas begonnen”, aldus Marina Kovalenko.",
        [("De staking is pas begonnen", "Marina Kovalenko", True)],
    ),
    (
        "nl",
        "Jan de Vries stond bij de fabriek in Gomel. “Wij wijken niet”, zei hij.",
        [("Wij wijken niet", "Jan de Vries", True)],
    ),
    (
        "nl",
        "Minister Bakker stelt dat de fabriek de hele zomer open blijft.",
        [("de fabriek de hele zomer open blijft", "Minister Bakker", False)],
    ),
    (
        "nl",
        "„We werken 's nachts door”, zei Piet Janssen.",
        [("We werken 's nachts door", "Piet Janssen", True)],
    ),
    (
        "nl",
        "Hij kwam 's avonds laat thuis en zag 't nieuws over de 'hervormingen' niet.",
        [],
    ),
    (
        "nl",
        "Loekasjenko: „Er komen geen nieuwe verkiezingen.”",
        [("Er komen geen nieuwe verkiezingen.", "Loekasjenko", True)],
    ),
    (
        "nl",
        "„Wij willen vrije verkiezingen”, vertelt de 28-jarige Anna aan de telefoon.",
        [("Wij willen vrije verkiezingen", "de 28-jarige Anna", True)],
    ),
    # --- German
    (
        "de",
        "„Wir bleiben hier, bis sie gehen“, sagte Klaus Becker.",
        [("Wir bleiben hier, bis sie gehen", "Klaus Becker", True)],
    ),
    (
        "de",
        "Petra Lang sprach vor dem Werk. »Das ist erst der Anfang«, sagte sie.",
        [("Das ist erst der Anfang", "Petra Lang", True)],
    ),
    (
        "de",
        "Der Sprecher der Firma sagte, dass die Fabrik bis Montag geschlossen bleibt.",
        [("die Fabrik bis Montag geschlossen bleibt", "Der Sprecher der Firma", False)],
    ),
    # --- French
    (
        "fr",
        "« Nous ne céderons pas », a déclaré Marie Dubois.",
        [("Nous ne céderons pas", "Marie Dubois", True)],
    ),
    (
        "fr",
        "Selon Jean Martin, la grève va continuer toute la semaine.",
        [("la grève va continuer toute la semaine", "Jean Martin", False)],
    ),
    (
        "fr",
        "Paul Girard a parlé aux ouvriers. « C'est fini », a-t-il déclaré.",
        [("C'est fini", "Paul Girard", True)],
    ),
    ("fr", "L'usine d'Anton est fermée aujourd'hui.", []),
    # --- Spanish
    (
        "es",
        "«Seguiremos en la calle», dijo Carlos Ruiz.",
        [("Seguiremos en la calle", "Carlos Ruiz", True)],
    ),
    (
        "es",
        "Ana López afirmó que el gobierno había mentido a todos.",
        [("el gobierno había mentido a todos", "Ana López", False)],
    ),
    # --- Polish
    (
        "pl",
        "„Nie boimy się nikogo” – powiedział Tomasz Nowak.",
        [("Nie boimy się nikogo", "Tomasz Nowak", True)],
    ),
    (
        "pl",
        "Rzecznik rządu powiedział, że rozmowy zostały zerwane w nocy.",
        [("rozmowy zostały zerwane w nocy", "Rzecznik rządu", False)],
    ),
    # --- Russian
    (
        "ru",
        "«Мы здесь надолго», — говорит Ольга Орлова. «Никто не уйдёт».",
        [("Мы здесь надолго", "Ольга Орлова", True), ("Никто не уйдёт", "Ольга Орлова", True)],
    ),
    (
        "ru",
        "«Мы не уйдём с площади», — сказал Иван Петров.",
        [("Мы не уйдём с площади", "Иван Петров", True)],
    ),
    (
        "ru",
        "По словам Ольги Смирновой, завод остановлен до понедельника.",
        [("завод остановлен до понедельника", "Ольги Смирновой", False)],
    ),
    # a question closes the splitter's sentence; its cue stands in the next one
    ("en", "“Who will pay for the new bridge?” Carla Mendes asked. The council did not answer.",
     [("Who will pay for the new bridge?", "Carla Mendes", True)]),
    # a party tag in brackets between the speaker and the cue
    ("en", "“The budget is a disgrace,” Sen. Tom Ridley (R-Ohio) said.",
     [("The budget is a disgrace", "Sen. Tom Ridley", True)]),
    # a plural of sources without a determiner, closing the sentence
    ("en", "The new rules will raise rents in most cities, housing experts say.",
     [("The new rules will raise rents in most cities", "housing experts", False)]),
    ("en", "Two ferries were held at the quay overnight, according to police.",
     [("Two ferries were held at the quay overnight", "police", False)]),
    # a bare cue whose next word is no pronoun or name, but a clause follows
    ("en", "Mayor Ines Alvarado says drivers are ignoring the new limits.",
     [("drivers are ignoring the new limits", "Mayor Ines Alvarado", False)]),
    ("en", "The singer said goodbye to the crowd in Leeds.", []),
    # addressed without "that"; an object with a quoted word; a title's period inside the name
    ("en", "The governor told them she would veto the bill.",
     [("she would veto the bill", "The governor", False)]),
    ("en", "Mayor Ortiz called the new tolls “highway robbery.”",
     [("the new tolls “highway robbery", "Mayor Ortiz", False)]),
    ("en", "She called her brother on Sunday.", []),
    ("en", "“It is a misguided approach,” said Mr. Burman.", [("It is a misguided approach", "Mr. Burman", True)]),
    # a long description between the speaker after the quote and the cue
    ("en", ("“The port will not reopen this year,” Ivo Brandt, the head of the harbour workers' "
            "union, one of the three unions on strike, said at a rally on Friday."),
     [("The port will not reopen this year", "Ivo Brandt", True)]),
    # an addressee of several words before the reported clause; a bare plural opening the clause
    ("en", "The mayor told a meeting of harbour workers that the port would stay open.",
     [("the port would stay open", "The mayor", False)]),
    ("en", "The budget passed on Friday, but critics say the new tolls will hurt commuters.",
     [("the new tolls will hurt commuters", "critics", False)]),
    ("en", "According to exit polls, the mayor won two of the three harbour districts.",
     [("the mayor won two of the three harbour districts", "exit polls", False)]),
    # a long relative clause between the speaker and the cue; a participle cue after a comma
    ("en", ("Harbour master Lena Voss, who ran the port authority during the long strike of 2019, "
            "said the cranes would be back in service by June."),
     [("the cranes would be back in service by June", "Lena Voss", False)]),
    ("en", "Lena Voss spoke to reporters on Tuesday morning, adding that “the cranes are safe.”",
     [("the cranes are safe.", "Lena Voss", True)]),
    ("en", "Mayor Ines Alvarado said praise from the port unions would not change her plan.",
     [("praise from the port unions would not change her plan", "Mayor Ines Alvarado", False)]),
    # a time between the speaker and the cue is not the speaker
    ("en", "Mayor Ines Alvarado on Tuesday said the ferries would run again in May.",
     [("the ferries would run again in May", "Mayor Ines Alvarado", False)]),
    ("en", "Oslo's harbour master says the cranes are safe again.",
     [("the cranes are safe again", "Oslo's harbour master", False)]),
    # a cue whose content is usually its object, with a clause after "that"
    ("en", "The port authority announced that the cranes would be back in service by June.",
     [("the cranes would be back in service by June", "The port authority", False)]),
    # a verb whose content is a to-infinitive, also when it is not a verb of saying
    ("en", "Governor Lena Marsh wants to double the number of school nurses.",
     [("double the number of school nurses", "Governor Lena Marsh", False)]),
    ("en", "Marching on, the crowd kept refusing to leave the square.", []),
    # the cue that closes the sentence beats a verb of the reported clause
    ("en", "Hospital protocol called for the patient to be moved at once, two nurses said.",
     [("Hospital protocol called for the patient to be moved at once", "two nurses", False)]),
]


def test_a_poll_labels_a_headline() -> None:
    text = "Poll: Dock Workers Back the Strike by Two to One\n\nThe union's survey closed on Friday."
    quotes = find_quotes(text, split_sentences(text, "en"), [], "en")
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("Dock Workers Back the Strike by Two to One", "Poll")
    ]


def test_a_transcript_speaker_in_capitals_is_a_surname_the_article_names() -> None:
    text = ("Host Dana Reyes spoke with Governor Tom Ellery on Sunday.\n"
            "REYES: Will you sign the budget this week?\n"
            "ELLERY: We will sign it once the schools are funded.\n"
            "REYES: And if they are not?\n"
            "ELLERY: Then the budget waits until they are.\n"
            "UPDATE: The interview was recorded on Saturday.")
    sentences = split_sentences(text, "en")
    quotes = find_quotes(text, sentences, find_entities(text, sentences, "en"), "en")
    speakers = {q.text: q.speaker.text for q in quotes if q.speaker is not None}
    assert speakers.get("We will sign it once the schools are funded") == "ELLERY"
    assert "The interview was recorded on Saturday" not in speakers


def test_a_surname_the_tagger_missed_still_takes_the_pronoun() -> None:
    text = ("Cyclists cheered as the retired general Norman Ham arrived at the town hall.\n"
            "Ham criticised the mayor, Tom Reyes. “We were left without the tools to do the job,” he said.")
    sentences = split_sentences(text, "en")
    entities = [e for e in find_entities(text, sentences, "en") if e.text != "Ham"]
    quotes = find_quotes(text, sentences, entities, "en")
    assert [(q.speaker.text if q.speaker else None) for q in quotes if q.direct] == ["Ham"]


def _tagged(text: str, names: list[tuple[str, str]]) -> list[Entity]:
    """Entities at the first occurrence of each (text, label), as a tagger might give them."""
    found = []
    for name, label in names:
        start = text.index(name)
        found.append(Entity(start, start + len(name), name, label))  # type: ignore[arg-type]
    return sorted(found, key=lambda e: e.start)


def _direct_speakers(text: str, entities: list[Entity]) -> list[str | None]:
    quotes = find_quotes(text, split_sentences(text, "en"), entities, "en")
    return [q.speaker.text if q.speaker else None for q in quotes if q.direct]


def test_a_pronoun_skips_a_sentence_start_the_tagger_took_for_a_name() -> None:
    text = ("Rail unions met Transport Minister Carl Jensen on Monday. Climate targets, "
            "the unions say, need more trains, and climate money should pay for them.\n"
            "“We cannot wait for another decade,” he said.")
    entities = _tagged(text, [("Carl Jensen", "PER"), ("Climate", "PER")])
    assert _direct_speakers(text, entities) == ["Carl Jensen"]


def test_a_described_name_opening_its_sentence_is_the_subject() -> None:
    text = ("Conservative economist Aparna Mathur, who studies wages, said the plan left "
            "questions open about Nora Trump's proposal.\n"
            "“I don't see who is eligible,” she said.")
    entities = _tagged(text, [("Aparna Mathur", "PER"), ("Nora Trump", "PER")])
    assert _direct_speakers(text, entities) == ["Aparna Mathur"]


def test_a_transcript_quoted_as_a_block_gives_both_voices() -> None:
    # each line opens with a quote mark no mark closes; the host is not named in the article
    text = ("Senator Ruth Okafor spoke on the Sunday programme.\n"
            '"HALE: Will you vote for the bill this week?\n'
            '"OKAFOR: I will vote for it, and so will my colleagues on the committee.\n'
            '"HALE: Even with the tax on fuel in it?\n'
            '"OKAFOR: The fuel tax goes out before the vote, I promise you that."')
    sentences = split_sentences(text, "en")
    quotes = find_quotes(text, sentences, find_entities(text, sentences, "en"), "en")
    speakers = {q.text: q.speaker.text for q in quotes if q.speaker is not None}
    assert speakers.get("I will vote for it, and so will my colleagues on the committee") == "OKAFOR"
    assert speakers.get("Even with the tax on fuel in it") == "HALE"


def _check_spans(text: str, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


@pytest.mark.parametrize(("language", "text", "expected"), ROWS)
def test_quotes(language: str, text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    quotes = find_quotes(text, split_sentences(text, language), [], language)
    _check_spans(text, quotes)
    by_text = {quote.text: quote for quote in quotes}
    for content, speaker, direct in expected:
        if speaker is None:
            assert content not in by_text, f"{content!r} is not a quote"
            continue
        assert content in by_text, f"{content!r} not in {list(by_text)}"
        quote = by_text[content]
        assert quote.speaker is not None and quote.speaker.text == speaker
        assert quote.direct is direct
        assert quote.cue
    wanted = {content for content, speaker, _ in expected if speaker is not None}
    assert set(by_text) <= wanted, f"unexpected quotes {set(by_text) - wanted}"


def test_cue_words_are_kept_as_written() -> None:
    text = "“De staking is pas begonnen”, aldus Marina Kovalenko."
    (quote,) = find_quotes(text, split_sentences(text, "nl"), [], "nl")
    assert quote.cue == "aldus"
    text = "According to Maria Novak, “the mine will close before the winter.”"
    (quote,) = find_quotes(text, split_sentences(text, "en"), [], "en")
    assert quote.cue == "According to"


def test_entities_give_the_speaker_span() -> None:
    text = "“Nobody will silence us,” said Pavel Sidorov, a driver."
    sentences = split_sentences(text, "en")
    (quote,) = find_quotes(text, sentences, find_entities(text, sentences, "en"), "en")
    assert quote.speaker is not None and "Sidorov" in quote.speaker.text


def test_seed_split_quote_with_a_pronoun_speaker(seeds: Path) -> None:
    (path,) = sorted(seeds.glob("004*"))
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text, "en")
    for entities in (find_entities(text, sentences, "en"), []):
        quotes = find_quotes(text, sentences, entities, "en")
        _check_spans(text, quotes)
        (quote,) = [q for q in quotes if "no new election until you kill me" in q.text]
        assert quote.direct
        assert quote.speaker is not None and "Lukashenko" in quote.speaker.text


def test_a_title_abbreviation_stays_out_of_the_speaker() -> None:
    """Guards a bug: "M. Jean Moreau" gave the speaker ". Jean Moreau"."""
    text = "La direction, dirigée par M. Jean Moreau, assure que la production reprendra lundi."
    quotes = find_quotes(text, split_sentences(text, "fr"), [], "fr")
    _check_spans(text, quotes)
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.text[0].isalpha()


def test_belarusian_direct_quote_with_its_speaker() -> None:
    text = "«Мы не пойдзем, пакуль не будзе новых выбараў», — сказаў актывіст Іван Пятроў."
    quotes = find_quotes(text, split_sentences(text, "be"), [], "be")
    _check_spans(text, quotes)
    (quote,) = quotes
    assert quote.direct and quote.cue == "сказаў"
    assert quote.speaker is not None and quote.speaker.text.endswith("Іван Пятроў")


def _entities(text: str, names: dict[str, str]) -> list[Entity]:
    """Entities for every occurrence of each name (name -> label), as a tagger would give."""
    found = []
    for name, label in names.items():
        for match in re.finditer(re.escape(name), text):
            found.append(Entity(match.start(), match.end(), name, label))  # type: ignore[arg-type]
    return sorted(found, key=lambda e: e.start)


def _quotes(text: str, language: str, names: dict[str, str]) -> dict[str, Quote]:
    quotes = find_quotes(text, split_sentences(text, language), _entities(text, names), language)
    _check_spans(text, quotes)
    return {quote.text: quote for quote in quotes}


@pytest.mark.parametrize(
    ("language", "text", "names", "content", "speaker"),
    [
        (
            "en",
            "Anna Petrova met Viktor Orlov at the gate. “We will not stop,” she said.",
            {"Anna Petrova": "PER", "Viktor Orlov": "PER"},
            "We will not stop",
            "Anna Petrova",
        ),
        (
            "nl",
            "Piet de Boer sprak met Wilma Jansen. „We gaan door”, zei hij.",
            {"Piet de Boer": "PER", "Wilma Jansen": "PER"},
            "We gaan door",
            "Piet de Boer",
        ),
        (
            "de",
            "Frau Keller traf Herrn Brandt vor dem Werk. „Wir streiken weiter“, sagte sie.",
            {"Keller": "PER", "Brandt": "PER"},
            "Wir streiken weiter",
            "Keller",
        ),
        (
            "en",
            "Mrs. Novak called Sergei Dylevsky. Dylevsky waited. “It is over,” she said.",
            {"Novak": "PER", "Sergei Dylevsky": "PER", "Dylevsky": "PER"},
            "It is over",
            "Novak",
        ),
    ],
)
def test_a_pronoun_goes_to_a_name_of_its_gender(
    language: str, text: str, names: dict[str, str], content: str, speaker: str
) -> None:
    quote = _quotes(text, language, names)[content]
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("language", "text", "names", "content", "speaker"),
    [
        (
            "de",
            "Die Gewerkschaft IG Metall traf Anna Weber. „Wir streiken“, sagten sie.",
            {"IG Metall": "ORG", "Anna Weber": "PER"},
            "Wir streiken",
            "IG Metall",
        ),
        (
            "nl",
            "De bond FNV sprak met Anna de Vries. „We staken door”, zeiden ze.",
            {"FNV": "ORG", "Anna de Vries": "PER"},
            "We staken door",
            "FNV",
        ),
        (
            "en",
            "Anna Petrova left the meeting. “We will strike,” they said.",
            {"Anna Petrova": "PER"},
            "We will strike",
            "they",
        ),
    ],
)
def test_a_plural_pronoun_is_not_a_person(
    language: str, text: str, names: dict[str, str], content: str, speaker: str
) -> None:
    quote = _quotes(text, language, names)[content]
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("language", "text", "names", "content", "speaker", "name"),
    [
        (
            "en",
            (
                "Foreign Minister Anna Petrova flew to Minsk. “The talks have failed,” the "
                "minister said."
            ),
            {"Anna Petrova": "PER"},
            "The talks have failed",
            "the minister",
            "Anna Petrova",
        ),
        (
            "en",
            (
                "Workers at Belaruskali stopped the mine. The company said the mine would "
                "reopen on Monday."
            ),
            {"Belaruskali": "ORG"},
            "the mine would reopen on Monday",
            "The company",
            "Belaruskali",
        ),
        (
            "nl",
            "Minister Wilma Jansen bezocht de fabriek. „Er komt geen akkoord”, zei de minister.",
            {"Wilma Jansen": "PER"},
            "Er komt geen akkoord",
            "de minister",
            "Wilma Jansen",
        ),
        (
            "de",
            (
                "Die Gewerkschaft Verdi rief zum Streik auf. „Wir bleiben hart“, sagte die "
                "Gewerkschaft."
            ),
            {"Gewerkschaft Verdi": "ORG"},
            "Wir bleiben hart",
            "die Gewerkschaft",
            "Gewerkschaft Verdi",
        ),
    ],
)
def test_a_description_refers_to_the_name_it_stands_for(
    language: str, text: str, names: dict[str, str], content: str, speaker: str, name: str
) -> None:
    quote = _quotes(text, language, names)[content]
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker.refers_to == name


@pytest.mark.parametrize(
    ("language", "text", "content", "speaker"),
    [
        (
            "en",
            "Anna Petrova vowed to close the plant before the winter.",
            "close the plant before the winter",
            "Anna Petrova",
        ),
        (
            "en",
            "The union called for a general strike across the region.",
            "a general strike across the region",
            "The union",
        ),
        (
            "en",
            "The strike, Viktor Orlov argued, will last until the autumn.",
            "The strike",
            "Viktor Orlov",
        ),
        (
            "en",
            "Viktor Orlov acknowledged that the plant was “almost empty” on Monday.",
            "the plant was “almost empty” on Monday",
            "Viktor Orlov",
        ),
        (
            "en",
            "Polls show the opposition leading in every region of the country.",
            "the opposition leading in every region of the country",
            "Polls",
        ),
        (
            "nl",
            "De minister liet weten dat de fabriek voorlopig dicht blijft.",
            "de fabriek voorlopig dicht blijft",
            "De minister",
        ),
        (
            "nl",
            "De vakbond eiste hogere lonen voor alle arbeiders in de haven.",
            "hogere lonen voor alle arbeiders in de haven",
            "De vakbond",
        ),
        (
            "de",
            "Das Ministerium teilte mit, dass das Werk geschlossen bleibt.",
            "das Werk geschlossen bleibt",
            "Das Ministerium",
        ),
        (
            "de",
            "Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.",
            "höhere Löhne für alle Beschäftigten",
            "Die Gewerkschaft",
        ),
    ],
)
def test_indirect_speech_beyond_said(language: str, text: str, content: str, speaker: str) -> None:
    quotes = [
        q for q in find_quotes(text, split_sentences(text, language), [], language) if not q.direct
    ]
    _check_spans(text, quotes)
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes][:1] == [
        (content, speaker)
    ]


@pytest.mark.parametrize(
    "language,text",
    [
        ("en", "But one of the said the tax plan would cost billions."),
        ("en", "On Tuesday, Friday said the talks had failed."),
        ("nl", "Maar zei dat de staking doorgaat."),
    ],
)
def test_no_indirect_quote_without_a_real_speaker(language: str, text: str) -> None:
    quotes = find_quotes(text, split_sentences(text, language), [], language)
    assert [q for q in quotes if not q.direct and q.speaker is not None and q.speaker.text.split()[-1]
            in ("the", "Friday", "Maar")] == []


def test_a_real_speaker_keeps_its_indirect_quote() -> None:
    text = "A spokesman for the union said the strike would go on."
    quotes = find_quotes(text, split_sentences(text, "en"), [], "en")
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes if not q.direct] == [
        ("the strike would go on", "A spokesman for the union")
    ]


def test_a_sentence_that_ends_with_a_comma_after_a_cue_word() -> None:
    # A results table read as one sentence: "stated" is a cue, the last token a comma.
    text = "Scores on Friday ( British unless stated ) : 132 Ann Lee 65 67 , Tom Oak 71 65 ,"
    assert all(not q.direct for q in find_quotes(text, split_sentences(text, "en"), [], "en"))


def test_a_line_opened_by_a_name_and_a_colon_is_what_that_name_said() -> None:
    text = ("Anna Petrova: the strike will go on until wages rise\n\n"
            "Correction: an earlier version misspelled the name of the union.\n\n"
            "Petrova spoke to reporters in Brest on Monday.")
    entities = [Entity(0, 12, "Anna Petrova", "PER"), Entity(120, 127, "Petrova", "PER")]
    quotes = find_quotes(text, split_sentences(text, "en"), entities, "en")
    assert [(q.text, q.speaker.text if q.speaker else None, q.direct) for q in quotes] == [
        ("the strike will go on until wages rise", "Anna Petrova", False)
    ]
