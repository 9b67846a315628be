"""Toezeggingen from the SyncFeed: entries, tombstones, skiptokens."""

from __future__ import annotations

from assistant.kamer.feed import parse_feed_page, sync_toezeggingen
from assistant.kamer.record import ToezeggingFeedState
from tests.assistant.kamer.conftest import sample_toezeggingen
from assistant.testing.kamer_server import toezegging_feed


def test_a_feed_page_gives_toezeggingen_their_status_and_tombstones() -> None:
    page = parse_feed_page(toezegging_feed("http://h", sample_toezeggingen(), 0, 250), source="feed", entity_url="http://h/E")
    open_one, done = page.items
    assert open_one.nummer == "TZ202011-001" and open_one.status == "Openstaand" and open_one.open is True
    assert done.open is False and open_one.datum_nakoming is None  # xsi:nil
    assert page.deleted == ["a0000000-0000-4000-8000-000000000003"] and page.next_url is None


def test_sync_follows_next_links_and_resumes_from_the_skiptoken(kamer_server, client) -> None:
    kamer_server.feed_page = 1
    state = ToezeggingFeedState()
    feed = kamer_server.settings_update()["tk_syncfeed_url"]
    pages = sync_toezeggingen(client, feed, state)
    assert pages == 3 and set(state.items) == {"a0000000-0000-4000-8000-000000000001",
                                                "a0000000-0000-4000-8000-000000000002"}
    assert state.skiptoken == 2
    before = kamer_server.count("/SyncFeed")
    sync_toezeggingen(client, feed, state)
    assert kamer_server.count("/SyncFeed") == before + 1  # only from the stored skiptoken on
