"""Losen's clock: one place that says what time it is, in Europe/Oslo.

Environment variable LOSEN_NOW (ISO-8601, e.g. "2026-04-03T12:00" or
"2026-04-03T10:00+00:00") fixes the clock for demos and tests. A value without an
offset is read as Oslo wall time. Unset or empty: the real time.
"""
import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
ENV_VAR = "LOSEN_NOW"


def to_oslo(moment: datetime) -> datetime:
    """Any datetime as an aware Europe/Oslo datetime; naive input is Oslo wall time.

    Going through UTC also normalises wall times that do not exist (the skipped hour on
    the spring DST night), which opening_hours would otherwise reject.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=OSLO)
    return moment.astimezone(timezone.utc).astimezone(OSLO)


def parse_moment(text: str) -> datetime:
    """Parse an ISO-8601 string (a date alone means midnight) into Oslo time."""
    text = text.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return to_oslo(datetime.fromisoformat(text))


def now() -> datetime:
    """The current moment in Europe/Oslo, or LOSEN_NOW when it is set."""
    fixed = os.environ.get(ENV_VAR, "").strip()
    if fixed:
        return parse_moment(fixed)
    return datetime.now(timezone.utc).astimezone(OSLO)
