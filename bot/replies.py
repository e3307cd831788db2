"""What Losen says next, decided from the assessment: a plan of domain responses.

Pure functions over data/reply_plan.yml, so the Rasa actions stay thin and the choices can be
tested without a server.
"""
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import List, Optional

import yaml

from bot import DATA
from bot.hours_text import channel_line, with_freshness_note
from bot.open_now import services_open
from bot.textnorm import words


@lru_cache(maxsize=1)
def plan_data() -> dict:
    return yaml.safe_load((DATA / "reply_plan.yml").read_text(encoding="utf-8"))


@dataclass
class Plan:
    responses: List[str] = field(default_factory=list)
    ask_audience: bool = False

    def add(self, *names: str) -> None:
        for name in names:
            if name not in self.responses:
                self.responses.append(name)


def _for_child(names: List[str]) -> List[str]:
    swaps = plan_data()["child_swaps"]
    return [swaps.get(n, n) for n in names]


def crisis_plan(criteria: List[str], audience: Optional[str], audience_told: bool,
                audience_asked: bool) -> Plan:
    """Responses after an acute message: per criterion, then (once) per audience."""
    data = plan_data()
    plan = Plan()
    for criterion in criteria:
        plan.add(*data["criteria"].get(criterion, []))
    if audience and not audience_told:
        plan.add(*data["audience"].get(audience, []))
    if audience == "child":
        plan.responses = list(dict.fromkeys(_for_child(plan.responses)))
    plan.ask_audience = audience is None and not audience_asked
    return plan


def mentions_children(text: str) -> bool:
    folded = f" {' '.join(words(text))} "
    return any(f" {' '.join(words(w))} " in folded for w in plan_data()["children_words"])


def what_to_do_plan(criteria: List[str], text: str, audience: str = "relative", calm: bool = False) -> Plan:
    """Responses for someone asking what to do: a person about their own use hears where help starts,
    a relative hears how to raise it when nothing is happening (`calm`), else to see to the person."""
    data = plan_data()["what_to_do"]
    for_criteria = [name for criterion in criteria for name in data.get(criterion, [])]
    plan = Plan()
    if audience == "user":  # what the criteria call for first, then where help starts
        plan.add(*for_criteria, *data["user"])
        return plan
    plan.add(*(data["calm"] if calm else data["now"]), *for_criteria)
    if mentions_children(text):
        plan.add(*data["children_mentioned"])
    plan.add(*data["then"])
    return plan


def known_audience(audience) -> str:
    """A slot value no list knows (an unmapped entity value, a stale button) or none at all falls
    back to a person writing about themselves: a short list of who is open, never a crash."""
    return audience if isinstance(audience, str) and audience in plan_data()["priority"] else "user"


def open_lines(at: Optional[datetime], audience: Optional[str], limit: Optional[int] = None,
               acute: bool = False) -> str:
    """A few lines a person can act on: open services for the audience first, then when others open.
    An acute answer always includes the door that is always open (`always_open_door`), at any hour."""
    data = plan_data()
    limit = limit or data["open_lines"]
    audience = known_audience(audience)
    priority = data["priority"][audience]
    rank = {sid: i for i, sid in enumerate(priority)}
    entries = [e for e in services_open(at, audience) if e.service.kind != "emergency"]
    first_per_service = {}
    for entry in entries:  # services_open lists open channels first, so the first is the best
        first_per_service.setdefault(entry.service.id, entry)
    chosen = sorted(first_per_service.values(), key=lambda e: (not e.status.is_open, rank.get(e.service.id, 99)))
    open_now = [e for e in chosen if e.status.is_open][:limit]
    door = data["always_open_door"]
    if acute and door not in {e.service.id for e in open_now} and door in first_per_service:
        open_now = open_now[: limit - 1] + [first_per_service[door]]
    closed = [e for e in chosen if not e.status.is_open and e.service.id in rank][: data["closed_lines"]]
    return with_freshness_note((channel_line(e.service, e.channel, e.status.at) for e in open_now + closed), "• ")


def ask_more_lines(at: Optional[datetime], audience: Optional[str]) -> str:
    """Where to ask more after an answer: the audience's information line when it is open;
    otherwise that line with when it opens, and the first one open now instead."""
    data = plan_data()["ask_more"]
    audience = known_audience(audience)
    first, instead = data[audience], data["instead"][audience]
    entries = services_open(at, audience)
    by_service = {}
    for entry in entries:  # services_open lists open channels first
        by_service.setdefault(entry.service.id, entry)
    lines = []
    for sid in first:
        entry = by_service.get(sid)
        if entry:
            lines.append(entry)
            break
    if not lines or not lines[0].status.is_open:
        for sid in instead:
            entry = by_service.get(sid)
            if entry and entry.status.is_open:
                lines.append(entry)
                break
    return with_freshness_note((channel_line(e.service, e.channel, e.status.at) for e in lines), "• ")
