"""Latency percentiles over timed calls."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.evaluation.aggregate import round_or_none


@dataclass(frozen=True)
class LatencyStats:
    calls: int
    p50: float | None
    p95: float | None
    mean: float | None
    max: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "p50": round_or_none(self.p50, 1),
            "p95": round_or_none(self.p95, 1),
            "mean": round_or_none(self.mean, 1),
            "max": round_or_none(self.max, 1),
        }


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), q in [0, 100]."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_stats(samples_ms: Sequence[float]) -> LatencyStats:
    if not samples_ms:
        return LatencyStats(0, None, None, None, None)
    return LatencyStats(
        calls=len(samples_ms),
        p50=percentile(samples_ms, 50),
        p95=percentile(samples_ms, 95),
        mean=statistics.fmean(samples_ms),
        max=max(samples_ms),
    )
