from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.register_upload_request import RegisterUploadRequest
from ...models.upload_metadata import UploadMetadata
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RegisterUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/logs/metadata",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RateLimitProblem | UploadMetadata | None:
    if response.status_code == 201:
        response_201 = UploadMetadata.from_dict(response.json())

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
) -> Response[Problem | RateLimitProblem | UploadMetadata]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RegisterUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | UploadMetadata]:
    """Register an upload

     Any member of the tenant may register uploads. A known `log_count` counts against the tenant's
    logs_per_day quota (429 `quota-exceeded` when over). A taken `upload_id` is 409 and nothing is
    overwritten.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (RegisterUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | UploadMetadata]
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
    body: RegisterUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RateLimitProblem | UploadMetadata | None:
    """Register an upload

     Any member of the tenant may register uploads. A known `log_count` counts against the tenant's
    logs_per_day quota (429 `quota-exceeded` when over). A taken `upload_id` is 409 and nothing is
    overwritten.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (RegisterUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | UploadMetadata
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RegisterUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | UploadMetadata]:
    """Register an upload

     Any member of the tenant may register uploads. A known `log_count` counts against the tenant's
    logs_per_day quota (429 `quota-exceeded` when over). A taken `upload_id` is 409 and nothing is
    overwritten.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (RegisterUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | UploadMetadata]
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
    body: RegisterUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RateLimitProblem | UploadMetadata | None:
    """Register an upload

     Any member of the tenant may register uploads. A known `log_count` counts against the tenant's
    logs_per_day quota (429 `quota-exceeded` when over). A taken `upload_id` is 409 and nothing is
    overwritten.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        body (RegisterUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | UploadMetadata
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
