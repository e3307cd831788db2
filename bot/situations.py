"""Danger to life, and the guideline's other acute criteria, by situation: what is happening,
however it is written.

data/situations.yml holds two lists over one set of word groups (concepts), taken from the
authorities' own lists (sources in the file):

- `situations`: danger to life, each with the number to call first;
- `criterion_situations`: the guideline's other acute criteria (suicidal thoughts, withdrawal,
  dangerous behaviour when intoxicated, a social loss about to happen), each naming its criterion
  and no number.

A situation holds when all concepts of one of its `holds_when` alternatives occur within one
sentence and the next (any order, any distance). Words are compared by lemma (simplemma's
bokmål and nynorsk tables) after folding (å -> a), so "datt", "falt" and "faller" meet, and
compounds are caught by `*tail` terms ("*skade" -> "hodeskade"); `=form` matches that written
form only. Small typos are corrected against the catalogue's own words.

Read apart (data/reading_cues.yml, bot/read_apart.py): a negated word ("ingen kramper", "blør ikke"), a part of a
sentence about the past ("i fjor") with nothing that says now, and a general question ("hva gjør
man hvis noen får kramper?"). A danger situation read apart is `doubt`, which still names 113.
A criterion situation is also read apart in a question about a thing ("hva er abstinenser?") or
about what would happen if ("mister jeg barna hvis jeg sier det?"). When a danger situation holds
now, a criterion situation marked `with_danger: part` is read as part of it: the danger
situation's own criteria (data/assessment.yml) apply.
"""
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Set, Tuple

import yaml

from bot import DATA
from bot.message_words import MessageWords
from bot.read_apart import Hit, ReadingCues, cue_flags, negated, phrase_apart, read_apart, told_as_history
from bot.situation_catalogue import catalogue
from bot.term_index import TermIndex
from bot.terms import Token, compile_term, sentences

CUES_FILE = DATA / "reading_cues.yml"
PERSONAL_CONCEPTS = {"person", "victim", "victim_other"}  # concepts that name someone
WINDOW = 2  # a situation's parts may be spread over this many consecutive sentences


@dataclass
class SituationReading:
    """What the matcher found in one message."""
    situations: List[str] = field(default_factory=list)   # ids that hold now, catalogue order
    number: Optional[str] = None                          # "113" | "112" | "both"
    doubt: bool = False                                   # a danger hint, or a situation read apart
    read_apart: List[str] = field(default_factory=list)   # situations that hold but are past/negated/general
    history: List[str] = field(default_factory=list)      # situations told only as the past: no doubt
    evidence: Dict[str, List[str]] = field(default_factory=dict)
    criteria: List[str] = field(default_factory=list)     # criterion situations that hold now
    passages: Dict[str, str] = field(default_factory=dict)  # the sentences where each one holds, as written
    apart_phrases: List[str] = field(default_factory=list)  # of the phrases asked about: those read apart
    history_phrases: List[str] = field(default_factory=list)  # ... and those only negated or in the past

    @property
    def primary(self) -> Optional[str]:
        return self.situations[0] if self.situations else None


