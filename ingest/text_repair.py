"""Character-level repair: Unicode normalisation, ligatures, quotes, spaces, and hyphens at line breaks."""

from __future__ import annotations

import re
import unicodedata

from ingest.clean_rules import CleanRules, default_rules

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
        text = join_two(text, line, vocabulary, rules) if text else line
    return text


def join_two(left: str, right: str, vocabulary: frozenset[str], rules: CleanRules) -> str:
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
            out[-1] = join_two(left, right, vocabulary, rules)
        else:
            out.append(line)
    return "\n".join(out)
