"""bot/term_index.py's TermIndex finds wildcard terms and phrase words by look-up; the answers must be
those of testing every term against a word with Term.matches, as the index did before."""
import random

from bot.situations import default_matcher
from bot.terms import Token, forms


def _words() -> list:
    matcher = default_matcher()
    rng = random.Random(7)
    words = list(matcher.words.vocab)
    # compounds and inflections of the catalogue's words, and a few odd ones
    words += [rng.choice(matcher.words.vocab) + rng.choice(matcher.words.vocab) for _ in range(400)]
    words += [w + suffix for w in rng.sample(matcher.words.vocab, 200) for suffix in ("en", "ene", "et", "er", "te")]
    words += ["", "a", "x", "hodeskade", "sovetablettene", "overdosen", "12", "ikkje", "meg", "seg"]
    return words


def _probe(word: str) -> Token:
    found = forms(word) if word else frozenset({""})
    return Token(word, word, found, found, 0)


def test_wildcards_found_as_matches_finds_them():
    matcher = default_matcher()
    wild_found = 0
    for index in (matcher.concepts, matcher.cues.index):
        for word in _words():
            probe = _probe(word)
            candidates = probe.exact
            wild = {label for label, term in index.wild if term.matches(probe, exact=True)}
            by_form = {label for form in candidates for label in index.by_form.get(form, set())}
            assert index._singles_uncached(candidates) == frozenset(by_form | wild), word
            wild_found += bool(wild)
            parts = {number for number, part in index.wild_parts if part.matches(probe, exact=True)}
            assert index._wild_parts_uncached(candidates) == frozenset(parts), word
            firsts = [entry for entry in index.wild_phrases if entry[1].parts[0].matches(probe, True)]
            assert [e for e in index._phrase_candidates_uncached(candidates, frozenset()) if e in index.wild_phrases] \
                == firsts, word
    assert wild_found > 100  # the words did meet the wildcards

