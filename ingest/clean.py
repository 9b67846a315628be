"""Raw pages → cleaned text cut into structural blocks (headings, paragraphs, list items, footnotes, signature).

Order of work: normalise characters per page; drop page furniture (page numbers, running headers,
"Tweede Kamer, vergaderjaar ..." lines, symbol-only OCR junk); lift the footnotes off the bottom of
each page; strip footnote markers from the running text; then rejoin the remaining lines of all pages
into blocks, across line, blank-line and page breaks where a sentence clearly continues.

Word lists and patterns come from assistant/data/cleaning.yaml. Everything is pure string work.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

import yaml

from assistant.errors import DataFileError
from ingest.model import Block, BlockKind, CleanDocument, LoadedDocument

RULES_FILE = "cleaning.yaml"

# ---------------------------------------------------------------------------------------------------
# rules


@dataclass(frozen=True)
class CleanRules:
    furniture_lines: tuple[re.Pattern[str], ...]
    bullets: frozenset[str]
    ambiguous_bullets: frozenset[str]
    ocr_marker_glyphs: str
    hyphen_conjunctions: frozenset[str]
    closing_formulas: tuple[str, ...]
    name_titles: frozenset[str]
    name_particles: frozenset[str]
    footnote_cues: re.Pattern[str]


def parse_rules(data: dict, source: object = RULES_FILE) -> CleanRules:
    try:
        return CleanRules(
            furniture_lines=tuple(re.compile(p, re.IGNORECASE) for p in data["furniture_lines"]),
            bullets=frozenset(b for b in data["bullets"] if b),
            ambiguous_bullets=frozenset(b for b in data["ambiguous_bullets"] if b),
            ocr_marker_glyphs="".join(data["ocr_marker_glyphs"]),
            hyphen_conjunctions=frozenset(w.lower() for w in data["hyphen_conjunctions"]),
            closing_formulas=tuple(f.lower() for f in data["closing_formulas"]),
            name_titles=frozenset(t.lower() for t in data["name_titles"]),
            name_particles=frozenset(p.lower() for p in data["name_particles"]),
            footnote_cues=re.compile("|".join(f"(?:{p})" for p in data["footnote_cues"]), re.IGNORECASE),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise DataFileError(source, f"malformed cleaning rules ({exc!r}): restore the file from git") from exc


@functools.cache
def default_rules() -> CleanRules:
    path = resources.files("assistant") / "data" / RULES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(path, f"cannot read the cleaning rules ({exc}): reinstall the package (`make install`)") from exc
    return parse_rules(data or {}, path)


# ---------------------------------------------------------------------------------------------------
# characters

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "Ĳ": "IJ", "ĳ": "ij"}
_CHAR_MAP = str.maketrans(
    {
        **_LIGATURES,
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("“”„‟″", '"'),
        **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", ""),
        **dict.fromkeys("\u2010\u2011", "-"),
        **dict.fromkeys("\u2028\u2029\f\v\r", "\n"),
    }
)
_SOFT_HYPHEN_BREAK = re.compile("\u00ad[ \t]*\n[ \t]*")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_LINE_START_PRIVATE_USE = re.compile("(?m)^([ \t]*)[\ue000-\uf8ff]+[ \t]*")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def normalise_unicode(text: str) -> str:
    """NFC, ligatures expanded, curly quotes straightened (« » kept), odd spaces to spaces, soft hyphens
    removed (a soft hyphen at a line end joins the word), private-use bullet glyphs at a line start → •."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    text = _SOFT_HYPHEN_BREAK.sub("", text).replace("\u00ad", "")
    text = text.translate(_CHAR_MAP)
    text = _LINE_START_PRIVATE_USE.sub(r"\1• ", text)
    text = _PRIVATE_USE.sub("", text)
    return _CONTROL.sub("", text)


def collapse_spaces(line: str) -> str:
    return " ".join(line.split())


# ---------------------------------------------------------------------------------------------------
# page furniture

_DIGITS = re.compile(r"\d+")


def is_furniture_line(line: str, rules: CleanRules | None = None) -> bool:
    """A lone page number, a "Tweede Kamer, vergaderjaar ..." header, or a line without a letter or digit."""
    rules = rules or default_rules()
    line = line.strip()
    if not line:
        return False
    if not any(ch.isalnum() for ch in line):
        return True
    return any(p.match(line) for p in rules.furniture_lines)


