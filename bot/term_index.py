"""The index of labelled terms (bot/terms.py): a message is read in one pass over its words.

Plain words are looked up by form and written forms by the written word; wildcard terms by a word's
own beginnings, endings and parts; a phrase is followed only where its words are in the sentence.
"""
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Tuple

from bot.terms import PLAIN_NEGATIONS, Term, Token, compound_tail


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
                # The tail itself, or a compound ending in it (the rule is bot/terms.py's compound_tail).
                tail = form[size - length:]
                if length <= size and tail in suffixes and compound_tail(form, tail):
                    found.update(suffixes[tail])
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
        # A negation between the words turns the phrase around, unless the phrase holds one itself.
        own_negation = any(p.value in PLAIN_NEGATIONS for p in term.parts)
        for index, part in enumerate(part_ids):
            limit = position + (1 if index == 0 else gap + 1)
            for j in range(position, min(limit, len(tokens))):
                if tokens[j].sentence != sentence:
                    return None
                if part in parts[j]:
                    position = j + 1
                    break
                if not own_negation and tokens[j].folded in PLAIN_NEGATIONS:
                    return None
            else:
                return None
        return position
