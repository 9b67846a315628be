"""`sync motions`: what is stored beside the register, and what a failure leaves."""

from __future__ import annotations

from assistant.kamer.record import load_record, load_toezeggingen
from assistant.kamer.sync import dossier_of, sync_official
from assistant.register import Register
from assistant.core.model import RegisterItem


def register_with(*items: RegisterItem) -> Register:
    return Register(list(items))


def motie(kamerstuk: str, **kw) -> RegisterItem:
    return RegisterItem(id=f"motie-{kamerstuk}", kind="motie", kamerstuk=kamerstuk, members=["Van Haga"], date="2020-11",
                        debate=None, subject="due diligence", **kw)


def commitment(subject: str) -> RegisterItem:
    return RegisterItem(id="toezegging-2020-11-19-kaag", kind="toezegging", kamerstuk=None, members=["Minister Kaag"],
                        date="2020-11-19", debate=None, subject=subject, status="gedaan", execution="uitgevoerd")


def test_sync_stores_the_register_motions_and_matches_toezeggingen(kamer_server, kamer_settings, client) -> None:
    register = register_with(
        motie("26485-401"),
        commitment("een brief over de evaluatie van de IMVO-convenanten voor de zomer"),
    )
    report = sync_official(client, kamer_settings, register)
    assert report.dossiers == ["26485"] and report.motions == 3 and report.register_matched == 1
    record = load_record(kamer_settings.store_dir)
    assert record.motion("26485-401").totals["voor"] == 84 and record.synced_at
    assert record.toezegging_matches == {"toezegging-2020-11-19-kaag": "a0000000-0000-4000-8000-000000000001"}
    assert load_toezeggingen(kamer_settings.store_dir).items["a0000000-0000-4000-8000-000000000001"].open is True


def test_a_failing_dossier_keeps_its_earlier_record_and_the_others_are_synced(kamer_server, kamer_settings, client) -> None:
    register = register_with(motie("26485-401"), motie("32852-24"))
    sync_official(client, kamer_settings, register, toezeggingen=False)
    kamer_server.fail("/OData", "500", "500", "500")  # the first dossier (26485) fails after its retries
    report = sync_official(client, kamer_settings, register, toezeggingen=False)
    assert [d for d, _ in report.failed] == ["26485"]
    assert load_record(kamer_settings.store_dir).motion("26485-401") is not None


def test_without_network_nothing_is_written(kamer_settings, sleeps) -> None:
    from assistant.core.errors import NetworkUnavailableError
    from assistant.kamer.http import PoliteClient
    from assistant.testing.servers import free_port

    settings = kamer_settings.model_copy(update={"tk_odata_url": f"http://127.0.0.1:{free_port()}/OData/v4/2.0/"})
    with PoliteClient.from_settings(settings, sleep=sleeps) as client:
        try:
            sync_official(client, settings, register_with(motie("26485-401")))
        except NetworkUnavailableError:
            pass
        else:
            raise AssertionError("expected NetworkUnavailableError")
    assert not (settings.store_dir / "official.json").exists()


def test_dossier_of_a_kamerstuk_number() -> None:
    assert dossier_of("26485-401") == "26485" and dossier_of("34550-XVII-5") == "34550-XVII" and dossier_of(None) is None
