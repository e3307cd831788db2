"""Optional look-up of places the gazetteer lacks, in Kartverket's public place-name register.

Off by default: a crisis chat must not wait on, or leak a message to, an outside service unless
the operator chose so. LOSEN_ONLINE_PLACES=1 turns it on; LOSEN_PLACES_API_URL overrides the base
URL (tests point it at a local fake server). Any failure (timeout, HTTP error, odd JSON) gives
None, and the caller goes on as if the look-up had found nothing. The place typed is never logged
(tests/test_anonymity.py runs the stack with this look-up on).

API: GET {base}/navn?sok=NAME&fuzzy=true&treffPerSide=5&utkoordsys=4326 returns
{"navn": [{"skrivemåte", "navneobjekttype", "representasjonspunkt": {"nord", "øst"},
"kommuner": [{"kommunenummer", "kommunenavn"}], "fylker": [...]}]}.
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace

import requests

from bot.gazetteer import Place, gazetteer

DEFAULT_URL = "https://ws.geonorge.no/stedsnavn/v1"
TIMEOUT_S = 2.0
log = logging.getLogger(__name__)


def enabled() -> bool:
    return os.environ.get("LOSEN_ONLINE_PLACES", "") == "1"


def base_url() -> str:
    return os.environ.get("LOSEN_PLACES_API_URL", DEFAULT_URL).rstrip("/")


def lookup(name: str) -> Place | None:
    """The first hit for a name that lies in a known kommune, as an approximate Place."""
    params = {"sok": name, "fuzzy": "true", "treffPerSide": 5, "utkoordsys": 4326}
    try:
        response = requests.get(f"{base_url()}/navn", params=params, timeout=TIMEOUT_S)
        response.raise_for_status()
        hits = response.json().get("navn") or []
    except (requests.RequestException, ValueError, AttributeError) as err:
        # Only the error's type: the place and the URL (which holds it) are what the person wrote.
        log.info("online place look-up failed: %s", type(err).__name__)
        return None
    for hit in hits:
        place = _to_place(hit, name)
        if place:
            return place
    return None


def _to_place(hit: dict, matched: str) -> Place | None:
    try:
        point = hit["representasjonspunkt"]
        lat, lon = float(point["nord"]), float(point["øst"])
        number = hit["kommuner"][0]["kommunenummer"]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    kommune = gazetteer().kommuner.get(number)
    if kommune is None or not (57 < lat < 72 and 3 < lon < 32):  # outside mainland Norway
        return None
    return replace(kommune, kind="poststed", name=str(hit.get("skrivemåte") or matched), lat=lat, lon=lon,
                   matched=matched, approximate=True, source="kartverket-stedsnavn")
