"""Opening hours at fixed moments: weekdays, weekend nights, RUSinfo's 14:30-15:00 break,
the DST nights of 29 March and 25 October 2026, Easter 2026, May holidays, Christmas and New
Year's Eve; the Norwegian status lines; host-timezone independence; LOSEN_NOW."""
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from bot import ROOT, clock
from bot.catalogue import load_catalogue
from bot.clock import parse_moment
from bot.hours import HoursError, hours_problem, open_periods, parse_hours, status_at
from bot.hours_text import channel_line, freshness_note, needs_check, status_text, with_freshness_note
from bot.open_now import service_status, services_open

RUSINFO = "Mo-Fr 11:00-14:30,15:00-18:00; PH off"
SOS_CHAT = "Mo-We 18:30-22:30, Th-Fr 18:30-01:30, Sa-Su 14:30-01:30"  # "," keeps the after-midnight tails
EVERY_DAY = "Mo-Su 10:00-12:00; PH off"


def at(text):
    return parse_moment(text)


def iso(moment):
    return moment.isoformat() if moment else None


@pytest.mark.parametrize("moment,state,closes,next_open", [
    ("2026-04-07T12:00", "open", "2026-04-07T14:30:00+02:00", None),        # Tuesday
    ("2026-04-07T14:45", "closed", None, "2026-04-07T15:00:00+02:00"),      # the break
    ("2026-04-07T15:00", "open", "2026-04-07T18:00:00+02:00", None),
    ("2026-04-07T18:30", "closed", None, "2026-04-08T11:00:00+02:00"),
    ("2026-04-11T02:00", "closed", None, "2026-04-13T11:00:00+02:00"),      # Saturday night
    ("2026-04-02T12:00", "closed", None, "2026-04-07T11:00:00+02:00"),      # skjærtorsdag
    ("2026-04-03T12:00", "closed", None, "2026-04-07T11:00:00+02:00"),      # langfredag
    ("2026-04-04T12:00", "closed", None, "2026-04-07T11:00:00+02:00"),      # påskeaften (Saturday)
    ("2026-04-05T12:00", "closed", None, "2026-04-07T11:00:00+02:00"),      # 1. påskedag
    ("2026-04-06T12:00", "closed", None, "2026-04-07T11:00:00+02:00"),      # 2. påskedag
    ("2026-05-01T12:00", "closed", None, "2026-05-04T11:00:00+02:00"),      # 1. mai (Friday)
    ("2026-05-14T12:00", "closed", None, "2026-05-15T11:00:00+02:00"),      # Kristi himmelfartsdag
    ("2026-05-25T12:00", "closed", None, "2026-05-26T11:00:00+02:00"),      # 2. pinsedag
    ("2026-12-24T12:00", "open", "2026-12-24T14:30:00+01:00", None),        # julaften is no PH
    ("2026-12-25T12:00", "closed", None, "2026-12-28T11:00:00+01:00"),      # 1. juledag
    ("2026-12-31T16:00", "open", "2026-12-31T18:00:00+01:00", None),        # nyttårsaften is no PH
    ("2027-01-01T12:00", "closed", None, "2027-01-04T11:00:00+01:00"),      # 1. nyttårsdag
])
def test_rusinfo_hours(moment, state, closes, next_open):
    status = status_at(RUSINFO, at(moment))
    assert (status.state, iso(status.closes_at), iso(status.next_open)) == (state, closes, next_open)


def test_17_mai_is_a_public_holiday():
    assert status_at(EVERY_DAY, at("2026-05-16T11:00")).is_open
    assert not status_at(EVERY_DAY, at("2026-05-17T11:00")).is_open  # Sunday 17 May 2026
    assert iso(status_at(EVERY_DAY, at("2026-05-17T11:00")).next_open) == "2026-05-18T10:00:00+02:00"


def test_spring_dst_night():
    # 29 March 2026: 02:00 CET jumps to 03:00 CEST. 02:30 does not exist; it is read as 03:30.
    assert at("2026-03-29T02:30").isoformat() == "2026-03-29T03:30:00+02:00"
    status = status_at(SOS_CHAT, at("2026-03-29T01:00"))  # Saturday evening chat runs past midnight
    assert status.is_open and iso(status.closes_at) == "2026-03-29T01:30:00+01:00"
    status = status_at(SOS_CHAT, at("2026-03-29T03:30"))
    assert not status.is_open and iso(status.next_open) == "2026-03-29T14:30:00+02:00"
    assert status_at("24/7", at("2026-03-29T02:30")).always_open


