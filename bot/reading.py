"""One reading of one message: everything Losen's deterministic layer finds in it, once.

The Rasa NLU component (components/reading.py) calls `read` once per message and puts the result
in the parse data under "losen"; the actions and the CLI take it from there instead of reading
the text again. Nothing here depends on the trained model: bot/assess.py combines the reading
with the model's guess.
"""
from dataclasses import asdict, dataclass, field
from typing import List, Optional

from bot.audience import detect_audience
from bot.malform import asks_for, detect_malform
from bot.redflags import detect
from bot.situations import read_situations
from bot.terms import has_known_word
from bot.wants import read_wants

READING_KEY = "losen"


@dataclass
class Reading:
    situations: List[str] = field(default_factory=list)  # danger situations that hold now
    number: Optional[str] = None                         # the number to call first: 113 | 112 | both
    doubt: bool = False                                  # a danger hint that is not enough to be sure
    read_apart: List[str] = field(default_factory=list)  # situations in the past, negated or general
    criterion_situations: List[str] = field(default_factory=list)  # the other acute criteria, by situation
    flags: List[dict] = field(default_factory=list)      # red flags: {id, criterion, text, apart, history}
    audience: Optional[str] = None                       # who is writing, when the message says
    wants: str = "telling"                               # help_now | what_to_do | info | talk | telling
    wants_if_calm: Optional[str] = None                  # the same, if nothing is happening now after all
    general_question: bool = False
    malform: Optional[str] = None                        # nb | nn when the words are clear (or asked for)
    malform_asked: Optional[str] = None                  # nb | nn when the person asks Losen to write it
    known_words: bool = True                             # False: words, but none bokmål or nynorsk

    @property
    def situation(self) -> Optional[str]:
        return self.situations[0] if self.situations else None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Reading":
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


def read(text: str) -> Reading:
    text = text or ""
    flags = detect(text)
    # The danger flags are read apart by the situation matcher's cues (negation, the past, a habit,
    # a general question), as a danger word of the catalogue would be.
    found = read_situations(text, [f.text for f in flags if f.criterion == "danger_to_life"])
    apart, history = set(found.apart_phrases), set(found.history_phrases)
    # Danger now as bot/assess.py reads it: a situation that holds, or a danger flag not read apart.
    danger_now = bool(found.situations) or (not found.read_apart and any(
        f.criterion == "danger_to_life" and f.text not in apart | history for f in flags))
    wants, general, wants_calm = read_wants(text, flags, danger_now)
    asked = asks_for(text)
    return Reading(
        situations=found.situations,
        number=found.number,
        doubt=found.doubt,
        read_apart=found.read_apart,
        criterion_situations=found.criteria,
        flags=[{"id": f.id, "criterion": f.criterion, "text": f.text, "apart": f.text in apart,
                "history": f.text in history} for f in flags],
        audience=detect_audience(text),
        wants=wants,
        wants_if_calm=wants_calm,
        general_question=general,
        malform=asked or detect_malform(text),
        malform_asked=asked,
        known_words=has_known_word(text),
    )
