"""Read the time a Norwegian message talks about: "nå", "i natt", "i morgen kl 14",
"på søndag", "neste fredag", "om to timer", "kl 02", "25. desember", "langfredag", "påsken".

The words live in data/time_words.yml; Easter comes from dateutil.easter. parse_when()
returns a When with an aware Europe/Oslo moment `at` (the moment to check opening hours
for), the span it covers, and its kind: now | moment | day | evening | night | span.
Conventions: "på fredag" is the coming Friday (today counts); "neste fredag" is Friday of
next week; a bare "kl 02" that has already passed by more than an hour means tomorrow.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Optional, Tuple

import yaml
from dateutil.easter import easter

from bot import DATA, clock

WORDS_PATH = DATA / "time_words.yml"


@dataclass(frozen=True)
class When:
    at: datetime  # the moment to evaluate (Europe/Oslo)
    kind: str  # now | moment | day | evening | night | span
    start: datetime
    end: Optional[datetime]  # None for a single moment
    matched: str  # the words that were understood

    @property
    def whole_day(self) -> bool:
        return self.kind in ("day", "span")

    @property
    def is_night(self) -> bool:
        return self.kind == "night"


@lru_cache(maxsize=1)
def _words() -> dict:
    return yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))


def _alternation(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _find(phrases, text) -> Optional[re.Match]:
    return re.search(rf"(?<!\w)(?:{_alternation(phrases)})(?!\w)", text)


def _wall(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """Oslo wall time on a day; hours >= 24 roll into the next day; DST gaps normalised."""
    day += timedelta(days=hour // 24)
    return clock.to_oslo(datetime.combine(day, time(hour % 24, minute), tzinfo=clock.OSLO))


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"(\d+)\.(?=\s*[^\d\s])\s*", r"\1. ", text)  # "1.mai" -> "1. mai"; keeps "14.30"
    text = re.sub(r"\b(\d)\s+(påskedag|pinsedag|juledag|nyttårsdag)", r"\1. \2", text)
    return re.sub(r"\s+", " ", text).strip()


def _next_yearly(now: datetime, make) -> Tuple[date, date]:
    """(first, last) day of a yearly occasion: this year's unless it is already over."""
    for year in (now.year, now.year + 1):
        first, last = make(year)
        if last >= now.date():
            return first, last
    return make(now.year + 1)


def _holiday(text: str, now: datetime):
    table = _words()["holidays"]
    names = {**table["fixed"], **table["easter"], **table["spans"]}
    match = _find(names, text)
    if not match:
        return None
    name = match.group(0)
    if name in table["fixed"]:
        month, day = table["fixed"][name]
        first, last = _next_yearly(now, lambda y: (date(y, month, day),) * 2)
        return first, last, match
    if name in table["easter"]:
        offset = table["easter"][name]
        first, last = _next_yearly(now, lambda y: (easter(y) + timedelta(days=offset),) * 2)
        return first, last, match
    lo, hi = table["spans"][name]
    first, last = _next_yearly(now, lambda y: (easter(y) + timedelta(days=lo), easter(y) + timedelta(days=hi)))
    return first, last, match


def _explicit_date(text: str, now: datetime):
    months = _words()["months"]
    match = re.search(rf"(?<!\w)(\d{{1,2}})\.? ({_alternation(months)})(?!\w)", text)
    if match:
        day, month = int(match[1]), months[match[2]]
    else:
        match = re.search(r"(?<![\w.:])(?<!kl\. )(?<!kl )(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?(?![\w:])", text)
        if not match or not 1 <= int(match[2]) <= 12:
            return None
        day, month = int(match[1]), int(match[2])
    try:
        first, _ = _next_yearly(now, lambda y: (date(y, month, day),) * 2)
    except ValueError:
        return None
    return first, first, match


def _weekday(text: str, now: datetime):
    weekdays = _words()["weekdays"]
    match = re.search(rf"(?<!\w)(neste |på |førstkommende |kommende )?({_alternation(weekdays)})(?:en)?(?!\w)", text)
    if not match:
        return None
    target = weekdays[match[2]]
    ahead = (target - now.weekday()) % 7
    if match[1] == "neste ":
        ahead = 7 - now.weekday() + target  # Friday of next week
    day = now.date() + timedelta(days=ahead)
    return day, day, match


