from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.upload_stats import UploadStats
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    days: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["days"] = days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/logs/metadata/stats",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | RateLimitProblem | UploadStats | None:
    if response.status_code == 200:
        response_200 = UploadStats.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Any | Problem | RateLimitProblem | UploadStats]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem | UploadStats]:
    """Upload statistics of the tenant over the last N days

     Requires a bearer token or an API key. Weighted: costs 5 units of every rate-limit policy (RateLimit
    shows them spent).

    Args:
        days (int | Unset): Period in days (default 30)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem | UploadStats]
    """

    kwargs = _get_kwargs(
        days=days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | UploadStats | None:
    """Upload statistics of the tenant over the last N days

     Requires a bearer token or an API key. Weighted: costs 5 units of every rate-limit policy (RateLimit
    shows them spent).

    Args:
        days (int | Unset): Period in days (default 30)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem | UploadStats
    """

    return sync_detailed(
        client=client,
        days=days,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem | UploadStats]:
    """Upload statistics of the tenant over the last N days

     Requires a bearer token or an API key. Weighted: costs 5 units of every rate-limit policy (RateLimit
    shows them spent).

    Args:
        days (int | Unset): Period in days (default 30)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem | UploadStats]
    """

    kwargs = _get_kwargs(
        days=days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | UploadStats | None:
    """Upload statistics of the tenant over the last N days

     Requires a bearer token or an API key. Weighted: costs 5 units of every rate-limit policy (RateLimit
    shows them spent).

    Args:
        days (int | Unset): Period in days (default 30)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem | UploadStats
    """

    return (
        await asyncio_detailed(
            client=client,
            days=days,
        )
    ).parsed
