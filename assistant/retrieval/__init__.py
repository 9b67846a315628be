"""Hybrid retrieval: dense (Chroma) + BM25 with Dutch analysis, fused by reciprocal rank."""
