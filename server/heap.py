"""The Rasa server's memory once the model is loaded: nothing it holds then is garbage.

- `gc.freeze()`: loading Rasa, TensorFlow and the model leaves about 830,000 Python objects that
  live as long as the server. Every full collection walked all of them: 300–740 ms during which
  no one got an answer (bench/load.py, 20 people: answers of 600–1000 ms). Frozen, they are never
  walked again; a full collection under the same load took 4 ms.
- `malloc_trim(0)`: glibc keeps the memory freed after loading and tracing the model for later
  use instead of returning it; trimming once after start-up hands it back: the idle server
  1135–1148 -> 1030–1038 MiB (2026-12-07).
  Trimming again every 10 s under bench/load.py changed nothing (the peak is reached before the
  load starts and stays flat), so it is done once.
`settle_once()` is called when the server is up (channels/safe_rest.py, after_server_start).
"""
import ctypes
import ctypes.util
import gc
import logging
from typing import Callable, Optional

logger = logging.getLogger(__name__)


def _malloc_trim() -> Optional[Callable[[int], int]]:
    """glibc's malloc_trim, or None on a C library that has none (musl, macOS)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim  # ctypes releases the GIL while it runs
    except (OSError, AttributeError):
        return None


_trim = _malloc_trim()
_settled = False


def trim() -> None:
    if _trim is not None:
        _trim(0)


def settle() -> None:
    """Collect once, freeze what is left, give freed memory back."""
    gc.collect()
    gc.freeze()
    trim()


def settle_once() -> None:
    """settle(), the first time it is called."""
    global _settled
    if _settled:
        return
    _settled = True
    settle()
    logger.info("heap settled: %d objects frozen for the garbage collector%s", gc.get_freeze_count(),
                "" if _trim else "; no malloc_trim in this C library")
