from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.password_change_request import PasswordChangeRequest
from ...models.password_changed import PasswordChanged
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PasswordChangeRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PasswordChanged | Problem | RateLimitProblem | None:
    if response.status_code == 200:
        response_200 = PasswordChanged.from_dict(response.json())

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
) -> Response[PasswordChanged | Problem | RateLimitProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChangeRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[PasswordChanged | Problem | RateLimitProblem]:
    """Change the password; every other session is revoked

     Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (PasswordChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PasswordChanged | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PasswordChangeRequest,
    idempotency_key: str | Unset = UNSET,
) -> PasswordChanged | Problem | RateLimitProblem | None:
    """Change the password; every other session is revoked

     Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (PasswordChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PasswordChanged | Problem | RateLimitProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChangeRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[PasswordChanged | Problem | RateLimitProblem]:
    """Change the password; every other session is revoked

     Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (PasswordChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PasswordChanged | Problem | RateLimitProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PasswordChangeRequest,
    idempotency_key: str | Unset = UNSET,
) -> PasswordChanged | Problem | RateLimitProblem | None:
    """Change the password; every other session is revoked

     Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (PasswordChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PasswordChanged | Problem | RateLimitProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
