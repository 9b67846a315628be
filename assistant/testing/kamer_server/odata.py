"""OData v4 JSON for a motion's Zaak, with `odata.metadata=full` annotations (Kamerstukdossier, Document,
Besluit → Stemming, Agendapunt → Activiteit expanded)."""

from __future__ import annotations

from assistant.testing.kamer_server.records import FakeMotion


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
