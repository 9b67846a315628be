"""Motions from the OData API: paging through @odata.nextLink, the final decision, votes, Afgedaan."""

from __future__ import annotations

import pytest

from assistant.core.errors import RemoteServiceError
from assistant.kamer.odata import fetch_dossier_motions, final_besluit, motion_from_zaak, outcome_of
from tests.assistant.kamer.conftest import sample_motions
from assistant.testing.kamer_server import zaak_json


def motions_by_number(kamer_server, client):
    return {m.kamerstuk: m for m in fetch_dossier_motions(client, kamer_server.settings_update()["tk_odata_url"], "26485")}


def test_the_official_state_of_a_motion(kamer_server, client) -> None:
    motion = motions_by_number(kamer_server, client)["26485-401"]
    assert motion.outcome == "aangenomen" and motion.besluit_tekst == "Aangenomen." and motion.date == "2020-12-01"
    assert motion.totals == {"voor": 84, "tegen": 34, "niet_deelgenomen": 9}
    assert motion.votes[0] == {"fractie": "VVD", "naam": None, "stem": "Voor", "zetels": 32, "vergissing": False}
    assert motion.afgedaan is True and motion.kabinetsappreciatie == "Oordeel Kamer"
    assert motion.zaak_nummer == "2020Z22390"
    assert motion.url == "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2020Z22390"
    assert motion.api_url.endswith(f"/Zaak({motion.zaak_id})")


def test_a_proposal_is_not_a_decision(kamer_server, client) -> None:
    motions = motions_by_number(kamer_server, client)
    assert motions["26485-402"].outcome == "verworpen" and motions["26485-402"].afgedaan is False
    assert motions["26485-403"].outcome is None and motions["26485-403"].totals == {}


def test_every_page_is_read_through_next_link(kamer_server, client) -> None:
    kamer_server.odata_page = 2
    assert set(motions_by_number(kamer_server, client)) == {"26485-401", "26485-402", "26485-403"}
    assert kamer_server.count("/OData/v4/2.0/Zaak") == 2


def test_the_query_follows_the_documented_conventions(kamer_server, client) -> None:
    motions_by_number(kamer_server, client)
    # the stand-in only answers a filter on the dossier number; the request must carry the rest as well
    from assistant.kamer.odata import motions_query

    query = motions_query("26485")
    assert "Verwijderd eq false" in query["$filter"] and "Soort eq 'Motie'" in query["$filter"]
    assert "Kamerstukdossier/any(d: d/Nummer eq 26485)" in query["$filter"]
    assert query["$format"] == "application/json;odata.metadata=full"
    assert "d/Toevoeging eq 'V'" in motions_query("36600-V")["$filter"]


def test_a_cut_off_json_page_is_a_clear_error(kamer_server, client) -> None:
    kamer_server.fail("/OData", "malformed", "malformed", "malformed")
    with pytest.raises(RemoteServiceError, match="malformed or cut-off JSON"):
        motions_by_number(kamer_server, client)


def test_the_latest_decision_counts_and_ingediend_does_not() -> None:
    base = "http://127.0.0.1:1"
    motion = sample_motions()[0]
    motion.besluiten.append({"soort": "Stemmen - verworpen", "tekst": "Verworpen.", "datum": "2020-12-15", "stemmen": []})
    zaak = zaak_json(base, motion, 1)
    assert outcome_of(final_besluit(zaak["Besluit"])) == "verworpen"
    assert final_besluit([b for b in zaak["Besluit"] if b["BesluitTekst"] == "Ingediend."]) is None


def test_a_zaak_without_dossier_or_number_is_skipped() -> None:
    zaak = zaak_json("http://127.0.0.1:1", sample_motions()[0], 1)
    zaak["Kamerstukdossier"] = []
    assert motion_from_zaak(zaak, base_url="x") is None
