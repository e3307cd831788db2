"""Who the clauses of a message are about: the writer, someone else, or no subject at all.

"han"/"hun" clause after clause is a message about someone else; a statement opening with a
verb dropped its "jeg" ("får ikke puste"); a clause with no subject goes on about the one before
it ("jeg er 27 og bruker tramadol"). bot/audience.py adds these up with the cues and the
writer's age. Word lists: data/audience.yml (`clauses`).
"""
import re
from dataclasses import dataclass
from typing import List, Tuple

from bot.audience_data import age_reader, clause_lists
from bot.textnorm import words as folded_words

_CLAUSE_END = re.compile(r"([.!?;:,\n]+|\s[-–]\s)")


def _clauses(text: str) -> List[Tuple[List[str], bool]]:
    """The message as clauses of folded words, each with whether it starts a sentence: cut at
    punctuation and at the conjunctions in data/audience.yml (`clauses.conjunctions`), which
    start a new clause ("... og han puster ikke")."""
    conj = clause_lists()["conjunctions"]
    out, starts = [], True
    for part in _CLAUSE_END.split(text or ""):
        if _CLAUSE_END.fullmatch(part):
            starts = "," not in part
            continue
        current: List[str] = []
        for word in folded_words(part):
            if word in conj and current:
                out.append((current, starts))
                current, starts = [], False
            current.append(word)
        if current:
            out.append((current, starts))
            starts = False
    return out


@dataclass(frozen=True)
class Subjects:
    """Who the clauses of a message are about."""
    others: int = 0          # clauses about he or she ("han puster ikke", "jeg fikk ikke vekket ham")
    dropped: bool = False    # a statement opens with a verb, its "jeg" dropped ("får ikke puste")
    own_use: int = 0         # clauses that go on about the writer's own use ("jeg er 27 og bruker tramadol")


def clause_subjects(text: str) -> Subjects:
    """Who a message is about, clause by clause: who a sentence's subject is matters more than any
    single word. A clause without a subject ("og bruker tramadol", "har drukket og tatt noe")
    goes on about the subject before it; at the start of a message it is the writer's."""
    c = clause_lists()
    r = age_reader()
    others, dropped, own_use, current = 0, False, 0, None
    for clause, sentence_start in _clauses(text):
        words = clause[1:] if clause[0] in c["conjunctions"] else clause
        if not words:
            continue
        head = words[: c["subject_within"]]
        if any(w in c["other_subjects"] for w in words):
            others += 1
            if any(w in c["other_subjects"] for w in head):
                current = "other"
                continue
        if any(w in r["i_words"] for w in head if w != "e"):
            current = "self"
            continue
        uses = _tells_use(words, c)
        verb_first = (words[0] in c["dropped_subject_verbs"] or uses) and \
            (len(words) == 1 or words[1] not in c["not_after_dropped"])
        if not verb_first:
            if any(w in c["other_nouns"] for w in head):
                current = "other"
            continue
        if current is None and sentence_start:
            dropped, current = True, "self"
        elif current == "self" and uses:
            own_use += 1
    return Subjects(others, dropped, own_use)


def _tells_use(words: list, c: dict) -> bool:
    """A clause that opens with a use verb ("bruker tramadol"), or its perfect ("har brukt piller"),
    or the bare participle after "og" ("har sete heime og drukke")."""
    first = words[0]
    return first in c["use_verbs"] or first in c["use_participles"] or \
        (first in c["use_auxiliaries"] and len(words) > 1 and words[1] in c["use_participles"])


