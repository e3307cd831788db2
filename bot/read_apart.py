"""Reading apart: what makes a danger or criterion word not count as happening now.

data/reading_cues.yml holds the cues: a negation next to a word ("ingen kramper", "blør ikke"), the
past or a habit in the same part of a sentence ("i fjor", "ofte"; a new part begins at "men" or
", nå"), and a question about people in general, about a limit, about a thing or about what would
happen if. bot/situations.py finds the situations; this module says which of its finds are read
apart (a danger situation read apart is doubt, which still names 113).
"""
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

from bot.term_index import TermIndex
from bot.terms import PLAIN_NEGATIONS, WORD_OR_COMMA, Token, compile_term, sentences
from bot.textnorm import fold
from bot.wants import asks_by_word_order  # the wants reader's own word lists (data/wants.yml)


@dataclass
class Hit:
    """A place in a message where a concept was found (token positions start..end)."""
    concept: str
    sentence: int
    start: int
    end: int
    negated: bool = False


# Cue groups read per part of a sentence (after a turn: "men", ", nå") or per sentence.
PART_CUES = ("past", "distant_past", "recent_past", "habitual", "now")
# Cue lists that are not terms to find but words that shape the reading.
LAYOUT_CUES = ("turn_words", "turn_after_comma", "question_start", "when_words", "use_words", "present_words")
# How far after "når" a word of use makes the part a habit ("når han har drukket").
WHEN_USE_REACH = 3


class ReadingCues:
    """The cues of data/reading_cues.yml, compiled once."""

    def __init__(self, cues: dict):
        # Cue phrases are read word for word ("flere ganger" is not "flere sekunder av gangen").
        self.index = TermIndex({name: [compile_term(t) for t in terms] for name, terms in cues.items()
                                if name not in LAYOUT_CUES}, gap=0)
        self.turn_words = {fold(w) for w in cues.get("turn_words", [])}
        self.turn_after_comma = {fold(w) for w in cues.get("turn_after_comma", [])}
        self.question_start = {fold(w) for w in cues.get("question_start", [])}
        self.when_words = {fold(w) for w in cues.get("when_words", [])}
        self.use_words = {fold(w) for w in cues.get("use_words", [])}
        self.present_words = {fold(w) for w in cues.get("present_words", [])}

    def present(self, token: Token) -> bool:
        """A verb in the present tense: one of the list, or a word that is its lemma plus "r"
        ("ligger", "puster", "blør", "kastar")."""
        return token.folded in self.present_words or any(
            lemma != token.folded and token.folded == lemma + "r" for lemma in token.exact)

    def carry_the_past(self, tokens: List[Token], by_part: Dict[int, set]) -> None:
        """A story begun in the distant past ("i fjor skjedde det noe skummelt.") goes on in the
        sentences after it ("mamma datt i trappa og slo hodet ...") until one says now or speaks in
        the present tense: those parts are told as the past (doubt for danger, which still names 113)."""
        present = {t.clause for t in tokens if self.present(t)}
        in_story = False
        for clause in sorted({t.clause for t in tokens}):
            cues = by_part.get(clause, set())
            if "now" in cues or clause in present:
                in_story = False
            elif "distant_past" in cues:
                in_story = True
            elif in_story:
                by_part.setdefault(clause, set()).add("past")

    def habit_parts(self, tokens: List[Token]) -> Set[int]:
        """Parts of sentences that tell what happens each time someone uses ("når han drikker")."""
        found = set()
        for i, token in enumerate(tokens):
            if token.folded not in self.when_words:
                continue
            reach = tokens[i + 1:i + 1 + WHEN_USE_REACH]
            if any(t.clause == token.clause and t.exact & self.use_words for t in reach):
                found.add(token.clause)
        return found

    def find(self, tokens: List[Token]) -> list:
        return self.index.find(tokens, exact=True)

    def turns(self, folded: str, after_comma: bool) -> bool:
        """A word that begins a new part of a sentence ("men"; "nå" right after a comma)."""
        return folded in self.turn_words or (after_comma and folded in self.turn_after_comma)

    def questions(self, text: str, tokens: List[Token]) -> Tuple[set, set]:
        """(sentences ending in "?", sentences that open as a question: a question word first, or a
        verb before its subject as bot/wants.py reads it, "mister jeg barna om ...")."""
        words: Dict[int, List[str]] = {}
        for token in tokens:
            if token.folded != ",":
                words.setdefault(token.sentence, []).append(token.folded)
        return ({n for n, (_, question) in enumerate(sentences(text)) if question},
                {n for n, said in words.items() if said[0] in self.question_start or asks_by_word_order(said)})


def negated(tokens: List[Token], start: int, end: int, negations: set, phrase: bool) -> bool:
    """'ingen kramper', 'ikke blod', 'blør ikke': a negation word just before or after a word.
    A phrase carries its own polarity ("våkner ikke"); one without a negation of its own is
    negated by a plain "ikke" right before it ("har ikke skadet seg")."""
    if phrase:
        if any(i in negations for i in range(start, end)):
            return False
        near = [i for i in (start - 1,) if i >= 0 and tokens[i].folded in PLAIN_NEGATIONS]
    else:
        near = [i for i in (start - 2, start - 1, end) if 0 <= i < len(tokens)]
    return any(i in negations and tokens[i].sentence == tokens[start].sentence for i in near)


