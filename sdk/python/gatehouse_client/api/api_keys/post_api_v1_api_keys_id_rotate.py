from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_rotate import ApiKeyRotate
from ...models.issued_api_key import IssuedApiKey
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: ApiKeyRotate,
    tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["tenant_id"] = tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/api-keys/{id}/rotate".format(
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
) -> IssuedApiKey | Problem | RateLimitProblem | None:
    if response.status_code == 200:
        response_200 = IssuedApiKey.from_dict(response.json())

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
) -> Response[IssuedApiKey | Problem | RateLimitProblem]:
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
    body: ApiKeyRotate,
    tenant_id: str | Unset = UNSET,
) -> Response[IssuedApiKey | Problem | RateLimitProblem]:
    """Rotate a key: a new key with the same id, role and limits; the old one works for `grace_seconds`
    more

     The previous key is refused from the end of its grace period on, on every instance. Rotating again
    within a grace period ends the older key at once.

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry rotates again; the key of the first answer keeps the grace period (answers
    carrying a key are never kept). Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedApiKey | Problem | RateLimitProblem]
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
    body: ApiKeyRotate,
    tenant_id: str | Unset = UNSET,
) -> IssuedApiKey | Problem | RateLimitProblem | None:
    """Rotate a key: a new key with the same id, role and limits; the old one works for `grace_seconds`
    more

     The previous key is refused from the end of its grace period on, on every instance. Rotating again
    within a grace period ends the older key at once.

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry rotates again; the key of the first answer keeps the grace period (answers
    carrying a key are never kept). Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedApiKey | Problem | RateLimitProblem
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
    body: ApiKeyRotate,
    tenant_id: str | Unset = UNSET,
) -> Response[IssuedApiKey | Problem | RateLimitProblem]:
    """Rotate a key: a new key with the same id, role and limits; the old one works for `grace_seconds`
    more

     The previous key is refused from the end of its grace period on, on every instance. Rotating again
    within a grace period ends the older key at once.

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry rotates again; the key of the first answer keeps the grace period (answers
    carrying a key are never kept). Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedApiKey | Problem | RateLimitProblem]
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
    body: ApiKeyRotate,
    tenant_id: str | Unset = UNSET,
) -> IssuedApiKey | Problem | RateLimitProblem | None:
    """Rotate a key: a new key with the same id, role and limits; the old one works for `grace_seconds`
    more

     The previous key is refused from the end of its grace period on, on every instance. Rotating again
    within a grace period ends the older key at once.

    Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or
    above. Retries: a retry rotates again; the key of the first answer keeps the grace period (answers
    carrying a key are never kept). Still running at the deadline: 503 `write-pending`, completed in the
    background.

    Args:
        id (str):  Example: q3JX0cVnRt2a.
        tenant_id (str | Unset): Superadmin: the tenant to act on (default: your own)
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedApiKey | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            tenant_id=tenant_id,
        )
    ).parsed
