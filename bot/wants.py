"""What the person wants, read sentence by sentence from the whole message.

`detect_wants(text)` is one of:
  help_now    asks for help now ("hjelp!", "jeg trenger hjelp", "det haster"), or tells of danger
              happening now without asking anything
  talk        wants someone to talk to ("kan jeg snakke med noen?", "har ingen å prate med")
  what_to_do  asks what to do or how to handle their own situation ("hva skal jeg gjøre?",
              "hvordan tar jeg det opp med ham?", "hvor kan jeg få hjelp?")
  info        a question for information ("er fleinsopp farlig?"), also "hva gjør man hvis ..."
              about people in general
  telling     tells, asks nothing ("ville bare si det")

The message is cut into sentences; each sentence is a question or a statement (a question mark,
a question word first, a verb before its subject, "lurer på"), and the acts found in it (data/
wants.yml: asking what to do, asking where to get help, asking to talk, calling for help, saying
one only wants to tell) are collected per sentence. The message wants what its strongest act
says, in this order: a call for help now, someone to talk to, danger happening now (a question
about it asks what to do, with "nå" it is help now), what to do, information, telling.

Most messages people send such services are questions, and a question is not a crisis unless it
says something is happening now or asks for help now. `is_general_question(text)` says whether a
question is about people in general or a hypothetical.
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import FrozenSet, List, Optional, Set, Tuple

import yaml

from bot import DATA
from bot.redflags import UNLESS, RedFlagMatcher, tokenized
from bot.textnorm import fold

WANTS_FILE = DATA / "wants.yml"
WANTS = ("help_now", "talk", "what_to_do", "info", "telling")
_BOUNDARY = re.compile(r"^[.!?;:…]+$")
_NUMBER_STOP = re.compile(r"^\d{1,3}\.$")


@lru_cache(maxsize=1)
def _spec() -> dict:
    return yaml.safe_load(WANTS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _lists() -> dict:
    spec = _spec()
    folded = lambda items: frozenset(fold(str(w)) for w in items)  # noqa: E731
    out = {key: folded(value) for key, value in spec["question"].items()}
    for key in ("help_word", "help_not_before", "help_alone_first", "short_to_do", "ordinal_next"):
        out[key] = folded(spec[key])
    out["help_word"] = frozenset(_squeezed(w) for w in out["help_word"])
    out["help_alone_max_words"] = spec["help_alone_max_words"]
    return out


@lru_cache(maxsize=1)
def _matcher() -> RedFlagMatcher:
    spec = _spec()
    flags = [{"id": c["id"], "criterion": c["act"], "patterns": c["patterns"],
              "unless": c.get("unless", [])} for c in spec["cues"]]
    return RedFlagMatcher({"flags": flags}, fuzzy=False)


# ------------------------------------------------------------------------------------ parsing
@dataclass
class Sentence:
    words: List[str]                            # folded words, punctuation dropped
    question_mark: bool = False
    acts: Set[str] = field(default_factory=set)  # the acts (data/wants.yml `act`) found in it
    question: bool = False


def parse(text: str) -> List[Sentence]:
    """The message as sentences, each with its words and the acts found in it (one pass of the
    cue matcher over the whole message; a match never reaches across a sentence end)."""
    matcher = _matcher()
    doc = tokenized(text or "")
    sentence_of, sentences = [], [Sentence([])]
    ordinal_next = _lists()["ordinal_next"]
    norms, forms = [], []  # what the cue matcher tests: the folded word, no typo correction
    for token in doc:
        folded = fold(token.text)
        norms.append(folded or token.norm_)  # spaCy reads an empty NORM as the word's own
        forms.append(f"{folded} {folded}")
        boundary = "\n" in token.text or bool(_BOUNDARY.match(token.text))
        sentence_of.append(len(sentences) - 1)
        if _number_ends_sentence(token, doc, ordinal_next):
            sentences[-1].words.append(folded.rstrip("."))
            sentences.append(Sentence([]))
        elif boundary:
            sentences[-1].question_mark |= "?" in token.text
            if sentences[-1].words:
                sentences.append(Sentence([]))
        elif token.is_alpha or token.like_num or any(ch.isalnum() for ch in token.text):
            sentences[-1].words.append(folded)
    matches = matcher.matches(norms, forms)
    cancelled = [(fid[: -len(UNLESS)], s, e) for fid, s, e in matches if fid.endswith(UNLESS)]
    for cue, start, end in matches:
        if cue.endswith(UNLESS) or sentence_of[start] != sentence_of[end - 1]:
            continue
        if any(fid == cue and s <= start and end <= e for fid, s, e in cancelled):
            continue
        act = matcher.criteria[cue]
        if act.endswith("_dropped"):  # counts only first in its clause ("jeg" dropped, a verb first)
            if start and sentence_of[start - 1] == sentence_of[start] and fold(doc[start - 1].text) not in CLAUSE_START:
                continue
            act = act[: -len("_dropped")]
        sentences[sentence_of[start]].acts.add(act)
    lists = _lists()
    found = [s for s in sentences if s.words]
    for sentence in found:
        sentence.question = sentence.question_mark or _asks(sentence.words, lists) or \
            bool(sentence.acts & ASKING_ACTS)
        if sentence.question and len(sentence.words) <= 3 and set(sentence.words) <= lists["short_to_do"]:
            sentence.acts.add("ask_what_to_do")  # "hvordan?", "tips?", "hva nå"
    return found


def _number_ends_sentence(token, doc, ordinal_next: FrozenSet[str]) -> bool:
    """'jeg er 13. kan det skje igjen': the tokenizer keeps '13.' whole, as for '13. mai'."""
    if not _NUMBER_STOP.match(token.text) or token.i + 1 >= len(doc):
        return False
    return fold(doc[token.i + 1].text) not in ordinal_next


# Words after which a clause starts ("..., trenger hjelp nå", "og må ha hjelp i dag").
CLAUSE_START = frozenset({",", "og", "men", "eller", "-", "–"})
# Acts that make a sentence a question wherever they stand ("mamma sover hva gjør jeg").
ASKING_ACTS = frozenset({"ask_what_to_do", "ask_where_help", "ask_talk", "asks"})


def _asks(words: List[str], lists: dict) -> bool:
    """A direct question without a question mark: a question word first, or a verb then its subject."""
    i = 0
    while i < len(words) - 1 and words[i] in lists["greetings"]:
        i += 1
    j = i
    while j < len(words) - 1 and words[j] in lists["lead_words"]:
        j += 1
    if words[j] in lists["wh_words"]:
        return True
    first, rest = words[i], words[i + 1:]
    if first in lists["verbs"] and rest:
        return rest[0] in lists["subjects"] or (len(rest) > 1 and rest[1] in lists["subjects"]) \
            or any(w in lists["verb_first_words"] for w in rest)
    return False


def asks_by_word_order(words: List[str]) -> bool:
    """Whether a sentence's folded words ask, without a question mark ("mister jeg barna om ...",
    "hva gjør jeg")."""
    return bool(words) and _asks(words, _lists())


def _calls_for_help(words: List[str], lists: dict) -> bool:
    """'Hjelp!', 'hjeeelp', 'hjelp, mamma våkner ikke', 'jeg trenger hjelp.'; not 'hjelp til pårørende'."""
    if _squeezed(words[0]) in lists["help_word"]:
        return len(words) == 1 or words[1] not in lists["help_not_before"]
    return (_squeezed(words[-1]) in lists["help_word"] and len(words) <= lists["help_alone_max_words"]
            and words[0] in lists["help_alone_first"])


_REPEATED = re.compile(r"(.)\1+")


def _squeezed(word: str) -> str:
    """A word with each run of one letter written once: a cry typed long ("hjeeelp", "hjelppp") is the word."""
    return _REPEATED.sub(r"\1", word)


# ------------------------------------------------------------------------------------ reading
def _acts(sentences: List[Sentence], questions: Optional[bool] = None) -> FrozenSet[str]:
    return frozenset(a for s in sentences if questions is None or s.question == questions for a in s.acts)


def _general(sentences: List[Sentence], everywhere: FrozenSet[str]) -> bool:
    if not any(s.question for s in sentences) or everywhere & {"help_call", "happening_now", "crisis_word"}:
        return False
    # "Hva er symptomene på ...?" is general; "sønnen min har tatt noe, hva er ...?" is not.
    return "specific" not in everywhere and bool(everywhere & {"people", "hypothetical", "ask_info"})


def is_general_question(text: str) -> bool:
    """A question about people in general or a hypothetical, not about something happening now."""
    sentences = parse(text)
    return _general(sentences, _acts(sentences))


def detect_wants(text: str) -> str:
    """'help_now', 'talk', 'what_to_do', 'info' or 'telling' (with danger read as the reading does)."""
    from bot.reading import read  # the reading imports this module

    return read(text).wants


def read_wants(text: str, flags: Optional[list] = None, danger_now: Optional[bool] = None) -> Tuple[str, bool, str]:
    """(what the person wants, whether it is a general question, what they want if nothing is
    happening now). `flags`: the red flags already found (bot/reading.py reads them once for
    everyone); `danger_now`: whether the reading found danger happening now (a situation that
    holds, not read apart). Without it, a danger red flag in a message that is not a general
    question counts as danger now. The third is for when the assessment finds the danger
    unlikely after all (bot/assess.py): a question about it is then a question."""
    sentences = parse(text or "")
    everywhere = _acts(sentences)
    general = _general(sentences, everywhere)
    if danger_now is None:
        if flags is None:
            from bot.redflags import detect
            flags = detect(text or "")
        danger_now = any(f.criterion == "danger_to_life" for f in flags)
    # A question about people in general is answered as one, whatever danger words it names.
    danger_now = danger_now and not general
    calm = _wants(sentences, everywhere, general, False)
    return (_wants(sentences, everywhere, general, True) if danger_now else calm), general, calm


def _wants(sentences: List[Sentence], acts: FrozenSet[str], general: bool, danger_now: bool) -> str:
    if not sentences:
        return "telling"
    lists = _lists()
    asked = _acts(sentences, questions=True)
    said = _acts(sentences, questions=False)
    calls = "help_call" in acts or "need_help" in said or \
        any(_calls_for_help(s.words, lists) for s in sentences if not s.question)
    # Someone to talk to comes first, unless the call is for now ("klarer ikke alene i natt, kan noen ringe meg nå").
    if calls and (not (acts & {"ask_talk", "say_talk"}) or "now_word" in acts):
        return "help_now"
    if acts & {"ask_talk", "say_talk"}:
        return "talk"
    to_do = bool(asked & {"ask_what_to_do", "ask_where_help"}) or ("ask_how_people" in asked and "relation" in acts)
    # "hva gjør jeg nå?" asks for help now when something is happening, or when it is all the
    # message says; after a story with nothing happening now it asks what to do.
    asks_now = any("ask_what_to_do" in s.acts and "now_word" in s.acts for s in sentences if s.question)
    if asks_now and (danger_now or "happening_now" in acts or len(sentences) == 1):
        return "help_now"
    if danger_now:
        # Danger now: a question about it asks what to do; telling of it asks for help.
        return "what_to_do" if any(s.question for s in sentences) else "help_now"
    if "crisis_word" in said:  # "det er krise"; "hva er akutt avrusning?" asks about a word
        return "help_now"
    if to_do:
        return "what_to_do"
    if any(s.question for s in sentences):
        return "info"
    if "happening_now" in said:
        return "help_now"
    if "say_tell" in said:
        return "telling"
    if "say_what_to_do" in said:
        return "what_to_do"
    return "telling"
