"""Kamerstuk references: find them in text, normalise them ("26485-212"), link them.

Recognised forms (case-insensitive, OCR spacing tolerated around the punctuation):
  Kamerstuk 26 485, nr. 212 · 32 852 nr. 24 · Kamerstukken II 2015/16, 26 485, nr. 219 ·
  Kamerstuk 26485, nr. 341 · 26 485, no. 24 · TK 26 485, nr 119 · 34 550 XVII, nr. 5 ·
  Kamerstuk 34 331, nrs. 7 en 8 · kst-26485-341 · 26485-341 · kst-34300-VII-60
A dossier number is always five digits (optionally printed "26 485") and, except in the compact
hyphenated forms, must be followed by an explicit "nr."/"no."/"nummer": that is what keeps dates
("24 juni 2014"), directive numbers ("2014/95") and amounts ("5 miljoen") out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.core.model import KAMERSTUK_URL


# Budget chapters are printed as Roman numerals after the dossier ("34 550 XVII"); a trailing
# letter occurs for split chapters ("IXB").
_SUFFIX = r"(?:[IVXL]{1,6}[A-C]?)"
_CANONICAL = re.compile(rf"(?P<dossier>\d{{5}})-(?:(?P<suffix>{_SUFFIX})-)?(?P<nr>\d{{1,4}})")


@dataclass(frozen=True)
class KamerstukRef:
    id: str  # "26485-212" (or "34550-XVII-5" for a budget chapter)
    start: int
    end: int
    raw: str


@cache
def _pattern() -> re.Pattern[str]:
    prefix = (
        r"(?:Kamerstuk(?:ken)?(?:\s+(?:I{1,2}|TK|EK))?"  # Kamerstukken II
        r"(?:\s+\d{4}\s*[/–-]\s*\d{2,4})?"  # 2015/16, 2015-2016
        r"\s*,?\s*"
        r"|(?:TK|EK)\s+)?"
    )
    dossier = r"(?<![\d./-])(?P<dossier>\d{2}[ \u00a0]?\d{3})(?!\d)"
    suffix = rf"(?:[\s-]+(?P<suffix>{_SUFFIX})\b)?"
    nr_keyword = r"\s*[,;]?\s*(?:nr|no|n°|nummer)\s*[.,:]?\s*"
    nrs_keyword = r"\s*[,;]?\s*(?:nrs|nos|nummers)\s*[.,:]?\s*"
    one_nr = r"(?P<nr>\d{1,4})(?!\d)"
    # A list needs a closing "en"/"&" so that "nr. 187, 24 juni" is not read as two numbers.
    nr_list = r"(?P<nrs>\d{1,4}(?:\s*,\s*\d{1,4})*\s+(?:en|&)\s+\d{1,4})(?!\d)"
    long_form = dossier + suffix + rf"(?:{nrs_keyword}{nr_list}|{nr_keyword}{one_nr})"
    compact = (
        r"(?:(?<![\w-])kst-|(?<![\w/.-]))(?P<c_dossier>\d{5})-"
        rf"(?:(?P<c_suffix>{_SUFFIX})-)?(?P<c_nr>\d{{1,4}})(?![\w-])"
    )
    return re.compile(rf"{prefix}(?:{long_form}|{compact})", re.IGNORECASE)


def _make_id(dossier: str, suffix: str | None, nr: str) -> str:
    dossier = re.sub(r"\s", "", dossier)
    middle = f"{suffix.upper()}-" if suffix else ""
    return f"{dossier}-{middle}{int(nr)}"


def find_kamerstuk_refs(text: str) -> list[KamerstukRef]:
    refs: list[KamerstukRef] = []
    for m in _pattern().finditer(text):
        raw = m.group(0)
        if m.group("c_dossier"):
            ids = [_make_id(m.group("c_dossier"), m.group("c_suffix"), m.group("c_nr"))]
        elif m.group("nrs"):
            numbers = re.findall(r"\d+", m.group("nrs"))
            ids = [_make_id(m.group("dossier"), m.group("suffix"), n) for n in numbers]
        else:
            ids = [_make_id(m.group("dossier"), m.group("suffix"), m.group("nr"))]
        refs.extend(KamerstukRef(id=i, start=m.start(), end=m.end(), raw=raw) for i in ids)
    return refs


def unique_kamerstuk_ids(text: str) -> list[str]:
    """Normalised ids of every reference in `text`, deduplicated, in order of first appearance."""
    return list(dict.fromkeys(ref.id for ref in find_kamerstuk_refs(text)))


def normalise_kamerstuk(text: str) -> str | None:
    """'Kamerstuk 26 485, nr. 212' → '26485-212'; already-normal ids pass through; else None."""
    text = text.strip()
    m = _CANONICAL.fullmatch(text)
    if m:
        return _make_id(m.group("dossier"), m.group("suffix"), m.group("nr"))
    refs = find_kamerstuk_refs(text)
    return refs[0].id if refs else None


def kamerstuk_url(kamerstuk_id: str) -> str:
    m = _CANONICAL.fullmatch(kamerstuk_id)
    if not m:
        raise ValueError(f"not a normalised Kamerstuk id (expected e.g. '26485-212'): {kamerstuk_id!r}")
    return KAMERSTUK_URL.format(id=kamerstuk_id)
