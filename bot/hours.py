"""Opening hours: open or closed at a moment, when it closes, when it next opens.

Hours are OSM opening_hours expressions (https://wiki.openstreetmap.org/wiki/Key:opening_hours),
evaluated by opening-hours-py with the Norwegian public-holiday calendar (country="NO", so
"PH off" closes on langfredag, 17. mai, 2. pinsedag, ...; julaften and nyttårsaften are not
public holidays) in Europe/Oslo. The host timezone never matters: every moment is converted
to UTC before it reaches the library, and answers come back in Europe/Oslo.

The special value "unknown" means no source gives the hours.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Iterator, Optional
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, State

from bot.clock import OSLO, to_oslo

UNKNOWN = "unknown"
UTC = ZoneInfo("UTC")  # the library wants ZoneInfo objects, not datetime.timezone
# A place that does not close within this window is described as "døgnåpen".
ALWAYS_OPEN_HORIZON = timedelta(days=14)
# How far ahead to look for the next opening (covers long holiday closures).
SEARCH_HORIZON = timedelta(days=60)


class HoursError(ValueError):
    """An opening-hours expression that cannot be parsed."""


@dataclass(frozen=True)
class HoursStatus:
    state: str  # "open" | "closed" | "unknown"
    at: datetime  # the moment asked about, Europe/Oslo
    closes_at: Optional[datetime] = None  # when open: the next closing (None if always open)
    next_open: Optional[datetime] = None  # when closed: the next opening (None if none found)
    always_open: bool = False  # open and not closing within ALWAYS_OPEN_HORIZON

    @property
    def is_open(self) -> bool:
        return self.state == "open"


@lru_cache(maxsize=256)
def parse_hours(expression: str) -> OpeningHours:
    """Parse and cache an expression; raise HoursError if it is not valid."""
    try:
        return OpeningHours(expression, timezone=OSLO, country="NO")
    except Exception as err:  # the library raises its own ParserError/SyntaxError
        raise HoursError(f"unparsable opening hours {expression!r}: {str(err).splitlines()[0]}") from err


def hours_problem(expression) -> Optional[str]:
    """A short description of what is wrong with an expression, or None if it is fine."""
    if not isinstance(expression, str) or not expression.strip():
        return "hours must be a non-empty string"
    if expression == UNKNOWN:
        return None
    try:
        parse_hours(expression)
    except HoursError as err:
        return str(err)
    return None


def _merged(expression: str, start: datetime, end: datetime) -> Iterator[tuple]:
    """(start, end, state) triples from the library, in UTC, merged by state, read lazily."""
    current = None
    for begin, finish, state, _comment in parse_hours(expression).intervals(start.astimezone(UTC),
                                                                            end.astimezone(UTC)):
        finish = finish or end
        if current and current[2] == state:
            current = (current[0], finish, state)
            continue
        if current:
            yield current
        current = (begin, finish, state)
    if current:
        yield current


def _intervals(expression: str, start: datetime, end: datetime):
    """(start, end, state) triples from the library, in Oslo time, merged by state."""
    return [(to_oslo(b), to_oslo(f), s) for b, f, s in _merged(expression, start, end)]


def status_at(expression: str, at: datetime) -> HoursStatus:
    """Whether the hours are open at `at`, when they close, and when they next open."""
    at = to_oslo(at)
    if expression == UNKNOWN:
        return HoursStatus(state="unknown", at=at)
    # Only the stretch now and the next opening matter: read the library's intervals lazily
    # instead of converting 60 days of them on every turn.
    stretches = _merged(expression, at, at + SEARCH_HORIZON)
    first = next(stretches, None)
    if first is None or first[2] == State.UNKNOWN:
        return HoursStatus(state="unknown", at=at)
    first_end, first_state = to_oslo(first[1]), first[2]
    if first_state == State.OPEN:
        closes = first_end if first_end < at + ALWAYS_OPEN_HORIZON else None
        return HoursStatus(state="open", at=at, closes_at=closes, always_open=closes is None)
    next_open = next((b for b, _, s in stretches if s == State.OPEN), None)
    return HoursStatus(state="closed", at=at, next_open=to_oslo(next_open) if next_open else None)


def is_open(expression: str, at: datetime) -> bool:
    return status_at(expression, at).is_open


def open_periods(expression: str, start: datetime, end: datetime):
    """[(opens, closes), ...] within start..end (clipped), for whole-day or night questions."""
    if expression == UNKNOWN:
        return []
    start, end = to_oslo(start), to_oslo(end)
    return [(max(b, start), min(f, end)) for b, f, s in _intervals(expression, start, end) if s == State.OPEN]
