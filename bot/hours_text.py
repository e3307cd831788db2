"""Norwegian status lines for opening hours: "åpen nå, stenger kl. 18.00", "døgnåpen",
"stengt nå – åpner igjen i morgen kl. 11.00".

A line whose facts are old, low-confidence or unverified ends with "*", and the answer carries
ONE note for all of them (freshness_note / with_freshness_note: "Tider merket * er ikke bekreftet
nylig – ring og sjekk.") instead of a caution on every line, which buried the numbers. A "24/7"
that is not confirmed (confidence low or unverified) is never called "døgnåpen".

All words come from data/phrases/hours.yml; this module only chooses and fills them.
"""
from datetime import date, datetime, timedelta
from typing import Iterable, Optional

from bot import clock
from bot.catalogue_sources import parse_checked
from bot.hours import HoursStatus, status_at
from bot.phrases import phrase

STALE_AFTER = timedelta(days=365)
# National emergency numbers: telling someone to "ring og sjekk" 113 would be absurd.
NO_CAUTION_KINDS = {"emergency", "legevakt"}
NOW_TOLERANCE = timedelta(minutes=5)


def clock_time(moment: datetime) -> str:
    return phrase("hours.time", hour=moment.hour, minute=moment.minute)


def weekday_name(day: date) -> str:
    return phrase("hours.weekdays")[day.weekday()]


def day_words(moment: datetime, reference: datetime) -> str:
    """ "i dag ", "i morgen ", "i natt ", "mandag " or "mandag 6. april " relative to reference."""
    days = (moment.date() - reference.date()).days
    if days == 0:
        return phrase("hours.today")
    if days == 1 and moment.hour < 6:
        return phrase("hours.tonight_late")
    if days == 1:
        return phrase("hours.tomorrow")
    if days < 7:
        return phrase("hours.weekday", weekday=weekday_name(moment.date()))
    month = phrase("hours.months")[moment.month - 1]
    return phrase("hours.weekday_date", weekday=weekday_name(moment.date()), day=moment.day, month=month)


def _when_word(at: datetime, now: Optional[datetime]) -> str:
    now = now or clock.now()
    return phrase("hours.now") if abs(at - now) <= NOW_TOLERANCE else phrase("hours.then")


def status_text(status: HoursStatus, now: Optional[datetime] = None) -> str:
    """One status fragment for a computed HoursStatus (no capital letter, no full stop)."""
    when = _when_word(status.at, now)
    if status.state == "unknown":
        return phrase("hours.unknown")
    if status.state == "open":
        if status.always_open:
            return phrase("hours.always_open")
        day = day_words(status.closes_at, status.at) if status.closes_at.date() != status.at.date() else ""
        return phrase("hours.open_until", when=when, day=day, time=clock_time(status.closes_at))
    if status.next_open is None:
        return phrase("hours.closed_no_next", when=when)
    day = day_words(status.next_open, status.at)
    return phrase("hours.closed_opens", when=when, day=day, time=clock_time(status.next_open))


def checked_text(checked) -> Optional[str]:
    """ "8. oktober 2026", "november 2021", "i 2018", or None when undated."""
    text = str(checked)
    if parse_checked(text) is None:
        return None
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return phrase("hours.checked_year", year=year)
    month = phrase("hours.months")[int(parts[1]) - 1]
    if len(parts) == 2:
        return phrase("hours.checked_month", month=month, year=year)
    return phrase("hours.checked_day", day=int(parts[2]), month=month, year=year)


def needs_check(channel, kind: str, at: datetime) -> bool:
    """Low or unverified confidence, older than 12 months, or undated (not national emergency numbers)."""
    if kind in NO_CAUTION_KINDS:
        return False
    if channel.confidence != "high":
        return True
    checked = parse_checked(channel.checked)
    return checked is None or at.date() - checked > STALE_AFTER


def channel_status_text(channel, kind: str, status: HoursStatus, now: Optional[datetime] = None) -> str:
    """status_text, but an unconfirmed "24/7" is "oppgitt å være åpen hele døgnet", never "døgnåpen"."""
    if status.always_open and channel.confidence != "high" and kind not in NO_CAUTION_KINDS:
        return phrase("hours.always_open_unconfirmed")
    return status_text(status, now)


def channel_line(service, channel, at: datetime, now: Optional[datetime] = None) -> str:
    """ "RUSinfo, telefon 915 08 588: stengt nå – åpner igjen tirsdag kl. 11.00*" ("*": see freshness_note)."""
    status = status_at(channel.hours, at)
    shown = channel_status_text(channel, service.kind, status, now)
    if needs_check(channel, service.kind, status.at):
        shown += phrase("hours.unconfirmed_mark")
    if channel.value in service.name:  # "Legevakt 116 117, telefon 116 117" says the number twice
        return phrase("hours.channel_line_named", name=service.name, status=shown)
    return phrase("hours.channel_line", name=service.name, type=phrase(f"hours.channel_types.{channel.type}"),
                  value=channel.value, status=shown)


def freshness_note(lines: Iterable[str]) -> Optional[str]:
    """The one note an answer needs when any of its lines carries the "*" mark, else None."""
    mark = phrase("hours.unconfirmed_mark")
    return phrase("hours.freshness_note") if any(mark in line for line in lines) else None


def with_freshness_note(lines: Iterable[str], bullet: str = "") -> str:
    """Lines joined for one answer, followed by the freshness note once if any line needs it."""
    lines = list(lines)
    note = freshness_note(lines)
    return "\n".join([bullet + line for line in lines] + ([note] if note else []))
