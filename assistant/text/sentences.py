"""Sentence boundaries in Dutch (and English) policy text, as character spans.

Rules: a blank line always ends a sentence; a list item (a line opening with a bullet, dash or
enumerator) is its own sentence; `.`, `!`, `?` end a sentence when followed by white space and a
capital, digit, quote or bullet — unless the word before the full stop is an abbreviation
(assistant/data/abbreviations_sentence.txt), an initial ("E.M.J. Ploumen") or a line-opening
enumerator ("1. Inleiding"). A single line break inside a paragraph does not end a sentence:
OCR'd text is wrapped mid-sentence. Pure regex and index arithmetic, no models.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from assistant.core.errors import ConfigurationError

ABBREVIATIONS_FILE = "abbreviations_sentence.txt"
_MAY_END_TAG = "may_end"

# OCR turns bullets into odd glyphs (∂, , ▪); "»" and "*" open items only at the start of a line.
_INLINE_BULLETS = "•▪■●◦○∙‣⁃∂\uf0b7\uf0a7\uf0d8\uf0fc\uf076"
_LINE_BULLETS = _INLINE_BULLETS + "·»*"
_DASHES = "-–—"
_OPENERS = "\"'“‘«„‚([¿¡"
_CLOSERS = "\"'”’»)]"
_HSPACE = r"[ \t\r\f\v\u00a0]"

_CANDIDATES = re.compile(
    rf"(?P<para>\n{_HSPACE}*\n)"
    rf"|(?P<line>\n)(?={_HSPACE}*(?:[{re.escape(_LINE_BULLETS)}]|[{_DASHES}](?=\s)"
    rf"|(?:\d{{1,2}}|[a-zA-Z]|[ivxIVX]{{1,4}})[.)](?=\s)|\(\w{{1,3}}\)(?=\s)))"
    rf"|(?<={_HSPACE})(?P<bullet>)(?=[{re.escape(_INLINE_BULLETS)}]\s)"
    # a footnote number glued after the stop: "gehaald.2 In de ..."
    rf"|(?P<stop>[.!?…]+)(?P<tail>[{re.escape(_CLOSERS)}]*|(?<=[^\W\d_][.!?])\d{{1,3}})(?=\s)"
)
_LIST_LINE = re.compile(
    rf"{_HSPACE}*(?:[{re.escape(_LINE_BULLETS)}{_DASHES}]|(?:\d{{1,2}}|[a-zA-Z]|[ivxIVX]{{1,4}})[.)]|\(\w{{1,3}}\))\s"
)
_ENUMERATOR = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,5})\.")


@functools.cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(never sentence-final, may end a sentence), lower case with their dots."""
    path = resources.files("assistant") / "data" / ABBREVIATIONS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigurationError(
            f"cannot read the abbreviation list {path}: {exc}; reinstall the package (`make install`)"
        ) from exc
    never: set[str] = set()
    may_end: set[str] = set()
    for line in lines:
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        target = may_end if _MAY_END_TAG in parts[1:] else never
        target.add(parts[0].lower())
    return frozenset(never), frozenset(may_end)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences in `text`, trimmed of surrounding white space, in order."""
    spans: list[tuple[int, int]] = []
    prev = 0
    for m in _CANDIDATES.finditer(text):
        if m.group("para") is not None or m.group("bullet") is not None:
            cut = m.start()
        elif m.group("line") is not None:
            if not _opens_list_item(text, m.start()):
                continue
            cut = m.start()
        elif _ends_sentence(text, m):
            cut = m.end()
        else:
            continue
        _append_trimmed(spans, text, prev, cut)
        prev = cut
    _append_trimmed(spans, text, prev, len(text))
    return spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _opens_list_item(text: str, newline: int) -> bool:
    """A line break before a bullet is a boundary; before a dash or number only when the line before
    closes a clause or is itself an item (a wrapped line may start with "– Inretail, Modint ...")."""
    start = newline + 1
    while start < len(text) and text[start] in " \t\r\f\v\u00a0":
        start += 1
    if text[start] in _LINE_BULLETS:
        return True
    line_start = text.rfind("\n", 0, newline) + 1
    previous = text[line_start:newline].rstrip()
    if previous.endswith((".", ":", ";", "!", "?")):
        return True
    return _LIST_LINE.match(text, line_start) is not None


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    after = m.end()
    while after < len(text) and text[after].isspace():
        after += 1
    if after == len(text):
        return False  # the last sentence ends with the text anyway
    nxt = text[after]
    starts_sentence = nxt.isupper() or nxt in _OPENERS or nxt in _INLINE_BULLETS or nxt in "–—"
    if not (starts_sentence or nxt.isdigit()):
        return False
    if m.group("stop") != ".":
        return True
    stop = m.start("stop")
    token_start = stop
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start : stop + 1].lstrip(_OPENERS)
    lowered = token.lower()
    tail = re.split(r"[-/]", lowered)[-1]  # "KvK-nr." → "nr."
    never, may_end = _abbreviations()
    if lowered in never or tail in never:
        return False
    if lowered in may_end or tail in may_end:
        return starts_sentence and not nxt.isdigit()
    if _is_initials(token):
        return False
    if _ENUMERATOR.fullmatch(token) and not text[text.rfind("\n", 0, token_start) + 1 : token_start].strip():
        return False  # "1. Inleiding", "2.1. Rol van de overheid" at the start of a line
    return True


def _is_initials(token: str) -> bool:
    parts = token.split(".")[:-1]
    return bool(parts) and all(len(p) == 1 and p.isupper() for p in parts)
