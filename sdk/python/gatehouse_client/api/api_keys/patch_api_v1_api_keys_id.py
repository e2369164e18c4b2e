from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key import ApiKey
from ...models.api_key_patch import ApiKeyPatch
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: ApiKeyPatch,
    tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["tenant_id"] = tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/api-keys/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiKey | Problem | RateLimitProblem | None:
    if response.status_code == 200:
        response_200 = ApiKey.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ApiKey | Problem | RateLimitProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ApiKeyPatch,
    tenant_id: str | Unset = UNSET,
) -> Response[ApiKey | Problem | RateLimitProblem]:
    """Change a key’s own rate limit (applies from its next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyPatch):  Example: {'rate_limit': {'limit': 500, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKey | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ApiKeyPatch,
    tenant_id: str | Unset = UNSET,
) -> ApiKey | Problem | RateLimitProblem | None:
    """Change a key’s own rate limit (applies from its next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyPatch):  Example: {'rate_limit': {'limit': 500, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKey | Problem | RateLimitProblem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ApiKeyPatch,
    tenant_id: str | Unset = UNSET,
) -> Response[ApiKey | Problem | RateLimitProblem]:
    """Change a key’s own rate limit (applies from its next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyPatch):  Example: {'rate_limit': {'limit': 500, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKey | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ApiKeyPatch,
    tenant_id: str | Unset = UNSET,
) -> ApiKey | Problem | RateLimitProblem | None:
    """Change a key’s own rate limit (applies from its next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyPatch):  Example: {'rate_limit': {'limit': 500, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKey | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            tenant_id=tenant_id,
        )
    ).parsed
