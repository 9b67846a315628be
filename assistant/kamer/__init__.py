"""The Kamer's own records: Kamerstukken from the official publications, the official state of motions
and commitments from the Tweede Kamer's open data. Only these modules go over the network, and only
when a user asks (`imvo fetch`, `imvo sync`, the web page's "Dossier bijwerken")."""
