"""The training examples in Rasa's NLU files (data/nlu/*.yml), read outside Rasa: for the answer picker's
messages that ask for no answer (bot/answer_picker.py) and the criteria model's calm messages
(bot/criteria_model.py)."""
import re
from pathlib import Path
from typing import List, Tuple

import yaml

# "[Bergen](place)" or "[Bergen]{"entity": "place"}" -> "Bergen"
_ANNOTATION = re.compile(r"\[([^\]]*)\](\{[^}]*\}|\([^)]*\))")


def intent_examples(folder: Path) -> List[Tuple[str, str]]:
    """(intent, example) for every example in the folder's NLU files, file by file, entity annotations
    taken out."""
    found = []
    for path in sorted(folder.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            name = block.get("intent") or ""
            if name:
                found += [(name, _ANNOTATION.sub(r"\1", line.strip()[2:].strip()))
                          for line in (block.get("examples") or "").splitlines() if line.strip().startswith("- ")]
    return found
