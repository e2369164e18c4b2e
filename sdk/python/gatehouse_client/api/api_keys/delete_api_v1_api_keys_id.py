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
    id: str,
    *,
    tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tenant_id"] = tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/api-keys/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

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
    id: str,
    *,
    client: AuthenticatedClient,
    tenant_id: str | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem]:
    """Delete (revoke) a key: refused from its next request, on every instance

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent (then 404). Still running at the deadline: 503 `write-pending`, completed
    in the background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        id=id,
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
    tenant_id: str | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | None:
    """Delete (revoke) a key: refused from its next request, on every instance

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent (then 404). Still running at the deadline: 503 `write-pending`, completed
    in the background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem
    """

    return sync_detailed(
        id=id,
        client=client,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    tenant_id: str | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem]:
    """Delete (revoke) a key: refused from its next request, on every instance

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent (then 404). Still running at the deadline: 503 `write-pending`, completed
    in the background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    tenant_id: str | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | None:
    """Delete (revoke) a key: refused from its next request, on every instance

     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: idempotent (then 404). Still running at the deadline: 503 `write-pending`, completed
    in the background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            tenant_id=tenant_id,
        )
    ).parsed
