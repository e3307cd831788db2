"""Words and terms the situation matcher reads with: sentences, lemma forms, and term lists
indexed so that a message is read in one pass.

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
from typing import Dict, FrozenSet, List, Optional, Tuple

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
@lru_cache(maxsize=131072)
def forms(word: str) -> FrozenSet[str]:
    """The folded word and its bokmål and nynorsk lemmas: what a written word can mean."""
    from simplemma import lemmatize  # loaded on first use: the tables take a moment

    lowered = word.lower()
    found = {fold(lowered)}
    for lang in ("nb", "nn"):
        try:
            found.add(fold(lemmatize(lowered, lang=lang, low_memory=True)))
        except ValueError:  # simplemma rejects some odd tokens; the folded word still counts
            pass
    return frozenset(found)


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
            return any(f.endswith(self.value) for f in candidates)
        return any(self.value in f for f in candidates)


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


def phrase_end(term: Term, tokens: List[Token], start: int, exact: bool, gap: int = 2) -> Optional[int]:
    """End index of `term` (a phrase) starting at `start`; up to `gap` words may come between
    its parts ("våkner hun ikke"), all in one sentence."""
    position = start
    gap = 0 if term.tight else gap
    for index, part in enumerate(term.parts):
        limit = position + (1 if index == 0 else gap + 1)
        for j in range(position, min(limit, len(tokens))):
            if tokens[j].sentence != tokens[start].sentence:
                return None
            if part.matches(tokens[j], exact):
                position = j + 1
                break
        else:
            return None
    return position


class Wildcards:
    """Wildcard terms (`stem*`, `*tail`, `*part*`), found for a word by looking up its own beginnings,
    endings and parts of the terms' lengths, instead of testing every term against it."""

    def __init__(self, terms: List[Term]):
        self.values: Dict[str, Dict[str, List[int]]] = {"prefix": {}, "suffix": {}, "contains": {}}
        for number, term in enumerate(terms):
            self.values[term.kind].setdefault(term.value, []).append(number)
        self.lengths = {kind: sorted({len(v) for v in values}) for kind, values in self.values.items()}

    def matching(self, candidates: FrozenSet[str]) -> set:
        """The numbers of the terms that one of the forms starts with, ends with or contains."""
        found = set()
        prefixes, suffixes, parts = self.values["prefix"], self.values["suffix"], self.values["contains"]
        for form in candidates:
            size = len(form)
            for length in self.lengths["prefix"]:
                if length <= size and form[:length] in prefixes:
                    found.update(prefixes[form[:length]])
            for length in self.lengths["suffix"]:
                if length <= size and form[size - length:] in suffixes:
                    found.update(suffixes[form[size - length:]])
            for length in self.lengths["contains"]:
                for start in range(size - length + 1):
                    if form[start:start + length] in parts:
                        found.update(parts[form[start:start + length]])
        return found


