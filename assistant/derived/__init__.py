"""Derived data: what is computed from the committed passages after each ingest (register, timeline,
glossary), saved beside the store and read by the service."""