class SituationMatcher:
    def __init__(self, spec: dict, cues: dict):
        self.situations = spec["situations"]
        self.criterion_situations = spec.get("criterion_situations") or []
        self.time_concepts = set(spec.get("time_concepts") or [])
        self.rhetorical = set(spec.get("rhetorical_concepts") or [])
        concepts = {cid: [compile_term(t) for t in c["terms"]] for cid, c in spec["concepts"].items()}
        self.concepts = TermIndex(concepts)
        self.cues = ReadingCues(cues)
        ages = spec.get("age_words") or {}
        self.words = MessageWords((t for terms in concepts.values() for t in terms), self.cues, ages)
        self.counts = set(ages.get("not_for", []))  # concepts an age is never part of (a count of pills)

    def tokens(self, text: str) -> List[Token]:
        return self.words.tokens(text)

    # ------------------------------------------------------------------------------- hits
    def hits(self, tokens: List[Token], negations: Set[int]) -> List[Hit]:
        return [Hit(concept, tokens[start].sentence, start, end, negated(tokens, start, end, negations, is_phrase))
                for concept, start, end, is_phrase in self.concepts.find(tokens)
                if not (concept in self.counts and self.words.is_age(tokens, start))]

    @staticmethod
    def _windows(by_sentence: Dict[int, List[Hit]], last: int) -> List[Tuple[List[Hit], Set[str]]]:
        """For each sentence, the hits in it and the next (WINDOW sentences), and their concepts:
        built once per message, shared by every situation."""
        windows = []
        for first in range(last + 1):
            window = [h for n in range(first, min(first + WINDOW, last + 1)) for h in by_sentence.get(n, [])]
            windows.append((window, {h.concept for h in window}))
        return windows

    def _instances(self, situation: dict, windows: List[Tuple[List[Hit], Set[str]]], first_hit: Dict[str, Hit],
                   criterion: bool = False):
        """Each place one of the situation's alternatives holds: the hits that make it hold.
        The situation's `unless` concepts in the same sentences cancel it there. An `anywhere`
        concept (a state such as being intoxicated) may be named in any sentence of the message:
        a letter says "he has been drinking" early and "he is going to drive home now" later, so
        long as the window says now. For a criterion the state is enough ("har stoppet helt ... det er
        fjerde dagen ... jeg svetter"): what the criterion is about need not be happening this minute."""
        unless = set(situation.get("unless", []))
        anywhere = {c for c in situation.get("anywhere", []) if c in first_hit}
        for alternative in situation["holds_when"]:
            needed = set(alternative)
            if not needed <= first_hit.keys():
                continue  # a concept the message never names: no window can hold it
            for window, present in windows:
                if present & unless:
                    continue
                if needed <= present:
                    found = [h for h in window if h.concept in needed]
                    # Danger held by its first sentence alone: that sentence is the place, and its own past
                    # or habit reads it ("slår når han har tatt noe. Han har ikke slått meg"). A criterion
                    # keeps the whole window: "kan man bli innlagt hvis man ikke ser vits i å leve? drikker
                    # for mye også" is about the writer.
                    first = [h for h in found if h.sentence == found[0].sentence]
                    yield first if not criterion and needed <= {h.concept for h in first} else found
                elif anywhere and needed <= present | anywhere and needed & present and \
                        (criterion or present & self.time_concepts):
                    # Only for what is said to happen now ("skal kjøre hjem nå"); the state's own sentence
                    # goes with it, so that the past or a habit there reads it apart.
                    yield [h for h in window if h.concept in needed] + [first_hit[c] for c in needed - present]

    def _judge(self, situation: dict, windows, first_hit, tokens, flags, questions,
               criterion: bool) -> Tuple[Optional[List[Hit]], Optional[str]]:
        """(the hits of a place where the situation holds now, or None; when it holds only apart,
        "history" if every place is told as the past, else "apart")."""
        placeless = self.time_concepts | PERSONAL_CONCEPTS
        seen = None
        for hits in self._instances(situation, windows, first_hit, criterion):
            if read_apart(hits, tokens, flags, questions, criterion, bool(situation.get("history_counts")),
                          placeless, self.rhetorical):
                past = told_as_history(hits, tokens, flags, placeless)
                seen = "history" if past and seen != "apart" else "apart"
                continue
            return hits, None
        return None, seen

    def read(self, text: str, phrases: Sequence[str] = ()) -> SituationReading:
        """The situations in a text. `phrases`: other danger words found in it (the red flags,
        bot/redflags.py), to be read apart by the same cues: those only negated, in the past, a
        habit or a general question come back in `apart_phrases`."""
        text = text or ""
        tokens = self.tokens(text)
        result = SituationReading()
        if not tokens:
            return result
        cues = self.cues.find(tokens)
        negations = {start for label, start, _, _ in cues if label == "negation"}
        hits = [h for h in self.hits(tokens, negations) if not h.negated]
        by_sentence: Dict[int, List[Hit]] = {}
        for hit in hits:
            by_sentence.setdefault(hit.sentence, []).append(hit)
        flags = cue_flags(tokens, cues)
        self.cues.carry_the_past(tokens, flags[1])
        for hit in hits:  # a sentence that names someone is about that someone (read_apart: asks_word)
            if hit.concept in PERSONAL_CONCEPTS:
                flags[0].setdefault(hit.sentence, set()).add("personal")
        for part in self.cues.habit_parts(tokens):
            flags[1].setdefault(part, set()).add("habitual")
        questions = self.cues.questions(text, tokens)
        last = max(t.sentence for t in tokens)
        windows = self._windows(by_sentence, last)
        first_hit: Dict[str, Hit] = {}  # each concept the message names, at its first place
        for hit in sorted(hits, key=lambda h: h.start):
            first_hit.setdefault(hit.concept, hit)
        for situation in self.situations:
            found, apart = self._judge(situation, windows, first_hit, tokens, flags, questions, False)
            if found:
                result.situations.append(situation["id"])
                result.evidence[situation["id"]] = self._evidence(situation, found, hits, tokens)
            elif apart == "history":
                result.history.append(situation["id"])
            elif apart:
                result.read_apart.append(situation["id"])
        for situation in self.criterion_situations:
            if result.situations and situation.get("with_danger", "part") == "part":
                continue  # read as part of the danger situation, whose own criteria apply
            found, _ = self._judge(situation, windows, first_hit, tokens, flags, questions, True)
            if found:
                result.criteria.append(situation["id"])
                result.evidence[situation["id"]] = self._evidence(situation, found, hits, tokens)
                result.passages[situation["id"]] = ". ".join(
                    sentence for n, (sentence, _) in enumerate(sentences(text)) if n in {h.sentence for h in found})
        numbers = {s["number"] for s in self.situations if s["id"] in result.situations}
        if "both" in numbers or len(numbers) > 1:  # police and ambulance situations at once
            result.number = "both"
        elif numbers:
            result.number = numbers.pop()
        result.doubt = not result.situations and (bool(result.read_apart) or self._hinted(hits))
        for phrase in phrases:
            kind = phrase_apart(phrase, tokens, negations, flags, questions)
            if kind == "history":
                result.history_phrases.append(phrase)
            elif kind:
                result.apart_phrases.append(phrase)
        return result

    @staticmethod
    def _evidence(situation: dict, found: List[Hit], hits: List[Hit], tokens: List[Token]) -> List[str]:
        """The words that made a situation hold: every part of it in the sentences where it holds,
        each as written ("blør fra hodet"), so that they can be read again on their own."""
        concepts = {c for alternative in situation["holds_when"] for c in alternative}
        where = {h.sentence for h in found}
        spans = [" ".join(t.text for t in tokens[h.start:h.end]) for h in sorted(hits, key=lambda h: h.start)
                 if h.sentence in where and h.concept in concepts]
        return list(dict.fromkeys(spans))

    def _hinted(self, hits: List[Hit]) -> bool:
        """A danger hint: a situation's `doubt` concept in a sentence without its `unless` ones."""
        concepts: Dict[int, Set[str]] = {}
        for hit in hits:
            concepts.setdefault(hit.sentence, set()).add(hit.concept)
        for situation in self.situations:
            hints, unless = set(situation.get("doubt", [])), set(situation.get("unless", []))
            if any(h.concept in hints and not concepts[h.sentence] & unless for h in hits):
                return True
        return False


@lru_cache(maxsize=1)
def default_matcher() -> SituationMatcher:
    return SituationMatcher(catalogue(), yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")))


def read_situations(text: str, phrases: Sequence[str] = ()) -> SituationReading:
    return default_matcher().read(text, phrases)
