"""Losen's action server: python -m actions [--port 5055] (the same server as `rasa run actions`).

Its default port, 5055, is Rasa's default and the one endpoints.yml names, so `python -m actions`
(or `rasa run actions`) next to a plain `rasa run` needs no setting. The log privacy of actions/
(bot/log_privacy.py) is installed when the package is imported, before any action runs.

Started this way, the action server never loads TensorFlow: spaCy's thinc imports it whenever it is
installed, and the actions never use it. That keeps the action server near 200 MB instead of 500.
"""
import sys

sys.modules.setdefault("tensorflow", None)  # before anything imports spaCy: makes `import tensorflow` fail

from rasa_sdk.__main__ import main  # noqa: E402

if __name__ == "__main__":
    if "--actions" not in sys.argv:
        sys.argv[1:1] = ["--actions", "actions"]
    main()
