"""The files of a Kamerstuk under /frbr/officielepublicaties/kst/...: its XML (official-publication
schema) and a PDF of the same text."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from assistant.testing.kamer_server.records import FakeKamerstuk


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
