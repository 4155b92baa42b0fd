"""Cleaning on texts we wrote to imitate each kind of page furniture seen in news pages."""

import pytest

from kronika.ingest.clean import clean_text, normalize

BODY = "The union said the strike at the plant would go on until wages were paid."


@pytest.mark.parametrize(
    ("language", "furniture"),
    [
        ("en", "© 2024 WXYZ"),
        ("en", "Copyright 2021 Example Radio. To see more, visit https://www.example.org."),
        ("en", "Play Live Radio"),
        ("en", "Next Up:"),
        ("en", "0:00 0:00"),
        ("en", "Available On Air Stations"),
        ("en", "Share this article on Facebook"),
        ("en", "Add a solidarity frame on your Facebook profile: www.facebook.com/frames/?id=1"),
        ("en", "Download infographics and GIF here:"),
        ("en", "#SolidarityNow_GIF"),
        ("en", "#SolidarityNow infographic/poster"),
        ("en", "[example.org/contact](https://www.example.org/contact)"),
        ("en", "To contact the Example Network visit:"),
        ("en", "Jane Roe is a reporter and editor, working mainly on breaking news for the digital desk."),
        ("en", "Our correspondent John Doe in Kyiv contributed to this report."),
        ("en", "Read more: Dockers strike for a third day"),
        ("en", "Advertisement"),
        ("en", "Facebook Twitter WhatsApp Email"),
        ("nl", "Lees ook: Havenstaking duurt voort"),
        ("nl", "Deel dit artikel"),
        ("nl", "Foto: ANP / Jan Jansen"),
        ("nl", "Volg ons op Instagram en X"),
        ("de", "Lesen Sie auch: Streik im Hafen"),
        ("fr", "Lire aussi : la grève continue"),
        ("ru", "Читайте также: забастовка продолжается"),
    ],
)
def test_furniture_line_is_removed(language: str, furniture: str) -> None:
    text = f"{BODY}\n\n{furniture}\n\n{BODY.replace('plant', 'port')}"
    cleaned = clean_text(text, language)
    assert furniture not in cleaned
    assert BODY in cleaned and BODY.replace("plant", "port") in cleaned


def test_furniture_split_over_two_lines_is_removed() -> None:
    text = f"{BODY}\n\nTo contact the Example Network and the\nWorkers Party visit:\n\n[example.org](https://example.org)"
    assert clean_text(text, "en") == BODY


def test_caption_printed_twice_around_credits_is_removed() -> None:
    caption = "Workers leave the plant on Monday in Gdansk, Poland."
    text = f"Headline here\n\n{caption}\nJane Roe\nExample Images\n{caption}\n\n{BODY}"
    cleaned = clean_text(text, "en")
    assert caption not in cleaned and "Jane Roe" not in cleaned
    assert cleaned == f"Headline here\n\n{BODY}"


def test_caption_printed_twice_with_a_removed_credit_between() -> None:
    caption = "Riot police at the gate on Tuesday."
    text = f"{BODY}\n\n{caption}\n\nPhoto: Jane Roe / Example Agency\n\n{caption}\n\nMore text follows here."
    assert clean_text(text, "en") == f"{BODY}\n\nMore text follows here."


def test_long_paragraph_printed_twice_keeps_one_copy() -> None:
    paragraph = " ".join([BODY] * 5)
    assert clean_text(f"{paragraph}\n\n{paragraph}", "en") == paragraph


def test_sentence_split_by_a_page_break_is_rejoined() -> None:
    """Guards the page-break split of seed 003: "There have been\\n\\nreports of torture"."""
    text = "There have been\n\nreports of torture in the jails. Others\n\nfled.\n\nTalks with the Russian and\n\nUkrainian governments went on."
    assert clean_text(text, "en") == (
        "There have been reports of torture in the jails. Others fled.\n\n"
        "Talks with the Russian and Ukrainian governments went on."
    )


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("nl", "De bond zei dat de\n\nstaking doorgaat.", "De bond zei dat de staking doorgaat."),
        ("nl", "Wel zou hij bereid zijn de macht te delen als betogers naar huis gaan\n\nHij zei dat.",
         "Wel zou hij bereid zijn de macht te delen als betogers naar huis gaan\n\nHij zei dat."),
        ("de", "Die Gewerkschaft kündigte an, den Streik bis zum\n\nEnde der Woche fortzusetzen.",
         "Die Gewerkschaft kündigte an, den Streik bis zum Ende der Woche fortzusetzen."),
    ],
)
def test_rejoin_per_language(language: str, text: str, expected: str) -> None:
    assert clean_text(text, language) == expected


def test_headline_and_short_lines_are_not_joined() -> None:
    text = "Strikes Spread Across the Country\n\nWorkers walked out on Monday."
    assert clean_text(text, "en") == text


def test_hard_wrapped_paragraph_is_unwrapped() -> None:
    text = (
        "The strike committee at the potash mine said on Monday that\n"
        "its members would stay underground until the arrested leader\n"
        "was released.\n\nNext paragraph."
    )
    assert clean_text(text, "en") == (
        "The strike committee at the potash mine said on Monday that its members would stay "
        "underground until the arrested leader was released.\n\nNext paragraph."
    )


def test_paragraph_breaks_survive_a_join() -> None:
    """Guards the separator after a re-joined line: the line that follows the joined part
    in the same paragraph stays in that paragraph."""
    text = "Talks with the\n\nUkrainian side went on.\nShort second line\n\nNew paragraph."
    assert clean_text(text, "en") == (
        "Talks with the Ukrainian side went on.\nShort second line\n\nNew paragraph."
    )


def test_normalize_characters() -> None:
    assert normalize("a\u00a0b\u200bc\r\nd\u00ade\tf  g\x07") == "a bc\nde f g"
    assert normalize("costs \\$10 billion") == "costs $10 billion"


def test_body_sentences_mentioning_social_media_in_passing_stay() -> None:
    text = "Videos of the beatings spread on social media and Facebook groups within hours."
    assert clean_text(text, "en") == text