def test_autumn_dst_night():
    # 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)   # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)  # 02:30 CET, an hour later
    assert clock.to_oslo(first).utcoffset() == timedelta(hours=2)
    assert clock.to_oslo(second).utcoffset() == timedelta(hours=1)
    night = "Mo-Su 01:00-04:00"
    for moment in (first, second):
        status = status_at(night, moment)
        assert status.is_open and iso(status.closes_at) == "2026-10-25T04:00:00+01:00"
    status = status_at(SOS_CHAT, at("2026-10-25T01:00"))
    assert status.is_open and iso(status.closes_at) == "2026-10-25T01:30:00+02:00"
    assert not status_at(SOS_CHAT, second).is_open


def test_unknown_and_invalid_hours():
    assert status_at("unknown", at("2026-04-07T12:00")).state == "unknown"
    with pytest.raises(HoursError):
        parse_hours("Mo-Fr 25:00-99")
    assert "unparsable" in hours_problem("every weekday")
    assert hours_problem("24/7") is None


def test_open_periods_for_a_whole_day():
    periods = open_periods(RUSINFO, at("2026-04-07"), at("2026-04-08"))
    assert [(a.strftime("%H:%M"), b.strftime("%H:%M")) for a, b in periods] == [("11:00", "14:30"), ("15:00", "18:00")]
    assert open_periods(RUSINFO, at("2026-04-03"), at("2026-04-04")) == []


@pytest.mark.parametrize("moment,expected", [
    ("2026-04-07T12:00", "åpen nå, stenger kl. 14.30"),
    ("2026-04-07T15:30", "åpen nå, stenger kl. 18.00"),
    ("2026-04-07T14:45", "stengt nå – åpner igjen i dag kl. 15.00"),
    ("2026-04-07T19:00", "stengt nå – åpner igjen i morgen kl. 11.00"),
    ("2026-04-11T02:00", "stengt nå – åpner igjen mandag kl. 11.00"),
    ("2026-04-03T12:00", "stengt nå – åpner igjen tirsdag kl. 11.00"),
    ("2026-12-23T19:00", "stengt nå – åpner igjen i morgen kl. 11.00"),
])
def test_status_lines(moment, expected):
    now = at(moment)
    assert status_text(status_at(RUSINFO, now), now=now) == expected


def test_status_lines_around_the_clock_and_other_moments():
    now = at("2026-04-11T23:00")
    assert status_text(status_at("24/7", now), now=now) == "døgnåpen"
    assert status_text(status_at(SOS_CHAT, now), now=now) == "åpen nå, stenger i natt kl. 01.30"
    later = at("2026-04-07T12:00")
    assert status_text(status_at(RUSINFO, later), now=now) == "åpen da, stenger kl. 14.30"
    far = at("2026-04-20T19:00")  # Monday, more than a week from a Sunday-closed question
    assert status_text(status_at(RUSINFO, far), now=far) == "stengt nå – åpner igjen i morgen kl. 11.00"


def test_unconfirmed_lines_are_marked_and_explained_once():
    cat = load_catalogue()
    moment = at("2026-04-07T12:00")
    rusinfo = cat.get("rusinfo")  # secondary source (low confidence), checked 8 October 2026
    assert needs_check(rusinfo.channels[0], "helpline", moment)
    line = channel_line(rusinfo, rusinfo.channels[0], moment, now=moment)
    assert line == "RUSinfo, telefon 915 08 588: åpen nå, stenger kl. 14.30*"
    amk = cat.get("medisinsk-nodtelefon-113")
    assert not needs_check(amk.channels[0], amk.kind, moment)
    assert channel_line(amk, amk.channels[0], moment, now=moment) == "Medisinsk nødtelefon 113: døgnåpen"
    mh = cat.get("mental-helse-hjelpetelefonen")  # 24/7 only on sources from 2018-2023
    assert channel_line(mh, mh.channels[0], moment, now=moment) == \
        "Mental Helse Hjelpetelefonen, telefon 116 123: oppgitt å være åpen hele døgnet*"
    note = "Tider merket * er ikke bekreftet nylig – ring og sjekk."
    assert freshness_note(["Legevakt 116 117: døgnåpen"]) is None
    assert freshness_note(["a*", "b", "c*"]) == note
    text = with_freshness_note(["Legevakt 116 117: døgnåpen", "RUSinfo …*", "Kirkens SOS …*"], bullet="• ")
    assert text.count(note) == 1 and text.splitlines()[0] == "• Legevakt 116 117: døgnåpen"
    assert text.splitlines()[-1] == note