def _clock(text: str):
    match = re.search(r"(?<!\w)(?:kl\.?|klokka|klokken|klokk)\s*(\d{1,2})(?:[.:](\d{2}))?(?!\d)", text) \
        or re.search(r"(?<![\w.])(\d{1,2}):(\d{2})(?!\d)", text)
    if not match or int(match[1]) > 24 or int(match[2] or 0) > 59:
        return None
    return int(match[1]) % 24, int(match[2] or 0), match


def _relative(text: str, now: datetime):
    words = _words()
    numbers = _alternation(words["numbers"])
    match = re.search(rf"(?<!\w)om (?:(\d+|{numbers}) )?({_alternation(words['units'])})(?!\w)", text)
    if not match:
        return None
    count = match[1] or "1"
    count = int(count) if count.isdigit() else words["numbers"][count]
    minutes = count * words["units"][match[2]]
    moment = clock.to_oslo(now.astimezone(timezone.utc) + timedelta(minutes=minutes))  # real elapsed time
    return When(moment, "moment", moment, None, match.group(0))


def _part_of_day(key: str, day: date, now: datetime) -> Tuple[datetime, datetime]:
    part = _words()["parts"][key]
    return _wall(day, part["start"]), _wall(day, part["end"])


def _relative_day(text: str, now: datetime):
    """(day, kind, match) for i dag / i morgen / i overmorgen / i kveld / i natt."""
    words = _words()
    for key, kind, shift in (("day_after_tomorrow", "day", 2), ("tomorrow", "day", 1), ("today", "day", 0),
                             ("tonight", "night", 0), ("evening", "evening", 0)):
        match = _find(words[key], text)
        if match:
            if kind == "night" and now.hour < 6:
                shift = -1  # already inside the night that began yesterday evening
            return now.date() + timedelta(days=shift), kind, match
    return None


def _combine(day: date, kind: str, clock_match, now: datetime, matched: str) -> When:
    hour, minute, cmatch = clock_match
    if kind == "night" and hour < 12:
        day += timedelta(days=1)  # "i natt kl 02" is after midnight
    elif kind == "evening" and hour < 12:
        hour += 12  # "i kveld kl 9" is 21.00
    moment = _wall(day, hour, minute)
    return When(moment, "moment", moment, None, f"{matched} {cmatch.group(0)}".strip())


def _span(kind: str, first: date, last: date, now: datetime, matched: str) -> When:
    if kind in ("night", "evening"):
        start, end = _part_of_day(kind, first, now)
    else:
        start, end = _wall(first), _wall(last + timedelta(days=1))
    at = max(start, now) if start <= now < end else start
    return When(at, kind, start, end, matched)


def parse_when(text: str, now: Optional[datetime] = None) -> Optional[When]:
    """The time a message refers to, or None if it names no time."""
    now = clock.to_oslo(now) if now else clock.now()
    text = _normalise(text)
    relative = _relative(text, now)
    if relative:
        return relative
    found = _holiday(text, now) or _explicit_date(text, now) or _weekday(text, now)
    if found:
        first, last, match = found
        kind = "day" if first == last else "span"
    else:
        rel = _relative_day(text, now)
        first, kind, match = rel if rel else (None, None, None)
        last = first
    clock_match = _clock(text)
    if clock_match and first is None:
        hour, minute, cmatch = clock_match
        moment = _wall(now.date(), hour, minute)
        if moment < now - timedelta(hours=1):
            moment = _wall(now.date() + timedelta(days=1), hour, minute)
        return When(moment, "moment", moment, None, cmatch.group(0))
    if clock_match:
        return _combine(first, kind, clock_match, now, match.group(0))
    if first is not None:
        return _span(kind, first, last, now, match.group(0).strip())
    match = _find(_words()["now"], text)
    return When(now, "now", now, None, match.group(0)) if match else None
