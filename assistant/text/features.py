"""Surface features of a sentence that the answerers match on exactly: words, numbers, months, names."""

from __future__ import annotations

import re

from assistant.text.dates import NUMERIC_DATE, blank_dates, is_month_name, month_in_word
from assistant.text.fold import fold
from assistant.text.vocabulary import vocabulary
from assistant.text.kamerstuk import find_kamerstuk_refs

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NUMBER_RE = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)*%?")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_HYPHEN_BREAK_RE = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
# bullets as OCR leaves them too (∂, , ▪); same set as assistant/text/sentences.py
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-–—*•·▪■●◦○∙‣⁃∂»\uf0b7\uf0a7\uf0d8\uf0fc\uf076]|\d{1,2}[.)])\s")
def join_line_hyphens(text: str) -> str:
    return _HYPHEN_BREAK_RE.sub(r"\1\2", text)


def words(text: str) -> list[str]:
    return WORD_RE.findall(join_line_hyphens(text))


def squash(text: str) -> str:
    """Lower case, accents dropped, line-break hyphens joined, every non-alphanumeric run one space."""
    return re.sub(r"[\W_]+", " ", fold(join_line_hyphens(text))).strip()


def _normalise_number(raw: str) -> str:
    raw = raw.rstrip("%")
    raw = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", raw)  # thousands separators: 1.000 → 1000
    return raw.replace(",", ".")


def numbers(text: str, *, join_split: bool = True) -> set[str]:
    """Numbers as normalised strings; with `join_split`, "26 485" also yields "26485" (dossier numbers
    are printed split)."""
    found: set[str] = set()
    matches = list(_NUMBER_RE.finditer(text))
    for i, m in enumerate(matches):
        found.add(_normalise_number(m.group()))
        if join_split and i + 1 < len(matches):
            nxt = matches[i + 1]
            if text[m.end() : nxt.start()] in (" ", "\u00a0") and re.fullmatch(r"\d{3}", nxt.group()):
                found.add(_normalise_number(m.group()) + nxt.group())
    return found


def months(text: str) -> set[int]:
    return {m for m in (month_in_word(w) for w in words(text)) if m is not None}


def name_words(text: str, *, known_word=None) -> list[str]:
    """Words that look like names: capitalised inside a sentence, or acronyms anywhere (folded).

    `known_word(word) -> bool` may exclude capitalised ordinary words (e.g. English words the lexicon
    knows), so an English sentence's "Dutch" or "Parliament" is not taken for a name.
    """
    vocab = vocabulary()
    found: list[str] = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        before = text[: m.start()].rstrip(" \t\"'‘“„(*-–")
        at_start = not before or before.endswith((".", "!", "?", ":", "\n"))
        bare = _strip_plural(word)
        letters = [c for c in bare if c.isalpha()]
        if not letters or not bare[0].isupper():
            continue
        folded = fold(bare)
        is_acronym = len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2
        if folded in vocab.function_words or is_month_name(folded):
            continue
        if not is_acronym and (at_start or (known_word is not None and known_word(bare))):
            continue
        found.append(folded)
    return found


def name_key(word: str) -> str:
    """A word as name_words() lists it: "Kaag's" → "kaag", "NGOs" → "ngo", "Thijs" → "thijs"."""
    return fold(_strip_plural(word))


def _strip_plural(word: str) -> str:
    return re.sub(r"(?:['’]s|(?<=[A-Z])s)$", "", word)  # "Kaag's", "NGOs"


def has_date(text: str) -> bool:
    if months(text) or NUMERIC_DATE.search(text):
        return True
    return any(_YEAR_RE.match(n) for n in numbers(text))


def has_quantity(text: str) -> bool:
    """A number that is not a year, a day of a date or a document number; or a number word ("acht")."""
    if any(not _YEAR_RE.match(n) for n in numbers(_without_references(strip_bullet(text)))):
        return True
    return any(fold(w) in vocabulary().number_words for w in words(text))


def _without_references(text: str) -> str:
    """`text` with dates ("8 december", "19-11-2014") and Kamerstuk / footnote numbers blanked out."""
    for ref in reversed(find_kamerstuk_refs(text)):
        text = text[: ref.start] + " " + text[ref.end :]
    return re.sub(r"\b(?:nr|nrs|no|nummer)\.?\s*\d+", " ", blank_dates(text), flags=re.IGNORECASE)


def has_person_or_organisation(text: str) -> bool:
    vocab = vocabulary()
    if any(fold(w) in vocab.role_words for w in words(text)):
        return True
    return bool(name_words(text))


def is_enumeration(text: str) -> bool:
    """A list item, a lead-in to a list, or a sentence naming three or more things."""
    if _LIST_ITEM_RE.match(text) or text.rstrip().endswith(":"):
        return True
    lowered = f" {fold(text)} "
    commas = text.count(",") + text.count(";")
    return commas >= 2 or (commas >= 1 and (" en " in lowered or " and " in lowered))


def is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM_RE.match(text))


def strip_bullet(text: str) -> str:
    m = _LIST_ITEM_RE.match(text)
    return text[m.end() :].lstrip() if m else text
