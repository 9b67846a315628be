"""Whether evidence strings and key terms occur in (OCR'd) text, after normalisation."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

FUZZY_MIN_CHARS = 12
FUZZY_MIN_SCORE = 90.0

# A hyphen ending a line inside a word: "organisa-\ntie" is one word.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W_])[-\u2010\u2011\u00ad][ \t]*\r?\n[ \t]*")
_NON_ALNUM = re.compile(r"[\W_]+")
# "[2]", "[1, 3]": citation marks are not answer content, and "[8]" must not count as the key term "8".
_CITATION_MARK = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")


def normalise(text: str) -> str:
    """Lower case, line-break hyphens joined, every run of non-alphanumerics one space (letters like 'ë' kept)."""
    # NFC first: a decomposed 'e' + combining diaeresis would otherwise fold into 'e '.
    text = unicodedata.normalize("NFC", text).lower()
    text = _LINE_BREAK_HYPHEN.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def evidence_supported(evidence: str, passage_text: str) -> bool:
    return supports_normalised(normalise(evidence), normalise(passage_text))


def supports_normalised(evidence_norm: str, passage_norm: str) -> bool:
    """Both arguments already `normalise`d, so callers can normalise a passage once for many evidence strings."""
    if not evidence_norm:
        return False
    if evidence_norm in passage_norm:
        return True
    if len(evidence_norm) < FUZZY_MIN_CHARS:
        return False
    # partial_ratio aligns the SHORTER string inside the longer one, so a stub passage ("december")
    # would score 100 against any evidence containing it: the passage must be the longer string.
    if len(passage_norm) < len(evidence_norm):
        return False
    return fuzz.partial_ratio(evidence_norm, passage_norm, score_cutoff=FUZZY_MIN_SCORE) >= FUZZY_MIN_SCORE


def key_term_present(term: str, answer_text: str) -> bool:
    """`term` may list alternatives as 'a|b'; any one present in the answer counts."""
    answer_norm = normalise(_CITATION_MARK.sub(" ", answer_text))
    return any(alt and alt in answer_norm for alt in (normalise(a) for a in term.split("|")))
