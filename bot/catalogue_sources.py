"""What a catalogue check reports, and the source and date every fact in data/services.yml carries.

Problem(service id, field, message) is what every check returns (bot/catalogue_fields.py for
each field, bot/catalogue_over_time.py for the strict load); bot/catalogue.py decides whether a
problem skips the entry or fails the load. Every fact names its sources (ids in the file's
`sources:` table, each with a url and a date) and the day it was checked; parse_checked reads that
day for the checks here, for the stale-fact table and for what Losen says about a fact's age.
"""
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from typing import List, Optional

CHECKED_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


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


def sources_ok(sid, fld, refs, sources) -> List[Problem]:
    if not refs or not isinstance(refs, list):
        return [Problem(sid, f"{fld}.source", "missing source (a non-empty list of source ids)")]
    return [Problem(sid, f"{fld}.source", f"unknown source ref {r!r}") for r in refs if r not in sources]


def checked_ok(sid, fld, raw) -> List[Problem]:
    if "checked" not in raw or raw["checked"] in (None, ""):
        return [Problem(sid, f"{fld}.checked", "missing checked date")]
    try:
        parse_checked(raw["checked"])
    except ValueError as err:
        return [Problem(sid, f"{fld}.checked", str(err))]
    return []


def check_sources(sources) -> List[Problem]:
    if not isinstance(sources, dict) or not sources:
        return [Problem("<sources>", "sources", "missing or not a mapping")]
    return [Problem(f"source {key}", "url/date", "a source needs both url and date")
            for key, raw in sources.items() if not isinstance(raw, dict) or not raw.get("url") or not raw.get("date")]