def _furniture_key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def find_running_lines(pages: list[list[str]], rules: CleanRules | None = None, zone: int = 2) -> set[str]:
    """Keys (lower case, digits as #) of lines that head or foot most pages: running headers/footers.

    Footnotes are excluded: "7 Raadpleegbaar via www.tweedekamer.nl" can end many pages and is content.
    """
    rules = rules or default_rules()
    if len(pages) < 2:
        return set()
    seen: dict[str, set[int]] = {}
    for index, lines in enumerate(pages):
        filled = [line for line in lines if line]
        for line in filled[:zone] + filled[-zone:]:
            if _looks_like_footnote_start(line, rules):
                continue
            seen.setdefault(_furniture_key(line), set()).add(index)
    needed = max(2, math.ceil(0.6 * len(pages)))
    return {key for key, where in seen.items() if len(where) >= needed}


def _drop_furniture(lines: list[str], running: set[str], rules: CleanRules, zone: int = 2) -> list[str]:
    filled = [i for i, line in enumerate(lines) if line]
    edge = set(filled[:zone] + filled[-zone:])
    out = []
    for i, line in enumerate(lines):
        if line in rules.bullets and _next_filled(lines, i) is not None:
            out.append(line)  # a bullet alone on its line: merged with the next line below
        elif is_furniture_line(line, rules) or (i in edge and _furniture_key(line) in running):
            out.append("")
        else:
            out.append(line)
    return _merge_lone_bullets(out, rules)


def _next_filled(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j]), None)


def _merge_lone_bullets(lines: list[str], rules: CleanRules) -> list[str]:
    out = list(lines)
    for i, line in enumerate(out):
        if line in rules.bullets:
            j = _next_filled(out, i)
            if j is not None:
                out[j] = f"{line} {out[j]}"
            out[i] = ""
    return out


# ---------------------------------------------------------------------------------------------------
# footnotes

_FOOTNOTE_START = re.compile(r"^(?P<id>\d{1,3}|[°*†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+(?P<text>[A-ZÀ-Þ(«\"'].*)$")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_MAX_CONTINUATION_LINES = 3
_LONG_FOOTNOTE_LINE = 1.1  # unnumbered footnotes are set smaller, so their lines hold more characters


@dataclass
class _Footnote:
    id: str | None
    lines: list[str]


def _looks_like_footnote_start(line: str, rules: CleanRules) -> bool:
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
        if _ends_sentence(prev) and line[:1].isupper():
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


# ---------------------------------------------------------------------------------------------------
# hyphenation at line breaks

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def hyphen_vocabulary(lines: list[str]) -> frozenset[str]:
    """Lower-case words as the document writes them inside lines: its own evidence for hyphenation."""
    words: set[str] = set()
    for line in lines:
        for m in _WORD.finditer(line):
            if m.end() < len(line) and line[m.end()] == "-" and m.end() == len(line) - 1:
                continue  # the word divided at this line's end
            words.add(m.group(0).lower())
    return frozenset(words)


def hyphen_joiner(
    before: str, after: str, vocabulary: frozenset[str] = frozenset(), rules: CleanRules | None = None
) -> str:
    """What replaces "-\\n" between the token `before` (ending a line, hyphen removed) and `after`.

    Rule, in order:
      1. `after` is a conjunction (en, of, tot): a real elision hyphen, keep it and a space
         ("handel- en ontwikkelingsbeleid", "land- en tuinbouw").
      2. `before` ends in a non-letter (URL "ser.nl/-/media", "2015-2016"): keep "-", no space.
      3. The document itself writes the word one way inside a line: follow it
         ("multi-stakeholderdialogen" in seed 002, "waardeketens" in seed 003).
      4. `after` starts with a capital or digit ("Midden-Oosten", "MVO-Nederland"), or the last part
         of `before` is an acronym ("IMVO-", "OESO-", "SER-"): keep "-".
      5. Otherwise both sides are ordinary lower-case word parts: a word division, join without
         hyphen ("organisa-tie" → "organisatie", "groot-handel" → "groothandel", "Neder-landse").
    """
    rules = rules or default_rules()
    after_word = _WORD.match(after)
    after_text = after_word.group(0) if after_word else after
    if after_text.lower() in rules.hyphen_conjunctions:
        return "- "
    if not before or not before[-1].isalpha():
        return "-"
    head = re.sub(r"^\W+", "", before)  # "(inhoudelijke" → "inhoudelijke"
    hyphenated, joined = f"{head}-{after_text}".lower(), f"{head}{after_text}".lower()
    if joined in vocabulary:
        return ""
    if hyphenated in vocabulary:
        return "-"
    if not after_text[:1].islower():
        return "-"
    last_part = head.rsplit("-", 1)[-1]
    letters = [ch for ch in last_part if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) >= 2 or (len(letters) == 1 and letters[0].isupper()):
        return "-"
    return ""


