from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/auth/sessions/{session_id}".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | RateLimitProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = RateLimitProblem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | RateLimitProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem]:
    """Revoke one of the caller's sessions; its tokens are refused from their next request

     Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client
    address, never to the user’s own rate limit. Idempotency-Key makes retries safe. Still running at
    the deadline: 503 `write-pending`, completed in the background.

    Args:
        session_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | None:
    """Revoke one of the caller's sessions; its tokens are refused from their next request

     Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client
    address, never to the user’s own rate limit. Idempotency-Key makes retries safe. Still running at
    the deadline: 503 `write-pending`, completed in the background.

    Args:
        session_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem]:
    """Revoke one of the caller's sessions; its tokens are refused from their next request

     Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client
    address, never to the user’s own rate limit. Idempotency-Key makes retries safe. Still running at
    the deadline: 503 `write-pending`, completed in the background.

    Args:
        session_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | None:
    """Revoke one of the caller's sessions; its tokens are refused from their next request

     Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client
    address, never to the user’s own rate limit. Idempotency-Key makes retries safe. Still running at
    the deadline: 503 `write-pending`, completed in the background.

    Args:
        session_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
