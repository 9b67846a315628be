"""The SyncFeed Atom feed of toezeggingen, paged with `<link rel="next">` skiptokens."""

from __future__ import annotations

from xml.sax.saxutils import escape

from assistant.testing.kamer_server.records import FakeToezegging


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
