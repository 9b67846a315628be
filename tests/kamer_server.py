"""A local stand-in for the Kamer's services on 127.0.0.1 (a free port, a background thread), serving
responses shaped as the services document them, plus scripted failures.

- SRU 2.0 searchRetrieveResponse with paging (startRecord / maximumRecords / nextRecordPosition),
  records as KOOP's gzd (originalData + enrichedData with itemUrl per manifestation);
- Kamerstuk XML (official-publication schema) and PDF files under /frbr/officielepublicaties/kst/...;
- OData v4 JSON with `odata.metadata=full` annotations and `@odata.nextLink` paging (Zaak with its
  Kamerstukdossier, Document, Besluit → Stemming, Agendapunt → Activiteit expanded);
- the SyncFeed Atom feed of toezeggingen with `<link rel="next">` skiptokens.

Failures are scripted per path prefix: `server.fail("/sru", "429:3", "500")` makes the next two matching
requests answer 429 with Retry-After: 3, then 500. Kinds: "429[:seconds]", "500", "timeout" (answers
after `slow_s`), "truncated" (a Content-Length longer than the body), "malformed" (cut-off XML/JSON
with a correct length), "refuse" (closes the connection at once).

Usable from tests and bench scripts: `from tests.kamer_server import KamerServer`.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlencode, urlparse
from xml.sax.saxutils import escape

ODATA_PAGE = 250  # the API's page size


@dataclass
class FakeKamerstuk:
    dossier: str
    number: int
    kind: str  # KamerstukTypen: Motie, Brief, Verslag
    title: str
    date: str
    paragraphs: list[str]
    indiener: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # cited from the first paragraph
    signature: list[str] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # paragraph index → heading before it
    has_xml: bool = True
    has_pdf: bool = True
    paragraphs_per_page: int = 3

    @property
    def identifier(self) -> str:
        return f"kst-{self.dossier}-{self.number}"


@dataclass
class FakeMotion:
    dossier: str
    number: int
    zaak_nummer: str
    onderwerp: str
    besluiten: list[dict]  # {"soort", "tekst", "status", "datum", "stemmen": [(fractie, soort, grootte)]}
    afgedaan: bool | None = False
    kabinetsappreciatie: str | None = "Oordeel Kamer"
    toevoeging: str | None = None


@dataclass
class FakeToezegging:
    id: str
    nummer: str
    tekst: str
    status: str
    aanmaakdatum: str = "2020-11-19T00:00:00"
    ministerie: str = "Buitenlandse Zaken"
    naam: str = "Kaag"
    functie: str = "minister"
    deleted: bool = False


# --------------------------------------------------------------------------- response bodies


def sru_response(base: str, records: list[FakeKamerstuk], total: int, start: int) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">',
        "<sru:version>2.0</sru:version>",
        f"<sru:numberOfRecords>{total}</sru:numberOfRecords>",
        "<sru:records>",
    ]
    for position, k in enumerate(records, start=start):
        parts.append(_sru_record(base, k, position))
    parts.append("</sru:records>")
    if records and start + len(records) - 1 < total:
        parts.append(f"<sru:nextRecordPosition>{start + len(records)}</sru:nextRecordPosition>")
    parts.append("</sru:searchRetrieveResponse>")
    return "\n".join(parts).encode()


def file_url(base: str, k: FakeKamerstuk, manifestation: str) -> str:
    ext = {"xml": "xml", "pdf": "pdf", "html": "html", "metadata": "xml"}[manifestation]
    name = "metadata" if manifestation == "metadata" else k.identifier
    return f"{base}/frbr/officielepublicaties/kst/{k.dossier}/{k.identifier}/1/{manifestation}/{name}.{ext}"


def _sru_record(base: str, k: FakeKamerstuk, position: int) -> str:
    items = [f'<gzd:itemUrl manifestation="html">{escape(file_url(base, k, "html"))}</gzd:itemUrl>',
             f'<gzd:itemUrl manifestation="metadata">{escape(file_url(base, k, "metadata"))}</gzd:itemUrl>']
    if k.has_pdf:
        items.append(f'<gzd:itemUrl manifestation="pdf">{escape(file_url(base, k, "pdf"))}</gzd:itemUrl>')
    if k.has_xml:
        items.append(f'<gzd:itemUrl manifestation="xml">{escape(file_url(base, k, "xml"))}</gzd:itemUrl>')
    indieners = "".join(f"<overheidwetgeving:indiener>{escape(i)}</overheidwetgeving:indiener>" for i in k.indiener)
    return f"""<sru:record>
<sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>
<sru:recordPacking>xml</sru:recordPacking>
<sru:recordData>
<gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">
<gzd:originalData><overheidwetgeving:meta>
<overheidwetgeving:owmskern>
<dcterms:identifier>{k.identifier}</dcterms:identifier>
<dcterms:title>{escape(k.title)}</dcterms:title>
<dcterms:type scheme="overheid:Informatietype">kamerstuk</dcterms:type>
<dcterms:language>nl</dcterms:language>
<overheid:authority>Tweede Kamer der Staten-Generaal</overheid:authority>
<dcterms:creator scheme="overheid:StatenGeneraal">Tweede Kamer der Staten-Generaal</dcterms:creator>
</overheidwetgeving:owmskern>
<overheidwetgeving:owmsmantel><dcterms:issued>{k.date}</dcterms:issued><dcterms:available>{k.date}</dcterms:available></overheidwetgeving:owmsmantel>
<overheidwetgeving:tpmeta>
<overheidwetgeving:vergaderjaar>2020-2021</overheidwetgeving:vergaderjaar>
<overheidwetgeving:dossiernummer>{k.dossier}</overheidwetgeving:dossiernummer>
<overheidwetgeving:ondernummer>{k.number}</overheidwetgeving:ondernummer>
<overheidwetgeving:subrubriek scheme="OVERHEIDop.KamerstukTypen">{escape(k.kind)}</overheidwetgeving:subrubriek>
{indieners}
<overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam>
</overheidwetgeving:tpmeta>
</overheidwetgeving:meta></gzd:originalData>
<gzd:enrichedData>
<gzd:url>{escape(file_url(base, k, "html"))}</gzd:url>
<gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/{k.identifier}.html</gzd:preferredUrl>
{"".join(items)}
</gzd:enrichedData>
</gzd:gzd>
</sru:recordData>
<sru:recordPosition>{position}</sru:recordPosition>
</sru:record>"""


def kamerstuk_xml(k: FakeKamerstuk) -> bytes:
    body: list[str] = []
    for i, text in enumerate(k.paragraphs):
        if i in k.headings:
            body.append(f"<tussenkop>{escape(k.headings[i])}</tussenkop>")
        notes = ""
        if i == 0:
            notes = "".join(
                f'<noot id="n{n}" type="voet"><noot.nr>{n}</noot.nr><noot.al>{escape(t)}</noot.al></noot>'
                for n, t in enumerate(k.footnotes, start=1)
            )
        body.append(f"<al>{escape(text)}{notes}</al>")
    signature = "".join(f"<al>{escape(line)}</al>" for line in k.signature)
    wrapper = "algemeen" if k.kind == "Motie" else "brief"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<metadata><meta name="DC.identifier" content="{k.identifier}"/></metadata>
<kamerstuk>
<kamerstukkop><kamer nummer="2">Tweede Kamer der Staten-Generaal</kamer><vergaderjaar>Vergaderjaar 2020–2021</vergaderjaar></kamerstukkop>
<dossier><dossiernummer><dossiernr>{k.dossier}</dossiernr></dossiernummer><titel>Internationaal maatschappelijk verantwoord ondernemen</titel></dossier>
<stuk><stuknummer>Nr. {k.number}</stuknummer><titel>{escape(k.title.upper())}</titel>
<{wrapper}>{"".join(body)}<ondertekening>{signature}</ondertekening></{wrapper}>
</stuk></kamerstuk></officiele-publicatie>""".encode()


