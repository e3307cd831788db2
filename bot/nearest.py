"""Rank the acute substance units (rusakutt) for a place.

The person's own health trust's unit comes first (that is where they belong and will be sent),
then the rest by straight-line distance. Oslo bydeler whose acute patients two trusts share
(a unit's `also_serves` in the catalogue) count both units as their own, so both are offered. Where the trust has no unit Losen may offer, the answer
says so and points to the doors that are always there: legevakt and 113, whose numbers come from
the catalogue entries below, never from code.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.catalogue import load_catalogue
from bot.gazetteer import Place

LEGEVAKT_ID = "legevakt-116117"
EMERGENCY_ID = "medisinsk-nodtelefon-113"
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class RankedUnit:
    id: str
    name: str
    distance_km: float
    own_trust: bool
    address: str | None
    phone: str | None
    access: str | None  # walk_in | call_first | via_legevakt | referral | unknown
    always_open: bool  # a confirmed (confidence high) "24/7": may be called "døgnåpen"
    maybe_always_open: bool = False  # "24/7" only on an old or secondary source: never "døgnåpen"
    access_source: tuple = ()  # source ids behind `access`
    unconfirmed: bool = False  # some fact shown (hours, phone, access) is low-confidence or unverified

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass(frozen=True)
class Nearest:
    place: Place
    units: tuple  # RankedUnit, own trust first, then by distance
    own_trust_has_unit: bool
    legevakt_phone: str | None
    emergency_phone: str | None
    fallback_ids: tuple = field(default_factory=tuple)  # catalogue ids of the always-open doors

    def to_dict(self) -> dict:
        return {"place": self.place.to_dict(), "units": [u.to_dict() for u in self.units],
                "own_trust_has_unit": self.own_trust_has_unit, "legevakt_phone": self.legevakt_phone,
                "emergency_phone": self.emergency_phone, "fallback_ids": list(self.fallback_ids)}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def nearest_units(place: Place, catalogue=None, limit: int = 3) -> Nearest:
    """Offerable rusakutt units for a place: own trust first, then nearest; at most `limit`."""
    cat = catalogue or load_catalogue()
    ranked = [_rank(s, place) for s in cat.offerable() if s.kind == "rusakutt" and _points(s)]
    if place.lat is None or place.lon is None:
        ranked = []  # a place without coordinates: only the always-open doors
    ranked.sort(key=lambda u: (not u.own_trust, u.distance_km))
    return Nearest(
        place=place, units=tuple(ranked[:limit]), own_trust_has_unit=any(u.own_trust for u in ranked),
        legevakt_phone=_phone(cat.get(LEGEVAKT_ID)), emergency_phone=_phone(cat.get(EMERGENCY_ID)),
        fallback_ids=(LEGEVAKT_ID, EMERGENCY_ID),
    )


def legevakt_phone(catalogue=None) -> str | None:
    """Legevakt's number from the catalogue (the door that is always open)."""
    return _phone((catalogue or load_catalogue()).get(LEGEVAKT_ID))


def _points(service) -> tuple:
    # Catalogue contract: .locations (all sites) or a single .location, as (lat, lon) pairs or
    # objects with .lat/.lon.
    points = tuple(getattr(service, "locations", ()) or ())
    if not points and getattr(service, "location", None) is not None:
        points = (service.location,)
    return tuple((p.lat, p.lon) if hasattr(p, "lat") else (p[0], p[1]) for p in points)


def _rank(service, place: Place) -> RankedUnit:
    distance = min((haversine_km(place.lat, place.lon, lat, lon) for lat, lon in _points(service)),
                   default=float("inf")) if place.lat is not None else float("inf")
    channels = tuple(service.channels or ())
    around_the_clock = [c for c in channels if c.hours == "24/7"]
    confirmed = any(getattr(c, "confidence", "high") == "high" for c in around_the_clock)
    facts = getattr(service, "facts", {}) or {}
    access_block = facts.get("access") if isinstance(facts.get("access"), dict) else {}
    shown = [c for c in channels if c.type in ("phone", "visit")]
    return RankedUnit(
        id=service.id, name=service.name, distance_km=round(distance, 1),
        own_trust=_same_trust(service.helseforetak, place.helseforetak) or _serves_bydel(service, place),
        address=service.address, phone=_phone(service), access=service.access,
        always_open=confirmed, maybe_always_open=bool(around_the_clock) and not confirmed,
        access_source=tuple(access_block.get("source") or ()),
        unconfirmed=any(getattr(c, "confidence", "high") != "high" for c in shown),
    )


def _serves_bydel(service, place: Place) -> bool:
    # Shared catchments are named by Oslo bydel; only a bydel-level place can match one.
    return place.kind == "bydel" and place.name in tuple(getattr(service, "also_serves", ()) or ())


def _same_trust(a: str | None, b: str | None) -> bool:
    def norm(name):
        return (name or "").split("(")[0].strip().lower()
    return bool(norm(a)) and norm(a) == norm(b)


def _phone(service) -> str | None:
    if service is None:
        return None
    return next((c.value for c in service.channels if c.type == "phone"), None)
