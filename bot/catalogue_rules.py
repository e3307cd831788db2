"""Validation rules for data/services.yml, one small check per field.

Each check returns Problem(service id, field, message) items; bot/catalogue.py decides
whether a problem skips the entry or fails the load.
"""
import csv
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from bot import DATA
from bot.hours import hours_problem

KINDS = {"emergency", "legevakt", "helpline", "chat", "rusakutt"}
STATUSES = {"active", "closed", "unverified", "none_found"}
AUDIENCES = {"user", "relative", "child"}
CHANNEL_TYPES = {"phone", "sms", "chat", "web", "email", "visit"}
CONFIDENCES = {"high", "low"}
ACCESS = {"walk_in", "referral", "via_legevakt", "unknown"}

SERVICE_FIELDS = {"id", "name", "aliases", "kind", "status", "audiences", "description", "channels",
                  "address", "location", "extra_locations", "helseforetak", "access", "notes"}
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
    for i, note in enumerate(raw.get("notes") or []):
        if not isinstance(note, dict) or not note.get("text"):
            found.append(Problem(sid, f"notes[{i}]", "a note needs text and source"))
        else:
            found += _unknown_fields(sid, f"notes[{i}]", note, {"text", "source"})
            found += _sources_ok(sid, f"notes[{i}]", note.get("source"), sources)
    return found
