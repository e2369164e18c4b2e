from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.role import Role
from ...models.tenant_users import TenantUsers
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: Role | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["tenant_id"] = tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users/tenant/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RateLimitProblem | TenantUsers | None:
    if response.status_code == 200:
        response_200 = TenantUsers.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | RateLimitProblem | TenantUsers]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: Role | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | TenantUsers]:
    """Users (profiles) of the caller's tenant, paginated, optionally by role

     Requires a bearer token with role admin or above.

    Args:
        page (int | Unset):  Default: 1. Example: 1.
        page_size (int | Unset): At most 100 Default: 20. Example: 20.
        role (Role | Unset):
        tenant_id (str | Unset): Superadmin only: list another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | TenantUsers]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        role=role,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: Role | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Problem | RateLimitProblem | TenantUsers | None:
    """Users (profiles) of the caller's tenant, paginated, optionally by role

     Requires a bearer token with role admin or above.

    Args:
        page (int | Unset):  Default: 1. Example: 1.
        page_size (int | Unset): At most 100 Default: 20. Example: 20.
        role (Role | Unset):
        tenant_id (str | Unset): Superadmin only: list another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | TenantUsers
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        role=role,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: Role | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | TenantUsers]:
    """Users (profiles) of the caller's tenant, paginated, optionally by role

     Requires a bearer token with role admin or above.

    Args:
        page (int | Unset):  Default: 1. Example: 1.
        page_size (int | Unset): At most 100 Default: 20. Example: 20.
        role (Role | Unset):
        tenant_id (str | Unset): Superadmin only: list another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | TenantUsers]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        role=role,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: Role | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Problem | RateLimitProblem | TenantUsers | None:
    """Users (profiles) of the caller's tenant, paginated, optionally by role

     Requires a bearer token with role admin or above.

    Args:
        page (int | Unset):  Default: 1. Example: 1.
        page_size (int | Unset): At most 100 Default: 20. Example: 20.
        role (Role | Unset):
        tenant_id (str | Unset): Superadmin only: list another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | TenantUsers
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            role=role,
            tenant_id=tenant_id,
        )
    ).parsed
