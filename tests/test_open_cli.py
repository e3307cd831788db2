"""`python -m bot open` at fixed moments, against answers written by hand from the sources in
data/services.yml (not recomputed with the code the CLI uses).

Langfredag 3 April 2026 12:00 is a public holiday; 2. påskedag is Monday 6 April.
"""
import json
import os
import subprocess
import sys

import pytest

from bot import ROOT
from bot.catalogue import load_catalogue
from bot.cli import main

LANGFREDAG = "2026-04-03T12:00"

# For pårørende at langfredag 12:00: every live channel (phone, sms, chat, visit) of the services
# Losen offers them, with open/closed and the next change, from each service's source:
#   113, 112, 116 117: round the clock; 02800: no hours in any source.
#   Giftinformasjonen, 116 123, Kirkens SOS phone, 116 111 phone and abroad: round the clock (old sources).
#   RUSinfo: Mon-Fri 11-14.30 and 15-18, holidays closed -> Tuesday 7 April 11.00.
#   Ivareta: weekdays 09-15 (Tue also 18-21), holidays closed -> Tuesday 09.00.
#   Kirkens SOS chat: Friday 18.30-01.30 (no holiday rule in the source) -> 18.30 today.
#   BARsnakk: Mon-Thu 17-20, no holiday rule -> Monday 6 April 17.00.
#   116 111 chat and SMS: Friday 16.15-22.45 -> 16.15 today.
#   Dopingkontakten phone: Tue-Fri 11-18, holidays closed -> Tuesday 11.00.
#   Sidetmedord: no current hours.
RELATIVE_LANGFREDAG = {
    ("medisinsk-nodtelefon-113", "phone", "113"): ("open", None),
    ("politi-112", "phone", "112"): ("open", None),
    ("politi-112", "phone", "02800"): ("unknown", None),
    ("legevakt-116117", "phone", "116 117"): ("open", None),
    ("giftinformasjonen", "phone", "22 59 13 00"): ("open", None),
    ("rusinfo", "phone", "915 08 588"): ("closed", "2026-04-07T11:00:00+02:00"),
    ("rusinfo", "chat", "https://rusinfo.no/"): ("closed", "2026-04-07T11:00:00+02:00"),
    ("mental-helse-hjelpetelefonen", "phone", "116 123"): ("open", None),
    ("sidetmedord-chat", "chat", "https://sidetmedord.no"): ("unknown", None),
    ("kirkens-sos", "phone", "22 40 00 40"): ("open", None),
    ("kirkens-sos", "chat", "https://www.soschat.no"): ("closed", "2026-04-03T18:30:00+02:00"),
    ("ivareta-parorendetelefonen", "phone", "800 40 567"): ("closed", "2026-04-07T09:00:00+02:00"),
    ("bar-barsnakk", "chat", "https://barsnakk.no"): ("closed", "2026-04-06T17:00:00+02:00"),
    ("alarmtelefonen-116111", "phone", "116 111"): ("open", None),
    ("alarmtelefonen-116111", "chat", "https://www.116111.no"): ("closed", "2026-04-03T16:15:00+02:00"),
    ("alarmtelefonen-116111", "sms", "41 71 61 11"): ("closed", "2026-04-03T16:15:00+02:00"),
    ("alarmtelefonen-116111", "phone", "+47 95 41 17 55"): ("open", None),
    ("dopingkontakten", "phone", "800 50 200"): ("closed", "2026-04-07T11:00:00+02:00"),
}


def run_json(capsys, *args):
    assert main(["open", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_langfredag_for_relatives_matches_the_sources(capsys):
    payload = run_json(capsys, "--at", LANGFREDAG, "--audience", "relative")
    assert payload["at"] == "2026-04-03T12:00:00+02:00"
    got = {(e["id"], e["channel"], e["value"]): (e["state"], e["next_open"]) for e in payload["services"]}
    assert got == RELATIVE_LANGFREDAG


def test_langfredag_order_and_freshness_flags(capsys):
    services = run_json(capsys, "--at", LANGFREDAG)["services"]
    states = [e["state"] for e in services]
    assert states == sorted(states, key=["open", "closed", "unknown"].index)  # open first
    by_key = {(e["id"], e["value"]): e for e in services}
    assert by_key[("medisinsk-nodtelefon-113", "113")]["unconfirmed"] is False
    assert by_key[("mental-helse-hjelpetelefonen", "116 123")]["unconfirmed"] is True  # 24/7 only on old sources
    assert by_key[("rusinfo", "915 08 588")]["unconfirmed"] is True  # secondary source


@pytest.mark.parametrize("audience", ["user", "relative", "child"])
def test_audience_filter(capsys, audience):
    payload = run_json(capsys, "--at", LANGFREDAG, "--audience", audience)
    catalogue = load_catalogue()
    assert payload["services"]
    assert all(audience in catalogue.get(e["id"]).audiences for e in payload["services"])
    assert {"113", "116 117"} <= {e["value"] for e in payload["services"] if e["always_open"]}


def test_losen_now_is_the_default_moment(capsys, monkeypatch):
    monkeypatch.setenv("LOSEN_NOW", LANGFREDAG)
    assert run_json(capsys)["at"] == "2026-04-03T12:00:00+02:00"


def test_text_output_marks_unconfirmed_lines_and_explains_once(capsys):
    assert main(["open", "--at", LANGFREDAG, "--audience", "relative"]) == 0
    out = capsys.readouterr().out
    assert "RUSinfo, telefon 915 08 588: stengt nå – åpner igjen tirsdag kl. 11.00*" in out
    assert "Legevakt 116 117: døgnåpen\n" in out  # national numbers carry no mark
    assert "Mental Helse Hjelpetelefonen, telefon 116 123: oppgitt å være åpen hele døgnet*" in out
    assert "116 123: døgnåpen" not in out
    assert "sist sjekket" not in out  # no caution on every line any more


def test_cli_in_other_host_timezones_gives_the_same_json():
    outputs = []
    for tz in ("UTC", "America/New_York"):
        env = {**os.environ, "TZ": tz}
        env.pop("LOSEN_NOW", None)
        done = subprocess.run([sys.executable, "-m", "bot", "open", "--at", LANGFREDAG, "--json"],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
