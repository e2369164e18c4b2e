"""A gatehouse client: Bearer auth with one refresh and retry on a 401, or an API key; 429 as RateLimited."""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Callable, Generator, Iterator
from typing import Any, NamedTuple

import httpx

from gatehouse_client import AuthenticatedClient
from gatehouse_client.models import LoginRequest, RefreshRequest, TokenPair

from .errors import ProblemError, problem_of, raise_for_problem

# Routes that exchange credentials: they carry no Bearer token and a 401 there is final.
CREDENTIAL_PATHS = ("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh")

_extra_headers: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("gatehouse_headers", default={})


class Tokens(NamedTuple):
    access: str | None
    refresh: str | None


class Gatehouse:
    """Holds the tokens and an ``AuthenticatedClient`` to pass to the generated operations.

    ``gh.client`` works with the generated ``sync`` / ``sync_detailed`` functions (a 429 raises
    RateLimited from them). ``on_tokens`` is told of every token change: refresh tokens are
    single use, so persist the new pair. With ``api_key`` (a server-to-server client) every call
    carries ``X-API-Key`` instead of tokens, and a 401 is final.
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        on_tokens: Callable[[Tokens], None] | None = None,
        timeout: float = 10.0,
        httpx_args: dict[str, Any] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._tokens = Tokens(access_token, refresh_token)
        self.api_key = api_key
        self._on_tokens = on_tokens
        self._lock = threading.Lock()
        self.client = AuthenticatedClient(base_url=self.base_url, token="")
        http = httpx.Client(base_url=self.base_url, auth=_BearerAuth(self), timeout=timeout, **(httpx_args or {}))
        self.client.set_httpx_client(http)

    @property
    def tokens(self) -> Tokens:
        return self._tokens

    def set_tokens(self, access: str | None, refresh: str | None) -> None:
        self._tokens = Tokens(access, refresh)
        if self._on_tokens:
            self._on_tokens(self._tokens)

    def login(self, email: str, password: str, device: str | None = None) -> TokenPair:
        """Signs in and keeps the token pair; raises ProblemError (RateLimited for a 429) when refused."""
        body = LoginRequest(email=email, password=password)
        if device is not None:
            body.device = device
        # The route by path with the generated models (the generated module names follow the
        # API document; the conveniences should not break when it names its operations).
        answer = self.client.get_httpx_client().post("/api/v1/auth/login", json=body.to_dict())
        if answer.status_code != 200:
            raise ProblemError(problem_of(answer), answer.headers)
        pair = TokenPair.from_dict(answer.json())
        self.set_tokens(pair.access_token, pair.refresh_token)
        return pair

    def logout(self) -> None:
        """Ends the server-side session and forgets the tokens."""
        try:
            self.client.get_httpx_client().post("/api/v1/auth/logout")
        finally:
            self.set_tokens(None, None)

    @contextlib.contextmanager
    def headers(self, headers: dict[str, str]) -> Iterator[None]:
        """Adds headers to the requests made inside the block (this thread/task only), e.g.
        ``with gh.headers({"Idempotency-Key": key}): ...``."""
        token = _extra_headers.set({**_extra_headers.get(), **headers})
        try:
            yield
        finally:
            _extra_headers.reset(token)

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Gatehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _BearerAuth(httpx.Auth):
    """httpx auth flow: Bearer token, then on a 401 one refresh (shared by threads) and a resend."""

    requires_response_body = True

    def __init__(self, session: Gatehouse) -> None:
        self.session = session

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(_extra_headers.get())
        s = self.session
        credential = request.url.path.rstrip("/").endswith(CREDENTIAL_PATHS)
        if credential or s.api_key:  # no token, no refresh: a 401 is final
            request.headers.pop("Authorization", None)
            if s.api_key and not credential:
                request.headers["X-API-Key"] = s.api_key
            response = yield request
            raise_for_problem(response)
            return
        sent = s.tokens.access
        _bearer(request, sent)
        response = yield request
        if response.status_code == 401 and s.tokens.refresh:
            with s._lock:  # one refresh at a time: a refresh token is good once
                if s.tokens.access == sent:
                    refresh = httpx.Request(
                        "POST",
                        f"{s.base_url}/api/v1/auth/refresh",
                        json=RefreshRequest(refresh_token=s.tokens.refresh).to_dict(),
                    )
                    answer = yield refresh
                    raise_for_problem(answer)
                    if answer.status_code == 200:
                        pair = TokenPair.from_dict(answer.json())
                        s.set_tokens(pair.access_token, pair.refresh_token)
                    elif answer.status_code == 401:
                        s.set_tokens(None, None)  # refused: stop sending dead tokens
            if s.tokens.access and s.tokens.access != sent:
                _bearer(request, s.tokens.access)
                response = yield request
        raise_for_problem(response)


def _bearer(request: httpx.Request, access: str | None) -> None:
    if access:
        request.headers["Authorization"] = f"Bearer {access}"
    else:
        request.headers.pop("Authorization", None)
