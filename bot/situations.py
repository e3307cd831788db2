"""Danger to life by situation: what is happening, however it is written.

The situations, the number to call first and the word groups (concepts) that make each hold
live in data/situations.yml, taken from the authorities' own lists (sources in the file). A
situation holds when all concepts of one of its `holds_when` alternatives occur within one
sentence and the next (any order, any distance). Words are compared by lemma (simplemma's
bokmål and nynorsk tables) after folding (å -> a), so "datt", "falt" and "faller" meet, and
compounds are caught by `*tail` terms ("*skade" -> "hodeskade"); `=form` matches that written
form only. Small typos are corrected against the catalogue's own words.

Read apart (data/reading_cues.yml): a negated word ("ingen kramper", "blør ikke"), a sentence
about the past ("i fjor") with nothing that says now, and a general question ("hva gjør man
hvis noen får kramper?"). Those are not danger now; they are `doubt`, which still names 113.
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional

import yaml
from rapidfuzz import fuzz, process

from bot import DATA
from bot.terms import TermIndex, Token, compile_term, forms, known_word, sentences
from bot.textnorm import fold

SITUATIONS_FILE = DATA / "situations.yml"
CUES_FILE = DATA / "reading_cues.yml"
_TOKEN = re.compile(r"\w+", re.UNICODE)
WINDOW = 2  # a situation's parts may be spread over this many consecutive sentences


@dataclass
class Hit:
    concept: str
    sentence: int
    start: int
    end: int
    negated: bool = False


@dataclass
class SituationReading:
    """What the matcher found in one message."""
    situations: List[str] = field(default_factory=list)   # ids that hold now, catalogue order
    number: Optional[str] = None                          # "113" | "112" | "both"
    doubt: bool = False                                   # a danger hint, or a situation read apart
    read_apart: List[str] = field(default_factory=list)   # situations that hold but are past/negated/general
    evidence: Dict[str, List[str]] = field(default_factory=dict)

    @property
    def primary(self) -> Optional[str]:
        return self.situations[0] if self.situations else None


class SituationMatcher:
    def __init__(self, spec: dict, cues: dict):
        self.situations = spec["situations"]
        concepts = {cid: [compile_term(t) for t in c["terms"]] for cid, c in spec["concepts"].items()}
        self.concepts = TermIndex(concepts)
        self.cues = TermIndex({name: [compile_term(t) for t in terms] for name, terms in cues.items()})
        # Typos are corrected towards the catalogue's own words only, never towards the cues
        # (a corrected "igjen" must not become the negation "ingen").
        self.vocab = sorted({part.value for terms in concepts.values() for term in terms
                             for part in (term.parts or (term,)) if part.kind == "word" and len(part.value) >= 5})

    # ----------------------------------------------------------------------------- tokens
    @lru_cache(maxsize=65536)
    def canonical(self, folded: str) -> str:
        """The catalogue word a written word most likely is (a typo), or the word itself.
        Short words are left alone: one letter off in five is another word ("snøen", "snøre")."""
        if len(folded) < 6 or not folded.isalpha() or known_word(folded):
            return folded
        best = process.extractOne(folded, self.vocab, scorer=fuzz.ratio, score_cutoff=80 if len(folded) >= 7 else 83)
        return best[0] if best else folded

    def tokens(self, text: str) -> List[Token]:
        found = []
        for number, (sentence, _) in enumerate(sentences(text)):
            for match in _TOKEN.finditer(sentence):
                word = match.group()
                folded = fold(word)
                exact = forms(word)
                canonical = self.canonical(folded)
                fuzzy = exact if canonical == folded else exact | forms(canonical) | {canonical}
                found.append(Token(word, folded, exact, fuzzy, number))
        return found

    # ------------------------------------------------------------------------------- hits
    @staticmethod
    def _negated(tokens: List[Token], start: int, end: int, negations: set) -> bool:
        """'ingen kramper', 'ikke blod', 'blør ikke': a negation word just before or after."""
        near = [i for i in (start - 2, start - 1, end) if 0 <= i < len(tokens)]
        return any(i in negations and tokens[i].sentence == tokens[start].sentence for i in near)

    def hits(self, tokens: List[Token]) -> List[Hit]:
        cues = self.cues.find(tokens, exact=True)
        negations = {start for label, start, _, _ in cues if label == "negation"}
        found = []
        for concept, start, end, is_phrase in self.concepts.find(tokens):
            # A phrase carries its own polarity ("våkner ikke"); single words can be negated.
            negated = not is_phrase and self._negated(tokens, start, end, negations)
            found.append(Hit(concept, tokens[start].sentence, start, end, negated))
        return found

    # ------------------------------------------------------------------------- sentences
    def _sentence_flags(self, tokens: List[Token]) -> Dict[int, set]:
        """Per sentence: which cue groups occur (past, now, general, question)."""
        flags: Dict[int, set] = {}
        for name, start, _, _ in self.cues.find(tokens, exact=True):
            flags.setdefault(tokens[start].sentence, set()).add(name)
        return flags

    @staticmethod
    def _read_apart(sentences: set, flags: Dict[int, set], questions: set) -> bool:
        """True when every sentence a situation was found in is past or a general question."""
        def apart(n: int) -> bool:
            cues = flags.get(n, set())
            past = "past" in cues and "now" not in cues
            general = "general" in cues and ("conditional" in cues or n in questions) and "now" not in cues
            return past or general
        return all(apart(n) for n in sentences)

    def read(self, text: str) -> SituationReading:
        text = text or ""
        tokens = self.tokens(text)
        result = SituationReading()
        if not tokens:
            return result
        hits = [h for h in self.hits(tokens) if not h.negated]
        by_sentence: Dict[int, set] = {}
        for hit in hits:
            by_sentence.setdefault(hit.sentence, set()).add(hit.concept)
        flags = self._sentence_flags(tokens)
        questions = {n for n, (_, question) in enumerate(sentences(text)) if question}
        last = max(t.sentence for t in tokens)
        for situation in self.situations:
            where = self._holds(situation, by_sentence, last)
            if where is None:
                continue
            words = [tokens[h.start].text for h in hits if h.sentence in where
                     and any(h.concept in alt for alt in situation["holds_when"])]
            if self._read_apart(where, flags, questions):
                result.read_apart.append(situation["id"])
                continue
            result.situations.append(situation["id"])
            result.evidence[situation["id"]] = words
        numbers = {s["number"] for s in self.situations if s["id"] in result.situations}
        if "both" in numbers or len(numbers) > 1:  # police and ambulance situations at once
            result.number = "both"
        elif numbers:
            result.number = numbers.pop()
        result.doubt = not result.situations and (bool(result.read_apart) or self._hinted(hits, by_sentence))
        return result

    def _hinted(self, hits: List[Hit], by_sentence: Dict[int, set]) -> bool:
        """A danger hint: a situation's `doubt` concept in a sentence without its `unless` ones."""
        for situation in self.situations:
            hints, unless = set(situation.get("doubt", [])), set(situation.get("unless", []))
            if any(h.concept in hints and not by_sentence.get(h.sentence, set()) & unless for h in hits):
                return True
        return False

    @staticmethod
    def _holds(situation: dict, by_sentence: Dict[int, set], last: int) -> Optional[set]:
        """The sentences where one alternative's concepts all occur within WINDOW sentences, and
        none of the situation's `unless` concepts ("babyen sparker" is not violence)."""
        unless = set(situation.get("unless", []))
        for alternative in situation["holds_when"]:
            needed = set(alternative)
            for first in range(last + 1):
                window = range(first, min(first + WINDOW, last + 1))
                present = set().union(*(by_sentence.get(n, set()) for n in window))
                if needed <= present and not present & unless:
                    return {n for n in window if by_sentence.get(n, set()) & needed}
        return None


@lru_cache(maxsize=1)
def catalogue() -> dict:
    return yaml.safe_load(SITUATIONS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_matcher() -> SituationMatcher:
    return SituationMatcher(catalogue(), yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")))


def read_situations(text: str) -> SituationReading:
    return default_matcher().read(text)


def situation(situation_id: str) -> Optional[dict]:
    return next((s for s in catalogue()["situations"] if s["id"] == situation_id), None)
