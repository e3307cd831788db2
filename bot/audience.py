"""Who is writing — user, relative or child — from the words of the whole message.

Three readings are added up per audience (weights in data/audience.yml):
- cues in the red-flag pattern syntax, read by the same matcher: explicit statements ("jeg er
  pårørende", "mor til en gutt på 17"), the writer's own use ("jeg drikker", "jeg er en kvinne
  på 41 som har drukket"), their own child or partner ("sønnen min", "mannen min"), a child's
  world ("mamma", "skolen", "storebroren min"), someone else ("broren min", "en venninne");
- the clauses' subjects (`_subjects`): "han"/"hun" clause after clause is a message about someone
  else; a statement opening with a verb dropped its "jeg" ("får ikke puste"), and a clause with no
  subject goes on about the one before it ("jeg er 27 og bruker tramadol");
- the writer's own stated age (`writer_age`): "jeg er 14", "jeg er jente 15", "Gutt, 13", "vi er
  14", "Kvinne, 34 år fra Oslo", "(16)", a signature "Mvh Jente 15", and whether they sign by their
  relation to someone ("Hilsen bekymret mor", "Hilsen datter, 35"). A writer under 18 is the child
  flow whatever the message is about; a grown-up writing about "mamma" is a relative.
Someone else who says nothing of the writer's age goes to the child flow when the message has a
child's own cues, else to the relatives. The audience with the highest total wins; when none
reaches the file's `min_score`, or two tie, the answer is None (unsure) and the caller decides.
"""
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

import yaml

from bot import DATA
from bot.redflags import RedFlagMatcher
from bot.textnorm import fold
from bot.textnorm import words as folded_words

AUDIENCE_FILE = DATA / "audience.yml"
AUDIENCES = ("user", "relative", "child")
# Words, numbers and parentheses; "15-åring" -> "15", "åring"; "15år" -> "15", "år".
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[()%]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Writer:
    """What the message says about the writer: a stated age, and whether they sign as a parent."""
    age: Optional[int] = None
    parent: bool = False


