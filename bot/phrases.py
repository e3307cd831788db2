"""Phrase fragments Losen uses to compose dynamic lines (hours, distances, lists).

Whole sentences live in domain.yml as responses; the small pieces that are put together
inside a response's variable (weekday names, "åpen nå, stenger kl. {time}") live in
data/phrases/*.yml, one file per topic, so that every word Losen says is in a data file. Their
nynorsk forms are in data/phrases/nn/, with the same keys; `in_malform("nn")` chooses them for the
work done inside it (an action sets it from the conversation's malform slot).
"""
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import yaml

from bot import DATA

PHRASES_DIR = DATA / "phrases"
MALFORMS = {"nb": PHRASES_DIR, "nn": PHRASES_DIR / "nn"}
_malform: ContextVar[str] = ContextVar("malform", default="nb")


@contextmanager
def in_malform(malform: Optional[str]) -> Iterator[None]:
    """Phrases in this written standard (nb or nn; anything else is bokmål) inside the block."""
    token = _malform.set(malform if malform in MALFORMS else "nb")
    try:
        yield
    finally:
        _malform.reset(token)


@lru_cache(maxsize=2)
def _all(folder: Path = PHRASES_DIR) -> dict:
    merged: dict = {}
    for path in sorted(folder.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        overlap = set(merged) & set(content)
        if overlap:
            raise ValueError(f"{path.name}: phrase keys defined twice: {sorted(overlap)}")
        merged.update(content)
    return merged


def phrase(key: str, **values) -> str:
    """Return the phrase at a dotted key (e.g. "hours.open_until"), formatted with values."""
    node = _all(MALFORMS[_malform.get()])
    for part in key.split("."):
        node = node[part]
    return node.format(**values) if values else node
