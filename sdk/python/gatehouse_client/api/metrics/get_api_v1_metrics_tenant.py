from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_api_v1_metrics_tenant_resolution import (
    GetApiV1MetricsTenantResolution,
)
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.tenant_metrics import TenantMetrics
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    hours: int | Unset = UNSET,
    resolution: GetApiV1MetricsTenantResolution | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["hours"] = hours

    json_resolution: str | Unset = UNSET
    if not isinstance(resolution, Unset):
        json_resolution = resolution.value

    params["resolution"] = json_resolution

    params["tenant_id"] = tenant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/metrics/tenant",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RateLimitProblem | TenantMetrics | None:
    if response.status_code == 200:
        response_200 = TenantMetrics.from_dict(response.json())

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
) -> Response[Problem | RateLimitProblem | TenantMetrics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,
    resolution: GetApiV1MetricsTenantResolution | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | TenantMetrics]:
    """The caller's tenant as a time series: requests, denials, cache, latency (admin; superadmin: any
    tenant)

     Counted by every instance into the shared store; an instance writes its batch every
    METRICS_FLUSH_SECONDS (or METRICS_FLUSH_REQUESTS requests), and the answering one writes its own
    first.

    Requires a bearer token with role admin or above.

    Args:
        hours (int | Unset): Period up to now, in hours (default 24; minutes: at most 48)
        resolution (GetApiV1MetricsTenantResolution | Unset): Bucket size; default: minute up to 6
            hours, hour beyond. Minute buckets are kept 48 h, hour buckets 30 days.
        tenant_id (str | Unset): Superadmin only: another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | TenantMetrics]
    """

    kwargs = _get_kwargs(
        hours=hours,
        resolution=resolution,
        tenant_id=tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,
    resolution: GetApiV1MetricsTenantResolution | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Problem | RateLimitProblem | TenantMetrics | None:
    """The caller's tenant as a time series: requests, denials, cache, latency (admin; superadmin: any
    tenant)

     Counted by every instance into the shared store; an instance writes its batch every
    METRICS_FLUSH_SECONDS (or METRICS_FLUSH_REQUESTS requests), and the answering one writes its own
    first.

    Requires a bearer token with role admin or above.

    Args:
        hours (int | Unset): Period up to now, in hours (default 24; minutes: at most 48)
        resolution (GetApiV1MetricsTenantResolution | Unset): Bucket size; default: minute up to 6
            hours, hour beyond. Minute buckets are kept 48 h, hour buckets 30 days.
        tenant_id (str | Unset): Superadmin only: another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | TenantMetrics
    """

    return sync_detailed(
        client=client,
        hours=hours,
        resolution=resolution,
        tenant_id=tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,
    resolution: GetApiV1MetricsTenantResolution | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Response[Problem | RateLimitProblem | TenantMetrics]:
    """The caller's tenant as a time series: requests, denials, cache, latency (admin; superadmin: any
    tenant)

     Counted by every instance into the shared store; an instance writes its batch every
    METRICS_FLUSH_SECONDS (or METRICS_FLUSH_REQUESTS requests), and the answering one writes its own
    first.

    Requires a bearer token with role admin or above.

    Args:
        hours (int | Unset): Period up to now, in hours (default 24; minutes: at most 48)
        resolution (GetApiV1MetricsTenantResolution | Unset): Bucket size; default: minute up to 6
            hours, hour beyond. Minute buckets are kept 48 h, hour buckets 30 days.
        tenant_id (str | Unset): Superadmin only: another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RateLimitProblem | TenantMetrics]
    """

    kwargs = _get_kwargs(
        hours=hours,
        resolution=resolution,
        tenant_id=tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    hours: int | Unset = UNSET,
    resolution: GetApiV1MetricsTenantResolution | Unset = UNSET,
    tenant_id: str | Unset = UNSET,
) -> Problem | RateLimitProblem | TenantMetrics | None:
    """The caller's tenant as a time series: requests, denials, cache, latency (admin; superadmin: any
    tenant)

     Counted by every instance into the shared store; an instance writes its batch every
    METRICS_FLUSH_SECONDS (or METRICS_FLUSH_REQUESTS requests), and the answering one writes its own
    first.

    Requires a bearer token with role admin or above.

    Args:
        hours (int | Unset): Period up to now, in hours (default 24; minutes: at most 48)
        resolution (GetApiV1MetricsTenantResolution | Unset): Bucket size; default: minute up to 6
            hours, hour beyond. Minute buckets are kept 48 h, hour buckets 30 days.
        tenant_id (str | Unset): Superadmin only: another tenant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RateLimitProblem | TenantMetrics
    """

    return (
        await asyncio_detailed(
            client=client,
            hours=hours,
            resolution=resolution,
            tenant_id=tenant_id,
        )
    ).parsed
