"""Dutch renderings of dates, numbers and store facts for the web pages."""

from __future__ import annotations

from datetime import date, datetime

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def dutch_date(iso: str | None) -> str:
    """'2016-06-17' → '17 juni 2016'; '2020-12' → 'december 2020'; '2017' → '2017'; None → ''."""
    if not iso:
        return ""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS_NL[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS_NL[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def first_day(iso: str) -> date | None:
    """The first day an ISO date of any precision covers ('2017' → 2017-01-01)."""
    parts = iso.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def last_day(iso: str) -> date | None:
    """The last day an ISO date of any precision covers ('2020-02' → 2020-02-29)."""
    start = first_day(iso)
    if start is None:
        return None
    parts = iso.split("-")
    if len(parts) >= 3:
        return start
    if len(parts) == 2:
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(start.year, 12, 31)


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
    return f"{moment.day} {MONTHS_NL[moment.month - 1]} {moment.year}, {moment:%H:%M} ({zone})"


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
