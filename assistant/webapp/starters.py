"""Starter questions for an empty chat, from assistant/data/starter_questions.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from assistant.core.errors import DataFileError
from assistant.text.analysis import DATA_DIR

STARTERS = DATA_DIR / "starter_questions.yaml"


def read_starter_questions(path: Path = STARTERS) -> list[str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot read it ({exc.strerror}); restore it from the repository") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"is not valid YAML ({exc}); fix the indicated line") from exc
    if not isinstance(data, list) or not all(isinstance(q, str) and q.strip() for q in data):
        raise DataFileError(path, "expected a list of questions (non-empty strings)")
    return [q.strip() for q in data]


@cache
def starter_questions() -> tuple[str, ...]:
    return tuple(read_starter_questions())
