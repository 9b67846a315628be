"""Dutch renderings of dates, numbers and store facts for the web pages."""

from __future__ import annotations

from datetime import date, datetime

from assistant.text.dates import format_date, reference_period


def dutch_date(iso: str | None) -> str:
    """'2016-06-17' → '17 juni 2016'; '2020-12' → 'december 2020'; '2017' → '2017'; None → ''."""
    return format_date(iso, "nl")


def first_day(iso: str) -> date | None:
    """The first day an ISO date of any precision covers ('2017' → 2017-01-01)."""
    span = _span(iso)
    return span[0] if span else None


def last_day(iso: str) -> date | None:
    """The last day an ISO date of any precision covers ('2020-02' → 2020-02-29)."""
    span = _span(iso)
    return span[1] if span else None


def _span(iso: str) -> tuple[date, date] | None:
    try:
        return reference_period(iso)
    except ValueError:  # "2020-13": not a date
        return None


def middle_day(iso: str) -> date | None:
    """Where an event of this precision sits on a time axis: mid-year, mid-month, or the day itself."""
    start, end = first_day(iso), last_day(iso)
    if start is None or end is None:
        return None
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


def dutch_timestamp(iso: str | None) -> str:
    """'2026-11-22T11:00:10+00:00' → '22 november 2026, 11:00 (UTC)' in the server's local time."""
    if not iso:
        return "nog nooit"
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    zone = moment.strftime("%Z") or "lokale tijd"
    return f"{dutch_moment(moment)} ({zone})"


def dutch_moment(moment: datetime) -> str:
    """'22 november 2026, 11:00'."""
    return f"{format_date(moment.date().isoformat(), 'nl')}, {moment:%H:%M}"


def pages_text(count: int) -> str:
    """'1 pagina', '3 pagina's'."""
    return f"{count} pagina" if count == 1 else f"{count} pagina's"


def page_text(page: int, label: str | None) -> str:
    """'p. 3', or 'p. iii (blad 1)' when the printed label differs from the physical page."""
    if label and label != str(page):
        return f"p. {label} (blad {page})"
    return f"p. {page}"


def escape_markdown(text: str) -> str:
    """User text shown as-is by st.markdown: Markdown, HTML and '$' (LaTeX) characters escaped, autolinks broken."""
    from assistant.webapp.inert import inert_markdown

    return inert_markdown(text)


def seconds(ms: float | None) -> str:
    """1234.5 → '1,2 s' (Dutch decimal comma); under a second in ms: '40 ms'."""
    if ms is None:
        return ""
    if ms < 1000:
        return f"{ms:.0f} ms"
    return f"{ms / 1000:.1f} s".replace(".", ",")
