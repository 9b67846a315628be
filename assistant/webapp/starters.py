"""Starter questions for an empty chat, from assistant/data/starter_questions.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import RootModel

from assistant.core.datafiles import RESTORE_PACKAGE_FILE, Text, data_path, load_yaml

STARTERS = data_path("starter_questions.yaml")
StarterQuestionsFile = RootModel[list[Text]]  # a list of questions


def read_starter_questions(path: Path = STARTERS) -> list[str]:
    return list(load_yaml(path, StarterQuestionsFile, restore=RESTORE_PACKAGE_FILE).root)


@cache
def starter_questions() -> tuple[str, ...]:
    return tuple(read_starter_questions())
