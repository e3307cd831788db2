"""The one place in bot/ that touches Rasa: loading the trained model to parse messages.

Imported lazily by `python -m bot assess|evaluate`, so bot/ stays importable without Rasa. The
parse is the same one the running Rasa server makes (the whole NLU pipeline, red-flag layer
included), so the CLI and the bot follow the same code path.
"""
import asyncio
import sys
from pathlib import Path
from typing import Callable, Optional

from bot import ROOT


def latest_model(models_dir: Path = ROOT / "models") -> Optional[Path]:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def load_parser(model_path: Optional[Path] = None) -> Optional[Callable[[str], dict]]:
    """A function text -> Rasa parse dict, or None (with a note on stderr) when no model exists."""
    model_path = model_path or latest_model()
    if model_path is None:
        print("Ingen trent modell i models/ (kjør ./losen train); vurderer med røde flagg alene.", file=sys.stderr)
        return None
    import logging

    from rasa.core.agent import Agent  # lazy on purpose
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structured logger would print every parsed message at debug level.
    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.ERROR)

    agent = Agent.load(str(model_path))
    loop = asyncio.new_event_loop()

    def parse(text: str) -> dict:
        return loop.run_until_complete(agent.parse_message(text))

    return parse