def kamerstuk_pdf(k: FakeKamerstuk) -> bytes:
    """The same text on pages, as the PDF page view prints it (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setTitle(k.identifier)
    chunks = [k.paragraphs[i : i + k.paragraphs_per_page] for i in range(0, len(k.paragraphs), k.paragraphs_per_page)]
    for page_no, chunk in enumerate(chunks or [[k.title]], start=1):
        y = 800
        c.setFont("Helvetica", 8)
        c.drawString(60, 815, f"Tweede Kamer, vergaderjaar 2020–2021, {k.dossier}, nr. {k.number}")
        c.setFont("Helvetica", 10)
        for text in ([k.title] if page_no == 1 else []) + chunk:
            words, line = text.split(), ""
            for word in words:
                if len(line) + len(word) > 90:
                    c.drawString(60, y, line)
                    y -= 14
                    line = ""
                line = f"{line} {word}".strip()
            if line:
                c.drawString(60, y, line)
                y -= 22
        c.drawString(300, 40, str(page_no))
        c.showPage()
    c.save()
    return buffer.getvalue()


def _odata_annotations(base: str, entity: str, id_: str) -> dict:
    return {
        "@odata.type": f"#TK.DA.GGM.OData.{entity}",
        "@odata.id": f"{base}/OData/v4/2.0/{entity}({id_})",
        "@odata.editLink": f"{base}/OData/v4/2.0/{entity}({id_})",
    }


def zaak_json(base: str, m: FakeMotion, index: int) -> dict:
    zaak_id = f"00000000-0000-4000-8000-{index:012d}"
    besluiten = []
    for j, b in enumerate(m.besluiten):
        besluit_id = f"10000000-0000-4000-8000-{index * 10 + j:012d}"
        stemmingen = [
            {
                **_odata_annotations(base, "Stemming", f"20000000-0000-4000-8000-{index * 1000 + j * 100 + s:012d}"),
                "Id": f"20000000-0000-4000-8000-{index * 1000 + j * 100 + s:012d}",
                "Besluit_Id": besluit_id, "Soort": soort, "FractieGrootte": grootte, "ActorNaam": fractie,
                "ActorFractie": fractie, "Vergissing": False, "SidActorLid": None, "SidActorFractie": None,
                "Persoon_Id": None, "Fractie_Id": f"30000000-0000-4000-8000-{s:012d}",
                "GewijzigdOp": f"{b['datum']}T16:00:00+01:00", "ApiGewijzigdOp": f"{b['datum']}T16:00:00Z",
                "Verwijderd": False,
            }
            for s, (fractie, soort, grootte) in enumerate(b.get("stemmen", []))
        ]
        besluiten.append({
            **_odata_annotations(base, "Besluit", besluit_id),
            "Id": besluit_id, "Agendapunt_Id": f"40000000-0000-4000-8000-{index * 10 + j:012d}",
            "StemmingsSoort": "Met handopsteken" if b.get("stemmen") else None,
            "BesluitSoort": b["soort"], "BesluitTekst": b["tekst"], "Opmerking": None,
            "Status": b.get("status", "Besluit"), "AgendapuntZaakBesluitVolgorde": 1,
            "GewijzigdOp": f"{b['datum']}T16:00:00+01:00", "ApiGewijzigdOp": f"{b['datum']}T16:00:00Z",
            "Verwijderd": False,
            "Stemming@odata.context": f"{base}/OData/v4/2.0/$metadata#Besluit({besluit_id})/Stemming",
            "Stemming": stemmingen,
            "Agendapunt": {
                **_odata_annotations(base, "Agendapunt", f"40000000-0000-4000-8000-{index * 10 + j:012d}"),
                "Id": f"40000000-0000-4000-8000-{index * 10 + j:012d}", "Onderwerp": "Stemmingen", "Verwijderd": False,
                "Activiteit": {
                    **_odata_annotations(base, "Activiteit", f"50000000-0000-4000-8000-{index * 10 + j:012d}"),
                    "Id": f"50000000-0000-4000-8000-{index * 10 + j:012d}", "Soort": "Stemmingen",
                    "Datum": f"{b['datum']}T00:00:00+01:00", "Aanvangstijd": f"{b['datum']}T14:00:00+01:00",
                    "Verwijderd": False,
                },
            },
        })
    return {
        **_odata_annotations(base, "Zaak", zaak_id),
        "Id": zaak_id, "Nummer": m.zaak_nummer, "Soort": "Motie", "Titel": "Internationaal maatschappelijk verantwoord ondernemen",
        "Citeertitel": None, "Alias": None, "Status": "Vrijgegeven", "Onderwerp": m.onderwerp,
        "GestartOp": "2020-11-19T00:00:00+01:00", "Organisatie": "Tweede Kamer", "Grondslagvoorhang": None,
        "Termijn": None, "Vergaderjaar": "2020-2021", "Volgnummer": 0, "HuidigeBehandelstatus": None,
        "Afgedaan": m.afgedaan, "GrootProject": False, "Kabinetsappreciatie": m.kabinetsappreciatie,
        "GewijzigdOp": "2021-01-01T00:00:00+01:00", "ApiGewijzigdOp": "2021-01-01T00:00:00Z", "Verwijderd": False,
        "Kamerstukdossier@odata.context": f"{base}/OData/v4/2.0/$metadata#Zaak({zaak_id})/Kamerstukdossier",
        "Kamerstukdossier": [{
            **_odata_annotations(base, "Kamerstukdossier", f"60000000-0000-4000-8000-{int(m.dossier):012d}"),
            "Id": f"60000000-0000-4000-8000-{int(m.dossier):012d}", "Titel": "Internationaal maatschappelijk verantwoord ondernemen",
            "Citeertitel": None, "Alias": None, "Nummer": int(m.dossier), "Toevoeging": m.toevoeging,
            "HoogsteVolgnummer": 400, "Afgesloten": False, "Kamer": "Tweede Kamer", "Verwijderd": False,
        }],
        "Document@odata.context": f"{base}/OData/v4/2.0/$metadata#Zaak({zaak_id})/Document",
        "Document": [{
            **_odata_annotations(base, "Document", f"70000000-0000-4000-8000-{index:012d}"),
            "Id": f"70000000-0000-4000-8000-{index:012d}", "Soort": "Motie", "DocumentNummer": f"2020D{index:05d}",
            "Titel": "Internationaal maatschappelijk verantwoord ondernemen", "Onderwerp": m.onderwerp,
            "Datum": "2020-11-19T00:00:00+01:00", "Volgnummer": m.number, "Vergaderjaar": "2020-2021",
            "Kamer": 2, "Verwijderd": False,
        }],
        "Besluit@odata.context": f"{base}/OData/v4/2.0/$metadata#Zaak({zaak_id})/Besluit",
        "Besluit": besluiten,
    }


def toezegging_feed(base: str, items: list[FakeToezegging], skiptoken: int, page: int) -> bytes:
    chunk = items[skiptoken : skiptoken + page]
    entries = []
    for t in chunk:
        if t.deleted:
            body = f'<toezegging xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="{t.id}" tk:bijgewerkt="2021-01-01T00:00:00" tk:verwijderd="true"/>'
        else:
            body = (
                f'<toezegging xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" '
                f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="{t.id}" tk:bijgewerkt="2021-01-01T00:00:00" tk:verwijderd="false">'
                f"<nummer>{t.nummer}</nummer><tekst>{escape(t.tekst)}</tekst><status>{t.status}</status>"
                f"<ministerie>{escape(t.ministerie)}</ministerie><naam>{t.naam}</naam><functie>{t.functie}</functie>"
                f"<aanmaakdatum>{t.aanmaakdatum}</aanmaakdatum><datumNakoming xsi:nil=\"true\"/>"
                f'<activiteit ref="50000000-0000-4000-8000-000000000001"/></toezegging>'
            )
        entries.append(
            f"<entry><title>{t.id}</title><id>{base}/SyncFeed/2.0/Entiteiten/{t.id}</id>"
            f"<updated>2021-01-01T00:00:00Z</updated><category term=\"toezegging\"/>"
            f'<link rel="enclosure" href="{base}/SyncFeed/2.0/Entiteiten/{t.id}"/>'
            f'<content type="application/xml">{body}</content></entry>'
        )
    nxt = skiptoken + len(chunk)
    link = f'<link rel="next" href="{base}/SyncFeed/2.0/Feed?category=Toezegging&amp;skiptoken={nxt}"/>' if nxt < len(items) else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Toezegging</title><id>{base}/SyncFeed/2.0/Feed</id><updated>2021-01-01T00:00:00Z</updated>"
        f"{link}{''.join(entries)}</feed>"
    ).encode()


# --------------------------------------------------------------------------- the server


class KamerServer:
    def __init__(self, *, sru_page: int | None = None, feed_page: int = 250, slow_s: float = 2.0) -> None:
        self.kamerstukken: list[FakeKamerstuk] = []
        self.motions: list[FakeMotion] = []
        self.toezeggingen: list[FakeToezegging] = []
        self.sru_page = sru_page  # the server's own cap on maximumRecords (None: honour the request)
        self.feed_page = feed_page
        self.odata_page = ODATA_PAGE
        self.slow_s = slow_s
        self.requests: list[tuple[float, str]] = []
        self.malformed_files: set[str] = set()  # identifiers whose XML is served malformed every time
        self._faults: list[tuple[str, deque[str]]] = []
        self._lock = threading.Lock()
        self._cache: dict[str, bytes] = {}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    # settings that point the assistant at this server
    def settings_env(self) -> dict[str, str]:
        return {
            "IMVO_SRU_URL": f"{self.base}/sru",
            "IMVO_TK_ODATA_URL": f"{self.base}/OData/v4/2.0/",
            "IMVO_TK_SYNCFEED_URL": f"{self.base}/SyncFeed/2.0/Feed",
        }

    def settings_update(self) -> dict[str, str]:
        return {"sru_url": f"{self.base}/sru", "tk_odata_url": f"{self.base}/OData/v4/2.0/",
                "tk_syncfeed_url": f"{self.base}/SyncFeed/2.0/Feed"}

    def fail(self, prefix: str, *kinds: str) -> None:
        with self._lock:
            self._faults.append((prefix, deque(kinds)))

    def count(self, prefix: str = "") -> int:
        return sum(1 for _, path in self.requests if path.startswith(prefix))

    def __enter__(self) -> KamerServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next_fault(self, path: str) -> str | None:
        with self._lock:
            for prefix, kinds in self._faults:
                if path.startswith(prefix) and kinds:
                    return kinds.popleft()
        return None

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parsed = urlparse(self.path)
                server.requests.append((time.monotonic(), parsed.path))
                fault = server._next_fault(parsed.path)
                if fault == "refuse":
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault and fault.startswith("429"):
                    wait = fault.partition(":")[2] or "1"
                    return self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": wait})
                if fault == "500":
                    return self._send(500, b"Internal Server Error", "text/plain")
                if fault == "timeout":
                    time.sleep(server.slow_s)
                status, body, ctype = server._route(parsed.path, parse_qs(parsed.query))
                if fault == "truncated":
                    return self._send(status, body[: len(body) // 2], ctype, length=len(body))
                if fault == "malformed":
                    body = body[: len(body) // 2]
                self._send(status, body, ctype)

            def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None,
                      length: int | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(length if length is not None else len(body)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    if length is not None:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body)
                    if length is not None:
                        self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

    def _route(self, path: str, query: dict[str, list[str]]) -> tuple[int, bytes, str]:
        if path == "/sru":
            start = int(query.get("startRecord", ["1"])[0])
            size = int(query.get("maximumRecords", ["50"])[0])
            if self.sru_page:
                size = min(size, self.sru_page)
            wanted = query.get("query", [""])[0]
            records = [k for k in self.kamerstukken if f"w.dossiernummer=={k.dossier})" in wanted]
            page = records[start - 1 : start - 1 + size]
            return 200, sru_response(self.base, page, len(records), start), "text/xml; charset=utf-8"
        if path.startswith("/frbr/officielepublicaties/kst/"):
            parts = path.split("/")
            identifier, manifestation = parts[5], parts[7]
            k = next((x for x in self.kamerstukken if x.identifier == identifier), None)
            if k is None:
                return 404, b"Not Found", "text/plain"
            if manifestation == "xml" and k.has_xml:
                body = kamerstuk_xml(k)
                if identifier in self.malformed_files:
                    body = body.replace(b"</stuk>", b"</stk>", 1)
                return 200, body, "application/xml"
            if manifestation == "pdf" and k.has_pdf:
                key = f"pdf:{identifier}"
                if key not in self._cache:
                    self._cache[key] = kamerstuk_pdf(k)
                return 200, self._cache[key], "application/pdf"
            return 404, b"Not Found", "text/plain"
        if path == "/OData/v4/2.0/Zaak":
            flt = query.get("$filter", [""])[0]
            skip = int(query.get("$skip", ["0"])[0])
            chosen = [m for m in self.motions if f"d/Nummer eq {int(m.dossier)}" in flt]
            page = chosen[skip : skip + self.odata_page]
            body = {
                "@odata.context": f"{self.base}/OData/v4/2.0/$metadata#Zaak(Kamerstukdossier(),Document(),Besluit(Stemming(),Agendapunt(Activiteit())))",
                "value": [zaak_json(self.base, m, self.motions.index(m) + 1) for m in page],
            }
            if skip + self.odata_page < len(chosen):
                params = {k: v[0] for k, v in query.items() if k != "$skip"}
                params["$skip"] = str(skip + self.odata_page)
                body["@odata.nextLink"] = f"{self.base}/OData/v4/2.0/Zaak?{urlencode(params, quote_via=quote)}"
            return 200, json.dumps(body).encode(), "application/json;odata.metadata=full;charset=utf-8"
        if path == "/SyncFeed/2.0/Feed":
            token = int(query.get("skiptoken", ["0"])[0])
            return 200, toezegging_feed(self.base, self.toezeggingen, token, self.feed_page), "application/atom+xml"
        return 404, b"Not Found", "text/plain"
