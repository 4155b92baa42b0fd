from kronika.model import (
    AcledCode,
    Actor,
    Article,
    Entity,
    EventMention,
    Magnitude,
    Published,
    Quote,
    Sentence,
    Span,
    Speaker,
    from_dict,
    to_dict,
)


def test_article_round_trips_through_json() -> None:
    article = Article(
        id="abc",
        text="Loekasjenko zei: “Nooit.”",
        language="nl",
        published=Published("2020-08", "month"),
        sentences=[Sentence(0, 25)],
        entities=[Entity(0, 11, "Loekasjenko", "PER")],
        quotes=[Quote(17, 25, "“Nooit.”", Speaker("Loekasjenko", 0, 11), cue="zei")],
        events=[
            EventMention(
                id="e1",
                type="REJECT",
                trigger=Span(12, 15, "zei"),
                sentence=Span(0, 25, "Loekasjenko zei: “Nooit.”"),
                actors=[Actor("Loekasjenko", "actor")],
                magnitudes={"participants": Magnitude(100, 200, "100 tot 200")},
                acled=AcledCode("Strategic developments", "Other"),
            )
        ],
    )
    again = Article.from_json(article.to_json())
    assert again == article
    assert isinstance(again.events[0].magnitudes["participants"], Magnitude)
    assert again.published == Published("2020-08", "month")


def test_from_dict_ignores_unknown_keys_and_keeps_defaults() -> None:
    data = to_dict(Article(id="x", text="t"))
    data["added_by_a_newer_version"] = 1
    article = from_dict(Article, data)
    assert article.language == "und" and article.published is None and article.sentences == []


def test_date_span_of_every_date_shape() -> None:
    import datetime as dt

    from kronika.model import date_span

    assert date_span("2020-08-16") == (dt.date(2020, 8, 16), dt.date(2020, 8, 16))
    assert date_span("2020-W34") == (dt.date(2020, 8, 17), dt.date(2020, 8, 23))
    assert date_span("2020-02") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert date_span("2020-12") == (dt.date(2020, 12, 1), dt.date(2020, 12, 31))
    assert date_span("2020") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert date_span("2020-08-15/2020-08-16") == (dt.date(2020, 8, 15), dt.date(2020, 8, 16))
    for bad in ("", "20", "2020-13", "2020-02-30", "2020-W60", "sunday", "2020-08-15/never"):
        assert date_span(bad) is None
