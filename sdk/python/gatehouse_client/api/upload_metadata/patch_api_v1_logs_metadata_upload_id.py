from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.upload_metadata import UploadMetadata
from ...models.upload_status_change import UploadStatusChange
from ...types import UNSET, Response, Unset


def _get_kwargs(
    upload_id: str,
    *,
    body: UploadStatusChange,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/logs/metadata/{upload_id}".format(
            upload_id=quote(str(upload_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RateLimitProblem | UploadMetadata | None:
    if response.status_code == 200:
        response_200 = UploadMetadata.from_dict(response.json())

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
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: UploadStatusChange,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | UploadMetadata]:
    """Change an upload's status (pending → processing → success | failed; pending → failed)

     For the user who registered the upload, or an admin. Any other transition is 409 `invalid-
    transition`.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        upload_id (str):
        idempotency_key (str | Unset):
        body (UploadStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | UploadMetadata]
    """

    kwargs = _get_kwargs(
        upload_id=upload_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: UploadStatusChange,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RateLimitProblem | UploadMetadata | None:
    """Change an upload's status (pending → processing → success | failed; pending → failed)

     For the user who registered the upload, or an admin. Any other transition is 409 `invalid-
    transition`.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        upload_id (str):
        idempotency_key (str | Unset):
        body (UploadStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | UploadMetadata
    """

    return sync_detailed(
        upload_id=upload_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: UploadStatusChange,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | UploadMetadata]:
    """Change an upload's status (pending → processing → success | failed; pending → failed)

     For the user who registered the upload, or an admin. Any other transition is 409 `invalid-
    transition`.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        upload_id (str):
        idempotency_key (str | Unset):
        body (UploadStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | UploadMetadata]
    """

    kwargs = _get_kwargs(
        upload_id=upload_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: UploadStatusChange,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RateLimitProblem | UploadMetadata | None:
    """Change an upload's status (pending → processing → success | failed; pending → failed)

     For the user who registered the upload, or an admin. Any other transition is 409 `invalid-
    transition`.

    Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the
    deadline: 503 `write-pending`, completed in the background.

    Args:
        upload_id (str):
        idempotency_key (str | Unset):
        body (UploadStatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | UploadMetadata
    """

    return (
        await asyncio_detailed(
            upload_id=upload_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
