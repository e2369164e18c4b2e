from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_create import ApiKeyCreate
from ...models.issued_api_key import IssuedApiKey
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApiKeyCreate,
    tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["tenant_id"] = tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/api-keys",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IssuedApiKey | Problem | RateLimitProblem | None:
    if response.status_code == 201:
        response_201 = IssuedApiKey.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[IssuedApiKey | Problem | RateLimitProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
    tenant_id: str | Unset = UNSET,
) -> Response[IssuedApiKey | Problem | RateLimitProblem]:
    """Create an API key (shown once; never a role above your own)

     Send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`. It carries its own role and rate
    limit, and draws from the tenant budget. Tenant admins manage their tenant’s keys; a superadmin
    names another tenant with `tenant_id` (another tenant is 404).

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry creates another key: answers carrying a key are never kept (delete a spare
    one). Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyCreate):  Example: {'name': 'nightly export job', 'role': 'viewer',
            'rate_limit': {'limit': 100, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedApiKey | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
    tenant_id: str | Unset = UNSET,
) -> IssuedApiKey | Problem | RateLimitProblem | None:
    """Create an API key (shown once; never a role above your own)

     Send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`. It carries its own role and rate
    limit, and draws from the tenant budget. Tenant admins manage their tenant’s keys; a superadmin
    names another tenant with `tenant_id` (another tenant is 404).

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry creates another key: answers carrying a key are never kept (delete a spare
    one). Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyCreate):  Example: {'name': 'nightly export job', 'role': 'viewer',
            'rate_limit': {'limit': 100, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedApiKey | Problem | RateLimitProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
    tenant_id: str | Unset = UNSET,
) -> Response[IssuedApiKey | Problem | RateLimitProblem]:
    """Create an API key (shown once; never a role above your own)

     Send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`. It carries its own role and rate
    limit, and draws from the tenant budget. Tenant admins manage their tenant’s keys; a superadmin
    names another tenant with `tenant_id` (another tenant is 404).

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry creates another key: answers carrying a key are never kept (delete a spare
    one). Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyCreate):  Example: {'name': 'nightly export job', 'role': 'viewer',
            'rate_limit': {'limit': 100, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedApiKey | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ApiKeyCreate,
    tenant_id: str | Unset = UNSET,
) -> IssuedApiKey | Problem | RateLimitProblem | None:
    """Create an API key (shown once; never a role above your own)

     Send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`. It carries its own role and rate
    limit, and draws from the tenant budget. Tenant admins manage their tenant’s keys; a superadmin
    names another tenant with `tenant_id` (another tenant is 404).

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry creates another key: answers carrying a key are never kept (delete a spare
    one). Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyCreate):  Example: {'name': 'nightly export job', 'role': 'viewer',
            'rate_limit': {'limit': 100, 'window_seconds': 60}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedApiKey | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            tenant_id=tenant_id,
        )
    ).parsed
