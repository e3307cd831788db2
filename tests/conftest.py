import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stack import model_path, start_stack  # noqa: E402


@pytest.fixture(scope="session")
def stack():
    """Losen's action server and Rasa server, started once for all stack tests."""
    if model_path() is None:
        pytest.skip("no trained model in models/: run ./losen train (./losen test trains before these tests)")
    running = start_stack()
    yield running
    running.stop()
