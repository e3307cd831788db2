"""What the person wants, read from the words of the whole message.

`detect_wants(text)` is one of:
  help_now    asks for help now ("hjelp", "hva gjør jeg nå") or describes something happening now
  talk        wants someone to talk to
  what_to_do  asks what to do about their own situation
  info        a question for information, also "hva gjør man hvis ..." about people in general
  telling     tells, asks nothing

Most messages people send such services are questions, and a question is not a crisis unless it
says something is happening now or asks for help now. `is_general_question(text)` says whether a
question is about people in general or a hypothetical. Cue words and weights live in
data/wants.yml (red-flag pattern syntax, see bot/redflags.py); danger to life in present words is
the red flags' own reading (bot/redflags.py), so the two never disagree about what is happening.
"""
import re
from collections import Counter
from functools import lru_cache
from typing import List, Optional, Tuple

import yaml

from bot import DATA
from bot.redflags import RedFlagMatcher
from bot.redflags import detect as red_flags
from bot.textnorm import fold, words

WANTS_FILE = DATA / "wants.yml"
WANTS = ("help_now", "talk", "what_to_do", "info", "telling")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=1)
def _spec() -> dict:
    return yaml.safe_load(WANTS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _lists() -> dict:
    spec = _spec()
    folded = lambda items: frozenset(fold(str(w)) for w in items)  # noqa: E731
    out = {key: folded(value) for key, value in spec["question"].items()}
    for key in ("help_word", "help_not_before", "help_alone_first"):
        out[key] = folded(spec[key])
    out["help_alone_max_words"] = spec["help_alone_max_words"]
    return out


@lru_cache(maxsize=1)
def _matcher():
    spec = _spec()
    flags = [{"id": c["id"], "criterion": c["wants"], "patterns": c["patterns"],
              "unless": c.get("unless", [])} for c in spec["cues"]]
    weights = {c["id"]: c["weight"] for c in spec["cues"]}
    return RedFlagMatcher({"flags": flags}, fuzzy=spec.get("fuzzy", False)), weights


def _sentences(text: str) -> List[List[str]]:
    return [w for w in (words(part) for part in _SENTENCE_END.split(text or "")) if w]


def _asks(sentence: List[str], lists: dict) -> bool:
    """A direct question without a question mark: a question word or a verb then a subject first."""
    i = 0
    while i < len(sentence) - 1 and sentence[i] in lists["greetings"]:
        i += 1
    j = i
    while j < len(sentence) - 1 and sentence[j] in lists["lead_words"]:
        j += 1
    if sentence[j] in lists["wh_words"]:
        return True
    first, rest = sentence[i], sentence[i + 1:]
    if first in lists["verbs"] and rest:
        return rest[0] in lists["subjects"] or (len(rest) > 1 and rest[1] in lists["subjects"]) \
            or any(w in lists["verb_first_words"] for w in rest)
    return False


def _calls_for_help(sentence: List[str], lists: dict) -> bool:
    """'Hjelp!', 'hjelp, mamma våkner ikke', 'jeg trenger hjelp.'; not 'hjelp til pårørende'."""
    if sentence[0] in lists["help_word"]:
        return len(sentence) == 1 or sentence[1] not in lists["help_not_before"]
    return (sentence[-1] in lists["help_word"] and len(sentence) <= lists["help_alone_max_words"]
            and sentence[0] in lists["help_alone_first"])


def cue_scores(text: str) -> Counter:
    """Weight per reading in data/wants.yml (help_now, now, talk, what_to_do, info, people, ...); each cue once."""
    matcher, weights = _matcher()
    totals = Counter()
    for cue in matcher.detect(text or ""):
        totals[cue.criterion] += weights[cue.id]
    return totals


def _is_question(text: str, totals: Counter) -> bool:
    lists = _lists()
    return "?" in (text or "") or totals["asks"] > 0 or any(_asks(s, lists) for s in _sentences(text))


def _general(text: str, totals: Counter) -> bool:
    if not _is_question(text, totals) or totals["help_now"] or totals["now"]:
        return False
    # "Hva er symptomene på ...?" is general; "sønnen min har tatt noe, hva er ...?" is not.
    return bool(totals["people"] or totals["hypothetical"] or (totals["info"] and not totals["specific"]))


def is_general_question(text: str) -> bool:
    """A question about people in general or a hypothetical, not about something happening now."""
    return _general(text, cue_scores(text))


def detect_wants(text: str) -> str:
    """'help_now', 'talk', 'what_to_do', 'info' or 'telling'."""
    return read_wants(text)[0]


def read_wants(text: str, flags: Optional[list] = None) -> Tuple[str, bool]:
    """(what the person wants, whether it is a general question), reading the cues once. `flags`:
    the red flags already found in the text (bot/reading.py reads them once for everyone)."""
    text = text or ""
    totals = cue_scores(text)
    general = _general(text, totals)
    return _wants(text, totals, general, red_flags(text) if flags is None else flags), general


def _wants(text: str, totals, general: bool, flags: list) -> str:
    lists = _lists()
    if totals["help_now"] or any(_calls_for_help(s, lists) for s in _sentences(text)):
        return "help_now"
    if not general and any(flag.criterion == "danger_to_life" for flag in flags):
        return "help_now"
    if totals["talk"]:
        return "talk"
    if totals["now"]:
        return "help_now"
    if _is_question(text, totals):
        # "Hva gjør man hvis noen får kramper?" is a question about people in general: information.
        to_do = totals["what_to_do"] + totals["what_to_do_said"]
        if to_do and to_do >= totals["info"] and not (general and totals["people"] and not totals["specific"]):
            return "what_to_do"
        return "info"
    # Without a question only what is said as a statement counts ("så skal jeg prøve" asks nothing).
    if totals["what_to_do_said"]:
        return "what_to_do"
    return "telling"
