"""Norwegian time expressions, read at fixed moments (Thursday 26 March 2026 15:00 unless noted)."""
import pytest

from bot.clock import parse_moment
from bot.when import parse_when

NOW = parse_moment("2026-03-26T15:00")  # Thursday, the week before Easter 2026 (Easter Sunday 5 April)


@pytest.mark.parametrize("text,kind,at_iso", [
    ("er dere åpne nå?", "now", "2026-03-26T15:00:00+01:00"),
    ("i natt", "night", "2026-03-26T22:00:00+01:00"),
    ("i kveld", "evening", "2026-03-26T18:00:00+01:00"),
    ("i morgen", "day", "2026-03-27T00:00:00+01:00"),
    ("i morgen kl 14", "moment", "2026-03-27T14:00:00+01:00"),
    ("på søndag", "day", "2026-03-29T00:00:00+01:00"),
    ("neste fredag", "day", "2026-04-03T00:00:00+02:00"),
    ("fredag", "day", "2026-03-27T00:00:00+01:00"),
    ("søndag kl 14", "moment", "2026-03-29T14:00:00+02:00"),  # after the DST change
    ("om to timer", "moment", "2026-03-26T17:00:00+01:00"),
    ("om en halvtime", "moment", "2026-03-26T15:30:00+01:00"),
    ("om 20 minutter", "moment", "2026-03-26T15:20:00+01:00"),
    ("kl 02", "moment", "2026-03-27T02:00:00+01:00"),          # already passed today -> tonight
    ("klokka 17.30", "moment", "2026-03-26T17:30:00+01:00"),
    ("i natt kl 02", "moment", "2026-03-27T02:00:00+01:00"),
    ("i kveld kl 9", "moment", "2026-03-26T21:00:00+01:00"),
    ("25. desember", "day", "2026-12-25T00:00:00+01:00"),
    ("25.12", "day", "2026-12-25T00:00:00+01:00"),
    ("julaften", "day", "2026-12-24T00:00:00+01:00"),
    ("1. juledag", "day", "2026-12-25T00:00:00+01:00"),
    ("nyttårsaften", "day", "2026-12-31T00:00:00+01:00"),
    ("påsken", "span", "2026-04-02T00:00:00+02:00"),
    ("skjærtorsdag", "day", "2026-04-02T00:00:00+02:00"),
    ("langfredag", "day", "2026-04-03T00:00:00+02:00"),
    ("2. påskedag", "day", "2026-04-06T00:00:00+02:00"),
    ("17. mai", "day", "2026-05-17T00:00:00+02:00"),
    ("1. mai", "day", "2026-05-01T00:00:00+02:00"),
    ("1.mai", "day", "2026-05-01T00:00:00+02:00"),
    ("kristi himmelfartsdag", "day", "2026-05-14T00:00:00+02:00"),
    ("pinse", "day", "2026-05-24T00:00:00+02:00"),
    ("2. pinsedag", "day", "2026-05-25T00:00:00+02:00"),
    ("andre pinsedag", "day", "2026-05-25T00:00:00+02:00"),
    ("er rusinfo åpen julaften kl 12?", "moment", "2026-12-24T12:00:00+01:00"),
])
def test_parse_when(text, kind, at_iso):
    when = parse_when(text, NOW)
    assert when is not None, text
    assert (when.kind, when.at.isoformat()) == (kind, at_iso)


def test_no_time_words():
    assert parse_when("hei, jeg trenger hjelp", NOW) is None
    assert parse_when("i morges drakk jeg", NOW) is None  # "i morges" is the past, not "i morgen"


def test_spans_and_flags():
    easter = parse_when("påsken", NOW)
    assert easter.whole_day and easter.end.isoformat() == "2026-04-07T00:00:00+02:00"
    night = parse_when("i natt", NOW)
    assert night.is_night and night.end.isoformat() == "2026-03-27T06:00:00+01:00"
    assert not parse_when("kl 14", NOW).whole_day


def test_today_as_a_day_starts_now():
    when = parse_when("i dag", NOW)
    assert when.kind == "day" and when.at == NOW and when.start.isoformat() == "2026-03-26T00:00:00+01:00"


def test_inside_the_night_means_now():
    late = parse_moment("2026-03-27T01:30")
    when = parse_when("i natt", late)
    assert when.at == late and when.start.isoformat() == "2026-03-26T22:00:00+01:00"


def test_holidays_that_have_passed_mean_next_year():
    after = parse_moment("2026-12-27T10:00")
    assert parse_when("julaften", after).at.isoformat() == "2027-12-24T00:00:00+01:00"
    assert parse_when("påsken", after).start.isoformat() == "2027-03-25T00:00:00+01:00"  # Easter 2027: 28 March
    assert parse_when("nyttårsaften", after).at.isoformat() == "2026-12-31T00:00:00+01:00"


def test_relative_time_across_dst_counts_real_hours():
    # 01:30 CET + 2 real hours = 04:30 CEST (the clock skips 02:00-03:00)
    when = parse_when("om to timer", parse_moment("2026-03-29T01:30"))
    assert when.at.isoformat() == "2026-03-29T04:30:00+02:00"
    when = parse_when("om to timer", parse_moment("2026-10-25T01:30"))
    assert when.at.isoformat() == "2026-10-25T02:30:00+01:00"  # the second 02:30
