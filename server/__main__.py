"""Losen's Rasa server: `python -m server run -m models ...` takes Rasa's own command line (`rasa ...`).

The one difference from `rasa`: jax is blocked before Rasa imports TensorFlow (server/no_jax.py),
so the server holds 50–65 MiB less. ./losen, the stack tests and the load benchmark start Losen
this way; plain `rasa run` gives the same bot.
"""
import sys

from server import no_jax

no_jax.install()

from rasa.__main__ import main  # noqa: E402  (after the block: this imports TensorFlow)

if __name__ == "__main__":
    sys.exit(main())