@pytest.mark.parametrize("audience", [None, "user", "relative", "child"])
@pytest.mark.parametrize("moment", ["2026-04-07T12:00", "2026-04-11T03:00", "2026-12-24T23:00", "2026-03-29T02:30"])
def test_services_open_always_has_a_24_7_entry_and_open_first(moment, audience):
    entries = services_open(at(moment), audience)
    assert any(e.status.always_open for e in entries)
    states = [e.status.state for e in entries]
    assert states == sorted(states, key=lambda s: {"open": 0, "closed": 1, "unknown": 2}[s])
    for entry in entries:
        assert entry.service.status == "active" and entry.service.kind != "rusakutt"
        assert audience is None or audience in entry.service.audiences


def test_services_open_includes_units_on_request():
    ids = {e.service.id for e in services_open(at("2026-04-07T12:00"), include_units=True)}
    assert "helse-bergen-akuttposten" in ids and "rogaland-a-senter-akutt" not in ids


@pytest.mark.parametrize("question,service_id", [
    ("er RUSinfo åpen nå?", "rusinfo"),
    ("er rustelefonen åpen", "rusinfo"),
    ("kan jeg ringe mental helse nå", "mental-helse-hjelpetelefonen"),
    ("er mental helse chat åpen", "sidetmedord-chat"),
    ("når åpner kirkens sos chatten", "kirkens-sos"),
    ("er bar åpen i kveld?", "bar-barsnakk"),
    ("barsnakk", "bar-barsnakk"),
    ("alarmtelefonen", "alarmtelefonen-116111"),
    ("rusinfo", "rusinfo"),
    ("er pårørendetelefonen åpen", "ivareta-parorendetelefonen"),
])
def test_service_status_by_name(question, service_id):
    answer = service_status(question, at("2026-04-07T12:00"))
    assert answer is not None and answer.service.id == service_id


def test_service_status_answers():
    answer = service_status("er rusinfo åpen nå?", at("2026-04-03T12:00"))
    assert not answer.is_open and iso(answer.entries[0].status.next_open) == "2026-04-07T11:00:00+02:00"
    assert service_status("er rusinfo åpen nå?", at("2026-04-07T12:00")).is_open
    assert service_status("jeg har det vondt med barna mine") is None  # "barna" is not "bar"
    closed = service_status("er rogaland a-senter åpent", at("2026-04-07T12:00"))
    assert closed.service.status == "closed" and not closed.service.offerable


def test_losen_now(monkeypatch):
    monkeypatch.setenv("LOSEN_NOW", "2026-04-03T12:00")
    assert clock.now().isoformat() == "2026-04-03T12:00:00+02:00"
    monkeypatch.setenv("LOSEN_NOW", "2026-10-25T00:30Z")
    assert clock.now().isoformat() == "2026-10-25T02:30:00+02:00"
    monkeypatch.delenv("LOSEN_NOW")
    assert abs(clock.now() - datetime.now(timezone.utc)) < timedelta(seconds=5)


SNIPPET = """
import json
from bot.clock import parse_moment, now
from bot.hours import status_at
out = []
for m in ["2026-04-07T14:45", "2026-03-29T02:30", "2026-10-25T01:00", "2026-12-24T12:00"]:
    s = status_at("Mo-Fr 11:00-14:30,15:00-18:00; PH off", parse_moment(m))
    c = status_at("Mo-We 18:30-22:30, Th-Fr 18:30-01:30, Sa-Su 14:30-01:30", parse_moment(m))
    out.append([s.state, str(s.closes_at), str(s.next_open), c.state, str(c.closes_at), str(c.next_open)])
out.append(now().isoformat())
print(json.dumps(out))
"""


def test_host_timezone_does_not_matter():
    results = []
    for tz in ("UTC", "America/New_York", "Asia/Tokyo"):
        env = {**os.environ, "TZ": tz, "LOSEN_NOW": "2026-04-03T12:00"}
        done = subprocess.run([sys.executable, "-c", SNIPPET], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    assert results[0] == results[1] == results[2]
    assert results[0][-1] == "2026-04-03T12:00:00+02:00"