def join_lines(lines: list[str], vocabulary: frozenset[str] = frozenset(), rules: CleanRules | None = None) -> str:
    """Join wrapped lines with spaces, resolving a hyphen at a line end with `hyphen_joiner`."""
    rules = rules or default_rules()
    text = ""
    for line in lines:
        text = _join_two(text, line, vocabulary, rules) if text else line
    return text


def _join_two(left: str, right: str, vocabulary: frozenset[str], rules: CleanRules) -> str:
    if len(left) >= 2 and left.endswith("-") and not left[-2].isspace() and right:
        before = left[:-1].rsplit(" ", 1)[-1]
        return left[:-1] + hyphen_joiner(before, right, vocabulary, rules) + right
    return f"{left} {right}"


def join_hyphenated(text: str, vocabulary: frozenset[str] | None = None, rules: CleanRules | None = None) -> str:
    """Resolve every hyphen at a line break in `text` ("organisa-\\ntie" → "organisatie"); other line breaks stay."""
    rules = rules or default_rules()
    lines = text.split("\n")
    if vocabulary is None:
        vocabulary = hyphen_vocabulary(lines)
    out = [lines[0]]
    for line in lines[1:]:
        left = out[-1].rstrip()
        right = line.lstrip()
        if len(left) >= 2 and left.endswith("-") and not left[-2].isspace() and right:
            out[-1] = _join_two(left, right, vocabulary, rules)
        else:
            out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------
# line shapes

_SENTENCE_END = re.compile(r"[.!?:;][\"'»)\]]*$")
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.?)\s+(?P<title>[A-ZÀ-Þ].*)$")
_NUMBERED_ITEM = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+\S")
_MAX_HEADING_WORDS = 14
_MAX_NUMBERED_HEADING_WORDS = 12
_MAX_TITLE_LINE_WORDS = 6
_FITS = 0.9  # a line plus the next word shorter than this share of the width was not wrapped
_MAX_SIGNATURE_LINES = 16  # a closing formula further from the end is running text


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _no_final_punctuation(text: str) -> bool:
    return not re.search(r"[.,;:][\"'»)\]]*$", text)


def is_numbered_heading(line: str) -> bool:
    """ "1. Inleiding", "2.1 Rol overheid", "3.1 Implementatie convenant ..." (short, capitalised, no final punctuation)."""
    m = _NUMBERED_HEADING.match(line)
    if not m:
        return False
    title = m.group("title")
    return len(title.split()) <= _MAX_NUMBERED_HEADING_WORDS and len(line) <= 100 and _no_final_punctuation(title)


def _bullet_of(line: str, rules: CleanRules) -> tuple[str, bool] | None:
    """(bullet glyph, ambiguous?) when the line opens with a bullet followed by text."""
    first = line[:1]
    if first in rules.bullets and (line[1:2] == " " or (not first.isascii() and line[1:2].isalpha())):
        return first, False
    if first in rules.ambiguous_bullets and line[1:2] == " ":
        return first, True
    return None


# ---------------------------------------------------------------------------------------------------
# signature


def _is_closing_formula(line: str, rules: CleanRules) -> bool:
    lower = line.lower()
    return len(line.split()) <= 8 and any(lower.startswith(f) for f in rules.closing_formulas)


def _is_name_line(line: str, rules: CleanRules) -> bool:
    """ "E.M.J. Ploumen", "drs. B. Visser": initials and a surname."""
    words = line.replace(".", ". ").split()
    while words and words[0].rstrip(".").lower() in rules.name_titles and words[0].endswith("."):
        words = words[1:]
    initials = 0
    while words and re.fullmatch(r"[A-Z]\.", words[0]):
        words, initials = words[1:], initials + 1
    while words and words[0].lower() in rules.name_particles:
        words = words[1:]
    return initials > 0 and 1 <= len(words) <= 2 and all(re.fullmatch(r"[A-ZÀ-Þ][\w'’-]+", w) for w in words)


