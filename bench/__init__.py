"""Benchmark scripts: they print figures; nothing here asserts timings."""
