"""Keeps jax out of the Rasa server: 50–65 MiB that nothing in Losen uses (after importing Rasa 528 ->
463 MiB, after loading the model and 20 messages 1162 -> 1110 MiB; 2026-12-07).

TensorFlow 2.12 imports jax when it is installed, only for TFLite's jax converter
(tensorflow/lite/python/util.py: `try: from jax import xla_computation except ImportError`);
Rasa never converts to TFLite. Marking jax as not importable before TensorFlow is imported makes
that import fail the way TensorFlow expects when jax is absent. `rasa run` imports TensorFlow
before it loads any of Losen's modules, so the block is installed by the launcher
(`python -m server`), never by importing this module; plain `rasa run` works, only without the
saving. Applied only on the TensorFlow version it was checked for (WRITTEN_FOR); on any other it
stays off. `report()` logs the outcome once, after Rasa has set up its logging.
"""
import logging
import sys
from importlib import metadata

WRITTEN_FOR = "2.12."  # TensorFlow versions whose only jax import is the optional TFLite one
logger = logging.getLogger(__name__)
_outcome = "jax is not blocked (the Rasa server was not started with python -m server)"
_reported = False


def tensorflow_version() -> str:
    try:
        return metadata.version("tensorflow")
    except metadata.PackageNotFoundError:
        return "none"


def install(version: str = None) -> bool:
    """Make jax unimportable if TensorFlow is the version this was checked for and not yet imported."""
    global _outcome
    version = version or tensorflow_version()
    if not version.startswith(WRITTEN_FOR):
        _outcome = f"jax is not blocked: checked for TensorFlow {WRITTEN_FOR}x, this is {version}"
        return False
    if "tensorflow" in sys.modules:
        _outcome = "jax is not blocked: TensorFlow was imported before the block could be installed"
        return False
    if sys.modules.get("jax", False) is None:
        return True
    if "jax" in sys.modules:
        _outcome = "jax is not blocked: it is already imported"
        return False
    sys.modules["jax"] = None  # `import jax` now raises ImportError, as if it were not installed
    _outcome = f"jax blocked (TensorFlow {version} imports it only for TFLite's jax converter)"
    return True


def blocked() -> bool:
    return "jax" in sys.modules and sys.modules["jax"] is None


def report() -> None:
    """Log once what install() did (or that it was not called)."""
    global _reported
    if not _reported:
        logger.info(_outcome)
        _reported = True
