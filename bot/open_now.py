"""Who is open right now (or at any moment), and "er RUSinfo åpen nå?".

services_open() lists live contact channels (phone, sms, chat, in-person) of offerable
services, open ones first, and always includes at least one open 24/7 entry. Websites and
e-mail are not live contact and are left out unless asked for.
"""
import re
from dataclasses import dataclass
from datetime import datetime
from typing import List, Optional, Sequence, Tuple

from rapidfuzz import fuzz

from bot import clock
from bot.catalogue import Catalogue, Channel, Service, load_catalogue
from bot.hours import HoursStatus, status_at
from bot.hours_text import needs_check

LIVE_TYPES = ("phone", "sms", "chat", "visit")
# Used when nothing else is open for an audience: round-the-clock national numbers.
ALWAYS_OPEN_FALLBACK = ("legevakt-116117", "medisinsk-nodtelefon-113")
MATCH_THRESHOLD = 88
SHORT_ALIAS = 4  # aliases this short must match a whole word exactly ("bar", "sos", "113")


@dataclass(frozen=True)
class Entry:
    service: Service
    channel: Channel
    status: HoursStatus

    def as_dict(self) -> dict:
        iso = lambda moment: moment.isoformat() if moment else None  # noqa: E731
        return {
            "id": self.service.id, "name": self.service.name, "kind": self.service.kind,
            "channel": self.channel.type, "value": self.channel.value, "hours": self.channel.hours,
            "state": self.status.state, "open": self.status.is_open, "always_open": self.status.always_open,
            "closes_at": iso(self.status.closes_at), "next_open": iso(self.status.next_open),
            "confidence": self.channel.confidence, "checked": self.channel.checked,
            "unconfirmed": needs_check(self.channel, self.service.kind, self.status.at),
        }


def _order(entry: Entry):
    # open first (24/7 last among open is not wanted: keep catalogue order), then unknown, then closed by opening time
    rank = {"open": 0, "unknown": 2, "closed": 1}[entry.status.state]
    later = entry.status.next_open.timestamp() if entry.status.next_open else float("inf")
    return (rank, later if rank == 1 else 0)


def channel_statuses(service: Service, at: datetime, types: Sequence[str] = LIVE_TYPES) -> List[Entry]:
    return [Entry(service, ch, status_at(ch.hours, at)) for ch in service.channels if ch.type in types]


def services_open(at: Optional[datetime] = None, audience: Optional[str] = None, *,
                  include_units: bool = False, types: Sequence[str] = LIVE_TYPES,
                  catalogue: Optional[Catalogue] = None) -> List[Entry]:
    """Every live channel of offerable services for `audience`, open ones first.

    Acute units (kind rusakutt) depend on where the person is and are left out unless
    include_units=True (bot.nearest handles them). The list always holds at least one
    entry that is open around the clock.
    """
    at = clock.to_oslo(at) if at else clock.now()
    catalogue = catalogue or load_catalogue()
    entries = []
    for service in catalogue.offerable():
        if audience and audience not in service.audiences:
            continue
        if service.kind == "rusakutt" and not include_units:
            continue
        entries.extend(channel_statuses(service, at, types))
    if not any(e.status.always_open for e in entries):
        for sid in ALWAYS_OPEN_FALLBACK:
            service = catalogue.get(sid)
            if service:
                entries.extend(e for e in channel_statuses(service, at) if e.status.always_open)
    return sorted(entries, key=_order)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s+]", " ", text.lower())).strip()


def _score(candidate: str, text: str) -> float:
    if len(candidate.replace(" ", "")) <= SHORT_ALIAS or candidate.isdigit():
        return 100.0 if re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", text) else 0.0
    if len(candidate) > len(text):
        return fuzz.ratio(candidate, text)
    return fuzz.partial_ratio(candidate, text)


def match_service(text: str, catalogue: Optional[Catalogue] = None) -> Optional[Tuple[Service, float]]:
    """The service a message names ("er rustelefonen åpen?" -> RUSinfo), fuzzy, or None."""
    catalogue = catalogue or load_catalogue()
    text = _normalise(text)
    best = None
    for service in catalogue.services:
        for candidate in {_normalise(c) for c in (service.name, service.id.replace("-", " "), *service.aliases)}:
            score = _score(candidate, text)
            key = (score, len(candidate))
            if score >= MATCH_THRESHOLD and (best is None or key > best[0]):
                best = (key, service)
    return (best[1], best[0][0]) if best else None


@dataclass(frozen=True)
class ServiceAnswer:
    service: Service
    entries: List[Entry]  # one per live channel

    @property
    def is_open(self) -> bool:
        return any(e.status.is_open for e in self.entries)


def service_status(query: str, at: Optional[datetime] = None,
                   catalogue: Optional[Catalogue] = None) -> Optional[ServiceAnswer]:
    """Answer "er <service> åpen nå?": the matched service and the status of its channels.

    Closed/unverified services are matched too, so Losen can say they are closed; check
    answer.service.offerable before suggesting one.
    """
    match = match_service(query, catalogue)
    if not match:
        return None
    at = clock.to_oslo(at) if at else clock.now()
    service = match[0]
    return ServiceAnswer(service, sorted(channel_statuses(service, at), key=_order))
