"""A strike reported over days by three outlets in two languages: one episode, with the
strikers' march inside it (texts written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

from kronika.store import Store
from kronika.store.links import EventFilter
from tests.conftest import cli

REPORTS = [
    {"id": "ep-1", "language": "nl", "published": "2025-03-18", "source": "Dagblad Zuid",
     "text": "Staking bij staalfabriek\n\nDe werknemers van de staalfabriek in Eindhoven staken sinds vrijdag. "
             "Maandag trokken de stakers door het centrum van Eindhoven naar het stadhuis."},
    {"id": "ep-2", "language": "en", "published": "2025-03-18", "source": "The Lowland Post",
     "text": "Steel strike enters fifth day\n\nThe strike by 900 workers at the steel plant in Eindhoven entered "
             "its fifth day on Tuesday. On Monday the strikers marched through Eindhoven to the town hall."},
    {"id": "ep-3", "language": "en", "published": "2025-03-21", "source": "Metro Courier",
     "text": "Eindhoven strike continues\n\nThe strike at the steel plant in Eindhoven continued on Friday."},
]


def test_reports_of_a_strike_over_days_are_one_episode_with_its_march_inside(tmp_path: Path) -> None:
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in REPORTS), encoding="utf-8")
    db = tmp_path / "k.db"
    assert cli("run", str(source), "--db", str(db)).exit_code == 0
    with Store(db) as store:
        events = list(store.links.events(EventFilter()))
        strikes = [e for e in events if e.mode == "strike"]
        marches = [e for e in events if e.mode == "march"]
        assert len(strikes) == 1 and len(marches) == 1, [(e.mode, e.date, e.articles) for e in events]
        strike, march = strikes[0], marches[0]
        # "since Friday", "entered its fifth day on Tuesday", "continued on Friday": one strike
        assert strike.articles == ["ep-1", "ep-2", "ep-3"] and strike.episode is not None
        assert strike.date == "2025-03-14/2025-03-21"
        assert (strike.episode.start, strike.episode.ongoing_as_of) == ("2025-03-14", "2025-03-21")
        assert any(c.field == "start" and c.article_id == "ep-1" for c in strike.claims)
        assert strike.episode.events == [march.id] and march.episode_id == strike.id
        assert march.date == "2025-03-17" and set(march.languages) == {"en", "nl"}
        inside = [e.id for e in store.links.events(EventFilter(episode=strike.id))]
        assert inside == [march.id]
    shown = cli("events", "--db", str(db), "--episode", strike.id)
    assert march.id in shown.output
