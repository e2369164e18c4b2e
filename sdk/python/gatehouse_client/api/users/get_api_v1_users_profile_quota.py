from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quota import Quota
from ...models.rate_limit_problem import RateLimitProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users/profile/quota",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Quota | RateLimitProblem | None:
    if response.status_code == 200:
        response_200 = Quota.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | Quota | RateLimitProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | Quota | RateLimitProblem]:
    """The caller's API quota: limits and live usage in the current windows

     API calls are counted per user per UTC hour (the `hourly` rate-limit policy), uploaded log lines per
    tenant per UTC day. Limits come from the profile (defaults from configuration when there is none).

    Requires a bearer token. Charged to the client address, never to the user’s own rate limit.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Quota | RateLimitProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | Quota | RateLimitProblem | None:
    """The caller's API quota: limits and live usage in the current windows

     API calls are counted per user per UTC hour (the `hourly` rate-limit policy), uploaded log lines per
    tenant per UTC day. Limits come from the profile (defaults from configuration when there is none).

    Requires a bearer token. Charged to the client address, never to the user’s own rate limit.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Quota | RateLimitProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | Quota | RateLimitProblem]:
    """The caller's API quota: limits and live usage in the current windows

     API calls are counted per user per UTC hour (the `hourly` rate-limit policy), uploaded log lines per
    tenant per UTC day. Limits come from the profile (defaults from configuration when there is none).

    Requires a bearer token. Charged to the client address, never to the user’s own rate limit.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Quota | RateLimitProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | Quota | RateLimitProblem | None:
    """The caller's API quota: limits and live usage in the current windows

     API calls are counted per user per UTC hour (the `hourly` rate-limit policy), uploaded log lines per
    tenant per UTC day. Limits come from the profile (defaults from configuration when there is none).

    Requires a bearer token. Charged to the client address, never to the user’s own rate limit.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Quota | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