class TermIndex:
    """Labelled terms, indexed so that a message is read in one pass over its words.

    Plain words are looked up by form, written forms (`=form`) by the written word; wildcards are
    tested once per distinct word (cached); a phrase is tried only where its first word matched.
    The words of all phrases are indexed the same way, so a phrase is followed by set look-ups
    (which of its words each token is) instead of testing every word against every token.
    """

    def __init__(self, labelled: Dict[str, List[Term]], gap: int = 2):
        self.gap = gap  # words allowed between a phrase's parts
        self.by_form: Dict[str, set] = {}
        self.by_written: Dict[str, set] = {}
        self.wild: List[Tuple[str, Term]] = []
        self.phrases_by_form: Dict[str, List[Tuple[str, Term, tuple]]] = {}
        self.phrases_by_written: Dict[str, List[Tuple[str, Term, tuple]]] = {}
        self.wild_phrases: List[Tuple[str, Term, tuple]] = []
        # The single-word parts of phrases, numbered: by form, by written word, wildcards.
        self._part_ids: Dict[Term, int] = {}
        self.parts_by_form: Dict[str, set] = {}
        self.parts_by_written: Dict[str, set] = {}
        self.wild_parts: List[Tuple[int, Term]] = []
        for label, terms in labelled.items():
            for term in terms:
                if term.kind == "phrase":
                    part_ids = tuple(self._part_id(part) for part in term.parts)
                    entry = (label, term, part_ids, frozenset(part_ids))
                    first = term.parts[0]
                    if first.kind == "word":
                        for form in first.forms:
                            self.phrases_by_form.setdefault(form, []).append(entry)
                    elif first.kind == "written":
                        self.phrases_by_written.setdefault(first.value, []).append(entry)
                    else:
                        self.wild_phrases.append(entry)
                elif term.kind == "word":
                    for form in term.forms:
                        self.by_form.setdefault(form, set()).add(label)
                elif term.kind == "written":
                    self.by_written.setdefault(term.value, set()).add(label)
                else:
                    self.wild.append((label, term))
        self._wild_singles = Wildcards([term for _, term in self.wild])
        self._wild_part_terms = Wildcards([part for _, part in self.wild_parts])
        self._wild_firsts = Wildcards([entry[1].parts[0] for entry in self.wild_phrases])
        self._singles = lru_cache(maxsize=65536)(self._singles_uncached)
        self._wild_parts = lru_cache(maxsize=65536)(self._wild_parts_uncached)
        self._phrase_candidates = lru_cache(maxsize=65536)(self._phrase_candidates_uncached)

    def _part_id(self, part: Term) -> int:
        if part in self._part_ids:
            return self._part_ids[part]
        number = self._part_ids[part] = len(self._part_ids)
        if part.kind == "word":
            for form in part.forms:
                self.parts_by_form.setdefault(form, set()).add(number)
        elif part.kind == "written":
            self.parts_by_written.setdefault(part.value, set()).add(number)
        else:
            self.wild_parts.append((number, part))
        return number

    def _singles_uncached(self, candidates: FrozenSet[str]) -> FrozenSet[str]:
        labels = set()
        for form in candidates:
            labels |= self.by_form.get(form, set())
        matched = self._wild_singles.matching(candidates)
        # Added in the order of self.wild, as one set, as they always were (the order of a set of
        # labels is the order of the spans found).
        labels |= {label for number, (label, _) in enumerate(self.wild) if number in matched}
        return frozenset(labels)

    def _wild_parts_uncached(self, candidates: FrozenSet[str]) -> FrozenSet[int]:
        matched = self._wild_part_terms.matching(candidates)
        return frozenset(self.wild_parts[k][0] for k in matched)

    def _parts_matched(self, candidates: FrozenSet[str], written: FrozenSet[str]) -> set:
        """The ids of the phrase words a token is (as Term.matches would say, one by one)."""
        found = set(self._wild_parts(candidates))
        for form in candidates:
            found |= self.parts_by_form.get(form, set())
        for form in written:
            found |= self.parts_by_written.get(form, set())
        return found

    def _phrase_candidates_uncached(self, candidates: FrozenSet[str], written: FrozenSet[str]) -> tuple:
        """The phrases whose first word a token is, in the order they are tried."""
        found = [entry for form in candidates for entry in self.phrases_by_form.get(form, [])]
        found += [entry for form in written for entry in self.phrases_by_written.get(form, [])]
        matched = self._wild_firsts.matching(candidates)
        return tuple(found + [entry for number, entry in enumerate(self.wild_phrases) if number in matched])

    def find(self, tokens: List[Token], exact: bool = False) -> List[Tuple[str, int, int, bool]]:
        """(label, start, end, is_phrase) for every place a term matches."""
        spans = []
        # The phrase words each token is, and all of them per sentence: a phrase is followed only
        # where every one of its words is in the sentence.
        parts = [self._parts_matched(t.exact if exact else t.forms, t.written_forms(exact)) for t in tokens]
        in_sentence: Dict[int, set] = {}
        for token, found in zip(tokens, parts):
            in_sentence.setdefault(token.sentence, set()).update(found)
        for i, token in enumerate(tokens):
            candidates = token.exact if exact else token.forms
            written = token.written_forms(exact)
            labels = set(self._singles(candidates))
            for form in written:
                labels |= self.by_written.get(form, set())
            spans.extend((label, i, i + 1, False) for label in labels)
            present = in_sentence[token.sentence]
            for label, term, part_ids, needed in self._phrase_candidates(candidates, written):
                if needed <= present:
                    end = self._phrase_end(term, part_ids, tokens, parts, i)
                    if end is not None:
                        spans.append((label, i, end, True))
        return spans

    def _phrase_end(self, term: Term, part_ids: tuple, tokens: List[Token], parts: list, start: int) -> Optional[int]:
        """phrase_end, with each token's phrase words looked up once instead of matched part by part."""
        position = start
        gap = 0 if term.tight else self.gap
        sentence = tokens[start].sentence
        for index, part in enumerate(part_ids):
            limit = position + (1 if index == 0 else gap + 1)
            for j in range(position, min(limit, len(tokens))):
                if tokens[j].sentence != sentence:
                    return None
                if part in parts[j]:
                    position = j + 1
                    break
            else:
                return None
        return position
