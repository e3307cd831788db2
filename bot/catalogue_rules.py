"""Validation rules for data/services.yml, one small check per field.

Each check returns Problem(service id, field, message) items; bot/catalogue.py decides
whether a problem skips the entry or fails the load.

Two checks look at time and run only on a strict load (`python -m bot catalogue check --strict`):
every opening-hours expression is evaluated at 15-minute steps over a sample week and the
Norwegian holiday weeks, and fails where a rule's after-midnight hours are cut off by a later
`;` rule ("Th-Fr 18:30-01:30; Sa-Su 14:30-01:30" loses Friday's 00:00-01:30 on Saturday, and the
library drops a Sunday tail on a Monday an earlier rule names);
and a "24/7" on a live channel fails when its source is older than two years, unless the
channel says confidence: unverified (then Losen never calls it "døgnåpen").
"""
import csv
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List, Optional

from bot import DATA
from bot.clock import OSLO
from bot.hours import UNKNOWN, UTC, HoursError, hours_problem, parse_hours

KINDS = {"emergency", "legevakt", "helpline", "chat", "rusakutt"}
STATUSES = {"active", "closed", "unverified", "none_found"}
AUDIENCES = {"user", "relative", "child"}
CHANNEL_TYPES = {"phone", "sms", "chat", "web", "email", "visit"}
# high: a recent, primary source; low: old or secondary ("ring og sjekk");
# unverified: no source newer than the fact's shelf life, kept only as a hint (never "døgnåpen").
CONFIDENCES = {"high", "low", "unverified"}
# How a person gets into an acute unit: come in, phone the unit first, go through legevakt, or
# be referred by a doctor; unknown = no source says (Losen then sends them to legevakt first).
ACCESS = {"walk_in", "call_first", "via_legevakt", "referral", "unknown"}

SERVICE_FIELDS = {"id", "name", "aliases", "kind", "status", "audiences", "description", "channels",
                  "address", "location", "extra_locations", "helseforetak", "access", "also_serves", "notes"}
REQUIRED_SERVICE = ("id", "name", "kind", "status", "audiences", "description", "channels")
CHANNEL_FIELDS = {"type", "label", "value", "hours", "confidence", "source", "checked", "note"}
REQUIRED_CHANNEL = ("type", "value", "hours", "confidence", "source", "checked")
FACT_FIELDS = {"value", "source", "checked", "note"}
LOCATION_FIELDS = {"lat", "lon", "precision", "source", "checked"}

# Mainland Norway's bounding box (with margin); places outside are data errors.
LAT_RANGE, LON_RANGE = (57.8, 71.3), (4.0, 31.3)
# Numbers as dialled in Norway: 113, 02800, 116 117, 22 59 13 00, 915 08 588, 800 40 567,
# optionally with +47 in front for numbers called from abroad.
PHONE_RE = re.compile(r"^(\+47 )?(\d{3}|\d{5}|\d{3} \d{3}|\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{3} \d{3} \d{2})$")
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
CHECKED_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
KOMMUNER_CANDIDATES = (DATA / "places" / "kommuner.csv", Path("/work/shared/reference/kommuner.csv"))


@dataclass(frozen=True)
class Problem:
    id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.id}: {self.field}: {self.message}"


def parse_checked(value) -> Optional[date]:
    """The LATEST day a `checked` value can mean ("2021-11" -> 2021-11-30); None if undated.

    Taking the latest day errs towards calling a fact fresh, never invents an older one.
    Raises ValueError for anything that is not a date, YYYY-MM, YYYY or "undated".
    """
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if text == "undated":
        return None
    match = CHECKED_RE.match(text)
    if not match:
        raise ValueError(f"checked must be YYYY-MM-DD, YYYY-MM, YYYY or 'undated', got {value!r}")
    year, month, day = int(match[1]), int(match[2] or 12), match[3]
    return date(year, month, int(day) if day else monthrange(year, month)[1])


@lru_cache(maxsize=1)
def known_helseforetak() -> frozenset:
    """Health-trust names from the helseforetak column of kommuner.csv (text before any '(')."""
    for path in KOMMUNER_CANDIDATES:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                return frozenset(row["helseforetak"].split("(")[0].strip() for row in csv.DictReader(handle))
    return frozenset()  # no table available: the name check is skipped


def _sources_ok(sid, fld, refs, sources) -> List[Problem]:
    if not refs or not isinstance(refs, list):
        return [Problem(sid, f"{fld}.source", "missing source (a non-empty list of source ids)")]
    return [Problem(sid, f"{fld}.source", f"unknown source ref {r!r}") for r in refs if r not in sources]


def _checked_ok(sid, fld, raw) -> List[Problem]:
    if "checked" not in raw or raw["checked"] in (None, ""):
        return [Problem(sid, f"{fld}.checked", "missing checked date")]
    try:
        parse_checked(raw["checked"])
    except ValueError as err:
        return [Problem(sid, f"{fld}.checked", str(err))]
    return []


def _unknown_fields(sid, fld, raw, allowed) -> List[Problem]:
    return [Problem(sid, f"{fld}.{k}" if fld else k, "unknown field") for k in sorted(set(raw) - allowed)]


def check_sources(sources) -> List[Problem]:
    if not isinstance(sources, dict) or not sources:
        return [Problem("<sources>", "sources", "missing or not a mapping")]
    return [Problem(f"source {key}", "url/date", "a source needs both url and date")
            for key, raw in sources.items() if not isinstance(raw, dict) or not raw.get("url") or not raw.get("date")]


