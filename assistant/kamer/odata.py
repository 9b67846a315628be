"""Motions of a dossier from the Tweede Kamer's OData API (informatiemodel 2.0), followed through
`@odata.nextLink`, and their official state.

Conventions as the openkamer client (tkapi) uses them: `$format=application/json;odata.metadata=full`,
`Verwijderd eq false` in every filter, `Soort eq 'Motie'`, `Kamerstukdossier/any(d: d/Nummer eq N)`;
a motion's own Kamerstuk number is its dossier's Nummer (plus Toevoeging) and the Volgnummer of its
Document. The final outcome follows the tkconv rule: the Besluiten ordered by the date of their
activity, leaving out Status 'Voorstel' and the text 'Ingediend'; the last one decides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from assistant.core.errors import RemoteServiceError
from assistant.kamer.http import PoliteClient
from assistant.kamer.record import OfficialMotion

JSON_FULL = "application/json;odata.metadata=full"
MOTION_PAGE_URL = "https://www.tweedekamer.nl/kamerstukken/moties/detail?id={nummer}"
# Outcome words as they occur in BesluitSoort ("Stemmen - aangenomen") and BesluitTekst ("Aangenomen.").
_OUTCOMES = ("aangenomen", "verworpen", "aangehouden", "ingetrokken", "vervallen")


def motions_query(dossier: str) -> dict[str, str]:
    number, _, toevoeging = dossier.partition("-")
    dossier_filter = f"Kamerstukdossier/any(d: d/Nummer eq {int(number)}"
    dossier_filter += f" and d/Toevoeging eq '{toevoeging}')" if toevoeging else ")"
    return {
        "$filter": f"Verwijderd eq false and Soort eq 'Motie' and {dossier_filter}",
        "$expand": (
            "Kamerstukdossier,Document,"
            "Besluit($filter=Verwijderd eq false;$expand=Stemming($filter=Verwijderd eq false),"
            "Agendapunt($expand=Activiteit))"
        ),
        "$format": JSON_FULL,
    }


def iter_entities(client: PoliteClient, url: str, params: dict[str, str] | None) -> Iterator[dict[str, Any]]:
    """Every entity of a collection, page after page through @odata.nextLink."""
    seen: set[str] = set()
    while url:
        response = client.get(url, params=params)
        page = parse_json(response.content, source=url)
        values = page.get("value")
        if not isinstance(values, list):
            raise RemoteServiceError(f"{url} answered without a `value` list: check IMVO_TK_ODATA_URL")
        yield from (v for v in values if isinstance(v, dict))
        next_link = page.get("@odata.nextLink")
        if next_link in seen:
            raise RemoteServiceError(f"{url} sent the same @odata.nextLink twice: stopped to avoid a loop")
        if next_link:
            seen.add(next_link)
        url, params = next_link, None  # the next link carries the whole query


def parse_json(data: bytes, *, source: str) -> dict[str, Any]:
    try:
        page = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RemoteServiceError(f"{source} sent malformed or cut-off JSON ({exc}): try again later") from None
    if not isinstance(page, dict):
        raise RemoteServiceError(f"{source} sent JSON that is not an object: check IMVO_TK_ODATA_URL")
    return page


def fetch_dossier_motions(client: PoliteClient, base_url: str, dossier: str) -> list[OfficialMotion]:
    url = base_url.rstrip("/") + "/Zaak"
    now = datetime.now(UTC).isoformat(timespec="seconds")
    motions = []
    for zaak in iter_entities(client, url, motions_query(dossier)):
        motion = motion_from_zaak(zaak, base_url=base_url, synced_at=now)
        if motion is not None:
            motions.append(motion)
    return motions


def motion_from_zaak(zaak: dict[str, Any], *, base_url: str, synced_at: str | None = None) -> OfficialMotion | None:
    kamerstuk = _kamerstuk(zaak)
    if kamerstuk is None:
        return None
    besluit = final_besluit(zaak.get("Besluit") or [])
    votes, totals = _votes(besluit.get("Stemming") or []) if besluit else ([], {})
    nummer = zaak.get("Nummer")
    return OfficialMotion(
        kamerstuk=kamerstuk,
        zaak_id=str(zaak.get("Id", "")),
        zaak_nummer=nummer,
        onderwerp=zaak.get("Onderwerp") or zaak.get("Titel"),
        outcome=outcome_of(besluit) if besluit else None,
        besluit_tekst=(besluit.get("BesluitTekst") or "").strip() or None if besluit else None,
        date=_besluit_date(besluit) if besluit else None,
        votes=votes,
        totals=totals,
        afgedaan=zaak.get("Afgedaan"),
        kabinetsappreciatie=zaak.get("Kabinetsappreciatie") or None,
        url=MOTION_PAGE_URL.format(nummer=quote(nummer)) if nummer else None,
        api_url=f"{base_url.rstrip('/')}/Zaak({zaak.get('Id')})" if zaak.get("Id") else None,
        synced_at=synced_at,
    )


def _kamerstuk(zaak: dict[str, Any]) -> str | None:
    dossiers = zaak.get("Kamerstukdossier") or []
    documents = zaak.get("Document") or []
    if not dossiers:
        return None
    dossier = dossiers[0]
    number = str(dossier.get("Nummer", "")).strip()
    toevoeging = (dossier.get("Toevoeging") or "").strip()
    motie_docs = [d for d in documents if str(d.get("Soort", "")).lower().startswith("motie")] or documents
    volgnummers = [d.get("Volgnummer") for d in motie_docs if d.get("Volgnummer") not in (None, "", 0)]
    volgnummer = volgnummers[0] if volgnummers else zaak.get("Volgnummer")
    if not number or volgnummer in (None, "", 0):
        return None
    middle = f"{toevoeging.upper()}-" if toevoeging else ""
    return f"{number}-{middle}{int(volgnummer)}"


def _besluit_date(besluit: dict[str, Any]) -> str | None:
    agendapunt = besluit.get("Agendapunt") or {}
    if isinstance(agendapunt, list):
        agendapunt = agendapunt[0] if agendapunt else {}
    activiteit = agendapunt.get("Activiteit") or {}
    if isinstance(activiteit, list):
        activiteit = activiteit[0] if activiteit else {}
    when = activiteit.get("Datum") or activiteit.get("Aanvangstijd") or besluit.get("GewijzigdOp")
    return str(when)[:10] if when else None


def final_besluit(besluiten: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The decision that counts: the latest by activity date, leaving out proposals and 'Ingediend'."""
    kept = [
        b for b in besluiten
        if not b.get("Verwijderd")
        and (b.get("Status") or "") != "Voorstel"
        and not (b.get("BesluitTekst") or "").strip().lower().startswith("ingediend")
    ]
    if not kept:
        return None
    return max(enumerate(kept), key=lambda ib: (_besluit_date(ib[1]) or "", ib[0]))[1]


