"""SRU 2.0 searchRetrieveResponse bodies with paging; records as KOOP's gzd (originalData + enrichedData
with an itemUrl per manifestation)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from assistant.testing.kamer_server.records import FakeKamerstuk


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
