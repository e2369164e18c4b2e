from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.metadata_indexes import MetadataIndexes
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/logs/admin/initialize-metadata-indexes",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MetadataIndexes | Problem | RateLimitProblem | None:
    if response.status_code == 200:
        response_200 = MetadataIndexes.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[MetadataIndexes | Problem | RateLimitProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[MetadataIndexes | Problem | RateLimitProblem]:
    """Create the upload metadata indexes (idempotent)

     Requires a bearer token or an API key with role admin or above. Retries: idempotent. Still running
    at the deadline: 503 `write-pending`, completed in the background.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MetadataIndexes | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> MetadataIndexes | Problem | RateLimitProblem | None:
    """Create the upload metadata indexes (idempotent)

     Requires a bearer token or an API key with role admin or above. Retries: idempotent. Still running
    at the deadline: 503 `write-pending`, completed in the background.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MetadataIndexes | Problem | RateLimitProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[MetadataIndexes | Problem | RateLimitProblem]:
    """Create the upload metadata indexes (idempotent)

     Requires a bearer token or an API key with role admin or above. Retries: idempotent. Still running
    at the deadline: 503 `write-pending`, completed in the background.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MetadataIndexes | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> MetadataIndexes | Problem | RateLimitProblem | None:
    """Create the upload metadata indexes (idempotent)

     Requires a bearer token or an API key with role admin or above. Retries: idempotent. Still running
    at the deadline: 503 `write-pending`, completed in the background.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MetadataIndexes | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
