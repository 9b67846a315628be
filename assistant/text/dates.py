"""Dates in Dutch text: month names, full dates, and date expressions resolved against the date of the
document they stand in. The words are in assistant/data/dates.yaml.

"9 maart jl." in a document of June 2016 is 2016-03-09; "8 december a.s." the next 8 December;
"september vorig jaar" September of the year before. A date without a year ("in juli", "op 30 juni")
falls in the document's year. Without a document date, relative dates are not resolved.

Readers: the metadata reader (which date is the document's, from FULL_DATE, MONTH_YEAR and
`marked_day_month`), the register and the timeline (`find_dates`), the answerers (`month_in_word`,
NUMERIC_DATE, `blank_dates`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Annotated, Literal

from pydantic import Field

from assistant.core.datafiles import DataModel, Regex, Text, load_data_file
from assistant.core.model import Language

DATES_FILE = "dates.yaml"

Precision = Literal["day", "month", "year"]
Relative = Literal["past", "future"] | None


# --------------------------------------------------------------------------- the words


class MonthNames(DataModel):
    nl: Text
    en: Text
    short: list[Text] = []


class PastFuture(DataModel):
    past: list[Regex]
    future: list[Regex]


class WordsPastFuture(DataModel):
    past: list[Text]
    future: list[Text]


class DatesFile(DataModel):
    """assistant/data/dates.yaml; the comments there say what each list is for."""

    months: Annotated[list[MonthNames], Field(min_length=12, max_length=12)]
    ordinary_words: list[Text]
    ocr_repairs: list[tuple[str, str]] = []
    relative_markers: PastFuture
    month_prefixes: WordsPastFuture
    period_parts: list[Text]
    seasons: list[Text]
    year_prepositions: list[Text]
    month_prepositions: list[Text]
    relative_years: dict[str, int]


@dataclass(frozen=True)
class DateWords:
    dutch_months: dict[str, int]  # lower case
    english_months: dict[str, int]
    short_months: dict[str, int]  # abbreviations, without their dot
    names: dict[str, tuple[str, ...]]  # language → the twelve names as written, for display
    ordinary_words: frozenset[str]  # English month names that are ordinary words too
    ocr_repairs: tuple[tuple[str, str], ...]
    past_markers: tuple[str, ...]  # regular expressions
    future_markers: tuple[str, ...]
    past_month_prefixes: tuple[str, ...]
    future_month_prefixes: tuple[str, ...]
    period_parts: tuple[str, ...]
    seasons: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    month_prepositions: tuple[str, ...]
    relative_years: dict[str, int]

    @property
    def document_months(self) -> dict[str, int]:
        """The names documents are read with: Dutch names and abbreviations."""
        return self.dutch_months | self.short_months

    @property
    def all_months(self) -> dict[str, int]:
        return self.dutch_months | self.english_months | self.short_months


@cache
def date_words() -> DateWords:
    data = load_data_file(DATES_FILE, DatesFile)
    lower = lambda words: tuple(w.lower() for w in words)  # noqa: E731
    numbered = list(enumerate(data.months, start=1))
    return DateWords(
        dutch_months={m.nl.lower(): n for n, m in numbered},
        english_months={m.en.lower(): n for n, m in numbered},
        short_months={s.lower(): n for n, m in numbered for s in m.short},
        names={"nl": tuple(m.nl for m in data.months), "en": tuple(m.en for m in data.months)},
        ordinary_words=frozenset(lower(data.ordinary_words)),
        ocr_repairs=tuple(data.ocr_repairs),
        past_markers=tuple(data.relative_markers.past),
        future_markers=tuple(data.relative_markers.future),
        past_month_prefixes=lower(data.month_prefixes.past),
        future_month_prefixes=lower(data.month_prefixes.future),
        period_parts=lower(data.period_parts),
        seasons=lower(data.seasons),
        year_prepositions=lower(data.year_prepositions),
        month_prepositions=lower(data.month_prepositions),
        relative_years={k.lower(): v for k, v in data.relative_years.items()},
    )


# --------------------------------------------------------------------------- month names


def month_number(word: str, *, english: bool = False, ocr: bool = False) -> int | None:
    """'maart', 'Mrt.', 'mrt' → 3; `english` also reads 'March'; `ocr` also repairs 'rnaart' → 3."""
    words = date_words()
    table = words.all_months if english else words.document_months
    key = word.lower().rstrip(".")
    if key in table or not ocr:
        return table.get(key)
    for wrong, right in words.ocr_repairs:
        key = key.replace(wrong, right)
    return table.get(key)


def month_in_word(word: str) -> int | None:
    """The month a word of a question or sentence names ("maart", "March"; "may" only as "May"), else None."""
    words = date_words()
    low = word.lower()
    month = words.all_months.get(low)
    if month is None or (low in words.ordinary_words and not word[:1].isupper()):
        return None
    return month


def is_month_name(folded_word: str) -> bool:
    return folded_word in date_words().all_months


def month_names(language: Language) -> tuple[str, ...]:
    return date_words().names[language]


# --------------------------------------------------------------------------- full dates

_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A month name as OCR may have mangled it ("rnaart", "0ktober"); read it with month_number(ocr=True).
_OCR_MONTH = r"(?P<month>[A-Za-z0][A-Za-z01]{2,9})\.?"
# Day-month-year in digits (Dutch order), not inside a longer run of numbers ("1-2-2016-3").
_NUMERIC = r"(?<![\d/.-])(?P<{p}day>[0-3]?\d)[-/.](?P<{p}month>[01]?\d)[-/.](?P<{p}year>(?:19|20)\d{{2}})(?!\d)(?!-\d)"

NUMERIC_DATE = re.compile(_NUMERIC.format(p=""))  # groups: day, month, year
# "17 juni 2016", "3 sept. 2015", "12 rnaart 2016" or "17-06-2016"; groups day, month, year | nday, nmonth, nyear
FULL_DATE_PATTERN = rf"(?:(?<!\d)(?P<day>[0-3]?\d)\s+{_OCR_MONTH},?\s+{_YEAR}(?!\d)|{_NUMERIC.format(p='n')})"
FULL_DATE = re.compile(FULL_DATE_PATTERN)
MONTH_YEAR_PATTERN = rf"\b{_OCR_MONTH}\s+{_YEAR}(?!\d)"  # "oktober 2016"; groups month, year
MONTH_YEAR = re.compile(MONTH_YEAR_PATTERN)


def valid_date(year: int, month: int, day: int | None = None) -> bool:
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return True


def full_date(m: re.Match[str]) -> tuple[int, int, int] | None:
    """(year, month, day) of a FULL_DATE match; None when the month is no month or the day does not exist."""
    if m.group("nyear"):
        year, month, day = int(m.group("nyear")), int(m.group("nmonth")), int(m.group("nday"))
    else:
        number = month_number(m.group("month"), ocr=True)
        if number is None:
            return None
        year, month, day = int(m.group("year")), number, int(m.group("day"))
    return (year, month, day) if valid_date(year, month, day) else None


def month_name_pattern(*, english: bool = False) -> str:
    """Every month name as one regular expression (longest first), without a trailing dot."""
    words = date_words()
    return _alternation(list(words.all_months if english else words.document_months))


def with_date_patterns(pattern: str) -> str:
    """A pattern from a data file with its placeholders filled in: {date} (FULL_DATE), {month_year}
    (MONTH_YEAR), {numeric_date} (NUMERIC_DATE) and {month} (a month name as documents write it)."""
    return (
        pattern.replace("{date}", FULL_DATE_PATTERN)
        .replace("{month_year}", MONTH_YEAR_PATTERN)
        .replace("{numeric_date}", NUMERIC_DATE.pattern)
        .replace("{month}", f"(?:{month_name_pattern()})")
    )


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """Longest first, so "jongstleden" wins over "jl"; words with a backslash are patterns already."""
    return "|".join(sorted((w if "\\" in w else re.escape(w) for w in words), key=len, reverse=True))


@cache
def marked_day_month() -> re.Pattern[str]:
    """A month, with or without a day, marked as recent past or upcoming: "15 juni jl.", "8 december a.s."
    Groups: day (optional), month, past | future."""
    words = date_words()
    return re.compile(
        rf"(?:(?<!\d)(?P<day>[0-3]?\d)\s+)?\b{_OCR_MONTH}\s+"
        rf"(?:(?P<past>{_alternation(words.past_markers)})|(?P<future>{_alternation(words.future_markers)}))(?![A-Za-z])"
    )


@cache
def _future_after() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{_alternation(date_words().future_markers)})(?![A-Za-z])", re.IGNORECASE)


def followed_by_future_marker(text: str, pos: int) -> bool:
    """A future marker right after `pos` ("8 december 2020 a.s.")."""
    return bool(_future_after().match(text, pos))


@cache
def _day_month_any() -> re.Pattern[str]:
    return re.compile(rf"\b\d{{1,2}}\s+(?:{month_name_pattern(english=True)})\b", re.IGNORECASE)


def blank_dates(text: str) -> str:
    """`text` with its dates ("8 december", "19-11-2014") blanked, so their numbers are not read as amounts."""
    return _day_month_any().sub(" ", NUMERIC_DATE.sub(" ", text))


# --------------------------------------------------------------------------- dates relative to the document


@dataclass(frozen=True)
class DateValue:
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision

    @property
    def first_day(self) -> date:
        parts = [int(x) for x in self.iso.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: DateValue
    relative: Relative  # marked "jl." / "a.s." (or "vorig jaar", "afgelopen mei", ...)
    after_document: bool  # lies after the document's date: a planned event


def parse_iso(value: str | None) -> DateValue | None:
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return DateValue(f"{year}-{int(month):02d}-{int(day):02d}", "day")
    if month:
        return DateValue(f"{year}-{int(month):02d}", "month")
    return DateValue(year, "year")


def reference_period(doc_date: str | None) -> tuple[date, date] | None:
    """First and last day the document's (possibly partial) date allows."""
    value = parse_iso(doc_date)
    if value is None:
        return None
    start = value.first_day
    if value.precision == "day":
        return start, start
    if value.precision == "month":
        return start, date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start, date(start.year, 12, 31)


