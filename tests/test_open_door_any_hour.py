"""An acute answer always names the door that is always open (legevakt 116 117), at any hour of
the week and on holidays: the product holds it, not the moment the test happens to run."""
from datetime import datetime, timedelta

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis import ActionCrisisResponse
from bot import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
# Every 3 hours through an ordinary week (starting Monday 2026-11-16), and named moments.
WEEK = [(datetime(2026, 11, 16) + timedelta(hours=h)).isoformat(timespec="minutes") for h in range(0, 168, 3)]
NAMED = ["2026-04-03T12:00", "2026-12-24T23:30", "2026-12-31T23:45", "2026-05-17T04:00", "2026-11-23T13:05"]


def crisis_answer(text: str, audience: str, moment: str, monkeypatch) -> str:
    monkeypatch.setenv("LOSEN_NOW", moment)
    latest = {"text": text, "intent": {"name": "crisis", "confidence": 0.9},
              "intent_ranking": [{"name": "crisis", "confidence": 0.9}], "entities": []}
    dispatcher = CollectingDispatcher()
    ActionCrisisResponse().run(dispatcher, Tracker("t", {"audience": audience}, latest, [], False, None, {},
                                                   "action_listen"), DOMAIN)
    return "\n".join(str(v) for m in dispatcher.messages for v in m.values() if isinstance(v, str))


@pytest.mark.parametrize("moment", WEEK + NAMED)
@pytest.mark.parametrize("audience", ["user", "relative", "child"])
def test_acute_answer_names_116_117_at_every_moment(moment, audience, monkeypatch):
    assert "116 117" in crisis_answer("det er krise nå", audience, moment, monkeypatch)
