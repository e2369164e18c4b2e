from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.profile_patch import ProfilePatch
from ...models.rate_limit_problem import RateLimitProblem
from ...models.user_profile import UserProfile
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProfilePatch,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/users/profile",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RateLimitProblem | UserProfile | None:
    if response.status_code == 200:
        response_200 = UserProfile.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | RateLimitProblem | UserProfile]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfilePatch,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | UserProfile]:
    """Update the caller's profile (preferences are merged deeply)

     Send the ETag of your last read in If-Match: if the profile changed since, the answer is 412 and
    nothing is written. Anyone may change their preferences; `role` and `api_quota` need the admin role,
    and no one can grant a role above their own. `api_quota`: within the plan (403 `above-plan`).
    Unknown fields are refused (422).

    Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        if_match (str | Unset): ETag from a previous GET/PATCH; a stale one gets 412, a malformed
            one 400 Example: "v3".
        body (ProfilePatch):  Example: {'preferences': {'theme': 'light'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | UserProfile]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ProfilePatch,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | RateLimitProblem | UserProfile | None:
    """Update the caller's profile (preferences are merged deeply)

     Send the ETag of your last read in If-Match: if the profile changed since, the answer is 412 and
    nothing is written. Anyone may change their preferences; `role` and `api_quota` need the admin role,
    and no one can grant a role above their own. `api_quota`: within the plan (403 `above-plan`).
    Unknown fields are refused (422).

    Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        if_match (str | Unset): ETag from a previous GET/PATCH; a stale one gets 412, a malformed
            one 400 Example: "v3".
        body (ProfilePatch):  Example: {'preferences': {'theme': 'light'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | UserProfile
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProfilePatch,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | UserProfile]:
    """Update the caller's profile (preferences are merged deeply)

     Send the ETag of your last read in If-Match: if the profile changed since, the answer is 412 and
    nothing is written. Anyone may change their preferences; `role` and `api_quota` need the admin role,
    and no one can grant a role above their own. `api_quota`: within the plan (403 `above-plan`).
    Unknown fields are refused (422).

    Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        if_match (str | Unset): ETag from a previous GET/PATCH; a stale one gets 412, a malformed
            one 400 Example: "v3".
        body (ProfilePatch):  Example: {'preferences': {'theme': 'light'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | UserProfile]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProfilePatch,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | RateLimitProblem | UserProfile | None:
    """Update the caller's profile (preferences are merged deeply)

     Send the ETag of your last read in If-Match: if the profile changed since, the answer is 412 and
    nothing is written. Anyone may change their preferences; `role` and `api_quota` need the admin role,
    and no one can grant a role above their own. `api_quota`: within the plan (403 `above-plan`).
    Unknown fields are refused (422).

    Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes
    retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.

    Args:
        idempotency_key (str | Unset):
        if_match (str | Unset): ETag from a previous GET/PATCH; a stale one gets 412, a malformed
            one 400 Example: "v3".
        body (ProfilePatch):  Example: {'preferences': {'theme': 'light'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | UserProfile
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