def outcome_of(besluit: dict[str, Any]) -> str | None:
    said = f"{besluit.get('BesluitSoort') or ''} {besluit.get('BesluitTekst') or ''}".lower()
    return next((o for o in _OUTCOMES if o in said), None)


def _votes(stemmingen: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Per fraction (or per member in a roll-call vote) and the totals: the sum of FractieGrootte per Soort;
    a member's own vote (Persoon_Id set) counts one."""
    votes = []
    totals = {"voor": 0, "tegen": 0, "niet_deelgenomen": 0}
    for s in stemmingen:
        if s.get("Verwijderd"):
            continue
        soort = (s.get("Soort") or "").strip().lower()
        key = {"voor": "voor", "tegen": "tegen"}.get(soort, "niet_deelgenomen")
        seats = 1 if s.get("Persoon_Id") else int(s.get("FractieGrootte") or 0)
        totals[key] += seats
        votes.append({
            "fractie": s.get("ActorFractie") or s.get("ActorNaam"),
            "naam": s.get("ActorNaam") if s.get("Persoon_Id") else None,
            "stem": s.get("Soort"),
            "zetels": seats,
            "vergissing": bool(s.get("Vergissing")),
        })
    votes.sort(key=lambda v: (-(v["zetels"] or 0), v["fractie"] or ""))
    return votes, totals
