"""Checks of each field of a service entry in data/services.yml, one small check per field.

Which fields an entry, a channel, a location and a dated fact may have and must have; the
allowed kinds, statuses, audiences, confidences and ways in; phone numbers as dialled in Norway,
URLs and e-mail; coordinates inside Norway; health-trust names from kommuner.csv. The source and
checked date of each fact are checked by bot/catalogue_sources.py, the hours over time (strict
load) by bot/catalogue_over_time.py.
"""
import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import List

from bot import DATA
from bot.catalogue_sources import Problem, checked_ok, sources_ok
from bot.hours import hours_problem

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
KOMMUNER_CANDIDATES = (DATA / "places" / "kommuner.csv", Path("/work/shared/reference/kommuner.csv"))


@lru_cache(maxsize=1)
def known_helseforetak() -> frozenset:
    """Health-trust names from the helseforetak column of kommuner.csv (text before any '(')."""
    for path in KOMMUNER_CANDIDATES:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                return frozenset(row["helseforetak"].split("(")[0].strip() for row in csv.DictReader(handle))
    return frozenset()  # no table available: the name check is skipped


def _unknown_fields(sid, fld, raw, allowed) -> List[Problem]:
    return [Problem(sid, f"{fld}.{k}" if fld else k, "unknown field") for k in sorted(set(raw) - allowed)]


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
    return found + sources_ok(sid, fld, raw.get("source"), sources) + checked_ok(sid, fld, raw)


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
    return found + sources_ok(sid, fld, raw.get("source"), sources) + checked_ok(sid, fld, raw)


def check_fact(sid, fld, raw, sources, allowed_values=None) -> List[Problem]:
    if not isinstance(raw, dict) or not raw.get("value"):
        return [Problem(sid, fld, "must be a mapping with a value")]
    found = _unknown_fields(sid, fld, raw, FACT_FIELDS)
    if allowed_values is not None and raw["value"] not in allowed_values:
        found.append(Problem(sid, f"{fld}.value", f"{raw['value']!r} is not one of the known values"))
    return found + sources_ok(sid, fld, raw.get("source"), sources) + checked_ok(sid, fld, raw)


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
            found += sources_ok(sid, f"notes[{i}]", note.get("source"), sources)
    return found
