"""Dutch date expressions in text, resolved against the date of the document they stand in.

"9 maart jl." in a document of June 2016 is 2016-03-09; "8 december a.s." the next 8 December;
"september vorig jaar" September of the year before. A date without a year ("in juli", "op 30 juni")
falls in the document's year. Without a document date, relative dates are not resolved.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from assistant.register.rules import timeline_rules

Precision = Literal["day", "month", "year"]
Relative = Literal["past", "future"] | None


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


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted((w if "\\" in w else re.escape(w) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    day_month: re.Pattern[str]
    numeric: re.Pattern[str]
    month: re.Pattern[str]
    season: re.Pattern[str]
    year: re.Pattern[str]
    relative_year: re.Pattern[str]
    bare_month_lead: re.Pattern[str]
    past: re.Pattern[str]
    future: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    rules = timeline_rules()
    by_number: dict[int, list[str]] = {}
    for name, number in rules.months.items():
        by_number.setdefault(number, []).append(name)
    full = {max(names, key=len) for names in by_number.values()}
    month_alts = [re.escape(n) + r"\b" if n in full else re.escape(n) + r"\." for n in rules.months]
    months = "|".join(sorted(month_alts, key=len, reverse=True))
    rel = _alternation(list(rules.past_markers) + list(rules.future_markers))
    parts = _alternation(list(rules.period_parts))
    prefixes = _alternation(list(rules.past_month_prefixes) + list(rules.future_month_prefixes))
    year = r"(?P<year>(?:19|20)\d{2})(?![\d/])"
    relyears = _alternation(list(rules.relative_years))
    return _Patterns(
        day_month=re.compile(
            rf"(?i)\b(?P<day>[0-3]?\d)\s+(?P<month>{months})(?:\s+{year})?(?:\s+(?P<rel>{rel}))?"
        ),
        numeric=re.compile(r"\b(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>(?:19|20)\d{2})\b"),
        month=re.compile(
            rf"(?i)\b(?:(?P<prefix>{parts}|{prefixes})\s+)?(?P<month>{months})"
            rf"(?:\s+{year}|\s+(?P<rel>{rel})|\s+(?P<relyear>{relyears})\s+jaar\b)?"
        ),
        season=re.compile(
            rf"(?i)\b(?:(?:in\s+)?(?:het|de)\s+)?(?P<season>{_alternation(list(rules.seasons))})\s+van\s+{year}"
        ),
        year=re.compile(
            rf"(?i)\b(?:(?P<prep>{_alternation(list(rules.year_prepositions))})|(?P<part>{parts}))\s+"
            rf"(?:het\s+jaar\s+)?{year}"
        ),
        relative_year=re.compile(rf"(?i)\b(?:(?P<part>{parts})\s+)?(?P<which>{relyears})\s+jaar\b"),
        bare_month_lead=re.compile(rf"(?i)\b(?:{_alternation(list(rules.month_prepositions))})\s+$"),
        past=re.compile(rf"(?i)^(?:{_alternation(list(rules.past_markers))})$"),
        future=re.compile(rf"(?i)^(?:{_alternation(list(rules.future_markers))})$"),
    )


def _month_number(name: str) -> int:
    return timeline_rules().months[name.lower().rstrip(".")]


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
    rules = timeline_rules()
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
        d = _resolve_day(int(m.group("day")), _month_number(m.group("month")), year, rel, ref)
        if d is None:
            taken.append((m.start(), m.end()))  # "31 februari" or unresolvable: no month-only reading either
        add(m, DateValue(d.isoformat(), "day") if d else None, rel)
    for m in p.numeric.finditer(text):
        if free(m) and 1 <= int(m.group("month")) <= 12:
            d = _day(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            add(m, DateValue(d.isoformat(), "day") if d else None, None)
    for m in p.month.finditer(text):
        if not free(m):
            continue
        prefix = (m.group("prefix") or "").lower()
        rel = _relative(m.group("rel"))
        if prefix in rules.past_month_prefixes:
            rel = "past"
        elif prefix in rules.future_month_prefixes:
            rel = "future"
        month = _month_number(m.group("month"))
        year = int(m.group("year")) if m.group("year") else None
        if m.group("relyear") and ref is not None:
            shift = rules.relative_years[m.group("relyear").lower()]
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
            shift = rules.relative_years[m.group("which").lower()]
            rel = "past" if shift < 0 else ("future" if shift > 0 else None)
            add(m, DateValue(str(ref[1].year + shift), "year"), rel)
    return sorted(found, key=lambda d: d.start)


def format_date(iso: str | None, month_names: list[str]) -> str:
    """'2015-04-29' → '29 april 2015' with the given month names; '2020-12' → 'december 2020'."""
    value = parse_iso(iso)
    if value is None:
        return iso or ""
    d = value.first_day
    if value.precision == "day":
        return f"{d.day} {month_names[d.month - 1]} {d.year}"
    if value.precision == "month":
        return f"{month_names[d.month - 1]} {d.year}"
    return str(d.year)
