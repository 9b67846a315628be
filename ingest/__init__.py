"""Ingestion stages: load → clean → metadata → chunk → index. Each stage is a function over plain data."""
