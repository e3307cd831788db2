"""The service catalogue (data/services.yml): load, validate, look up.

Every fact carries its source and the date it was checked. A bad entry is reported with its
id and field; in non-strict mode it is skipped (and logged loudly) so the rest keeps serving,
in strict mode (`python -m bot catalogue check --strict`) load fails with CatalogueError.
A strict load also evaluates every service over sample weeks (past-midnight cut-offs, stale
"24/7"; see bot/catalogue_over_time.py), which is too slow for every process start.
fact_table() lists every dated fact by age and confidence, oldest first, for maintainers.
"""
import logging
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Tuple

import yaml

from bot import DATA, clock
from bot.catalogue_fields import check_service, known_helseforetak
from bot.catalogue_over_time import check_service_over_time
from bot.catalogue_sources import Problem, check_sources, parse_checked

log = logging.getLogger(__name__)

SERVICES_PATH = DATA / "services.yml"


class CatalogueError(ValueError):
    """Raised by a strict load; .problems lists every problem found."""

    def __init__(self, problems: List[Problem]):
        self.problems = problems
        super().__init__("service catalogue has problems:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Channel:
    type: str  # phone | sms | chat | web | email | visit
    value: str
    hours: str  # OSM opening_hours, "24/7", or "unknown"
    confidence: str  # high | low | unverified
    source: Tuple[str, ...]
    checked: str  # "2026-10-08", "2021-11", "2018" or "undated"
    note: Optional[str] = None
    label: Optional[str] = None


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    kind: str  # emergency | legevakt | helpline | chat | rusakutt
    status: str  # active | closed | unverified | none_found
    audiences: Tuple[str, ...]
    description: str
    channels: Tuple[Channel, ...]
    address: Optional[str] = None
    location: Optional[Tuple[float, float]] = None  # (lat, lon), approximate; see facts
    helseforetak: Optional[str] = None
    access: Optional[str] = None  # walk_in | call_first | via_legevakt | referral | unknown
    notes: Tuple[str, ...] = ()
    aliases: Tuple[str, ...] = ()
    locations: Tuple[Tuple[float, float], ...] = ()  # all sites (first == location)
    facts: dict = field(default_factory=dict, compare=False, hash=False)  # raw fact blocks with source/checked
    also_serves: Tuple[str, ...] = ()  # Oslo bydeler outside its own trust that it also takes (shared catchment)

    @property
    def offerable(self) -> bool:
        return self.status == "active"


@dataclass
class Catalogue:
    services: List[Service]
    sources: dict
    problems: List[Problem]
    path: Path

    def get(self, service_id: str) -> Optional[Service]:
        return next((s for s in self.services if s.id == service_id), None)

    def offerable(self) -> List[Service]:
        """Services Losen may suggest: status active (never closed, unverified, none_found)."""
        return [s for s in self.services if s.offerable]

    def by_kind(self, kind: str) -> List[Service]:
        return [s for s in self.services if s.kind == kind]


def _channel(raw: dict) -> Channel:
    return Channel(
        type=raw["type"], value=str(raw["value"]), hours=raw["hours"], confidence=raw["confidence"],
        source=tuple(raw["source"]), checked=str(raw["checked"]), note=raw.get("note"), label=raw.get("label"),
    )


def _service(raw: dict) -> Service:
    def value(key):
        return (raw.get(key) or {}).get("value")

    locs = [raw["location"]] if raw.get("location") else []
    locs += raw.get("extra_locations") or []
    points = tuple((float(p["lat"]), float(p["lon"])) for p in locs)
    facts = {k: raw[k] for k in ("address", "location", "extra_locations", "helseforetak", "access", "also_serves")
             if k in raw}
    return Service(
        id=raw["id"], name=raw["name"], kind=raw["kind"], status=raw["status"],
        audiences=tuple(raw["audiences"]), description=raw["description"],
        channels=tuple(_channel(c) for c in raw.get("channels") or []),
        address=value("address"), location=points[0] if points else None,
        helseforetak=value("helseforetak"), access=value("access"),
        notes=tuple(n["text"] for n in raw.get("notes") or []),
        aliases=tuple(str(a) for a in raw.get("aliases") or []), locations=points, facts=facts,
        also_serves=tuple(str(b) for b in value("also_serves") or ()),
    )


def parse_catalogue(content: dict, path: Path, strict: bool = False, today: Optional[date] = None) -> Catalogue:
    """Validate parsed YAML; skip (or, strict, refuse) every entry with a problem.

    Strict also runs the checks over time; `today` (default: the bot's clock) dates the
    two-year limit on "24/7" claims.
    """
    if not isinstance(content, dict):
        raise CatalogueError([Problem("<file>", "<root>", "not a mapping with 'sources' and 'services'")])
    sources = content.get("sources") or {}
    problems = check_sources(sources)
    for key in set(content) - {"sources", "services"}:
        problems.append(Problem("<file>", key, "unknown top-level field"))
    services, seen = [], set()
    hf_names = known_helseforetak()
    for index, raw in enumerate(content.get("services") or []):
        found = check_service(raw, sources, hf_names, index)
        if strict and not found:
            found = check_service_over_time(raw, today or clock.now().date())
        sid = raw.get("id") if isinstance(raw, dict) else None
        if sid in seen:
            found.append(Problem(str(sid), "id", "duplicate id"))
        if found:
            problems.extend(found)
            continue
        seen.add(sid)
        services.append(_service(raw))
    if problems and strict:
        raise CatalogueError(problems)
    for problem in problems:
        log.error("CATALOGUE PROBLEM (entry skipped): %s", problem)
    return Catalogue(services=services, sources=sources, problems=problems, path=path)


def read_catalogue(path=None, strict: bool = False, today: Optional[date] = None) -> Catalogue:
    """Read and validate without the cache (for `catalogue check` and tests)."""
    path = Path(path) if path else SERVICES_PATH
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        problem = Problem("<file>", str(path), f"cannot read: {err}")
        if strict:
            raise CatalogueError([problem]) from err
        log.error("CATALOGUE PROBLEM: %s", problem)
        return Catalogue(services=[], sources={}, problems=[problem], path=path)
    return parse_catalogue(content, path, strict=strict, today=today)


@lru_cache(maxsize=8)
def _cached(path: str, strict: bool) -> Catalogue:
    return read_catalogue(path, strict=strict)


def load_catalogue(path=None, strict: bool = False) -> Catalogue:
    """The parsed catalogue, loaded once per process (per path)."""
    return _cached(str(Path(path) if path else SERVICES_PATH), strict)


def clear_cache() -> None:
    _cached.cache_clear()


@dataclass(frozen=True)
class FactAge:
    service_id: str
    field: str
    checked: str
    age_days: Optional[int]  # None when undated
    confidence: str  # high | low | unverified | - (fact blocks carry none)


def fact_ages(catalogue: Catalogue, today: date) -> List[FactAge]:
    """Every channel and fact block with its age on `today`, oldest first (undated first of all)."""
    rows = []
    for service in catalogue.services:
        items = [(f"channels[{i}] {c.type} {c.value}", c.checked, c.confidence) for i, c in enumerate(service.channels)]
        for name, block in service.facts.items():
            for i, item in enumerate(block if isinstance(block, list) else [block]):
                if isinstance(item, dict):
                    label = name if not isinstance(block, list) else f"{name}[{i}]"
                    items.append((label, item.get("checked"), "-"))
        for fieldname, checked, confidence in items:
            day = parse_checked(checked)
            rows.append(FactAge(service.id, fieldname, str(checked), (today - day).days if day else None, confidence))
    rank = {"unverified": 0, "low": 1, "-": 2, "high": 3}
    return sorted(rows, key=lambda r: (r.age_days is not None, -(r.age_days or 0), rank.get(r.confidence, 9),
                                       r.service_id, r.field))


def fact_table(catalogue: Catalogue, today: date) -> str:
    """A plain-text table of fact_ages() for `python -m bot catalogue check`."""
    lines = [f"{'age':>9}  {'confidence':<10}  {'checked':<10}  service: field"]
    for row in fact_ages(catalogue, today):
        age = "undated" if row.age_days is None else f"{row.age_days} d"
        lines.append(f"{age:>9}  {row.confidence:<10}  {row.checked:<10}  {row.service_id}: {row.field}")
    return "\n".join(lines)