def check_channel(sid, index, raw, sources) -> List[Problem]:
    fld = f"channels[{index}]"
    if not isinstance(raw, dict):
        return [Problem(sid, fld, "not a mapping")]
    found = _unknown_fields(sid, fld, raw, CHANNEL_FIELDS)
    found += [Problem(sid, f"{fld}.{k}", "missing") for k in REQUIRED_CHANNEL if k not in raw and k not in ("source", "checked")]
    kind, value = raw.get("type"), str(raw.get("value", ""))
    if kind not in CHANNEL_TYPES:
        found.append(Problem(sid, f"{fld}.type", f"unknown channel type {kind!r}"))
    elif kind in ("phone", "sms") and not PHONE_RE.match(value):
        found.append(Problem(sid, f"{fld}.value", f"malformed phone number {value!r}"))
    elif kind in ("chat", "web") and not URL_RE.match(value):
        found.append(Problem(sid, f"{fld}.value", f"malformed URL {value!r}"))
    elif kind == "email" and not EMAIL_RE.match(value):
        found.append(Problem(sid, f"{fld}.value", f"malformed e-mail {value!r}"))
    if "hours" in raw and (msg := hours_problem(raw["hours"])):
        found.append(Problem(sid, f"{fld}.hours", msg))
    if "confidence" in raw and raw["confidence"] not in CONFIDENCES:
        found.append(Problem(sid, f"{fld}.confidence", f"must be one of {sorted(CONFIDENCES)}"))
    return found + _sources_ok(sid, fld, raw.get("source"), sources) + _checked_ok(sid, fld, raw)


def check_location(sid, fld, raw, sources) -> List[Problem]:
    if not isinstance(raw, dict):
        return [Problem(sid, fld, "not a mapping")]
    found = _unknown_fields(sid, fld, raw, LOCATION_FIELDS)
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            found.append(Problem(sid, fld, f"coordinates ({lat}, {lon}) outside Norway"))
    except (KeyError, TypeError, ValueError):
        found.append(Problem(sid, fld, "lat and lon must be numbers"))
    return found + _sources_ok(sid, fld, raw.get("source"), sources) + _checked_ok(sid, fld, raw)


def check_fact(sid, fld, raw, sources, allowed_values=None) -> List[Problem]:
    if not isinstance(raw, dict) or not raw.get("value"):
        return [Problem(sid, fld, "must be a mapping with a value")]
    found = _unknown_fields(sid, fld, raw, FACT_FIELDS)
    if allowed_values is not None and raw["value"] not in allowed_values:
        found.append(Problem(sid, f"{fld}.value", f"{raw['value']!r} is not one of the known values"))
    return found + _sources_ok(sid, fld, raw.get("source"), sources) + _checked_ok(sid, fld, raw)


def _check_enums(sid, raw) -> List[Problem]:
    found = []
    if raw.get("kind") not in KINDS:
        found.append(Problem(sid, "kind", f"unknown kind {raw.get('kind')!r}"))
    if raw.get("status") not in STATUSES:
        found.append(Problem(sid, "status", f"unknown status {raw.get('status')!r}"))
    audiences = raw.get("audiences")
    if not isinstance(audiences, list) or not audiences or set(audiences) - AUDIENCES:
        found.append(Problem(sid, "audiences", f"must be a non-empty list from {sorted(AUDIENCES)}"))
    return found


def check_service(raw, sources, hf_names, index=0) -> List[Problem]:
    """Every problem in one service entry."""
    if not isinstance(raw, dict):
        return [Problem(f"services[{index}]", "<entry>", "not a mapping")]
    sid = str(raw.get("id") or f"services[{index}]")
    found = _unknown_fields(sid, "", raw, SERVICE_FIELDS)
    found += [Problem(sid, k, "missing") for k in REQUIRED_SERVICE if k not in raw]
    found += _check_enums(sid, raw)
    channels = raw.get("channels") or []
    for i, channel in enumerate(channels):
        found += check_channel(sid, i, channel, sources)
    if raw.get("status") == "none_found" and channels:
        found.append(Problem(sid, "channels", "status none_found is documentation only: no channels"))
    if "location" in raw:
        found += check_location(sid, "location", raw["location"], sources)
    for i, extra in enumerate(raw.get("extra_locations") or []):
        found += check_location(sid, f"extra_locations[{i}]", extra, sources)
    if "address" in raw:
        found += check_fact(sid, "address", raw["address"], sources)
    if "access" in raw:
        found += check_fact(sid, "access", raw["access"], sources, ACCESS)
    if "helseforetak" in raw:
        found += check_fact(sid, "helseforetak", raw["helseforetak"], sources, hf_names or None)
    if "also_serves" in raw:
        found += check_fact(sid, "also_serves", raw["also_serves"], sources)
        if isinstance(raw["also_serves"], dict) and not isinstance(raw["also_serves"].get("value"), list):
            found.append(Problem(sid, "also_serves.value", "must be a list of Oslo bydel names"))
    for i, note in enumerate(raw.get("notes") or []):
        if not isinstance(note, dict) or not note.get("text"):
            found.append(Problem(sid, f"notes[{i}]", "a note needs text and source"))
        else:
            found += _unknown_fields(sid, f"notes[{i}]", note, {"text", "source"})
            found += _sources_ok(sid, f"notes[{i}]", note.get("source"), sources)
    return found


# ---------------------------------------------------------------- checks over time (strict load)
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
        return None  # reported by _checked_ok
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
