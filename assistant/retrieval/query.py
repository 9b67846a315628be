"""A question as weighted BM25 token groups: the user's words, compound parts and lexicon expansions."""

from __future__ import annotations

from collections.abc import Callable

from assistant.text.analysis import DutchAnalyzer
from assistant.text.lexicon import ExpandedQuery, Lexicon

# Measured on the dev set: compound parts and expansions help ranking when they count less than
# the user's own words.
PART_WEIGHT = 0.5


def query_groups(
    query: str,
    analyzer: DutchAnalyzer,
    lexicon: Lexicon,
    known: Callable[[str], bool] | None = None,
    expanded: ExpandedQuery | None = None,
) -> tuple[list[tuple[list[str], float]], ExpandedQuery]:
    """`expanded`: the lexicon's expansion when the question was analysed already."""
    expanded = expanded or lexicon.expand_query(query)
    words, parts = analyzer.analyze_query(query, known)
    seen = set(words)
    groups: list[tuple[list[str], float]] = [(words, 1.0)]

    def add(tokens: list[str], weight: float) -> None:
        fresh = [t for t in tokens if t not in seen]
        seen.update(fresh)
        if fresh and weight > 0:
            groups.append((fresh, weight))

    add(parts, PART_WEIGHT)
    for text, weight in expanded.weighted_expansions():
        ewords, eparts = analyzer.analyze_query(text, known)
        add(ewords, weight)
        add(eparts, PART_WEIGHT * weight)
    return groups, expanded
