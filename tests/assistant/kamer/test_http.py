"""The polite client against the local stand-in: retries, Retry-After, timeouts, cut-off bodies, no network."""

from __future__ import annotations

import pytest

from assistant.core.errors import NetworkUnavailableError, RemoteServiceError
from assistant.kamer.http import PoliteClient, retry_after
from assistant.testing.servers import free_port


def sru(server) -> str:
    return f"{server.base}/sru"


def test_429_waits_as_long_as_retry_after_says_then_succeeds(kamer_server, client, sleeps) -> None:
    kamer_server.fail("/sru", "429:7")
    response = client.get(sru(kamer_server), params={"query": "x"})
    assert response.status_code == 200
    assert 7.0 in sleeps.waits
    assert client.stats.retries == 1
    assert kamer_server.count("/sru") == 2


def test_retry_after_longer_than_allowed_gives_up_with_the_setting_to_change(kamer_server, client) -> None:
    kamer_server.fail("/sru", "429:3600")
    with pytest.raises(RemoteServiceError, match="IMVO_FETCH_MAX_WAIT_S"):
        client.get(sru(kamer_server))
    assert kamer_server.count("/sru") == 1


def test_server_error_is_retried_with_growing_waits(kamer_server, client, sleeps) -> None:
    kamer_server.fail("/sru", "500", "500")
    assert client.get(sru(kamer_server)).status_code == 200
    # the rate limiter may sleep a fraction of a millisecond too when the machine is busy; backoff starts at 1 s
    backoff = [w for w in sleeps.waits if w >= 0.5]
    assert len(backoff) == 2 and backoff[1] > backoff[0]


def test_persistent_server_error_says_what_happened_and_what_to_do(kamer_server, client) -> None:
    kamer_server.fail("/sru", "500", "500", "500", "500")
    with pytest.raises(RemoteServiceError) as caught:
        client.get(sru(kamer_server))
    message = str(caught.value)
    assert "500" in message and "retries" in message and "try again later" in message
    assert kamer_server.count("/sru") == 3  # the first try and two retries (fetch_retries=2)


def impatient(sleeps) -> PoliteClient:
    """A client whose timeout the stand-in's slow answer (1 s) exceeds."""
    return PoliteClient(rate=1000, timeout_s=0.3, retries=2, max_wait_s=30, sleep=sleeps)


def test_timeout_is_retried(kamer_server, sleeps) -> None:
    kamer_server.fail("/sru", "timeout")
    with impatient(sleeps) as client:
        assert client.get(sru(kamer_server)).status_code == 200
        assert client.stats.retries >= 1


def test_timeouts_beyond_the_retries_fail_clearly(kamer_server, sleeps) -> None:
    kamer_server.fail("/sru", "timeout", "timeout", "timeout")
    with impatient(sleeps) as client, pytest.raises(RemoteServiceError, match="timeout"):
        client.get(sru(kamer_server))


def test_truncated_body_is_detected_and_fetched_again(kamer_server, client) -> None:
    kamer_server.fail("/sru", "truncated")
    response = client.get(sru(kamer_server), params={"query": "x"})
    assert response.content.rstrip().endswith(b"</sru:searchRetrieveResponse>")
    assert client.stats.retries == 1


def test_client_error_is_not_retried(kamer_server, client) -> None:
    with pytest.raises(RemoteServiceError, match="404"):
        client.get(f"{kamer_server.base}/nothing-here")
    assert kamer_server.count("/nothing-here") == 1


def test_no_network_is_one_clear_error_without_retries(sleeps) -> None:
    with PoliteClient(rate=100, timeout_s=1, retries=3, max_wait_s=5, sleep=sleeps) as client:
        with pytest.raises(NetworkUnavailableError, match="cannot reach 127.0.0.1.*nothing was changed"):
            client.get(f"http://127.0.0.1:{free_port()}/sru")
    assert not [w for w in sleeps.waits if w >= 1]


def test_rate_limit_spaces_requests_by_the_interval(kamer_server, sleeps) -> None:
    now = [0.0]
    with PoliteClient(rate=2.0, timeout_s=2, retries=0, max_wait_s=5, sleep=sleeps, clock=lambda: now[0]) as client:
        for _ in range(3):
            client.get(f"{kamer_server.base}/sru")
    assert sleeps.waits == [0.5, 1.0]  # the clock stands still: each request waits for its slot


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert retry_after("soon") is None
    assert retry_after(None) is None
