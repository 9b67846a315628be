"""The fitted answer model: two logistic regressions and the selection settings chosen with them.

`sentence` scores how likely a sentence holds the answer; `answerable` how likely the retrieved passages
answer the question at all. Both were fitted by bench/fit_answer_model.py on the development questions
and their rewordings; its k-fold held-out figures are in the file under `report`. Prediction needs
numpy only.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, model_validator

from assistant.core.errors import DataFileError

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "answer_model.json"
# Fitted without the dense signals: for a store whose dense leg is off or uses another embedding model
# (its similarities are on another scale than the ones the main file was fitted on).
LEXICAL_MODEL_FILE = MODEL_FILE.with_name("answer_model_lexical.json")


class LogisticModel(BaseModel):
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    @model_validator(mode="after")
    def _same_lengths(self) -> LogisticModel:
        if not len(self.features) == len(self.mean) == len(self.scale) == len(self.coef):
            raise ValueError("features, mean, scale and coef must have one entry per feature")
        return self

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept
        for name, mean, scale, coef in zip(self.features, self.mean, self.scale, self.coef):
            z += coef * (values.get(name, 0.0) - mean) / (scale or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Selection(BaseModel):
    answer_threshold: float = Field(ge=0, le=1, description="Answer when P(answerable) reaches this; else refuse.")
    keep_ratio: float = Field(ge=0, le=1, description="Further sentences of the best passage need this share of the best's probability.")
    other_passage_ratio: float = Field(ge=0, le=2, description="A sentence of another passage needs this share (above 1: never).")
    max_sentences: int = Field(ge=1, le=12)
    concise_sentences: int = Field(ge=1, le=12, description="For who/when/how-many questions.")


class AnswerModel(BaseModel):
    sentence: LogisticModel
    answerable: LogisticModel
    selection: Selection
    embedding_model: str | None = None  # whose dense similarities it was fitted on; None: it uses none
    report: dict = Field(default_factory=dict)  # how it was fitted and its held-out figures

    def save(self, path: Path = MODEL_FILE) -> None:
        path.write_text(json.dumps(self.model_dump(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def read_answer_model(path: Path = MODEL_FILE) -> AnswerModel:
    try:
        return AnswerModel.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot read the answer model ({exc.strerror}): run `python -m bench.fit_answer_model`") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataFileError(path, f"field {where!r}: {first['msg']}; refit with `python -m bench.fit_answer_model`") from exc


@cache
def load_answer_model(path: Path = MODEL_FILE) -> AnswerModel:
    return read_answer_model(path)


def answer_model_for(embedding_model: str, dense_on: bool) -> AnswerModel:
    """The fitted model whose signals this configuration produces."""
    model = load_answer_model(MODEL_FILE)
    if dense_on and model.embedding_model == embedding_model:
        return model
    return load_answer_model(LEXICAL_MODEL_FILE)
