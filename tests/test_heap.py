"""server/heap.py: settling the heap freezes what is alive for the garbage collector, once."""
import gc

from server import heap


def test_settle_once_freezes_what_is_alive(monkeypatch):
    monkeypatch.setattr(heap, "_settled", False)
    try:
        heap.settle_once()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        heap.settle_once()  # a second call does nothing
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
