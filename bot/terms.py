"""Words and terms the situation matcher reads with: sentences, lemma forms, terms and tokens (the
index that reads a message in one pass is bot/term_index.py).

A term is a word in any inflection (its bokmål and nynorsk lemmas, from simplemma's tables, after
folding å -> a), `stem*`, `*tail` (compounds: "*skade" catches "hodeskade"), `*part*`, `=form` (that
written form only, on both sides: "=drukket" is not "drikker", and "=meg" is not "jeg", whose lemma
"meg" would otherwise be), or a phrase of several such words, with up to two other words allowed
between them ("våkner hun ikke"); words joined by "_" must stand next to each other ("drepe_seg":
not "drepe mamma og seg").
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Tuple

from bot.textnorm import fold

_SENTENCE_SPLIT = re.compile(r"([.!?;:\n]+|\s[-–]\s)")


def sentences(text: str) -> List[Tuple[str, bool]]:
    """The sentences of a text, each with whether it ends in a question mark."""
    pieces = _SENTENCE_SPLIT.split(text)
    found = []
    for i in range(0, len(pieces), 2):
        separator = pieces[i + 1] if i + 1 < len(pieces) else ""
        found.append((pieces[i], "?" in separator))
    return found


# simplemma's tables are read in their compact form (low_memory): the same words and lemmas, about
# 10 MiB for bokmål and nynorsk instead of 70 MiB as Python dicts. A look-up costs some microseconds
# more, once per distinct word: the answers are cached here.
def _lemmas(lowered: str) -> FrozenSet[str]:
    """The word's bokmål and nynorsk lemmas, folded."""
    from simplemma import lemmatize  # loaded on first use: the tables take a moment

    found = set()
    for lang in ("nb", "nn"):
        try:
            found.add(fold(lemmatize(lowered, lang=lang, low_memory=True)))
        except ValueError:  # simplemma rejects some odd tokens; the folded word still counts
            pass
    return frozenset(found)


@lru_cache(maxsize=131072)
def forms(word: str) -> FrozenSet[str]:
    """The folded word and its bokmål and nynorsk lemmas: what a written word can mean."""
    lowered = word.lower()
    return frozenset({fold(lowered)}) | _lemmas(lowered)


@lru_cache(maxsize=131072)
def token_forms(word: str) -> FrozenSet[str]:
    """What a word in a message can mean: as `forms`, except that a known word which folding turns
    into another word ("får" -> "far", "når" -> "nar") is read by its lemmas alone. The catalogue's
    terms keep their folded form, so "far ikke puste" typed without å still meets "får ikke puste"."""
    lowered = word.lower()
    if fold(lowered) == lowered or not known_word(lowered):
        return forms(word)
    return _lemmas(lowered) or forms(word)


# A word or a comma: how the matchers cut a sentence (a comma can mark a turn: ", nå").
WORD_OR_COMMA = re.compile(r"\w+|,", re.UNICODE)


@lru_cache(maxsize=131072)
def known_in(word: str, lang: str) -> bool:
    """Whether simplemma's table for `lang` (nb or nn) has the word."""
    from simplemma import is_known

    return is_known(word, lang=lang, low_memory=True)


@lru_cache(maxsize=131072)
def known_word(word: str) -> bool:
    """A real bokmål or nynorsk word is no typo: "farlig" is not a misspelt "dårlig"."""
    return known_in(word, "nb") or known_in(word, "nn")


def has_known_word(text: str) -> bool:
    """False when the message has words but none is bokmål or nynorsk ("qwzx plomb vrrr"): the
    model's guess for such a message means nothing. Numbers and signs alone count as known."""
    found = re.findall(r"[^\W\d_]{2,}", (text or "").lower())
    return not found or any(known_word(word) for word in found)


@dataclass(frozen=True)
class Term:
    kind: str            # word | written | prefix | suffix | contains | phrase
    value: str = ""      # folded text for the wildcard kinds and written forms
    forms: FrozenSet[str] = frozenset()
    parts: Tuple["Term", ...] = ()
    tight: bool = False  # a phrase whose words stand next to each other

    def matches(self, token: "Token", exact: bool = False) -> bool:
        # exact: the written word and its lemmas only, no typo correction (for the cues: a
        # corrected "igjen" must not become the negation "ingen").
        if self.kind == "written":
            return self.value in token.written_forms(exact)
        candidates = token.exact if exact else token.forms
        if self.kind == "word":
            return bool(self.forms & candidates)
        # Wildcards test the written word and its lemmas ("bakhodet" -> "bakhode" ends in "hode").
        if self.kind == "prefix":
            return any(f.startswith(self.value) for f in candidates)
        if self.kind == "suffix":
            return any(compound_tail(f, self.value) for f in candidates)
        return any(self.value in f for f in candidates)


# The plain negations ("ikke" and its forms). A phrase whose own words hold none is negated by one
# right before it ("har ikke skadet seg", bot/read_apart.py) and does not reach across one
# ("vil ikke dø" is no "vil dø", bot/term_index.py); "puster ikke" carries its own. "uten", "ingen" and
# "aldri" before a phrase usually belong to something else ("uten jakke i snøen").
PLAIN_NEGATIONS = frozenset({"ikke", "ikkje", "ikk", "ike", "itj", "ittj", "ikkj"})


# A compound's first part has two letters or more ("ølflaske"): "spiller" is no "*piller".
MIN_COMPOUND_HEAD = 2


def compound_tail(word: str, tail: str) -> bool:
    """Whether `word` is `tail` itself or a compound ending in it."""
    return word.endswith(tail) and (len(word) == len(tail) or len(word) - len(tail) >= MIN_COMPOUND_HEAD)


# Object pronouns are read as written: the lemmatiser makes "meg" "jeg" and "ham" "han", so
# "kutta meg" would otherwise be "kutta jeg" and every subject a victim.
OBJECT_PRONOUNS = frozenset({"meg", "deg", "seg", "ham", "henne", "oss", "dere", "dem", "mae", "dae", "sae", "dykk"})


def _single(text: str) -> Term:
    folded = fold(text)
    if folded in OBJECT_PRONOUNS:
        return Term("written", folded)
    if text.startswith("=") and len(text) > 1:  # this written form only ("=drukket": not "drikker")
        return Term("written", folded[1:])
    if text.startswith("*") and text.endswith("*") and len(text) > 2:
        return Term("contains", folded.strip("*"))
    if text.startswith("*"):
        return Term("suffix", folded[1:])
    if text.endswith("*"):
        return Term("prefix", folded[:-1])
    return Term("word", folded, forms(text))


def compile_term(text: str) -> Term:
    words = text.split()
    if len(words) == 1 and "_" in text.strip("_"):
        return Term("phrase", fold(text), parts=tuple(_single(w) for w in text.split("_")), tight=True)
    if len(words) == 1:
        return _single(words[0])
    return Term("phrase", fold(text), parts=tuple(_single(w) for w in words))


@dataclass
class Token:
    text: str
    folded: str
    exact: FrozenSet[str]   # the written word and its lemmas
    forms: FrozenSet[str]   # the same, plus the catalogue word it is a likely typo of
    sentence: int
    clause: int = 0          # the part of a sentence, counted over the whole text (a new one after a turn)
    written: FrozenSet[str] = frozenset()  # the folded written word, and the catalogue word it is a typo of

    def written_forms(self, exact: bool = False) -> FrozenSet[str]:
        return frozenset({self.folded}) if exact or not self.written else self.written
