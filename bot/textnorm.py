"""Text normalisation shared by the deterministic matchers (red flags, audience, places)."""
import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "á": "a", "č": "c", "đ": "d",
                       "ŋ": "n", "š": "s", "ŧ": "t", "ž": "z"})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case and fold Norwegian and Sami letters to ASCII, so 'Våkner' == 'vakner'."""
    # Words are folded again and again (every matcher folds every word): those are cached.
    return _fold_word(text) if len(text) <= _WORD_CHARS else _fold(text)


_WORD_CHARS = 40


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_fold_word = lru_cache(maxsize=65536)(_fold)


def words(text: str) -> list:
    """Folded word tokens, punctuation dropped."""
    return [w for w in _NON_WORD.split(fold(text)) if w]
