"""Event coreference on mention records built in the tests: blocking, hard constraints,
scores, no chaining, stable ids."""

from __future__ import annotations

from kronika.link.events import (
    DATE_WINDOW_DAYS,
    EventLinker,
    MentionRecord,
    agree,
    episode_members,
    interval,
    link_order,
    link_records,
    mention_record,
    sentence_figures,
)
from kronika.model import Article, Published
from kronika.pipeline import analyze

MINSK, HRODNA = "geo:625144", "geo:627904"


def record(
    id: str,
    *,
    date: str | None = None,
    precision: str = "day",
    guessed: bool = False,
    place: str | None = MINSK,
    weak: bool = False,
    country: str | None = "BY",
    type: str = "PROTEST",
    mode: str | None = "demonstration",
    stage: str = "fact",
    actors: frozenset[str] = frozenset(),
    targets: frozenset[str] = frozenset(),
    supported: frozenset[str] = frozenset(),
    participants: tuple[float, float] | None = None,
    article: str | None = None,
    specificity: str = "specific",
) -> MentionRecord:
    return MentionRecord(
        id=id, article_id=article or id, order=("", article or id, 0), type=type, mode=mode, stage=stage,
        date=interval(date, precision, guessed) if date else None,
        place=None if weak else place, country=country, country_weak=weak, specificity=specificity,
        actors=actors, targets=targets, participants=participants, supported=supported,
    )


def clusters(linker: EventLinker) -> set[frozenset[str]]:
    return {frozenset(e.members) for e in linker.events.values()}


def test_reports_of_one_protest_link_and_the_next_sundays_protest_does_not() -> None:
    linker = link_records([
        record("a", date="2020-08-16", participants=(100_000, 100_000)),
        record("b", date="2020-08-16", participants=(200_000, 200_000)),  # disagreeing figure: still linked
        record("c", date="2020-08-23"),
    ])
    assert clusters(linker) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_an_undated_mention_joins_one_event_and_does_not_chain_two() -> None:
    # "Sunday" in an article without a publication date fits both Sundays; it joins the one
    # with the same crowd figure, and the two Sundays stay apart.
    linker = link_records([
        record("16th", date="2020-08-16", participants=(100_000, 100_000)),
        record("23rd", date="2020-08-23", weak=True),
        record("sunday", participants=(100_000, 100_000)),
    ])
    assert clusters(linker) == {frozenset({"16th", "sunday"}), frozenset({"23rd"})}


def test_a_month_precise_mention_fits_the_day_it_agrees_with_whatever_comes_first() -> None:
    month = record("month", date="2020-08", precision="month", participants=(100_000, 100_000))
    days = [record("16th", date="2020-08-16", participants=(100_000, 100_000)), record("23rd", date="2020-08-23")]
    # Linked in link_order (days first), the month mention joins the 16th even when its
    # article came first.
    month.order, days[0].order, days[1].order = ("1", "x", 0), ("2", "y", 0), ("3", "z", 0)
    assert link_order(days[0]) < link_order(month)
    assert clusters(link_records([month, *days])) == {frozenset({"16th", "month"}), frozenset({"23rd"})}


def test_hard_constraints_keep_events_apart() -> None:
    base = record("base", date="2020-08-16", actors=frozenset({"ent-x"}))
    others = [
        record("other city", date="2020-08-16", place=HRODNA, actors=frozenset({"ent-x"})),
        record("other type", date="2020-08-16", type="COERCE", mode="arrest", actors=frozenset({"ent-x"})),
        record("other mode", date="2020-08-16", mode="strike", actors=frozenset({"ent-x"})),
        record("called for", date="2020-08-16", stage="intent", actors=frozenset({"ent-x"})),
        record("other country", date="2020-08-16", place=None, country="LT", actors=frozenset({"ent-x"})),
        record("too late", date=f"2020-08-{16 + DATE_WINDOW_DAYS + 1}", actors=frozenset({"ent-x"})),
    ]
    linker = link_records([base, *others])
    assert len(linker.events) == 1 + len(others)


def test_an_announced_strike_joins_the_strike_held_and_not_the_other_way() -> None:
    held = record("held", date="2020-08-17", mode="strike")
    announced = record("announced", date="2020-08-17", mode="strike", stage="intent")
    held.order, announced.order = ("1", "a", 0), ("2", "b", 0)
    assert clusters(link_records([held, announced])) == {frozenset({"held", "announced"})}
    # a call for a march stays a call, and a strike held does not join an event of calls
    march = record("march", date="2020-08-17", mode="march")
    called = record("march called", date="2020-08-17", mode="march", stage="intent")
    assert clusters(link_records([march, called])) == {frozenset({"march"}), frozenset({"march called"})}
    announced.order, held.order = ("1", "a", 0), ("2", "b", 0)
    assert clusters(link_records([announced, held])) == {frozenset({"held"}), frozenset({"announced"})}


