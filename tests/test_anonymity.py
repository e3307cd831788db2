"""A conversation with a unique marker leaves no trace of it in any log or file the run wrote."""
import os
import time
import uuid
from pathlib import Path

import pytest

from bot import ROOT

pytestmark = pytest.mark.stack
SKIP_DIRS = {".venv", ".git", "node_modules", "__pycache__", ".hypothesis"}


def files_written_since(roots, since: float):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            for name in filenames:
                path = Path(dirpath) / name
                try:
                    if path.stat().st_mtime >= since and path.stat().st_size < 50_000_000:
                        yield path
                except OSError:
                    continue


def test_marker_is_not_written_anywhere(stack):
    started = time.time() - 1
    marker = "markør" + uuid.uuid4().hex
    sender = "sender" + uuid.uuid4().hex
    for text in (f"hei {marker}", f"det er krise {marker}", f"jeg bor i {marker}", f"hjelp han puster ikke {marker}"):
        assert stack.send(sender, text)
    time.sleep(1)
    leaks = [str(p) for p in files_written_since([stack.logdir, ROOT, Path("/tmp")], started)
             if marker.encode() in p.read_bytes() or sender.encode() in p.read_bytes()]
    assert not leaks, f"marker or sender id found in {leaks}"
