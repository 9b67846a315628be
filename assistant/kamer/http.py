"""A polite HTTP client for the Kamer's services: a request rate limit, a timeout per request, backoff on
429 (honouring Retry-After) and on 5xx/timeouts, and errors that say what happened and what to do."""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from assistant.core.errors import NetworkUnavailableError, RemoteServiceError
from assistant.core.settings import Settings

log = logging.getLogger(__name__)

_USER_AGENT = "imvo-assistant/0.1 (knowledge assistant over Dutch IMVO policy documents)"
_FIRST_BACKOFF_S = 1.0


@dataclass
class ClientStats:
    requests: int = 0
    retries: int = 0
    waited_s: float = 0.0  # time spent waiting for the rate limit and for backoff
    bytes: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


class PoliteClient:
    """GET with a minimum interval between requests and bounded retries. `sleep` and `clock` are injectable
    so that tests can record the waits instead of spending them."""

    def __init__(
        self,
        *,
        rate: float,
        timeout_s: float,
        retries: int,
        max_wait_s: float,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.interval = 1.0 / rate
        self.retries = retries
        self.max_wait_s = max_wait_s
        self.stats = ClientStats()
        self._sleep = sleep
        self._clock = clock
        self._next_slot = 0.0
        self._lock = threading.Lock()
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout_s),
            headers={"User-Agent": _USER_AGENT},
            follow_redirects=True,
            transport=transport,
        )

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs) -> PoliteClient:
        return cls(
            rate=settings.fetch_rate,
            timeout_s=settings.fetch_timeout_s,
            retries=settings.fetch_retries,
            max_wait_s=settings.fetch_max_wait_s,
            **kwargs,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the rate limit ---------------------------------------------------------------------------
    def _wait_for_slot(self) -> None:
        with self._lock:
            now = self._clock()
            wait = self._next_slot - now
            self._next_slot = max(now, self._next_slot) + self.interval
        if wait > 0:
            self.stats.waited_s += wait
            self._sleep(wait)

    def _backoff(self, seconds: float) -> None:
        self.stats.waited_s += seconds
        self._sleep(seconds)

    # --- requests ---------------------------------------------------------------------------------
    def get(self, url: str, *, params: dict | None = None, headers: dict | None = None) -> httpx.Response:
        """The response of a GET (status 200 or 304); anything else after the retries raises."""
        attempt = 0
        backoff = _FIRST_BACKOFF_S
        while True:
            self._wait_for_slot()
            self.stats.requests += 1
            problem: str
            wait: float | None = None
            try:
                response = self._http.get(url, params=params, headers=headers)
                body = response.content  # reads the whole body: a cut-off body raises here
            except httpx.ConnectError as exc:
                raise NetworkUnavailableError(
                    f"cannot reach {_host(url)} ({_reason(exc)}): check the network connection or the "
                    f"service's URL setting; nothing was changed"
                ) from exc
            except httpx.TimeoutException as exc:
                problem = f"no answer from {_host(url)} within the timeout ({type(exc).__name__})"
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                problem = f"the answer from {_host(url)} was cut off ({_reason(exc)})"
            else:
                status = response.status_code
                self.stats.statuses[status] = self.stats.statuses.get(status, 0) + 1
                self.stats.bytes += len(body)
                if status in (200, 304):
                    return response
                if status == 429:
                    wait = retry_after(response.headers.get("Retry-After"))
                    problem = f"{_host(url)} asks to slow down (429 Too Many Requests)"
                    if wait is not None and wait > self.max_wait_s:
                        raise RemoteServiceError(
                            f"{problem} and to wait {wait:.0f} s, longer than IMVO_FETCH_MAX_WAIT_S="
                            f"{self.max_wait_s:g}: try again later; what was fetched so far is kept"
                        )
                elif status >= 500:
                    problem = f"{_host(url)} answered {status} {response.reason_phrase} (a server error)"
                else:
                    raise RemoteServiceError(
                        f"{url} answered {status} {response.reason_phrase}: check the dossier number and the "
                        f"service's URL setting"
                    )
            if attempt >= self.retries:
                raise RemoteServiceError(
                    f"{problem}, still after {self.retries} retries: try again later (raise IMVO_FETCH_RETRIES "
                    f"or IMVO_FETCH_TIMEOUT_S if it keeps happening); what was fetched so far is kept"
                )
            attempt += 1
            self.stats.retries += 1
            delay = wait if wait is not None else min(backoff, self.max_wait_s)
            log.info("%s: retry %d of %d in %.1f s", problem, attempt, self.retries, delay)
            self._backoff(delay)
            backoff *= 2


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except Exception:  # noqa: BLE001 - only used in messages
        return url


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text[:160] if text else type(exc).__name__
