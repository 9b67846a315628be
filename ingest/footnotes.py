"""Footnotes: lifting them off the bottom of a page, and stripping their markers from running text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.clean_rules import CleanRules, default_rules
from ingest.line_shapes import ends_sentence

_FOOTNOTE_START = re.compile(r"^(?P<id>\d{1,3}|[°*†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+(?P<text>[A-ZÀ-Þ(«\"'].*)$")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_MAX_CONTINUATION_LINES = 3
_LONG_FOOTNOTE_LINE = 1.1  # unnumbered footnotes are set smaller, so their lines hold more characters


@dataclass
class _Footnote:
    id: str | None
    lines: list[str]


def looks_like_footnote_start(line: str, rules: CleanRules) -> bool:
    m = _FOOTNOTE_START.match(line)
    return bool(m and rules.footnote_cues.search(m.group("text")))


def split_page_footnotes(
    lines: list[str], width: float, rules: CleanRules | None = None, *, unnumbered: bool = True
) -> tuple[list[str], list[tuple[str | None, list[str]]]]:
    """(body lines, footnotes as (id, lines)) of one page; footnotes are only looked for at its bottom.

    A numbered footnote is a line "<n> <Capital>..." at the bottom whose text cites something (a
    Kamerstuk, a URL, a year, ...) or whose number is glued to a word as a marker on the page; up to
    three following lines continue it. A trailing paragraph of over-long lines that mostly cite
    things is a block of unnumbered footnotes (seed 003, page 1); `unnumbered=False` for formats whose
    lines are whole paragraphs (HTML, Markdown), where line length says nothing about font size.
    """
    rules = rules or default_rules()
    found: list[_Footnote] = []
    pending: list[str] = []
    cut = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        m = _FOOTNOTE_START.match(line)
        if m and _is_footnote(m, pending, lines[:i], rules):
            found.append(_Footnote(m.group("id").translate(_SUPERSCRIPTS), [m.group("text"), *reversed(pending)]))
            pending = []
            cut = i
        elif len(pending) < _MAX_CONTINUATION_LINES and not m:
            pending.append(line)
        else:
            break
    body = lines[:cut]
    found.reverse()
    trailing = _trailing_unnumbered_footnotes(body, width, rules) if unnumbered else None
    if trailing:
        start, notes = trailing
        body = body[:start]
        found = notes + found
    _infer_unreadable_ids(found)
    return body, [(note.id, note.lines) for note in found]


def _is_footnote(m: re.Match[str], pending: list[str], above: list[str], rules: CleanRules) -> bool:
    text = " ".join([m.group("text"), *pending])
    if rules.footnote_cues.search(text):
        return True
    note_id = m.group("id").translate(_SUPERSCRIPTS)
    return note_id.isdigit() and any(note_id in _marker_ids(line, {note_id}) for line in above)


def _trailing_unnumbered_footnotes(
    body: list[str], width: float, rules: CleanRules
) -> tuple[int, list[_Footnote]] | None:
    end = len(body)
    while end and not body[end - 1]:
        end -= 1
    start = end
    while start and body[start - 1]:
        start -= 1
    if start == 0 or start == end or not any(body[:start]):
        return None
    block = body[start:end]
    if max(len(line) for line in block) <= _LONG_FOOTNOTE_LINE * width:
        return None
    items: list[list[str]] = [[block[0]]]
    for prev, line in zip(block, block[1:]):
        if ends_sentence(prev) and line[:1].isupper():
            items.append([line])
        else:
            items[-1].append(line)
    cited = sum(1 for item in items if rules.footnote_cues.search(" ".join(item)))
    if len(items) < 2 or cited * 2 < len(items):
        return None
    return start, [_Footnote(None, item) for item in items]


def _infer_unreadable_ids(notes: list[_Footnote]) -> None:
    # An OCR'd number ("°" for 9) between footnotes n-1 and n+1 must be n; otherwise it stays unknown.
    for i, note in enumerate(notes):
        if note.id is None or note.id.isdigit():
            continue
        before = notes[i - 1].id if i else None
        after = notes[i + 1].id if i + 1 < len(notes) else None
        if before and after and before.isdigit() and after.isdigit() and int(after) - int(before) == 2:
            note.id = str(int(before) + 1)
        elif note.id == "°":
            note.id = None


# ---------------------------------------------------------------------------------------------------
# footnote markers in running text

_LOWER = "a-zà-öø-ÿ"
_CLOSING = "»\"')\\]"
_MARKER_DIGITS = re.compile(
    rf"(?:(?<=[{_LOWER}]{{3}})|(?<=\S[{_CLOSING}]))(\d{{1,3}})(?=[\s.,;:!?)\]]|$)"
)
_MARKER_SUPERSCRIPT = re.compile(rf"(?:(?<=[^\W\d_]{{3}})|(?<=[{_CLOSING}]))([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


def _marker_ids(line: str, footnote_ids: set[str]) -> list[str]:
    return [m.group(1) for m in _MARKER_DIGITS.finditer(line) if m.group(1) in footnote_ids]


def strip_footnote_markers(
    line: str, footnote_ids: set[str] | frozenset[str], rules: CleanRules | None = None
) -> tuple[str, tuple[str, ...]]:
    """Remove footnote markers from one line of running text; return the line and the ids it cites.

    A marker is a number glued to the end of a lower-case word or a closing quote/bracket
    ("convenanten1", "Groei»2", "(...)8") that is the id of a footnote on the same page, or
    superscript digits.
    OCR renderings of markers (®) glued to a word are removed without an id. Real numbers ("in 2018",
    "2014/95", "nr. 24", "G7") are never touched: they are not glued to a lower-case word.
    """
    rules = rules or default_rules()
    refs: list[str] = []

    def digits(m: re.Match[str]) -> str:
        if m.group(1) not in footnote_ids:
            return m.group(0)
        refs.append(m.group(1))
        return ""

    def superscript(m: re.Match[str]) -> str:
        refs.append(m.group(1).translate(_SUPERSCRIPTS))
        return ""

    line = _MARKER_DIGITS.sub(digits, line)
    line = _MARKER_SUPERSCRIPT.sub(superscript, line)
    if rules.ocr_marker_glyphs:
        glyphs = re.escape(rules.ocr_marker_glyphs)
        line = re.sub(rf"(?<=[^\W\d_]|[{_CLOSING}])[{glyphs}](?=[\s.,;:!?)\]]|$)", "", line)
    return line, tuple(dict.fromkeys(refs))
