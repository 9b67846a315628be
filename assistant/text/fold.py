"""Text made comparable: case, accents and the shape of quotes folded away.

Every matcher that compares words (BM25 analysis, the lexicon, the answer features, the register)
folds both sides with this one function, so a word typed without accents or with a straight quote
meets the same word in a document.
"""

from __future__ import annotations

import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})


def fold(text: str) -> str:
    """Lower case, no accents, straight quotes: 'Financiële' → 'financiele', 'zo’n' → "zo'n"."""
    if text.isascii():
        return text.lower()
    # NFKD splits a letter from its accent (and a ligature 'ﬁ' into 'fi'); the accents are then dropped.
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
