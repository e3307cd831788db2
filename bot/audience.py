"""Who is writing — user, relative or child — decided from the words of the whole message.

Three readings are added up per audience (weights in data/audience.yml, loaded by
bot/audience_data.py):
- cues in the red-flag pattern syntax, read by the same matcher: explicit statements ("jeg er
  pårørende", "mor til en gutt på 17"), the writer's own use ("jeg drikker", "jeg er en kvinne
  på 41 som har drukket"), their own child or partner ("sønnen min", "mannen min"), a child's
  world ("mamma", "skolen", "storebroren min"), someone else ("broren min", "en venninne");
- the clauses' subjects (bot/clause_subjects.py): "han"/"hun" clause after clause is a message
  about someone else; a statement opening with a verb dropped its "jeg" ("får ikke puste"), and a
  clause with no subject goes on about the one before it ("jeg er 27 og bruker tramadol");
- the writer's own stated age (bot/writer_age.py): "jeg er 14", "Gutt, 13", a signature "Mvh
  Jente 15", and whether they sign by their relation to someone ("Hilsen bekymret mor"). A writer
  under 18 is the child flow whatever the message is about; a grown-up writing about "mamma" is a
  relative.
Someone else who says nothing of the writer's age goes to the child flow when the message has a
child's own cues, else to the relatives. The audience with the highest total wins; when none
reaches the file's `min_score`, or two tie, the answer is None (unsure) and the caller decides.
"""
from collections import Counter
from functools import lru_cache
from typing import Optional

from bot.audience_data import age_reader, clause_lists, cue_matcher, spec
from bot.clause_subjects import clause_subjects
from bot.writer_age import writer_age

AUDIENCES = ("user", "relative", "child")


def scores(text: str) -> Counter:
    """Weight per audience; each cue counts once per message, plus what the age reader and the
    clause subjects found. Cues for someone else who is neither the writer's child nor partner
    (`other`: a brother, a friend, "han"/"hun" as subject) go to the child flow when the message
    has a child's cues and nothing grown-up, otherwise to the relatives."""
    # One message is scored up to three times (the reading, then assess's guess): remembered, and
    # handed out as a fresh Counter in the same order.
    return Counter(dict(_scores(text or "")))


@lru_cache(maxsize=16)
def _scores(text: str) -> tuple:
    return tuple(_score(text).items())


def _score(text: str) -> Counter:
    matcher, weights, _ = cue_matcher()
    r = age_reader()
    c = clause_lists()
    totals = Counter()
    grown_up_cues = spec()["grown_up_cues"]
    for cue in matcher.detect(text or ""):
        totals[cue.criterion] += weights[cue.id]
        if cue.id in grown_up_cues:
            totals["adult"] += 1
    subjects = clause_subjects(text)
    totals["other"] += min(subjects.others, c["other_subject_cap"]) * c["other_subject_weight"]
    if subjects.dropped:
        totals["user"] += c["dropped_subject_weight"]
    totals["user"] += min(subjects.own_use, 2) * c["own_use_weight"]
    writer = writer_age(text)
    child_age = writer.age is not None and writer.age < r["child_below"]
    grown_up = (writer.age is not None and not child_age) or writer.parent or writer.names_an_elder \
        or totals["adult"] > 0
    if child_age:
        totals["child"] += r["child_age_weight"]
    elif writer.age is not None:
        totals["user"] += r["adult_user_weight"]
    if writer.parent:
        totals["relative"] += r["parent_signature_weight"]
    if grown_up and not child_age:
        # A grown-up: "mamma drikker" makes them a relative, never the child flow.
        totals["relative"] += totals.pop("child", 0)
    # Someone else, or what is done to the writer: the child flow when the message is a child's.
    childish = totals["child"] >= c["child_claims_other"]
    totals["child" if childish else "relative"] += totals.pop("other", 0)
    totals["child" if childish else "user"] += totals.pop("victim", 0)
    return totals


def detect_audience(text: str) -> Optional[str]:
    """'user', 'relative', 'child', or None when the message does not say."""
    _, _, min_score = cue_matcher()
    ranked = [(a, s) for a, s in scores(text).most_common() if a in AUDIENCES and s > 0]
    if not ranked or ranked[0][1] < min_score:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def audience_or_guess(text: str) -> str:
    """Who is writing, for the assessment: what the message says, else a guess from whom it is
    about (someone else -> relative, which is who writes "han puster ikke"), else the default.
    The conversation itself never acts on the guess: it offers the three ways in instead."""
    found = detect_audience(text)
    if found:
        return found
    totals = scores(text)
    if totals["child"] > max(totals["relative"], totals["user"]):
        return "child"
    return "relative" if totals["relative"] > totals["user"] else default_audience()


@lru_cache(maxsize=1)
def default_audience() -> str:
    """Who assess() reports when a message has no cue (the conversation itself asks instead)."""
    return spec()["default"]


def is_explicit(text: str) -> bool:
    """True when the message states who is writing ("jeg er 12", "Jente, 15 år", "jeg er pårørende")."""
    matcher, weights, _ = cue_matcher()
    writer = writer_age(text)
    if writer.parent or (writer.age is not None and writer.age < age_reader()["child_below"]):
        return True
    return any(weights[cue.id] >= 10 for cue in matcher.detect(text or ""))
