"""server/no_jax.py: jax is kept out only on the TensorFlow it was checked for, only before TensorFlow is
imported, and TensorFlow then loads as it does without jax installed (TFLite's jax converter off)."""
import subprocess
import sys

from server import no_jax

IN_A_FRESH_PROCESS = """
import sys
from server import no_jax
assert no_jax.install() is True, no_jax._outcome
import tensorflow
from tensorflow.lite.python import util
import rasa.core.run  # everything `rasa run` imports before it loads Losen's modules
assert no_jax.blocked() and util._xla_computation is None
assert not [m for m in sys.modules if m.startswith(("jax.", "jaxlib")) and sys.modules[m] is not None]
print("ok")
"""


def test_stays_off_on_another_tensorflow(monkeypatch):
    monkeypatch.setattr(no_jax, "_outcome", no_jax._outcome)
    monkeypatch.delitem(sys.modules, "jax", raising=False)
    assert no_jax.install("2.13.1") is False
    assert "jax" not in sys.modules
    assert "2.13.1" in no_jax._outcome


def test_stays_off_once_tensorflow_is_imported(monkeypatch):
    monkeypatch.setattr(no_jax, "_outcome", no_jax._outcome)
    monkeypatch.setitem(sys.modules, "tensorflow", object())
    monkeypatch.delitem(sys.modules, "jax", raising=False)
    assert no_jax.install("2.12.0") is False
    assert "jax" not in sys.modules


def test_rasa_loads_without_jax():
    done = subprocess.run([sys.executable, "-c", IN_A_FRESH_PROCESS], capture_output=True, text=True, timeout=300,
                          env={"TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ".", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]
