"""Losen's domain core: guideline criteria, service catalogue, opening hours, places, texts.

Nothing in this package imports Rasa, so it can be used and tested on its own.
"""
import os
from pathlib import Path

# spaCy imports TensorFlow when it is installed; keep its start-up chatter out of the output.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