def _is_role_line(line: str) -> bool:
    # "De Minister van Economische Zaken," above a name
    return line.endswith(",") and line[:1].isupper() and len(line.split()) <= 10 and "." not in line


# ---------------------------------------------------------------------------------------------------
# the document


@dataclass
class _Line:
    text: str
    page: int
    gap_before: bool  # a blank line (or the start of the document) comes before it
    page_start: bool
    refs: tuple[str, ...] = ()
    forced_heading: bool = False
    indented: bool = False  # the raw line started with white space


@dataclass
class _RawBlock:
    kind: BlockKind
    lines: list[_Line]
    footnote_id: str | None = None
    title_line: bool = False  # split off as a heading by its shape ("Achtergrond" above a paragraph)


_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_MD_LIST = re.compile(r"^\s*[-*+]\s+")


def _markdown_line(line: str) -> tuple[str, bool]:
    """(plain line, is heading) for one Markdown line."""
    m = _MD_HEADING.match(line)
    if m:
        return _markdown_inline(m.group(1)), True
    line = re.sub(r"^\s*>\s?", "", line)
    line = _MD_LIST.sub("• ", line)
    return _markdown_inline(line), False


def _markdown_inline(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return re.sub(r"(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])", r"\1", text)  # *emphasis*


def clean_document(doc: LoadedDocument, rules: CleanRules | None = None) -> CleanDocument:
    rules = rules or default_rules()
    markdown = doc.format == "md"
    labels = {page.number: page.label for page in doc.pages}

    pages, headings, indents = [], [], []
    for page in doc.pages:
        lines, heading_flags, indent_flags = _page_lines(page.text, markdown=markdown)
        pages.append(lines)
        headings.append(heading_flags)
        indents.append(indent_flags)
    running = find_running_lines(pages, rules)
    pages = [_drop_furniture(lines, running, rules) for lines in pages]
    width = _line_width(pages)

    flow: list[_Line] = []
    footnotes: dict[int, list[tuple[str | None, list[str]]]] = {}
    for page, lines, heading_flags, indent_flags in zip(doc.pages, pages, headings, indents):
        if markdown:
            body, notes = lines, []
        else:
            body, notes = split_page_footnotes(lines, width, rules, unnumbered=doc.format in ("txt", "pdf"))
        footnotes[page.number] = notes
        ids = {note_id for note_id, _ in notes if note_id}
        gap = not flow
        first_on_page = True
        for k, line in enumerate(body):  # body is a prefix of lines: indices still match the flags
            text, refs = strip_footnote_markers(line, ids, rules) if line else ("", ())
            text = collapse_spaces(text)
            if not text:
                gap = gap or not first_on_page  # blank lines around a page break are no paragraph break
                continue
            flow.append(
                _Line(text, page.number, gap, first_on_page and bool(flow), refs, heading_flags[k], indent_flags[k])
            )
            gap = first_on_page = False

    vocabulary = hyphen_vocabulary([line.text for line in flow])
    signature_at = _signature_start(flow, width, rules)
    raw_blocks = _segment(flow[:signature_at], width, rules, repair_blank_splits=doc.format in ("txt", "pdf"))
    if signature_at < len(flow):
        raw_blocks.append(_RawBlock("signature", flow[signature_at:]))
    raw_blocks = _place_footnotes(raw_blocks, flow, footnotes)
    return _assemble(raw_blocks, labels, vocabulary, rules)


def _page_lines(text: str, *, markdown: bool) -> tuple[list[str], list[bool], list[bool]]:
    """(lines with spaces collapsed, is a Markdown heading, was indented) for one page."""
    lines, headings, indents = [], [], []
    for raw in normalise_unicode(text).split("\n"):
        line = collapse_spaces(raw)
        heading = False
        if markdown:
            line, heading = _markdown_line(line)
        lines.append(line)
        headings.append(heading)
        indents.append(raw[:1].isspace() and bool(line))
    return lines, headings, indents


def _line_width(pages: list[list[str]]) -> float:
    """The length of a full line of running text (90th percentile), to tell short lines from wrapped ones."""
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    if not lengths:
        return 80.0
    return float(max(20, lengths[int(0.9 * (len(lengths) - 1))]))


def _signature_start(flow: list[_Line], width: float, rules: CleanRules) -> int:
    """Index of the first line of the signature at the end of a letter, or len(flow) when there is none."""
    n = len(flow)
    for i in range(n - 1, max(n // 2, n - _MAX_SIGNATURE_LINES) - 1, -1):
        line = flow[i]
        opens_paragraph = i == 0 or line.gap_before or _ends_sentence(flow[i - 1].text)
        closes = line.text.endswith(",") or i + 1 >= n or flow[i + 1].gap_before
        if opens_paragraph and closes and len(line.text) < 0.8 * width and _is_closing_formula(line.text, rules):
            return i
    # No closing formula: trailing "role," / "initials surname" lines, ending in a name (seed 003).
    start = n
    while start > 0 and (_is_name_line(flow[start - 1].text, rules) or _is_role_line(flow[start - 1].text)):
        start -= 1
    if start < n and _is_name_line(flow[-1].text, rules) and start > 0:
        return start
    return n


def _segment(lines: list[_Line], width: float, rules: CleanRules, *, repair_blank_splits: bool) -> list[_RawBlock]:
    blocks: list[_RawBlock] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        bullet = _bullet_of(line.text, rules)
        split, title_line = _starts_block(prev, line, nxt, bullet, blocks, width, repair_blank_splits)
        if title_line and blocks:
            blocks[-1].title_line = True
        if split or not blocks:
            kind: BlockKind = "paragraph"
            if line.forced_heading:
                kind = "heading"
            elif bullet and (not bullet[1] or split):
                kind = "list_item"
                line.text = line.text[1:].lstrip()
            elif _NUMBERED_ITEM.match(line.text) and not is_numbered_heading(line.text):
                kind = "list_item"
            elif line.indented and blocks and _opens_indented_list(blocks[-1]):
                kind = "list_item"  # bullets lost in OCR, the indent remains (seed 000)
            blocks.append(_RawBlock(kind, [line]))
        else:
            blocks[-1].lines.append(line)
    for k, block in enumerate(blocks):
        following = blocks[k + 1].lines[0] if k + 1 < len(blocks) else None
        if block.kind == "paragraph" and _is_heading_block(block, following):
            block.kind = "heading"
    return blocks


def _opens_indented_list(previous: _RawBlock) -> bool:
    return previous.lines[-1].text.endswith(":") or (previous.kind == "list_item" and previous.lines[0].indented)


def _starts_block(
    prev: _Line | None,
    line: _Line,
    nxt: _Line | None,
    bullet: tuple[str, bool] | None,
    blocks: list[_RawBlock],
    width: float,
    repair_blank_splits: bool,
) -> tuple[bool, bool]:
    """(does `line` start a new block?, is `prev` a title line standing above its paragraph?)"""
    if prev is None:
        return True, False
    p = prev.text
    ends = _ends_sentence(p)
    gap = line.gap_before
    if line.forced_heading or prev.forced_heading:
        return True, False
    if bullet:
        ambiguous = bullet[1]
        if not ambiguous or gap or ends or len(p) < 0.6 * width or is_numbered_heading(p):
            return True, False
    if is_numbered_heading(line.text) and (gap or ends or line.page_start or is_numbered_heading(p)):
        return True, False
    if is_numbered_heading(p) and len(blocks[-1].lines) == 1:
        return True, False
    if _NUMBERED_ITEM.match(line.text) and (gap or ends):
        return True, False
    if gap:
        # OCR exports put blank lines inside sentences (seed 002 list items): a full-width line that
        # does not end a sentence continues across the blank, unless a standalone title follows.
        continues = (
            repair_blank_splits
            and not ends
            and len(p) >= 0.6 * width
            and not _is_standalone_title(line, nxt, width)
            and not bullet
        )
        return not continues, False
    next_word = line.text.split(" ", 1)[0]
    if ends and len(p) + 1 + len(next_word) < _FITS * width:
        return True, False  # the next word would have fitted on this line: the paragraph ended here
    first_of_block = len(blocks[-1].lines) == 1
    if first_of_block and _is_title_line(p, line.text, width):
        return True, True
    if p.endswith(",") and len(p) < 0.5 * width and line.text[:1].isupper():
        return True, False  # a salutation ("Geachte Kamerleden,") above the first paragraph
    return False, False


def _is_title_line(text: str, following: str, width: float) -> bool:
    """A short capitalised line without punctuation directly above a paragraph ("Achtergrond")."""
    return (
        len(text) < 0.5 * width
        and len(text.split()) <= _MAX_TITLE_LINE_WORDS
        and text[:1].isupper()
        and not any(ch.isdigit() for ch in text)
        and _no_final_punctuation(text)
        and not text.endswith("-")
        and following[:1].isupper()
    )


def _is_standalone_title(line: _Line, nxt: _Line | None, width: float) -> bool:
    return (
        (nxt is None or nxt.gap_before)
        and len(line.text) < 0.6 * width
        and line.text[:1].isupper()
        and _no_final_punctuation(line.text)
    )


def _is_heading_block(block: _RawBlock, following: _Line | None) -> bool:
    first = block.lines[0]
    text = " ".join(line.text for line in block.lines)
    if block.title_line:
        return True
    if len(block.lines) == 1 and is_numbered_heading(text):
        return True
    standalone = (first.gap_before or first.page_start) and (following is None or following.gap_before)
    return (
        standalone
        and len(block.lines) <= 2
        and len(text.split()) <= _MAX_HEADING_WORDS
        and len(text) <= 120
        and (text[:1].isupper() or text[:1].isdigit())
        and _no_final_punctuation(text)
        and not text.endswith("-")
    )


def _place_footnotes(
    blocks: list[_RawBlock], flow: list[_Line], footnotes: dict[int, list[tuple[str | None, list[str]]]]
) -> list[_RawBlock]:
    """Put each page's footnotes right after the block in which that page's running text ends."""
    last_line_of_page: dict[int, int] = {}
    for index, line in enumerate(flow):
        last_line_of_page[line.page] = index
    latest = -1
    for page in sorted(set(last_line_of_page) | set(footnotes)):  # a page of footnotes only: after the page before
        latest = last_line_of_page.setdefault(page, latest)
    position = {id(line): index for index, line in enumerate(flow)}
    pending = [page for page in sorted(footnotes) if footnotes[page]]
    out: list[_RawBlock] = []

    def flush(upto: int) -> None:
        while pending and last_line_of_page.get(pending[0], -1) <= upto:
            page = pending.pop(0)
            for note_id, lines in footnotes[page]:
                out.append(_RawBlock("footnote", [_Line(t, page, False, False) for t in lines], footnote_id=note_id))

    flush(-1)
    for block in blocks:
        out.append(block)
        flush(position[id(block.lines[-1])])
    flush(len(flow))
    return out


def _assemble(
    raw_blocks: list[_RawBlock], labels: dict[int, str | None], vocabulary: frozenset[str], rules: CleanRules
) -> CleanDocument:
    blocks: list[Block] = []
    parts: list[str] = []
    page_breaks: list[tuple[int, int]] = []
    offset = 0
    heading: str | None = None

    def mark(at: int, page: int) -> None:
        if not page_breaks or page_breaks[-1][1] != page:
            page_breaks.append((at, page))

    for raw in raw_blocks:
        text, changes = _block_text(raw, vocabulary, rules)
        if not text:
            continue
        if parts:
            offset += 2
        start = offset
        page = raw.lines[0].page
        mark(start, page)
        for at, changed_page in changes:
            mark(start + at, changed_page)
        if raw.kind == "heading":
            heading = text
        refs = tuple(dict.fromkeys(ref for line in raw.lines for ref in line.refs))
        blocks.append(
            Block(
                kind=raw.kind,
                text=text,
                page=page,
                start=start,
                end=start + len(text),
                page_label=labels.get(page),
                footnote_id=raw.footnote_id,
                footnote_refs=refs,
                heading=heading,
            )
        )
        parts.append(text)
        offset = start + len(text)
    return CleanDocument(text="\n\n".join(parts), blocks=blocks, page_breaks=page_breaks)


def _block_text(raw: _RawBlock, vocabulary: frozenset[str], rules: CleanRules) -> tuple[str, list[tuple[int, int]]]:
    """The block's text and the offsets in it where a new page begins."""
    text = raw.lines[0].text
    changes: list[tuple[int, int]] = []
    page = raw.lines[0].page
    for line in raw.lines[1:]:
        # A signature keeps its lines (names in columns); everything else is reflowed.
        text = f"{text}\n{line.text}" if raw.kind == "signature" else _join_two(text, line.text, vocabulary, rules)
        if line.page != page:
            page = line.page
            changes.append((len(text) - len(line.text), page))
    return text, changes