def test_a_rally_for_someone_is_not_the_protest_against_him() -> None:
    protest = record("protest", date="2020-08-16", targets=frozenset({"ent-ruler"}))
    rally = record("rally", date="2020-08-16", mode="rally", supported=frozenset({"ent-ruler"}))
    march = record("march", date="2020-08-16", mode="march", targets=frozenset({"ent-ruler"}))
    assert clusters(link_records([protest, rally, march])) == {frozenset({"protest", "march"}), frozenset({"rally"})}


def analysed_records(texts: dict[str, str], event_type: str) -> list[MentionRecord]:
    """The record of each text's first mention of ``event_type``, as the pipeline makes it
    (key: article id, whose first two letters are its language)."""
    records = []
    for name, text in texts.items():
        article = analyze(Article(id=name, text=text, language=name[:2], published=Published("2020-08-17", "day")))
        event = next(e for e in article.events if e.type == event_type)
        figures = sentence_figures(article, event.sentence.start, event.sentence.end)
        records.append(mention_record(event, name, "2020-08-17", figures=figures))
    return records


def test_reports_of_arrests_agree_on_how_many_were_arrested() -> None:
    # two outlets, guessed dates (no evidence), but the same count of people arrested
    texts = {
        "nl": "De politie heeft veertien mensen aangehouden bij de haven.",
        "en": "Police detained a dozen people at the port.",
        "en2": "Police detained 300 people at the port.",
    }
    records = analysed_records(texts, "COERCE")
    assert [r.participants for r in records] == [(14, 14), (10, 15), (300, 300)]
    assert clusters(link_records(records)) == {frozenset({records[0].id, records[1].id}), frozenset({records[2].id})}


def test_two_reports_stating_the_same_figure_link() -> None:
    # no date or place read in either sentence, and different words: a shared figure decides
    texts = {
        "en": "Workers at the plant struck over the loss of 14,000 jobs, the union says.",
        "nl": "Arbeiders van de fabriek staakten om het verlies van 14.000 banen, zegt de vakbond.",
        "en2": "Workers at the plant struck over the loss of 900 jobs, the union says.",
    }
    records = analysed_records(texts, "PROTEST")
    assert [sorted(r.figures) for r in records] == [["14000"], ["14000"], ["900"]]
    assert clusters(link_records(records)) == {frozenset({records[0].id, records[1].id}), frozenset({records[2].id})}


def test_far_apart_counts_are_other_events_and_disagreeing_ones_are_not() -> None:
    linker = link_records([
        record("crowd", participants=(100_000, 100_000)),
        record("double", participants=(200_000, 200_000)),
        record("few", participants=(5_000, 5_000)),
    ])
    assert clusters(linker) == {frozenset({"crowd", "double"}), frozenset({"few"})}


def test_window_and_coarser_places_link() -> None:
    linker = link_records([
        record("minsk", date="2020-08-16"),
        record("next night", date=f"2020-08-{16 + DATE_WINDOW_DAYS}"),  # within the window
        record("belarus", date="2020-08-16", place=None),  # the country agrees at its precision
    ])
    assert clusters(linker) == {frozenset({"minsk", "next night", "belarus"})}


def test_type_alone_is_not_enough_evidence() -> None:
    linker = link_records([record("a", place=None, country=None), record("b", place=None, country=None)])
    assert len(linker.events) == 2


def test_ids_come_from_the_first_mention_and_survive_new_members() -> None:
    linker = link_records([record("a", date="2020-08-16")])
    (event_id,) = linker.events
    assert linker.link(record("b", date="2020-08-16")) == event_id
    assert linker.link(record("a", date="2020-08-16")) == event_id  # linking again changes nothing
    restored = EventLinker()
    restored.restore(record("a", date="2020-08-16"), event_id)
    assert restored.link(record("c", date="2020-08-16")) == event_id


def test_blocking_finds_candidates_across_week_buckets() -> None:
    # Sunday 2020-08-16 and Monday 2020-08-17 fall in different ISO-week buckets.
    linker = link_records([record("sun", date="2020-08-16"), record("mon", date="2020-08-17")])
    assert len(linker.events) == 1


