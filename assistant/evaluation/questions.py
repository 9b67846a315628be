"""Loading and validating a JSON-lines questions file (fields as in shared/eval/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.core.errors import EvalFileError
from assistant.core.model import Language
from assistant.evaluation.matching import normalise

QuestionType = Literal["fact", "list", "date", "who", "motion", "cross_doc", "definition", "unanswerable"]
QUESTION_TYPES: tuple[str, ...] = get_args(QuestionType)
UNANSWERABLE = "unanswerable"


class EvalQuestion(BaseModel):
    """One line of a questions file; fields as in shared/eval/README.md."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    lang: Language
    type: QuestionType
    docs: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    answer: str = ""
    key_terms: tuple[str, ...] = ()
    original: str | None = None  # a rewording names the id of the question it rewords

    @property
    def group(self) -> str:
        """Questions and their rewordings share a group: cross-validation keeps a group in one fold."""
        return self.original or self.id

    @property
    def answerable(self) -> bool:
        return self.type != UNANSWERABLE

    @field_validator("evidence")
    @classmethod
    def _evidence_has_text(cls, evidence: tuple[str, ...]) -> tuple[str, ...]:
        for item in evidence:
            if not normalise(item):
                raise ValueError(f"evidence string {item!r} has no letters or digits")
        return evidence

    @field_validator("key_terms")
    @classmethod
    def _key_terms_have_text(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        for term in terms:
            if not all(normalise(alt) for alt in term.split("|")):
                raise ValueError(f"key term {term!r} has an empty alternative")
        return terms

    @model_validator(mode="after")
    def _evidence_matches_type(self) -> EvalQuestion:
        if self.answerable and not self.evidence:
            raise ValueError(f"a {self.type!r} question needs at least one evidence string")
        if not self.answerable and self.evidence:
            raise ValueError("an 'unanswerable' question must have no evidence strings")
        return self


def load_questions(path: Path | str) -> list[EvalQuestion]:
    """Read a JSON-lines questions file; blank lines are skipped, ids must be unique."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise EvalFileError(path, "file not found: give the path of a questions file (one JSON object a line)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(path, f"cannot read it as UTF-8 text ({exc})") from exc
    questions: list[EvalQuestion] = []
    first_line_of: dict[str, int] = {}
    # split on "\n" only: str.splitlines also splits on U+2028, which JSON strings may contain.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(path, f"not valid JSON ({exc.msg} at column {exc.colno})", number) from exc
        if not isinstance(data, dict):
            raise EvalFileError(path, f"expected a JSON object, got {type(data).__name__}", number)
        try:
            question = EvalQuestion.model_validate(data)
        except ValidationError as exc:
            raise EvalFileError(path, _describe(exc), number) from exc
        if question.id in first_line_of:
            raise EvalFileError(
                path, f"duplicate id {question.id!r} (first used on line {first_line_of[question.id]})", number
            )
        first_line_of[question.id] = number
        questions.append(question)
    if not questions:
        raise EvalFileError(path, "no questions in the file: expected one JSON object a line")
    return questions


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        message = error["msg"].removeprefix("Value error, ")
        loc = ".".join(str(part) for part in error["loc"])
        problems.append(f"field {loc!r}: {message}" if loc else message)
    return "; ".join(problems) + " (fields are described in shared/eval/README.md)"
