"""The words of a message as the situation matcher reads them: each word with its sentence, its part
of the sentence (a new part begins at a turn: "i fjor prøvde han, men nå ..."), its lemma forms, and
the catalogue word it is a likely typo of; and which numbers give an age rather than a count."""
from functools import lru_cache
from typing import Iterable, List

from rapidfuzz import fuzz, process

from bot.read_apart import ReadingCues
from bot.terms import WORD_OR_COMMA, Term, Token, forms, known_word, sentences, token_forms
from bot.textnorm import fold


class MessageWords:
    def __init__(self, terms: Iterable[Term], cues: ReadingCues, ages: dict):
        self.cues = cues
        # Typos are corrected towards the catalogue's own words only, never towards the cues
        # (a corrected "igjen" must not become the negation "ingen").
        self.vocab = sorted({part.value for term in terms for part in (term.parts or (term,))
                             if part.kind in ("word", "written") and len(part.value) >= 5})
        self.age_before = {fold(w) for w in ages.get("before", [])}
        self.age_after = {fold(w) for w in ages.get("after", [])}

    @lru_cache(maxsize=65536)
    def canonical(self, folded: str) -> str:
        """The catalogue word a written word most likely is (a typo), or the word itself.
        Short words are left alone: one letter off in five is another word ("snøen", "snøre")."""
        if len(folded) < 6 or not folded.isalpha() or known_word(folded):
            return folded
        best = process.extractOne(folded, self.vocab, scorer=fuzz.ratio, score_cutoff=80 if len(folded) >= 7 else 83)
        return best[0] if best else folded

    def tokens(self, text: str) -> List[Token]:
        """The words of a text, each with its sentence and its part of the sentence: a new part
        begins at a turn ("i fjor prøvde han, men nå ...", "..., nå har jeg mareritt")."""
        found = []
        part = 0
        for number, (sentence, _) in enumerate(sentences(text)):
            part += 1
            comma = False
            for match in WORD_OR_COMMA.finditer(sentence):
                word = match.group()
                if word == ",":
                    comma = True
                    continue
                folded = fold(word)
                if self.cues.turns(folded, comma):
                    part += 1
                comma = False
                exact = token_forms(word)
                # A real word is no typo, also when folding makes it look like none ("søster" -> "soster").
                canonical = folded if known_word(word.lower()) else self.canonical(folded)
                fuzzy = exact if canonical == folded else exact | forms(canonical) | {canonical}
                written = frozenset({folded, canonical})
                found.append(Token(word, folded, exact, fuzzy, number, part, written))
        return found

    def is_age(self, tokens: List[Token], i: int) -> bool:
        """A number that gives an age ("datteren min på 15", "16 år") is no count of pills."""
        before = tokens[i - 1].folded if i else ""
        after = tokens[i + 1].folded if i + 1 < len(tokens) else ""
        return tokens[i].folded.isdigit() and (before in self.age_before or after in self.age_after)
