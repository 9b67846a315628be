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

Usable from tests and bench scripts: `from assistant.testing.kamer_server import KamerServer`.
"""

from assistant.testing.kamer_server.feed import toezegging_feed
from assistant.testing.kamer_server.odata import zaak_json
from assistant.testing.kamer_server.publications import kamerstuk_pdf, kamerstuk_xml
from assistant.testing.kamer_server.records import FakeKamerstuk, FakeMotion, FakeToezegging
from assistant.testing.kamer_server.server import KamerServer
from assistant.testing.kamer_server.sru import file_url, sru_response

__all__ = ["FakeKamerstuk", "FakeMotion", "FakeToezegging", "KamerServer", "file_url", "kamerstuk_pdf",
           "kamerstuk_xml", "sru_response", "toezegging_feed", "zaak_json"]
