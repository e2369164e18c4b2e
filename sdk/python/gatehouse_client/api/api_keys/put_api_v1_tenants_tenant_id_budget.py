from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.tenant_budget import TenantBudget
from ...models.tenant_budget_update import TenantBudgetUpdate
from ...types import Response


def _get_kwargs(
    tenant_id: str,
    *,
    body: TenantBudgetUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/tenants/{tenant_id}/budget".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RateLimitProblem | TenantBudget | None:
    if response.status_code == 200:
        response_200 = TenantBudget.from_dict(response.json())

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
) -> Response[Problem | RateLimitProblem | TenantBudget]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantBudgetUpdate,
) -> Response[Problem | RateLimitProblem | TenantBudget]:
    """Override a tenant’s budget (superadmin; applies from the next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role superadmin
    or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        tenant_id (str):  Example: acme-corp-7k2p.
        body (TenantBudgetUpdate):  Example: {'api_calls_per_hour': 50000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | TenantBudget]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantBudgetUpdate,
) -> Problem | RateLimitProblem | TenantBudget | None:
    """Override a tenant’s budget (superadmin; applies from the next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role superadmin
    or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        tenant_id (str):  Example: acme-corp-7k2p.
        body (TenantBudgetUpdate):  Example: {'api_calls_per_hour': 50000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | TenantBudget
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantBudgetUpdate,
) -> Response[Problem | RateLimitProblem | TenantBudget]:
    """Override a tenant’s budget (superadmin; applies from the next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role superadmin
    or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        tenant_id (str):  Example: acme-corp-7k2p.
        body (TenantBudgetUpdate):  Example: {'api_calls_per_hour': 50000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | TenantBudget]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantBudgetUpdate,
) -> Problem | RateLimitProblem | TenantBudget | None:
    """Override a tenant’s budget (superadmin; applies from the next request, on every instance)

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role superadmin
    or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        tenant_id (str):  Example: acme-corp-7k2p.
        body (TenantBudgetUpdate):  Example: {'api_calls_per_hour': 50000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | TenantBudget
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
        )
    ).parsed
