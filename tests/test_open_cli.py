"""`python -m bot open --json` agrees with the catalogue (langfredag 2026 as the fixed moment)."""
import json
import os
import subprocess
import sys

import pytest

from bot import ROOT
from bot.catalogue import load_catalogue
from bot.clock import parse_moment
from bot.cli import main
from bot.hours import status_at
from bot.open_now import LIVE_TYPES

LANGFREDAG = "2026-04-03T12:00"


def run_json(capsys, *args):
    assert main(["open", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_agrees_with_catalogue(capsys):
    payload = run_json(capsys, "--at", LANGFREDAG)
    assert payload["at"] == "2026-04-03T12:00:00+02:00"
    moment = parse_moment(LANGFREDAG)
    catalogue = load_catalogue()
    expected = {(s.id, c.type, c.value) for s in catalogue.offerable() if s.kind != "rusakutt"
                for c in s.channels if c.type in LIVE_TYPES}
    assert {(e["id"], e["channel"], e["value"]) for e in payload["services"]} == expected
    for entry in payload["services"]:
        channel = next(c for c in catalogue.get(entry["id"]).channels
                       if (c.type, c.value) == (entry["channel"], entry["value"]))
        status = status_at(channel.hours, moment)
        assert entry["open"] == status.is_open
        assert entry["closes_at"] == (status.closes_at.isoformat() if status.closes_at else None)
        assert entry["next_open"] == (status.next_open.isoformat() if status.next_open else None)


def test_langfredag_facts(capsys):
    services = run_json(capsys, "--at", LANGFREDAG)["services"]
    by_key = {(e["id"], e["channel"], e["value"]): e for e in services}
    rusinfo = by_key[("rusinfo", "phone", "915 08 588")]
    assert (rusinfo["open"], rusinfo["next_open"]) == (False, "2026-04-07T11:00:00+02:00")
    assert by_key[("ivareta-parorendetelefonen", "phone", "800 40 567")]["next_open"] == "2026-04-07T09:00:00+02:00"
    assert by_key[("medisinsk-nodtelefon-113", "phone", "113")]["open"] is True
    assert by_key[("alarmtelefonen-116111", "chat", "https://www.116111.no")]["next_open"] == "2026-04-03T16:15:00+02:00"
    opens = [e["open"] for e in services]
    assert opens == sorted(opens, reverse=True)  # open ones first


@pytest.mark.parametrize("audience", ["user", "relative", "child"])
def test_audience_filter(capsys, audience):
    payload = run_json(capsys, "--at", LANGFREDAG, "--audience", audience)
    catalogue = load_catalogue()
    assert payload["services"]
    assert all(audience in catalogue.get(e["id"]).audiences for e in payload["services"])
    assert any(e["always_open"] for e in payload["services"])


def test_losen_now_is_the_default_moment(capsys, monkeypatch):
    monkeypatch.setenv("LOSEN_NOW", LANGFREDAG)
    assert run_json(capsys)["at"] == "2026-04-03T12:00:00+02:00"


def test_text_output(capsys):
    assert main(["open", "--at", LANGFREDAG, "--audience", "relative"]) == 0
    out = capsys.readouterr().out
    assert "RUSinfo, telefon 915 08 588: stengt nå – åpner igjen tirsdag kl. 11.00" in out
    assert "ring og sjekk" in out


def test_cli_in_other_host_timezones_gives_the_same_json():
    outputs = []
    for tz in ("UTC", "America/New_York"):
        env = {**os.environ, "TZ": tz}
        env.pop("LOSEN_NOW", None)
        done = subprocess.run([sys.executable, "-m", "bot", "open", "--at", LANGFREDAG, "--json"],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
