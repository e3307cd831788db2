"""Short Norwegian lines about the nearest acute units, for a person reading on a phone.

Words come from data/phrases/places.yml; this module only picks and fills them. Every line is
something to act on: where, how far, which number, and how to get in (turn up, phone first,
through legevakt, or with a referral; for the last three legevakt's number comes first).
"""
from __future__ import annotations

from bot.gazetteer import Place
from bot.hours_text import freshness_note
from bot.nearest import Nearest, RankedUnit
from bot.nearest import legevakt_phone as catalogue_legevakt_phone
from bot.phrases import phrase


def distance_text(km: float) -> str:
    if km < 1:
        return phrase("places.distance_near")
    shown = f"{km:.0f}" if km >= 10 else f"{km:.1f}".replace(".", ",")
    return phrase("places.distance", km=shown)


def place_text(place: Place) -> str:
    """How Losen names the place back: "Grünerløkka (Oslo)", "Finnmark er et fylke – ..."."""
    if place.kind == "fylke":
        return phrase("places.place_fylke", fylke=place.name, kommune=place.kommune)
    if place.kind == "kommune":
        return phrase("places.place_in_fylke", name=place.name, fylke=place.fylke)
    return phrase("places.place_found", name=place.name, kommune=place.kommune)


def which_place_text(candidates) -> str:
    """ "Mente du Våler i Østfold eller Våler i Innlandet?" for an ambiguous name."""
    options = [phrase("places.place_in_fylke", name=c.name, fylke=c.fylke) if c.kind == "kommune"
               else phrase("places.place_found", name=c.name, kommune=c.kommune) for c in candidates]
    joined = options[0] if len(options) == 1 else \
        ", ".join(options[:-1]) + f" {phrase('places.or')} " + options[-1]
    return phrase("places.which_place", options=joined)


def access_text(unit: RankedUnit, legevakt_phone: str | None) -> str:
    """How to get in. Through legevakt, a referral or an unknown way: legevakt's number first."""
    access = unit.access if unit.access in _ACCESS else "unknown"
    legevakt = legevakt_phone or catalogue_legevakt_phone()
    if access == "call_first":
        if unit.phone:
            return phrase("places.access.call_first", phone=unit.phone)
        return phrase("places.access.call_first_no_phone", legevakt=legevakt)
    return phrase(f"places.access.{access}", legevakt=legevakt)


def unit_lines(unit: RankedUnit, legevakt_phone: str | None = None) -> list:
    mark = phrase("hours.unconfirmed_mark")
    head = phrase("places.unit_line", name=unit.name, distance=distance_text(unit.distance_km))
    if unit.always_open:
        head += f" ({phrase('places.always_open')})"
    elif unit.maybe_always_open:
        head += f" ({phrase('places.always_open_unconfirmed')}{mark})"
    lines = [head]
    if unit.address:
        lines.append(phrase("places.address", address=unit.address))
    if unit.phone:
        lines.append(phrase("places.phone", phone=unit.phone) + (mark if unit.unconfirmed else ""))
    lines.append(access_text(unit, legevakt_phone))
    return lines


_ACCESS = {"walk_in", "call_first", "via_legevakt", "referral", "unknown"}


def nearest_lines(result: Nearest, limit: int = 2) -> list:
    """Own trust's unit (or the honest "none here"), the always-open doors, then nearby units,
    and one freshness note when any line is marked "*"."""
    lines = []
    units = list(result.units[:limit])
    if not result.own_trust_has_unit:
        lines.append(phrase("places.no_own_unit", helseforetak=result.place.helseforetak))
    if result.legevakt_phone:
        lines.append(phrase("places.legevakt_door", phone=result.legevakt_phone))
    if result.emergency_phone:
        lines.append(phrase("places.emergency_door", phone=result.emergency_phone))
    if units and not result.own_trust_has_unit:
        lines.append(phrase("places.other_units"))
    for unit in units:
        lines.extend(unit_lines(unit, result.legevakt_phone))
    note = freshness_note(lines)
    return lines + ([note] if note else [])


def nearest_text(result: Nearest, limit: int = 2) -> str:
    return "\n".join(nearest_lines(result, limit))