def test_intervals_and_agreement() -> None:
    week = interval("2020-W34", "week")
    assert week is not None and week.last - week.first == 6
    month = interval("2020-02", "month")
    assert month is not None and month.last - month.first == 28
    assert interval("2020-08-15/2020-08-16", "week") is not None
    assert interval("nonsense", "day") is None
    assert agree((7_000, 7_000), (7_000, float("inf")))
    assert not agree((100_000, 100_000), (200_000, 200_000))


def test_a_mention_that_fits_one_member_but_not_the_rest_does_not_join() -> None:
    # "c" shares the crowd figure with "b" alone: the event of a and b (same actor) does
    # not take it on that single fit, as single linkage would.
    linker = link_records([
        record("a", date="2020-08-16", actors=frozenset({"ent-x"})),
        record("b", date="2020-08-17", guessed=True, weak=True, participants=(5_000, 5_000), actors=frozenset({"ent-x"})),
        record("c", date="2020-08-17", guessed=True, weak=True, participants=(5_000, 5_000)),
    ])
    assert clusters(linker) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_guessed_dates_and_countries_are_no_evidence() -> None:
    # Two mentions dated only by their publication week, placed only by their country.
    linker = link_records([
        record("a", date="2020-08-17", guessed=True, place=None, weak=True),
        record("b", date="2020-08-17", guessed=True, place=None, weak=True),
    ])
    assert len(linker.events) == 2


def test_generic_mentions_never_make_or_join_events() -> None:
    linker = link_records([
        record("act", date="2020-08-16"),
        record("generic", date="2020-08-16", specificity="generic"),
        record("background", date="2020-08-16", specificity="background"),
    ])
    assert clusters(linker) == {frozenset({"act"}), frozenset({"generic"}), frozenset({"background"})}
    assert [e.specific for e in linker.events.values()] == [True, False, False]


def test_a_headline_joins_its_articles_lead_event() -> None:
    linker = link_records([
        record("headline", article="one", specificity="headline", place=None),
        record("march", article="one", date="2020-08-16"),
        record("rally", article="one", date="2020-08-16", mode="march", place=HRODNA),
        record("again", article="one", date="2020-08-16", actors=frozenset({"ent-x"})),
    ])
    lead = linker.events[linker.event_of["march"]]
    assert linker.event_of["headline"] == lead.id and "again" in lead.members
    assert linker.event_of["rally"] != lead.id


def test_a_definite_reference_joins_the_closest_earlier_event_of_its_kind_and_adds_no_evidence() -> None:
    from dataclasses import replace

    def at(r: MentionRecord, n: int, anaphoric: bool = False) -> MentionRecord:
        return replace(r, order=("", r.article_id, n), anaphoric=anaphoric)

    linker = link_records([
        at(record("first march", article="one", date="2020-08-16", mode="march"), 1),
        at(record("second march", article="one", date="2020-08-18", mode="march", place=HRODNA), 2),
        at(record("the march", article="one", place=None, weak=True, mode="march"), 3, anaphoric=True),
        at(record("the strike", article="one", place=None, weak=True, mode="strike"), 4, anaphoric=True),
    ])
    second = linker.events[linker.event_of["second march"]]
    assert linker.event_of["the march"] == second.id
    assert [m.id for m in second.sample] == ["second march"]  # members, but no evidence
    assert linker.event_of["the strike"] not in {second.id, linker.event_of["first march"]}


def test_reports_of_a_strike_over_days_meet_in_one_episode() -> None:
    strike = {"mode": "strike", "actors": frozenset({"ent-union"})}
    linker = link_records([
        record("since friday", date="2020-08-14", **strike),
        record("fifth day", date="2020-08-17", **strike),
        record("continues", date="2020-08-20", **strike),
        record("next month", date="2020-09-20", **strike),
    ])
    assert clusters(linker) == {frozenset({"since friday", "fifth day", "continues"}), frozenset({"next month"})}
    episode = linker.events[linker.event_of["since friday"]]
    assert episode.durative and (episode.span_first, episode.span_last) == (
        interval("2020-08-14", "day").first, interval("2020-08-20", "day").first,  # type: ignore[union-attr]
    )


def test_a_march_of_the_strikers_is_part_of_the_strike_not_the_strike() -> None:
    strike = {"mode": "strike", "actors": frozenset({"ent-union"}), "article": "report"}
    linker = link_records([
        record("strike", date="2020-08-14", **strike),
        record("strike on", date="2020-08-16", **strike),
        record("march", date="2020-08-17", mode="march", article="report"),
        record("march elsewhere", date="2020-08-17", mode="march", place=HRODNA),
    ])
    members = episode_members(linker.events)
    strike_id = linker.event_of["strike"]
    assert linker.event_of["march"] != strike_id
    assert members == {linker.event_of["march"]: strike_id}
