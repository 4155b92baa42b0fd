import pytest

from kronika.analyze.sentences import split_sentences


def sentences(text: str, language: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "Dhr. Jansen kwam. Hij bleef.", ["Dhr. Jansen kwam.", "Hij bleef."]),
        ("nl", "Er waren ca. 300 betogers. De politie greep in.", ["Er waren ca. 300 betogers.", "De politie greep in."]),
        ("nl", "Volgens o.a. de bond staakten zij. Morgen weer.", ["Volgens o.a. de bond staakten zij.", "Morgen weer."]),
        ("nl", "Het gebeurde op 9 aug. in Minsk. Daarna niet.", ["Het gebeurde op 9 aug. in Minsk.", "Daarna niet."]),
        ("nl", "Zie blz. 4 voor meer. Klaar.", ["Zie blz. 4 voor meer.", "Klaar."]),
        ("en", "On Aug. 9, Lukashenko won. Protests followed.", ["On Aug. 9, Lukashenko won.", "Protests followed."]),
        ("en", "Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("en", "The U.S. Embassy said so. It closed.", ["The U.S. Embassy said so.", "It closed."]),
        ("en", 'He shouted "Leave!" and left. Then silence.', ['He shouted "Leave!" and left.', "Then silence."]),
        ("en", '"We will strike," she said. "Tomorrow."', ['"We will strike," she said.', '"Tomorrow."']),
        ("en", "Was it rigged? Most said yes! Some 7,000 were held.", ["Was it rigged?", "Most said yes!", "Some 7,000 were held."]),
        ("en", "A. Lukashenko spoke. J.R.R. Tolkien did not.", ["A. Lukashenko spoke.", "J.R.R. Tolkien did not."]),
        ("en", "See No. 5 here. Done.", ["See No. 5 here.", "Done."]),
        ("en", "It grew 3.5 percent. Wages fell.", ["It grew 3.5 percent.", "Wages fell."]),
        ("de", "Am 9. August kamen z.B. Arbeiter. Dann gingen sie.", ["Am 9. August kamen z.B. Arbeiter.", "Dann gingen sie."]),
        ("de", "Dr. Müller sprach ca. zehn Minuten. Danach Applaus.", ["Dr. Müller sprach ca. zehn Minuten.", "Danach Applaus."]),
        ("fr", "M. Dupont est arrivé. Mme Martin aussi.", ["M. Dupont est arrivé.", "Mme Martin aussi."]),
        ("ru", "Протест начался в г. Минске. Полиция задержала людей.", ["Протест начался в г. Минске.", "Полиция задержала людей."]),
        ("pl", "Prof. Nowak m.in. mówił. Potem wyszedł.", ["Prof. Nowak m.in. mówił.", "Potem wyszedł."]),
        ("und", "First line without stop\nSecond line. Third one.", ["First line without stop", "Second line.", "Third one."]),
    ],
)
def test_split_sentences(language: str, text: str, expected: list[str]) -> None:
    assert sentences(text, language) == expected


def test_offsets_index_the_text_and_paragraphs_break_sentences() -> None:
    text = "  Eerste zin zonder punt\n\nTweede zin. Derde zin.  "
    spans = split_sentences(text, "nl")
    assert [text[s.start : s.end] for s in spans] == ["Eerste zin zonder punt", "Tweede zin.", "Derde zin."]
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() for s in spans)


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n ", "en") == []
