"""Answering layer: extractive and LLM answers over ranked passages, with a citation check."""
