"""What arrives from a person, made safe before the NLU sees it (pure functions, no Rasa).

Work per message is bounded: a message is cut to `max_kept_chars` before anything reads it.
Control and zero-width characters are removed, whitespace folded, and typed "/intent" shortcuts
turned into plain text unless they are one of the buttons Losen offers. The NLU reads the first
`max_message_chars`; the rest of the kept part (the tail) is read only here, for red flags, and
any it holds are put in front of what the NLU reads, so danger there still gets 113 first.
The channel runs that tail scan off the event loop (`scan_tail` uses a matcher of its own per
thread), a few messages at a time.

What Losen answered is checked here too: `names_phone_number` (any phone number at all) and
`names_open_door` (a number that is always answered) decide whether the channel adds the door
that is always open.
"""
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, List

import yaml

from bot import DATA, redflags

_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
# The tail starts this many characters before the NLU's cut, so a phrase split by the cut is seen.
OVERLAP_CHARS = 80

# Phone numbers as Losen writes them (data/services.yml: "113", "116 117", "22 59 13 00",
# "800 40 567", "915 08 588", "02800", "+47 95 41 17 55"). Longer shapes first, so "116 117" is one
# number, not 116. Clock times (08.00), years (2026), postnumre (0150) and counts ("20 tabletter")
# do not match.
_PHONE = re.compile(r"(?<![\d+])(?:\+47\s?)?(?:116\s?\d{3}|\d{2}(?:\s?\d{2}){3}|\d{3}\s?\d{2}\s?\d{3}"
                    r"|\d{3}\s?\d{3}\s?\d{2}|0\d{4}|11[0-9])(?!\d)")


@lru_cache(maxsize=1)
def limits() -> dict:
    return yaml.safe_load((DATA / "input_limits.yml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Cut:
    head: str  # what the NLU reads (cleaned, at most max_message_chars)
    tail: str  # the rest of the kept part, read here only for red flags ("" when there is none)
    too_long: bool  # the person's message was cut


@dataclass(frozen=True)
class Inbound:
    text: str  # what the NLU gets
    too_long: bool  # the person's message was cut
    danger: bool  # a danger-to-life red flag in the tail (the NLU reads the head itself)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if ch in "\t\n\r" else ch for ch in text if unicodedata.category(ch) not in _INVISIBLE
                   or ch in "\t\n\r")
    return re.sub(r"\s+", " ", text).strip()


def _payload_or_text(text: str) -> str:
    if text.startswith("/") and text not in limits()["allowed_payloads"]:
        return re.sub(r"^[\s/]+", "", text)  # "/ /greet" too: no slash may be left in front
    return text


def cut(raw: str) -> Cut:
    """Cut first, then clean: nothing reads more than max_kept_chars of a message."""
    rules = limits()
    raw = raw or ""
    kept = raw[: rules["max_kept_chars"]]
    text = _payload_or_text(clean(kept))
    limit = rules["max_message_chars"]
    too_long = len(raw) > rules["max_kept_chars"] or len(text) > limit
    tail = text[max(0, limit - OVERLAP_CHARS):] if len(text) > limit else ""
    return Cut(head=text[:limit], tail=tail, too_long=too_long)


_local = threading.local()


def scan_tail(tail: str) -> list:
    """Danger and red flags in a tail, as red-flag Flags (criterion, text).

    Criterion situations (suicidal thoughts, withdrawal, ...) come back the same way, with their criterion.
    Thread-safe, so it can run in a worker thread while the NLU reads on the event loop: each
    thread has its own red-flag matcher (spaCy objects are not shared across threads; about 2 MB).
    A danger situation (bot/situations.py, when present) comes back as the words that made it
    hold, so the NLU's own reading finds the same situation in front of what it reads.
    """
    if not tail:
        return []
    matcher = getattr(_local, "matcher", None)
    if matcher is None:
        matcher = _local.matcher = redflags.RedFlagMatcher(
            yaml.safe_load(redflags.PATTERNS_FILE.read_text(encoding="utf-8")))
    found = list(matcher.detect(tail))
    try:
        from bot.situation_catalogue import criterion_situation
        from bot.situations import read_situations  # pure Python, read-only after loading
    except ImportError:
        return found
    reading = read_situations(tail)
    if reading.read_apart and not reading.situations:
        # As bot/reading.py: a danger word the situations read apart ("forrige gang fikk hun kramper")
        # is not danger now, whatever the older phrase patterns say.
        found = [f for f in found if f.criterion != "danger_to_life"]
    # Danger situations, and the guideline's other criteria as situations (a letter that says in its
    # last lines that the writer wants to die must not lose that because the NLU reads only the head).
    for situation_id in reading.situations:
        words = reading.evidence.get(situation_id) or []
        if words:
            found.append(redflags.Flag(f"situation:{situation_id}", "danger_to_life", " ".join(dict.fromkeys(words))))
    # A criterion keeps its whole sentence: its words alone would lose "forrige gang" and read as now.
    for situation_id in reading.criteria:
        criterion = criterion_situation(situation_id)["criterion"]
        found.append(redflags.Flag(f"situation:{situation_id}", criterion, reading.passages[situation_id]))
    return found


def finish(part: Cut, tail_flags: Iterable) -> Inbound:
    """The text for the NLU: the head, with what was found only in the tail in front of it."""
    flags = list(tail_flags)
    missed: List[str] = []
    for flag in flags:
        if flag.text not in part.head and flag.text not in missed:
            missed.append(flag.text)
    text = ". ".join(missed + [part.head]) if missed else part.head
    if not any(ch.isalnum() for ch in text):
        text = limits()["empty_stand_in"]
    return Inbound(text=text, too_long=part.too_long,
                   danger=any(f.criterion == "danger_to_life" for f in flags))


def prepare(raw: str) -> Inbound:
    """The text to hand to Rasa for one raw message (all in this thread; the channel splits it)."""
    part = cut(raw)
    return finish(part, scan_tail(part.tail))


def names_open_door(texts: List[str]) -> bool:
    """True when a reply already gives a number that is always answered (113, 116 117, 116 123)."""
    return any(number in text for text in texts for number in limits()["always_open_numbers"])


def names_phone_number(texts: List[str]) -> bool:
    """True when a reply names any phone number at all."""
    return any(_PHONE.search(text or "") for text in texts)


def names_emergency_number(text: str) -> bool:
    """True when a text names 110, 112 or 113 as a number of its own (not inside a longer one)."""
    emergency = set(limits()["emergency_numbers"])
    return any(re.sub(r"\s", "", m.group()) in emergency for m in _PHONE.finditer(text or ""))
