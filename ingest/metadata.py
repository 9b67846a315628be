"""Document metadata: guess it from the cleaned text, read the curated file, merge the two.

Everything language-specific (salutations, signature cues, type rules) lives in
assistant/data/metadata_rules.yaml, month names and date words in dates.yaml (read by
assistant/text/dates.py), closing formulas and name particles in letters.yaml; this module only applies them.

Date, in order of preference:
1. a date line in the first or last part of the text ("Den Haag, 17 juni 2016", "Datum 7 juli 2016"), or
   in the first part a line that is only a month and year ("maart 2023" under a note's title);
2. otherwise the latest date the text mentions (full dates and "oktober 2016"), where a day and month
   marked 'jl.' (recent past: "15 juni jl.") counts in the year of the latest dated mention when that
   makes it later, and dates marked 'a.s.' (upcoming) are ignored. The document is not older than that
   date, so it is reported to the month only;
3. otherwise None. Years on their own ("eind 2015") are too often targets or plans to use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, RootModel, field_validator

from assistant.core.datafiles import (
    RESTORE_PACKAGE_FILE,
    DataModel,
    Regex,
    Text,
    data_path,
    load_yaml,
    validate,
)
from assistant.core.errors import DataFileError
from assistant.core.model import DocumentMetadata
from assistant.text.dates import (
    FULL_DATE,
    MONTH_YEAR,
    followed_by_future_marker,
    full_date,
    marked_day_month,
    month_number,
    valid_date,
    with_date_patterns,
)
from assistant.text.kamerstuk import normalise_kamerstuk, unique_kamerstuk_ids
from assistant.text.letters import letter_words
from ingest.parsed import CleanDocument

UNKNOWN_TYPE = "onbekend"
CURATED_DATE_BASIS = "handmatig vastgesteld (metadata-bestand)"
_FLAGS = re.MULTILINE | re.IGNORECASE


# --------------------------------------------------------------------------- rules (data file)


@dataclass(frozen=True)
class DocTypeRule:
    doc_type: str
    head_any: tuple[re.Pattern[str], ...] = ()
    tail_any: tuple[re.Pattern[str], ...] = ()
    text_any: tuple[re.Pattern[str], ...] = ()
    text_all: tuple[re.Pattern[str], ...] = ()
    signed_by_official: bool | None = None


@dataclass(frozen=True)
class MetadataRules:
    head_chars: int
    tail_chars: int
    date_lines: tuple[re.Pattern[str], ...]
    head_month_lines: tuple[re.Pattern[str], ...]  # groups: month, year
    own_kamerstuk_lines: tuple[re.Pattern[str], ...]
    doc_types: tuple[DocTypeRule, ...]
    addressees: tuple[tuple[re.Pattern[str], str], ...]
    addressee_fallbacks: tuple[tuple[re.Pattern[str], str], ...]
    title_lines: tuple[re.Pattern[str], ...]
    generic_headings: tuple[re.Pattern[str], ...]
    signature_stop: re.Pattern[str]
    official_signatures: tuple[re.Pattern[str], ...]
    signature_role: re.Pattern[str]
    person_name: re.Pattern[str]  # one person's name, anchored at the start
    name_comma_role: re.Pattern[str]  # "Tuur Elzinga, voorzitter"


def rules_path() -> Path:
    return data_path("metadata_rules.yaml")


class DocTypeRuleModel(DataModel):
    type: Text
    head_any: list[Regex] = []
    tail_any: list[Regex] = []
    text_any: list[Regex] = []
    text_all: list[Regex] = []
    signed_by_official: bool | None = None


class AddresseeRule(DataModel):
    pattern: Regex
    addressee: str  # may use the pattern's named groups: '{a}'


class MetadataRulesFile(DataModel):
    """assistant/data/metadata_rules.yaml; the comments there say what each rule does. Patterns are checked
    alone here; `{date}` and `{month_year}` are filled in by _compile_rules."""

    head_chars: int
    tail_chars: int
    date_lines: list[Regex]
    head_month_lines: list[Regex] = []
    own_kamerstuk_lines: list[Regex] = []
    doc_types: list[DocTypeRuleModel]
    addressees: list[AddresseeRule]
    addressee_fallbacks: list[AddresseeRule] = []
    title_lines: list[Regex] = []
    generic_headings: list[Regex] = []
    signature_stops: list[Regex]
    official_signatures: list[Regex] = []
    signature_roles: list[Regex]


@cache
def load_metadata_rules() -> MetadataRules:
    path = rules_path()
    rules = load_yaml(path, MetadataRulesFile, restore=RESTORE_PACKAGE_FILE)
    try:
        return _compile_rules(rules.model_dump())  # the compile step reads the validated fields by name
    except re.error as exc:  # a pattern that compiles alone but not with its placeholder filled in
        raise DataFileError(path, f"a pattern does not compile with {{date}} or {{month_year}} filled in ({exc}); fix the file") from exc


def _alternation(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def _compile_rules(raw: dict[str, Any]) -> MetadataRules:
    def many(key: str, flags: int = _FLAGS) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in raw.get(key, []))

    def with_date(pattern: str) -> re.Pattern[str]:
        return re.compile(with_date_patterns(pattern), re.MULTILINE)

    doc_types = tuple(
        DocTypeRule(
            doc_type=str(rule["type"]),
            head_any=tuple(re.compile(p, _FLAGS) for p in rule.get("head_any", [])),
            tail_any=tuple(re.compile(p, _FLAGS) for p in rule.get("tail_any", [])),
            text_any=tuple(re.compile(p, _FLAGS) for p in rule.get("text_any", [])),
            text_all=tuple(re.compile(p, _FLAGS) for p in rule.get("text_all", [])),
            signed_by_official=rule.get("signed_by_official"),
        )
        for rule in raw["doc_types"]
    )
    titles = _alternation([re.escape(t) for t in letter_words().name_titles])
    particles = _alternation([re.escape(p) for p in letter_words().name_particles])
    given = r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
    person = (
        rf"(?:(?:{titles})\.?\s+)?"
        rf"(?:(?:[A-Z]\.\s*){{1,5}}|{given}\s+)"
        rf"(?:(?:{particles})\s+)*"
        r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
    )
    roles = _alternation(raw["signature_roles"])
    return MetadataRules(
        head_chars=int(raw["head_chars"]),
        tail_chars=int(raw["tail_chars"]),
        date_lines=tuple(with_date(p) for p in raw["date_lines"]),
        head_month_lines=tuple(with_date(p) for p in raw.get("head_month_lines", [])),
        own_kamerstuk_lines=many("own_kamerstuk_lines", re.MULTILINE),
        doc_types=doc_types,
        addressees=tuple((re.compile(a["pattern"], _FLAGS), str(a["addressee"])) for a in raw["addressees"]),
        addressee_fallbacks=tuple(
            (re.compile(a["pattern"], _FLAGS), str(a["addressee"])) for a in raw.get("addressee_fallbacks", [])
        ),
        title_lines=many("title_lines", re.MULTILINE),
        generic_headings=many("generic_headings"),
        signature_stop=re.compile("|".join(f"(?:{p})" for p in raw["signature_stops"]), _FLAGS),
        official_signatures=many("official_signatures", re.MULTILINE),
        signature_role=re.compile(rf"(?<![\w-])(?i:{roles})(?![\w-])"),
        person_name=re.compile(person),
        name_comma_role=re.compile(rf"(?P<name>{person})\s*,\s*(?=(?i:{roles})(?![\w-]))"),
    )


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class _Mention:
    year: int
    month: int
    day: int | None
    raw: str

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day or 0)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _full_date(m: re.Match[str]) -> _Mention | None:
    found = full_date(m)
    return _Mention(*found, _squash(m.group(0))) if found else None


def _iso(mention: _Mention, *, to_month: bool = False) -> str:
    if mention.day is None or to_month:
        return f"{mention.year:04d}-{mention.month:02d}"
    return f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}"


def find_date_line(text: str, rules: MetadataRules) -> _Mention | None:
    """The first full date line in the head, else a head line that is only a month and year ("maart
    2023" under a note's title), else the last full date line in the tail."""
    head, tail = text[: rules.head_chars], text[max(0, len(text) - rules.tail_chars) :]
    found = _full_date_lines(head, rules)
    if found:
        return found[0]
    month_line = _head_month_line(head, rules)
    if month_line:
        return month_line
    found = _full_date_lines(tail, rules)
    return found[-1] if found else None


def _head_month_line(head: str, rules: MetadataRules) -> _Mention | None:
    for pattern in rules.head_month_lines:
        for m in pattern.finditer(head):
            month = month_number(m.group("month"), ocr=True)
            if month and valid_date(int(m.group("year")), month):
                return _Mention(int(m.group("year")), month, None, _squash(m.group(0)))
    return None


def _full_date_lines(region: str, rules: MetadataRules) -> list[_Mention]:
    """Date lines in the order of the patterns (a 'Datum' line before a place line), each in text order."""
    found: list[_Mention] = []
    for pattern in rules.date_lines:
        for m in pattern.finditer(region):
            inner = FULL_DATE.search(m.group(0))
            mention = _full_date(inner) if inner else None
            if mention:
                found.append(replace(mention, raw=_squash(m.group(0))))
    return found


def latest_mentioned_date(text: str, rules: MetadataRules) -> tuple[_Mention, _Mention | None] | None:
    """(latest dated mention, the mention whose year it borrowed when it is a 'jl.' date) or None."""
    mentions: list[_Mention] = []
    covered: list[tuple[int, int]] = []
    for m in FULL_DATE.finditer(text):
        covered.append(m.span())
        mention = _full_date(m)
        if mention and not followed_by_future_marker(text, m.end()):
            mentions.append(mention)
    for m in MONTH_YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        month = month_number(m.group("month"), ocr=True)
        if month and not followed_by_future_marker(text, m.end()):
            mentions.append(_Mention(int(m.group("year")), month, None, _squash(m.group(0))))
    if not mentions:
        return None
    latest = max(mentions, key=lambda x: x.key)
    anchor = latest
    year_source: _Mention | None = None
    for m in marked_day_month().finditer(text):
        month = month_number(m.group("month"), ocr=True)
        if month is None or not m.group("past"):
            continue
        day = int(m.group("day")) if m.group("day") else None
        if not valid_date(anchor.year, month, day):
            continue
        candidate = _Mention(anchor.year, month, day, _squash(m.group(0)))
        if candidate.key > latest.key:
            latest, year_source = candidate, anchor
    return latest, year_source


def extract_date(text: str, rules: MetadataRules) -> tuple[str | None, str | None]:
    line = find_date_line(text, rules)
    if line:
        return _iso(line), f"datumregel: '{line.raw}'"
    found = latest_mentioned_date(text, rules)
    if not found:
        return None, None
    latest, year_source = found
    basis = f"laatste datum in de tekst: '{latest.raw}'"
    if year_source:
        basis += f" (jaar afgeleid van '{year_source.raw}')"
    return _iso(latest, to_month=True), basis + "; het document is niet ouder"


# --------------------------------------------------------------------------- senders


def official_signatures(text: str, rules: MetadataRules) -> list[str]:
    found: list[str] = []
    for pattern in rules.official_signatures:
        for m in pattern.finditer(text):
            role = " ".join(m.group("role").split())
            name = " ".join(m.group("name").split())
            found.append(f"{role} ({name})")
    return list(dict.fromkeys(found))


def _signature_lines(clean: CleanDocument, rules: MetadataRules) -> list[str]:
    """Lines after the last closing formula (or the signature blocks), up to a stop line."""
    lines = clean.text.splitlines()
    start = None
    for i, line in enumerate(lines):
        if line.strip().lower().startswith(letter_words().closing_formulas):
            start = i + 1
    if start is None:
        blocks = [b.text for b in clean.blocks if b.kind == "signature"]
        lines, start = "\n".join(blocks).splitlines(), 0
    picked: list[str] = []
    for line in lines[start:]:
        if rules.signature_stop.search(line):
            break
        if line.strip():
            picked.append(line.strip())
        if len(picked) >= 8:
            break
    return picked


def _split_names(text: str, rules: MetadataRules) -> list[str] | None:
    """'Tuur Elzinga   Guusje Dolsma' → both names; None unless the whole text is names."""
    names: list[str] = []
    rest = text.strip()
    while rest:
        m = rules.person_name.match(rest)
        if not m:
            return None
        names.append(" ".join(m.group(0).split()))
        rest = rest[m.end() :].strip()
    return names or None


def _org_like(text: str) -> bool:
    return bool(re.search(r"[A-Z]{2,}|[A-Z]\w*-[A-Z]", text))


def organisation_signatures(lines: list[str], rules: MetadataRules) -> list[str]:
    # "Jan Jansen, voorzitter X   Piet de Vries, voorzitter Y": name, comma, function.
    people: list[str] = []
    for line in lines:
        starts = list(rules.name_comma_role.finditer(line))
        for m, nxt in zip(starts, [*starts[1:], None]):
            role = line[m.end() : nxt.start() if nxt else len(line)].strip(" ,;")
            people.append(f"{' '.join(m.group('name').split())} ({role})")
    if people:
        return people
    # A row of names with the functions on the line(s) below, as letters print them in columns.
    organisation: list[str] = []
    for i, line in enumerate(lines):
        first_role = rules.signature_role.search(line)
        names = _split_names(line[: first_role.start()] if first_role else line, rules)
        if not names:
            continue
        if not first_role and i + 1 < len(lines) and _split_names(lines[i + 1], rules):
            # "Sociaal-Economische Raad" above "Mariëtte Hamer": the first is the organisation.
            organisation.append(" ".join(line.split()))
            continue
        below = ([line[first_role.start() :]] if first_role else []) + lines[i + 1 : i + 4]
        cells: list[str] = []
        leftovers: list[str] = list(organisation)
        for row in below:
            starts = [m.start() for m in rules.signature_role.finditer(row)]
            if not starts:
                leftovers.append(" ".join(row.split()))
                continue
            if starts[0] > 0 and cells:
                cells[-1] += " " + row[: starts[0]].strip()
            cells += [" ".join(row[a:b].split()) for a, b in zip(starts, [*starts[1:], len(row)])]
        if len(cells) != len(names):
            return names
        for extra in leftovers:
            # An organisation on a line of its own belongs to the function that names none.
            target = next((k for k, c in enumerate(cells) if not _org_like(c)), len(cells) - 1)
            cells[target] = f"{cells[target]} {extra}"
        return [f"{n} ({c})" for n, c in zip(names, cells)]
    return []


# --------------------------------------------------------------------------- type, addressee, title


def classify(text: str, *, signed_by_official: bool, rules: MetadataRules) -> str:
    head, tail = text[: rules.head_chars], text[-rules.tail_chars :]
    for rule in rules.doc_types:
        if rule.signed_by_official is not None and rule.signed_by_official != signed_by_official:
            continue
        checks = [
            (rule.head_any, head, any),
            (rule.tail_any, tail, any),
            (rule.text_any, text, any),
            (rule.text_all, text, all),
        ]
        if all(not patterns or combine(p.search(region) for p in patterns) for patterns, region, combine in checks):
            return rule.doc_type
    return UNKNOWN_TYPE


def find_addressee(text: str, rules: MetadataRules) -> str | None:
    head = text[: rules.head_chars]
    for pattern, template in rules.addressees:
        m = pattern.search(head)
        if m:
            return template.format(**{k: " ".join(v.split()) for k, v in m.groupdict().items() if v})
    for pattern, template in rules.addressee_fallbacks:
        if pattern.search(text):
            return template
    return None


def _is_generic(heading: str, rules: MetadataRules) -> bool:
    return any(p.search(heading) for p in rules.generic_headings)


def _clean_hint(title_hint: str) -> str:
    # File names start with a date ("2016 06 xx ...") or carry a content hash ("000 56afe5d85fb7b094").
    words = [
        w
        for w in title_hint.split()
        if not re.fullmatch(r"\d+|xx|[0-9a-f]{10,}", w, re.IGNORECASE)
    ]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def find_title(clean: CleanDocument, title_hint: str, rules: MetadataRules) -> str:
    head = clean.text[: rules.head_chars]
    for pattern in rules.title_lines:
        m = pattern.search(head)
        if m:
            return " ".join(m.group("title").split())
    if clean.blocks and clean.blocks[0].kind == "heading":
        heading = " ".join(clean.blocks[0].text.split())
        if not _is_generic(heading, rules):
            return heading
    hint = _clean_hint(title_hint)
    if len(re.findall(r"[A-Za-zÀ-ÿ]{2,}", hint)) >= 2:
        return hint
    first_line = next((line.strip() for line in clean.text.splitlines() if line.strip()), "")
    if len(first_line) > 100:
        first_line = first_line[:100].rsplit(" ", 1)[0] + " …"
    return first_line or title_hint or "Zonder titel"


def find_own_kamerstuk(text: str, rules: MetadataRules) -> str | None:
    head = text[: rules.head_chars]
    for pattern in rules.own_kamerstuk_lines:
        m = pattern.search(head)
        if m:
            dossier = re.sub(r"\s", "", m.group("dossier"))
            return normalise_kamerstuk(f"{dossier}-{m.group('nr')}")
    return None


# --------------------------------------------------------------------------- extraction


def extract_metadata(clean: CleanDocument, *, doc_id: str, source: str, title_hint: str) -> DocumentMetadata:
    rules = load_metadata_rules()
    text = clean.text
    date, date_basis = extract_date(text, rules)
    officials = official_signatures(text, rules)
    senders = officials or organisation_signatures(_signature_lines(clean, rules), rules)
    return DocumentMetadata(
        doc_id=doc_id,
        title=find_title(clean, title_hint, rules),
        doc_type=classify(text, signed_by_official=bool(officials), rules=rules),
        date=date,
        date_basis=date_basis,
        senders=senders,
        addressee=find_addressee(text, rules),
        kamerstuk=find_own_kamerstuk(text, rules),
        kamerstuk_refs=unique_kamerstuk_ids(text),
        source=source,
        extracted=True,
    )


# --------------------------------------------------------------------------- curated metadata

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class CuratedEntry(BaseModel):
    """One document's entry in metadata.yaml; every field is optional, unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str | None = None
    doc_type: str | None = None
    date: str | None = None
    date_basis: str | None = None
    senders: list[str] | None = None
    addressee: str | None = None
    kamerstuk: str | None = None
    kamerstuk_refs: list[str] | None = None
    original_name: str | None = None
    summary: str | None = None
    notes: str | None = None
    source_url: str | None = None

    @field_validator("title", "doc_type")
    @classmethod
    def _not_empty(cls, value: str | None) -> str | None:
        if value is not None and not value:
            raise ValueError("must not be empty (leave the field out to use the extracted value)")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _date_to_text(cls, value: Any) -> Any:
        # YAML reads an unquoted 2016-06-17 as a date and 2017 as an int.
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, Date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        m = _ISO_DATE.fullmatch(value)
        if not m or not valid_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3)) if m.group(3) else None):
            raise ValueError(f"expected an ISO date YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
        return value

    @field_validator("kamerstuk")
    @classmethod
    def _kamerstuk(cls, value: str | None) -> str | None:
        return None if value is None else _normalised(value)

    @field_validator("kamerstuk_refs")
    @classmethod
    def _kamerstuk_refs(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else list(dict.fromkeys(_normalised(v) for v in value))


def _normalised(value: str) -> str:
    normal = normalise_kamerstuk(value)
    if normal is None:
        raise ValueError(f"{value!r} is not a Kamerstuk number: write it as '26485-212' or 'Kamerstuk 26 485, nr. 212'")
    return normal


def _file_names(value: Any) -> Any:
    # An unquoted name such as 2016 is read as a number; it is still a file name. An empty file has no entries.
    if value is None:
        return {}
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value


class CuratedFile(RootModel[Annotated[dict[str, CuratedEntry], BeforeValidator(_file_names)]]):
    """A metadata.yaml: file name → its entry."""


def load_curated_metadata(path: Path) -> dict[str, dict]:
    """File name → the fields its entry sets (validated, Kamerstuk numbers normalised). Missing file: {}."""
    if not path.exists():
        return {}
    curated = load_yaml(path, CuratedFile)
    return {name: entry.model_dump(exclude_unset=True) for name, entry in curated.root.items()}


_OVERRIDABLE = (
    "title", "doc_type", "date", "date_basis", "senders", "addressee", "kamerstuk", "summary", "original_name", "notes",
    "source_url",
)


def merge_metadata(extracted: DocumentMetadata, curated: dict | None) -> DocumentMetadata:
    """Curated fields win; Kamerstuk references are the union (curated first); extracted=False."""
    if not curated:
        return extracted
    source = f"curated metadata of {extracted.source or extracted.doc_id}"
    fields = validate(curated, CuratedEntry, source).model_dump(exclude_unset=True)
    changes: dict[str, Any] = {k: fields[k] for k in _OVERRIDABLE if k in fields}
    for required in ("title", "doc_type"):
        if changes.get(required, "") is None:
            del changes[required]
    if "senders" in changes and changes["senders"] is None:
        changes["senders"] = []
    if "date" in changes and "date_basis" not in changes:
        changes["date_basis"] = CURATED_DATE_BASIS if changes["date"] else None
    refs = [*(fields.get("kamerstuk_refs") or []), *extracted.kamerstuk_refs]
    return replace(extracted, **changes, kamerstuk_refs=list(dict.fromkeys(refs)), extracted=False)