@dataclass(frozen=True)
class _Patterns:
    day_month: re.Pattern[str]
    month: re.Pattern[str]
    season: re.Pattern[str]
    year: re.Pattern[str]
    relative_year: re.Pattern[str]
    bare_month_lead: re.Pattern[str]
    past: re.Pattern[str]
    future: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = date_words()
    # In running text an abbreviation counts only with its dot: "mei" is a month, "mrt" alone may be anything.
    month_alts = [re.escape(n) + r"\b" for n in words.dutch_months] + [re.escape(n) + r"\." for n in words.short_months]
    months = "|".join(sorted(month_alts, key=len, reverse=True))
    rel = _alternation(words.past_markers + words.future_markers)
    parts = _alternation(words.period_parts)
    prefixes = _alternation(words.past_month_prefixes + words.future_month_prefixes)
    year = r"(?P<year>(?:19|20)\d{2})(?![\d/])"
    relyears = _alternation(list(words.relative_years))
    return _Patterns(
        day_month=re.compile(
            rf"(?i)\b(?P<day>[0-3]?\d)\s+(?P<month>{months})(?:\s+{year})?(?:\s+(?P<rel>{rel}))?"
        ),
        month=re.compile(
            rf"(?i)\b(?:(?P<prefix>{parts}|{prefixes})\s+)?(?P<month>{months})"
            rf"(?:\s+{year}|\s+(?P<rel>{rel})|\s+(?P<relyear>{relyears})\s+jaar\b)?"
        ),
        season=re.compile(rf"(?i)\b(?:(?:in\s+)?(?:het|de)\s+)?(?P<season>{_alternation(words.seasons)})\s+van\s+{year}"),
        year=re.compile(
            rf"(?i)\b(?:(?P<prep>{_alternation(words.year_prepositions)})|(?P<part>{parts}))\s+"
            rf"(?:het\s+jaar\s+)?{year}"
        ),
        relative_year=re.compile(rf"(?i)\b(?:(?P<part>{parts})\s+)?(?P<which>{relyears})\s+jaar\b"),
        bare_month_lead=re.compile(rf"(?i)\b(?:{_alternation(words.month_prepositions)})\s+$"),
        past=re.compile(rf"(?i)^(?:{_alternation(words.past_markers)})$"),
        future=re.compile(rf"(?i)^(?:{_alternation(words.future_markers)})$"),
    )


