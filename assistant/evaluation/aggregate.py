"""Averages and rounding that keep None for a metric with nothing to average."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def mean_or_none(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def round_or_none(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
