import pytest

from assistant.evaluation.latency import latency_stats, percentile


def test_percentiles_interpolate_linearly():
    assert percentile([4, 1, 3, 2], 50) == pytest.approx(2.5)
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert latency_stats([]).p50 is None