def _relative(marker: str | None) -> Relative:
    if not marker:
        return None
    p = _patterns()
    if p.past.match(marker):
        return "past"
    if p.future.match(marker):
        return "future"
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_day(day: int, month: int, year: int | None, rel: Relative, ref: tuple[date, date] | None) -> date | None:
    if year is not None:
        return _day(year, month, day)
    if ref is None:
        return None
    start, end = ref
    if rel == "past":
        options = [d for y in (end.year, end.year - 1) if (d := _day(y, month, day)) and d <= end]
        return max(options) if options else None
    if rel == "future":
        options = [d for y in (start.year, start.year + 1) if (d := _day(y, month, day)) and d >= start]
        return min(options) if options else None
    return _day(end.year, month, day)


def _resolve_month(month: int, year: int | None, rel: Relative, ref: tuple[date, date] | None) -> tuple[int, int] | None:
    if year is not None:
        return year, month
    if ref is None:
        return None
    start, end = ref
    if rel == "past":
        return max((y, month) for y in (end.year, end.year - 1) if date(y, month, 1) <= end)
    if rel == "future":
        last = lambda y: date(y, month, calendar.monthrange(y, month)[1])  # noqa: E731
        return min((y, month) for y in (start.year, start.year + 1) if last(y) >= start)
    return end.year, month


