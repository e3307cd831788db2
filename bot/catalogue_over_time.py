"""The strict-load checks of data/services.yml that look at time (`python -m bot catalogue check --strict`).

Every opening-hours expression is evaluated at 15-minute steps over a sample week and the
Norwegian holiday weeks, and fails where a rule's after-midnight hours are cut off by a later
`;` rule ("Th-Fr 18:30-01:30; Sa-Su 14:30-01:30" loses Friday's 00:00-01:30 on Saturday, and the
library drops a Sunday tail on a Monday an earlier rule names);
and a "24/7" on a live channel fails when its source is older than two years, unless the
channel says confidence: unverified (then Losen never calls it "døgnåpen").
Too slow for every process start, so bot/catalogue.py runs them only on a strict load.
"""
import re
from datetime import date, datetime, timedelta
from typing import Iterator, List, Optional

from bot.catalogue_sources import Problem, parse_checked
from bot.clock import OSLO
from bot.hours import UNKNOWN, UTC, HoursError, parse_hours

LIVE_TYPES = ("phone", "sms", "chat", "visit")
# National emergency numbers are round the clock by law and design; no source can go stale.
ALWAYS_OPEN_EXEMPT_KINDS = {"emergency", "legevakt"}
ALWAYS_OPEN_MAX_AGE = timedelta(days=730)
STEP = timedelta(minutes=15)
# (first day, number of days): an ordinary week, then the weeks where holidays move hours:
# Easter 2026 (skjærtorsdag-2. påskedag), 1 May-17 May (Kristi himmelfart), Pentecost,
# Christmas and New Year (julaften/nyttårsaften are not public holidays).
SAMPLE_PERIODS = ((date(2026, 11, 23), 7), (date(2026, 3, 30), 9), (date(2026, 4, 30), 19),
                  (date(2026, 5, 23), 4), (date(2026, 12, 21), 14))
_RANGE_RE = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


def sample_moments() -> Iterator[datetime]:
    """Every 15 minutes of the sample periods, in Oslo time (DST nights included)."""
    for first, days in SAMPLE_PERIODS:
        start = datetime(first.year, first.month, first.day, tzinfo=OSLO)
        for step in range(days * 24 * 4):
            # Wall-clock steps: on DST nights a missing or doubled quarter is harmless here.
            yield (start + step * STEP).replace(tzinfo=None).replace(tzinfo=OSLO)


def split_rules(expression: str) -> List[str]:
    """The top-level `;` (and `||`) rules of an opening_hours expression, quotes respected."""
    rules, current, quoted, i = [], "", False, 0
    while i < len(expression):
        char = expression[i]
        if char == '"':
            quoted = not quoted
        if not quoted and (char == ";" or expression.startswith("||", i)):
            rules.append(current.strip())
            current = ""
            i += 2 if char == "|" else 1
            continue
        current += char
        i += 1
    rules.append(current.strip())
    return [r for r in rules if r]


def after_midnight_end(rule: str) -> int:
    """Minutes after midnight that the rule's latest wrapping range reaches (0 if none wraps)."""
    latest = 0
    for h1, m1, h2, m2 in _RANGE_RE.findall(rule):
        start, end = int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)
        if end <= start or end > 24 * 60:
            latest = max(latest, end % (24 * 60) if end > 24 * 60 else end)
    return latest


def _open(hours, moment: datetime) -> bool:
    return hours.is_open(moment.astimezone(UTC))


def midnight_cut_problems(expression: str) -> List[str]:
    """Rules whose after-midnight hours a later `;` rule cuts off, found at 15-minute steps."""
    if expression in (UNKNOWN, "24/7"):
        return []
    rules = split_rules(expression)
    if len(rules) < 2:
        return []
    try:
        full = parse_hours(expression)
    except HoursError:
        return []  # reported by hours_problem
    found = []
    # Every rule, the last one too: the library also drops a last rule's tail on a day an
    # earlier rule names (Su 14:30-01:30 loses Monday 00:00-01:30 after "Mo-We ...;").
    for index, rule in enumerate(rules):
        tail_end = after_midnight_end(rule)
        if not tail_end:
            continue
        try:
            alone = parse_hours(rule)
        except HoursError:
            continue
        for moment in sample_moments():
            if moment.hour * 60 + moment.minute >= tail_end:
                continue
            if _open(alone, moment) and not _open(full, moment):
                found.append(f"rule {index + 1} ({rule!r}) runs past midnight, but another ';' rule closes "
                             f"{moment:%a %Y-%m-%d %H:%M}: join the rules with ',' or write the hours out")
                break
    return found


def stale_always_open_problem(kind: str, raw: dict, today: date) -> Optional[str]:
    """A "24/7" live channel whose source is older than two years (or undated) and not unverified."""
    if kind in ALWAYS_OPEN_EXEMPT_KINDS or raw.get("type") not in LIVE_TYPES or raw.get("hours") != "24/7":
        return None
    if raw.get("confidence") == "unverified":
        return None
    try:
        checked = parse_checked(raw.get("checked"))
    except ValueError:
        return None  # reported by checked_ok (bot/catalogue_sources.py)
    if checked is not None and today - checked <= ALWAYS_OPEN_MAX_AGE:
        return None
    age = "undated" if checked is None else f"checked {raw.get('checked')}"
    return (f"24/7 on a source older than two years ({age}, today {today}): find a newer source "
            f"or set confidence: unverified")


def check_service_over_time(raw: dict, today: date) -> List[Problem]:
    """The strict-load checks: past-midnight cut-offs and stale 24/7 claims."""
    sid, kind, found = str(raw.get("id")), raw.get("kind"), []
    for index, channel in enumerate(raw.get("channels") or []):
        fld = f"channels[{index}].hours"
        hours = channel.get("hours")
        if isinstance(hours, str):
            found += [Problem(sid, fld, message) for message in midnight_cut_problems(hours)]
        message = stale_always_open_problem(kind, channel, today)
        if message:
            found.append(Problem(sid, fld, message))
    return found
