"""What arrives from a person, made safe before the NLU sees it (pure functions, no Rasa).

Control and zero-width characters are removed, whitespace folded, over-long text cut (keeping
any red-flag words found past the cut, so danger is still seen), and typed "/intent" shortcuts
turned into plain text unless they are one of the buttons Losen offers.
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import List

import yaml

from bot import DATA
from bot.redflags import detect

_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}


@lru_cache(maxsize=1)
def limits() -> dict:
    return yaml.safe_load((DATA / "input_limits.yml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Inbound:
    text: str  # what the NLU gets
    too_long: bool  # the person's message was cut
    danger: bool  # a danger-to-life red flag is in the whole message
    acute: bool = False  # any red flag of the guideline's criteria is in the whole message


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if ch in "\t\n\r" else ch for ch in text if unicodedata.category(ch) not in _INVISIBLE
                   or ch in "\t\n\r")
    return re.sub(r"\s+", " ", text).strip()


def _payload_or_text(text: str) -> str:
    if text.startswith("/") and text not in limits()["allowed_payloads"]:
        return text.lstrip("/").strip()
    return text


def prepare(raw: str) -> Inbound:
    """The text to hand to Rasa for one raw message."""
    rules = limits()
    text = _payload_or_text(clean(raw or ""))
    flags = detect(text[: rules["max_message_chars"] * 50])  # bounded work on huge input
    danger = any(f.criterion == "danger_to_life" for f in flags)
    too_long = len(text) > rules["max_message_chars"]
    if too_long:
        kept = text[: rules["max_message_chars"]]
        missed = [f.text for f in flags if f.text not in kept]
        text = " ".join(missed + [kept]) if missed else kept
    if not any(ch.isalnum() for ch in text):
        text = rules["empty_stand_in"]
    return Inbound(text=text, too_long=too_long, danger=danger, acute=bool(flags))


def names_open_door(texts: List[str]) -> bool:
    """True when a reply already gives a number that is always answered (113, 116 117, 116 123)."""
    return any(number in text for text in texts for number in limits()["always_open_numbers"])