def find_dates(text: str, doc_date: str | None) -> list[DateMention]:
    """Every date expression in `text` that can be resolved, in text order, without overlaps."""
    p = _patterns()
    words = date_words()
    ref = reference_period(doc_date)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(m: re.Match[str], value: DateValue | None, rel: Relative) -> None:
        if value is None:
            return
        taken.append((m.start(), m.end()))
        after = ref is not None and value.first_day > ref[1]
        found.append(DateMention(m.start(), m.end(), m.group(0), value, rel, after))

    for m in p.day_month.finditer(text):
        if not free(m):
            continue
        rel = _relative(m.group("rel"))
        year = int(m.group("year")) if m.group("year") else None
        d = _resolve_day(int(m.group("day")), _month_of(m.group("month")), year, rel, ref)
        if d is None:
            taken.append((m.start(), m.end()))  # "31 februari" or unresolvable: no month-only reading either
        add(m, DateValue(d.isoformat(), "day") if d else None, rel)
    for m in NUMERIC_DATE.finditer(text):
        if free(m) and 1 <= int(m.group("month")) <= 12:
            d = _day(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            add(m, DateValue(d.isoformat(), "day") if d else None, None)
    for m in p.month.finditer(text):
        if not free(m):
            continue
        prefix = (m.group("prefix") or "").lower()
        rel = _relative(m.group("rel"))
        if prefix in words.past_month_prefixes:
            rel = "past"
        elif prefix in words.future_month_prefixes:
            rel = "future"
        month = _month_of(m.group("month"))
        year = int(m.group("year")) if m.group("year") else None
        if m.group("relyear") and ref is not None:
            shift = words.relative_years[m.group("relyear").lower()]
            year = ref[1].year + shift
            rel = "past" if shift < 0 else ("future" if shift > 0 else None)
        if year is None and rel is None and not prefix and not p.bare_month_lead.search(text[: m.start()]):
            continue  # a bare month name without anything that makes it a date
        ym = _resolve_month(month, year, rel, ref)
        add(m, DateValue(f"{ym[0]:04d}-{ym[1]:02d}", "month") if ym else None, rel)
    for m in p.season.finditer(text):
        if free(m):
            add(m, DateValue(m.group("year"), "year"), None)
    for m in p.year.finditer(text):
        if free(m):
            add(m, DateValue(m.group("year"), "year"), None)
    for m in p.relative_year.finditer(text):
        if free(m) and ref is not None:
            shift = words.relative_years[m.group("which").lower()]
            rel = "past" if shift < 0 else ("future" if shift > 0 else None)
            add(m, DateValue(str(ref[1].year + shift), "year"), rel)
    return sorted(found, key=lambda d: d.start)


def _month_of(name: str) -> int:
    return date_words().document_months[name.lower().rstrip(".")]


def format_date(iso: str | None, language: Language) -> str:
    """'2015-04-29' → '29 april 2015' ('29 April 2015' in English); '2020-12' → 'december 2020'."""
    value = parse_iso(iso)
    if value is None:
        return iso or ""
    d = value.first_day
    names = month_names(language)
    if value.precision == "day":
        return f"{d.day} {names[d.month - 1]} {d.year}"
    if value.precision == "month":
        return f"{names[d.month - 1]} {d.year}"
    return str(d.year)
