"""bot/redflags.py matches the pattern files as spaCy's Matcher would: the same matches, in the same
order (the first match of a flag gives its text, and the order of the flags is the reading's).

Each pattern file's patterns are given to spaCy's Matcher too, and both read the NLU training
examples and sentences made at random from the patterns' own words (so that gaps, optional slots,
wildcards and numbers are all exercised)."""
import random
import re

import pytest
import yaml
from spacy.matcher import Matcher
from spacy.tokens import Token

from bot import DATA
from bot.audience_data import cue_matcher
from bot.redflags import default_matcher
from bot.textnorm import fold
from bot.wants import _matcher as wants_matcher

if not Token.has_extension("forms"):
    Token.set_extension("forms", default="")

FILLER = ["og", "jeg", "han", "hun", "ikke", "nå", "i", "går", "det", "er", "har", "12", "3", "250", ",", ".", "?",
          "mamma", "Våkner", "blør", "tok", "piller", "sovetabletter", "hjelp", "hva", "gjør", "kan", "min", "sønnen"]


def _nlu_examples() -> list:
    texts = []
    for path in sorted((DATA / "nlu").glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in (item.get("examples") or "").splitlines():
                line = re.sub(r"^\s*-\s*", "", line).strip()
                if line:
                    texts.append(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line))
    return texts


def _random_texts(matcher, count: int, seed: int) -> list:
    rng = random.Random(seed)
    words = sorted(matcher.vocab) + FILLER
    texts = []
    for _ in range(count):
        picked = [rng.choice(words) for _ in range(rng.randint(1, 25))]
        if rng.random() < 0.3:  # a typo now and then, for the fuzzy matchers
            i = rng.randrange(len(picked))
            picked[i] = picked[i][:-1] + "x" if len(picked[i]) > 4 else picked[i]
        texts.append(" ".join(picked))
    return texts


def _spacy_matches(matcher, norms_of, text: str) -> list:
    spacy_matcher = _spacy_matcher(matcher)
    doc = matcher.nlp.make_doc(text)
    norms, forms = norms_of(doc)
    for token, norm, form in zip(doc, norms, forms):
        token.norm_ = norm
        token._.forms = form
    return [(matcher.nlp.vocab.strings[m], s, e) for m, s, e in spacy_matcher(doc)]


_SPACY = {}


def _spacy_matcher(matcher) -> Matcher:
    if id(matcher) not in _SPACY:
        spacy_matcher = Matcher(matcher.nlp.vocab)
        for key, pattern in matcher.patterns:
            spacy_matcher.add(key, [pattern])
        _SPACY[id(matcher)] = spacy_matcher
    return _SPACY[id(matcher)]


def _fuzzy_norms(matcher):
    def norms_of(doc):
        norms = [matcher.canonical(fold(t.text)) or t.norm_ for t in doc]
        return norms, [f"{n} {fold(t.text)}" for n, t in zip(norms, doc)]
    return norms_of


def _plain_norms(doc):
    return [fold(t.text) or t.norm_ for t in doc], [f"{fold(t.text)} {fold(t.text)}" for t in doc]


MATCHERS = {
    "red_flags": lambda: (default_matcher(), _fuzzy_norms(default_matcher())),
    "audience": lambda: (cue_matcher()[0], _fuzzy_norms(cue_matcher()[0])),
    "wants": lambda: (wants_matcher(), _plain_norms),
}


@pytest.mark.parametrize("name", sorted(MATCHERS))
def test_same_matches_as_spacy(name):
    matcher, norms_of = MATCHERS[name]()
    texts = _nlu_examples() + _random_texts(matcher, 1500, seed=len(name))
    matched = 0
    for text in texts:
        doc = matcher.nlp.make_doc(text)
        norms, forms = norms_of(doc)
        ours = matcher.matches(norms, forms)
        assert ours == _spacy_matches(matcher, norms_of, text), text
        matched += bool(ours)
    assert matched > len(texts) // 20  # the texts did exercise the patterns


@pytest.mark.parametrize("text, said", [
    ("Det er ingen krise akkurat nå, men jeg trenger å snakke med noen", False),
    ("Ingenting akutt, men jeg er så sliten", False),
    ("det haster ikke", False),
    ("det er krise", True),
    ("det er ikke bra, det er krise!!", True),         # "ikke" elsewhere in the sentence does not turn it
    ("han er ikke våken, det er kritisk", True),
])
def test_the_word_crisis_said_to_be_not_so_is_not_said(text, said):
    # Only the person's own word for a crisis opens with "Når du sier at det er krise" (data/red_flags.yml).
    from bot.redflags import detect
    assert ("crisis_said" in {flag.id for flag in detect(text)}) is said