@lru_cache(maxsize=1)
def _spec() -> dict:
    return yaml.safe_load(AUDIENCE_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _reader() -> dict:
    raw = _spec()["age_reader"]
    return {key: (frozenset(fold(str(w)) for w in value) if isinstance(value, list) else value)
            for key, value in raw.items()}


@lru_cache(maxsize=1)
def _setup():
    spec = _spec()
    flags = [{"id": c["id"], "criterion": c["audience"], "patterns": c["patterns"],
              "unless": c.get("unless", [])} for c in spec["cues"]]
    weights = {c["id"]: c["weight"] for c in spec["cues"]}
    return RedFlagMatcher({"flags": flags}, fuzzy=spec.get("fuzzy", True)), weights, spec.get("min_score", 1)


# ------------------------------------------------------------------------------------ age reader
def _sentences(text: str) -> List[List[Tuple[str, str]]]:
    """Each sentence (or line) as (written, folded) tokens."""
    out = []
    for part in _SENTENCE_END.split(text or ""):
        tokens = [(t, fold(t)) for t in _TOKEN.findall(part)]
        if tokens:
            out.append(tokens)
    return out


def _age(folded: str, r: dict) -> Optional[int]:
    if folded.isdigit() and len(folded) <= 2 and r["min_age"] <= int(folded) <= r["max_age"]:
        return int(folded)
    return None


def _skip(words: List[str], i: int, skippable: frozenset, step: int) -> int:
    while 0 <= i < len(words) and words[i] in skippable:
        i += step
    return i


def _after_is_age(words: List[str], i: int, r: dict) -> bool:
    """The word after the number does not make it weeks, days, glasses, ..."""
    j = i + 1
    if j < len(words) and words[j] in ("ar", "aar", "aring"):
        return True
    return j >= len(words) or words[j] not in r["not_age_after"]


def _statement_age(words: List[str], r: dict) -> Optional[int]:
    """'jeg er 14', 'eg er berre 13 år', 'jeg er en 15 år gammel jente', 'er 15 og ...', 'jeg er ei jente på 14'."""
    articles = frozenset(("en", "ei", "et", "eit"))
    for i, word in enumerate(words):
        age = _age(word, r)
        if age is None:
            continue
        j = _skip(words, i - 1, r["age_adverbs"] | articles, -1)
        # "jeg er ei jente på 14": step back over "på" and a self word; "jeg er jente 15": the self word.
        if j >= 1 and words[j] == "pa" and words[j - 1] in r["self_words"]:
            j = _skip(words, j - 2, articles, -1)
        elif j >= 1 and words[j] in r["self_words"]:
            j = _skip(words, j - 1, articles, -1)
        if j < 0 or words[j] not in r["be_words"]:
            continue
        subject_dropped = j == 0  # "Er 15 og pappa drikker"
        # "vi er 14", "jeg og venninna mi er 15": the writers together.
        together = "og" in words[max(0, j - 4):j] and any(w in r["i_words"] for w in words[max(0, j - 5):j])
        writer = subject_dropped or words[j - 1] in r["i_words"] or words[j - 1] in r["we_words"] or together
        if writer and _after_is_age(words, i, r):
            return age
    return None


def _self_word_age(words: List[str], r: dict) -> Tuple[Optional[int], bool]:
    """'Gutt, 13', 'Jente 15 år', 'Kvinne, 34 år fra Oslo', '15 år gammel jente her', 'Mamma (45)'."""
    start = _skip(words, 0, r["lead_words"], 1)
    selves = r["self_words"] | r["parent_self_words"]
    if start < len(words) and words[start] in selves:
        k = start + 1 + (start + 1 < len(words) and words[start + 1] == "(")
        if k < len(words) and _age(words[k], r) is not None and _after_is_age(words, k, r):
            return _age(words[k], r), words[start] in r["parent_self_words"]
    if start < len(words) and _age(words[start], r) is not None:
        if start + 1 < len(words) and words[start + 1] == "aring":  # "15-åring her"
            return _age(words[start], r), False
        k = _skip(words, start + 1, frozenset(("ar", "aar", "aring", "gammel", "gamal", "gamle")), 1)
        if k > start + 1 and k < len(words) and words[k] in selves:
            return _age(words[start], r), words[k] in r["parent_self_words"]
    return None, False


def _paren_age(sentence: List[Tuple[str, str]], last: bool, r: dict) -> Optional[int]:
    """'Jeg (16) lurer på ...', '(16) kan man ...', 'Ida (16)' at the end; not 'sønnen min (16)'."""
    words = [f for _, f in sentence]
    for i in range(1, len(words) - 1):
        if words[i - 1] != "(" or words[i + 1] not in (")", "ar") or _age(words[i], r) is None:
            continue
        before = words[i - 2] if i >= 2 else None
        if before in r["other_person_words"]:
            continue
        closes = last and i + 2 >= len(words)  # "Hilsen Ida (14)" ends the message: a signature
        if before is None or before in r["i_words"] or before in r["self_words"] or closes:
            return _age(words[i], r)
    return None


def _signature(sentence: List[Tuple[str, str]], r: dict) -> Tuple[Optional[int], bool]:
    """A short closing line of names, self words and one age: 'Jente 15 år', '- Ida, 14', 'Bekymret mor'."""
    if len(sentence) > r["signature_max_words"]:
        return None, False
    allowed = r["signature_words"] | r["self_words"] | r["parent_self_words"] | r["lead_words"]
    ages, parent = [], False
    for written, folded in sentence:
        if folded in ("(", ")", "%"):
            continue
        if folded.isdigit():
            if _age(folded, r) is None:
                return None, False
            ages.append(int(folded))
        elif folded in r["parent_self_words"]:
            parent = True
        elif folded in allowed:
            continue
        elif not (written[:1].isupper() and folded not in r["not_names"] and folded not in r["other_person_words"]):
            return None, False
    # A bare number ("12", a reply to something else) is not a signature: it needs a word with it.
    worded = any(f.isalpha() for _, f in sentence)
    return (ages[0] if len(ages) == 1 and worded else None), parent


def writer_age(text: str) -> Writer:
    """The writer's own stated age (and whether they sign as a parent), read from the whole message."""
    r = _reader()
    sentences = _sentences(text)
    found, parent = None, False
    for sentence in sentences:
        found = _statement_age([f for _, f in sentence], r)
        if found is not None:
            break
    if found is None:
        for sentence in sentences:
            found, parent = _self_word_age([f for _, f in sentence], r)
            if found is not None:
                break
    if found is None:
        for n, sentence in enumerate(sentences):
            found = _paren_age(sentence, n == len(sentences) - 1, r)
            if found is not None:
                break
    if sentences:
        signed_age, signed_parent = _signature(sentences[-1], r)
        if found is None:
            found = signed_age
        parent = parent or signed_parent
    return Writer(found, parent)


# ------------------------------------------------------------------------------------- scoring
_CLAUSE_END = re.compile(r"([.!?;:,\n]+|\s[-–]\s)")


def _clauses(text: str) -> List[Tuple[List[str], bool]]:
    """The message as clauses of folded words, each with whether it starts a sentence: cut at
    punctuation and at the conjunctions in data/audience.yml (`clauses.conjunctions`), which
    start a new clause ("... og han puster ikke")."""
    conj = _clause_lists()["conjunctions"]
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


@lru_cache(maxsize=1)
def _clause_lists() -> dict:
    return {key: (frozenset(fold(str(w)) for w in value) if isinstance(value, list) else value)
            for key, value in _spec()["clauses"].items()}


@dataclass(frozen=True)
class Subjects:
    """Who the clauses of a message are about."""
    others: int = 0          # clauses about he or she ("han puster ikke", "jeg fikk ikke vekket ham")
    dropped: bool = False    # a statement opens with a verb, its "jeg" dropped ("får ikke puste")
    own_use: int = 0         # clauses that go on about the writer's own use ("jeg er 27 og bruker tramadol")


def _subjects(text: str) -> Subjects:
    """Who a message is about, clause by clause: who a sentence's subject is matters more than any
    single word. A clause without a subject ("og bruker tramadol", "har drukket og tatt noe")
    goes on about the subject before it; at the start of a message it is the writer's."""
    c = _clause_lists()
    r = _reader()
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
        verb_first = (words[0] in c["dropped_subject_verbs"] or words[0] in c["use_verbs"]) and \
            (len(words) == 1 or words[1] not in c["not_after_dropped"])
        if not verb_first:
            if any(w in c["other_nouns"] for w in head):
                current = "other"
            continue
        if current is None and sentence_start:
            dropped, current = True, "self"
        elif current == "self" and words[0] in c["use_verbs"]:
            own_use += 1
    return Subjects(others, dropped, own_use)


def scores(text: str) -> Counter:
    """Weight per audience; each cue counts once per message, plus what the age reader and the
    clause subjects found. Cues for someone else who is neither the writer's child nor partner
    (`other`: a brother, a friend, "han"/"hun" as subject) go to the child flow when the message
    has a child's cues and nothing grown-up, otherwise to the relatives."""
    matcher, weights, _ = _setup()
    r = _reader()
    c = _clause_lists()
    totals = Counter()
    grown_up_cues = _spec()["grown_up_cues"]
    for cue in matcher.detect(text or ""):
        totals[cue.criterion] += weights[cue.id]
        if cue.id in grown_up_cues:
            totals["adult"] += 1
    subjects = _subjects(text)
    totals["other"] += min(subjects.others, c["other_subject_cap"]) * c["other_subject_weight"]
    if subjects.dropped:
        totals["user"] += c["dropped_subject_weight"]
    totals["user"] += min(subjects.own_use, 2) * c["own_use_weight"]
    writer = writer_age(text)
    child_age = writer.age is not None and writer.age < r["child_below"]
    grown_up = (writer.age is not None and not child_age) or writer.parent or totals["adult"] > 0
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
    _, _, min_score = _setup()
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
    return _spec()["default"]


def is_explicit(text: str) -> bool:
    """True when the message states who is writing ("jeg er 12", "Jente, 15 år", "jeg er pårørende")."""
    matcher, weights, _ = _setup()
    writer = writer_age(text)
    if writer.parent or (writer.age is not None and writer.age < _reader()["child_below"]):
        return True
    return any(weights[cue.id] >= 10 for cue in matcher.detect(text or ""))
