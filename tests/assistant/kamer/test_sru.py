"""Reading the official publications' SRU answers."""

from __future__ import annotations

import pytest

from assistant.core.errors import RemoteServiceError
from assistant.kamer.sru import parse_sru_page, search_dossier
from tests.assistant.kamer.conftest import sample_kamerstukken
from assistant.testing.kamer_server import sru_response

BASE = "http://127.0.0.1:1"


def test_a_record_gives_number_kind_title_date_indiener_and_file_urls() -> None:
    records, total, next_position = parse_sru_page(sru_response(BASE, sample_kamerstukken()[1:2], 4, 2))
    assert (total, next_position) == (4, 3)
    record = records[0]
    assert record.kamerstuk == "26485-401" and record.identifier == "kst-26485-401"
    assert record.kind == "Motie" and record.date == "2020-11-19" and record.indiener == ["W.H.M. van Haga"]
    assert record.preferred_url == "https://zoek.officielebekendmakingen.nl/kst-26485-401.html"
    assert set(record.urls) == {"html", "metadata", "pdf", "xml"}


def test_the_last_page_has_no_next_position() -> None:
    _, total, next_position = parse_sru_page(sru_response(BASE, sample_kamerstukken()[3:], 4, 4))
    assert total == 4 and next_position is None


def test_paging_follows_next_record_position(kamer_server, client) -> None:
    pages = list(search_dossier(client, f"{kamer_server.base}/sru", "26485", page_size=3))
    assert [len(p) for p, _ in pages] == [3, 1]
    assert kamer_server.count("/sru") == 2


def test_publications_other_than_kamerstukken_are_left_out() -> None:
    data = sru_response(BASE, sample_kamerstukken()[:1], 1, 1).replace(b"kst-26485-200<", b"h-tk-20202021-12-3<")
    records, total, _ = parse_sru_page(data)
    assert records == [] and total == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<sru:searchRetrieveResponse xmlns:sru='http://docs.oasis-open.org/ns/search-ws/sruResponse'><sru:numb",
         "malformed XML"),
        (b"<html><body>Service unavailable</body></html>", "IMVO_SRU_URL"),
        (b"<sru:searchRetrieveResponse xmlns:sru='http://docs.oasis-open.org/ns/search-ws/sruResponse'>"
         b"<sru:diagnostics><diag:diagnostic xmlns:diag='http://docs.oasis-open.org/ns/search-ws/diagnostic'>"
         b"<diag:message>Query syntax error</diag:message></diag:diagnostic></sru:diagnostics>"
         b"</sru:searchRetrieveResponse>", "Query syntax error"),
    ],
)
def test_unusable_answers_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(RemoteServiceError, match=message):
        parse_sru_page(data)