def cue_flags(tokens: List[Token], cues: list) -> Tuple[Dict[int, set], Dict[int, set], Dict[int, int]]:
    """Which cue groups occur, per sentence (general, questions about things) and per part
    of a sentence (past, now); and where each sentence's first "hvis" stands."""
    by_sentence: Dict[int, set] = {}
    by_part: Dict[int, set] = {}
    conditions: Dict[int, int] = {}
    for name, start, _, _ in cues:
        if name in PART_CUES:
            by_part.setdefault(tokens[start].clause, set()).add(name)
        else:
            by_sentence.setdefault(tokens[start].sentence, set()).add(name)
        if name == "hypothetical":
            sentence = tokens[start].sentence
            conditions[sentence] = min(start, conditions.get(sentence, start))
    return by_sentence, by_part, conditions


def read_apart(hits: list, tokens: List[Token], flags: Tuple[Dict[int, set], Dict[int, set], Dict[int, int]],
               questions: Tuple[set, set], criterion: bool, history: bool = False,
               time_concepts: Set[str] = frozenset(), rhetorical: Set[str] = frozenset()) -> bool:
    """True when every hit (time words and the people named aside) is in the past, a habit (danger only) or a general
    question; for a criterion situation also when every hit is in a question about a thing or
    about what would happen if."""
    by_sentence, by_part, conditions = flags
    questions, asked = questions  # sentences ending in "?"; sentences that open as a question
    then = set() if history else {"past"} if criterion else {"past", "recent_past", "habitual"}

    # A professional asking for their work: every question of the message is a general one.
    professional = any("professional" in cues for cues in by_sentence.values())

    def general(n: int) -> bool:
        cues = by_sentence.get(n, set())
        asking = n in questions or n in asked
        # A statement about someone in particular is about them, for the criteria ("kompisen min slåss med
        # folk når han har tatt kokain"); for danger such a "when ..." statement tells a habit (doubt).
        about_people = "conditional" in cues and not (criterion and "specific" in cues)
        return ("general" in cues and (n in questions or n in asked or about_people)) \
            or ((professional or "asks_limit" in cues) and asking)

    def supposed(hit) -> bool:
        # "hva gjør jeg hvis en venn blir bevisstløs på fest?", "kan jeg drikke øl om jeg har tatt ghb?":
        # what a question supposes has not happened. In a sentence that only ends as a question ("pappa
        # ligger på gulvet, hva gjør jeg hvis ..."), only what comes after the "hvis".
        at = conditions.get(hit.sentence)
        return at is not None and (hit.sentence in asked or (at < hit.start and hit.sentence in questions))

    def apart(hit) -> bool:
        if "not_real" in by_sentence.get(hit.sentence, set()):
            return True  # a dream, a film, a game, a story: whatever time it is told in
        part = by_part.get(tokens[hit.start].clause, set())
        return "now" not in part and (bool(part & then) or general(hit.sentence) or supposed(hit))

    def asks(hit) -> bool:
        cues = by_sentence.get(hit.sentence, set())
        return (hit.sentence in questions or hit.sentence in asked) and bool(cues & {"asks_about", "hypothetical"}) \
            and hit.concept not in rhetorical

    def asks_word(hit) -> bool:
        # Danger words in a question about a word that names no one ("hva er en overdose egentlig?").
        cues = by_sentence.get(hit.sentence, set())
        part = by_part.get(tokens[hit.start].clause, set())
        return (hit.sentence in questions or hit.sentence in asked) and "asks_about_word" in cues \
            and "personal" not in cues and "now" not in part

    # Time words, and who it is about, do not say when it happened: the act and the state do.
    telling = [h for h in hits if h.concept not in time_concepts] or hits
    if all(apart(h) for h in telling):
        return True
    if criterion:
        return all(asks(h) for h in telling)
    # "hva er vitsen med å leve" is no question about a word (rhetorical concepts).
    return all(asks_word(h) and h.concept not in rhetorical for h in telling)


def told_as_history(hits: list, tokens: List[Token], flags: Tuple[Dict[int, set], Dict[int, set], Dict[int, int]],
                    placeless: Set[str] = frozenset()) -> bool:
    """True when every hit (time words and people aside) is in a part of a sentence that tells of
    the past and not of now ("i fjor tok han en overdose", "for to år siden"): history, which needs
    no emergency number. Yesterday, a habit or a question are not history (doubt still names 113)."""
    by_part = flags[1]
    telling = [h for h in hits if h.concept not in placeless] or hits
    return all("distant_past" in by_part.get(tokens[h.start].clause, set()) and
               "now" not in by_part.get(tokens[h.start].clause, set()) for h in telling)


def phrase_apart(phrase: str, tokens: List[Token], negations: set, flags, questions) -> Optional[str]:
    """Whether every place a phrase is written is negated or read apart, as a danger word there
    would be: "history" when each is negated or told as the past ("har aldri hatt kramper",
    "døde av en overdose for fem år siden"), "apart" when some is a habit or a question, else None."""
    words = [fold(w) for w in WORD_OR_COMMA.findall(phrase) if w != ","]
    places = [i for i in range(len(tokens) - len(words) + 1)
              if words and all(tokens[i + k].folded == w for k, w in enumerate(words))]
    if not places:
        return None  # written in a way this reading does not see: it counts
    kinds = set()
    for i in places:
        hit = [Hit("", tokens[i].sentence, i, i + len(words))]
        if negated(tokens, i, i + len(words), negations, len(words) > 1) or \
                (read_apart(hit, tokens, flags, questions, False) and told_as_history(hit, tokens, flags)):
            kinds.add("history")
        elif read_apart(hit, tokens, flags, questions, False):
            kinds.add("apart")
        else:
            return None
    return "apart" if "apart" in kinds else "history"
