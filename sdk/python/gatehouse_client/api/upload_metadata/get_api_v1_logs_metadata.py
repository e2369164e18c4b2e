import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.format_type import FormatType
from ...models.get_api_v1_logs_metadata_order import GetApiV1LogsMetadataOrder
from ...models.get_api_v1_logs_metadata_sort import GetApiV1LogsMetadataSort
from ...models.problem import Problem
from ...models.rate_limit_problem import RateLimitProblem
from ...models.upload_metadata_page import UploadMetadataPage
from ...models.upload_status import UploadStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: UploadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    environment: str | Unset = UNSET,
    service_name: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    format_type: FormatType | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort: GetApiV1LogsMetadataSort | Unset = GetApiV1LogsMetadataSort.VALUE_8,
    order: GetApiV1LogsMetadataOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["source"] = source

    params["environment"] = environment

    params["service_name"] = service_name

    params["user_id"] = user_id

    json_format_type: str | Unset = UNSET
    if not isinstance(format_type, Unset):
        json_format_type = format_type.value

    params["format_type"] = json_format_type

    json_created_after: str | Unset
    if isinstance(created_after, Unset):
        json_created_after = UNSET
    elif isinstance(created_after, datetime.datetime):
        json_created_after = created_after.isoformat()
    else:
        json_created_after = created_after.isoformat()

    params["created_after"] = json_created_after

    json_created_before: str | Unset
    if isinstance(created_before, Unset):
        json_created_before = UNSET
    elif isinstance(created_before, datetime.datetime):
        json_created_before = created_before.isoformat()
    else:
        json_created_before = created_before.isoformat()

    params["created_before"] = json_created_before

    params["page"] = page

    params["page_size"] = page_size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/logs/metadata",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | RateLimitProblem | UploadMetadataPage | None:
    if response.status_code == 200:
        response_200 = UploadMetadataPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Any | Problem | RateLimitProblem | UploadMetadataPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: UploadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    environment: str | Unset = UNSET,
    service_name: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    format_type: FormatType | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort: GetApiV1LogsMetadataSort | Unset = GetApiV1LogsMetadataSort.VALUE_8,
    order: GetApiV1LogsMetadataOrder | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem | UploadMetadataPage]:
    """List the tenant's uploads (filters, pagination, sort)

     Requires a bearer token.

    Args:
        status (UploadStatus | Unset):
        source (str | Unset):
        environment (str | Unset):
        service_name (str | Unset):
        user_id (str | Unset):
        format_type (FormatType | Unset):
        created_after (datetime.date | datetime.datetime | Unset): Inclusive; ISO 8601 date-time
            or date
        created_before (datetime.date | datetime.datetime | Unset): Exclusive; ISO 8601 date-time
            or date
        page (int | Unset):
        page_size (int | Unset):
        sort (GetApiV1LogsMetadataSort | Unset): A field, `-field` for descending (default
            -created_at) Default: GetApiV1LogsMetadataSort.VALUE_8.
        order (GetApiV1LogsMetadataOrder | Unset): Direction for `sort` given without a sign

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem | UploadMetadataPage]
    """

    kwargs = _get_kwargs(
        status=status,
        source=source,
        environment=environment,
        service_name=service_name,
        user_id=user_id,
        format_type=format_type,
        created_after=created_after,
        created_before=created_before,
        page=page,
        page_size=page_size,
        sort=sort,
        order=order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: UploadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    environment: str | Unset = UNSET,
    service_name: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    format_type: FormatType | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort: GetApiV1LogsMetadataSort | Unset = GetApiV1LogsMetadataSort.VALUE_8,
    order: GetApiV1LogsMetadataOrder | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | UploadMetadataPage | None:
    """List the tenant's uploads (filters, pagination, sort)

     Requires a bearer token.

    Args:
        status (UploadStatus | Unset):
        source (str | Unset):
        environment (str | Unset):
        service_name (str | Unset):
        user_id (str | Unset):
        format_type (FormatType | Unset):
        created_after (datetime.date | datetime.datetime | Unset): Inclusive; ISO 8601 date-time
            or date
        created_before (datetime.date | datetime.datetime | Unset): Exclusive; ISO 8601 date-time
            or date
        page (int | Unset):
        page_size (int | Unset):
        sort (GetApiV1LogsMetadataSort | Unset): A field, `-field` for descending (default
            -created_at) Default: GetApiV1LogsMetadataSort.VALUE_8.
        order (GetApiV1LogsMetadataOrder | Unset): Direction for `sort` given without a sign

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem | UploadMetadataPage
    """

    return sync_detailed(
        client=client,
        status=status,
        source=source,
        environment=environment,
        service_name=service_name,
        user_id=user_id,
        format_type=format_type,
        created_after=created_after,
        created_before=created_before,
        page=page,
        page_size=page_size,
        sort=sort,
        order=order,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: UploadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    environment: str | Unset = UNSET,
    service_name: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    format_type: FormatType | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort: GetApiV1LogsMetadataSort | Unset = GetApiV1LogsMetadataSort.VALUE_8,
    order: GetApiV1LogsMetadataOrder | Unset = UNSET,
) -> Response[Any | Problem | RateLimitProblem | UploadMetadataPage]:
    """List the tenant's uploads (filters, pagination, sort)

     Requires a bearer token.

    Args:
        status (UploadStatus | Unset):
        source (str | Unset):
        environment (str | Unset):
        service_name (str | Unset):
        user_id (str | Unset):
        format_type (FormatType | Unset):
        created_after (datetime.date | datetime.datetime | Unset): Inclusive; ISO 8601 date-time
            or date
        created_before (datetime.date | datetime.datetime | Unset): Exclusive; ISO 8601 date-time
            or date
        page (int | Unset):
        page_size (int | Unset):
        sort (GetApiV1LogsMetadataSort | Unset): A field, `-field` for descending (default
            -created_at) Default: GetApiV1LogsMetadataSort.VALUE_8.
        order (GetApiV1LogsMetadataOrder | Unset): Direction for `sort` given without a sign

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | RateLimitProblem | UploadMetadataPage]
    """

    kwargs = _get_kwargs(
        status=status,
        source=source,
        environment=environment,
        service_name=service_name,
        user_id=user_id,
        format_type=format_type,
        created_after=created_after,
        created_before=created_before,
        page=page,
        page_size=page_size,
        sort=sort,
        order=order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: UploadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    environment: str | Unset = UNSET,
    service_name: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    format_type: FormatType | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort: GetApiV1LogsMetadataSort | Unset = GetApiV1LogsMetadataSort.VALUE_8,
    order: GetApiV1LogsMetadataOrder | Unset = UNSET,
) -> Any | Problem | RateLimitProblem | UploadMetadataPage | None:
    """List the tenant's uploads (filters, pagination, sort)

     Requires a bearer token.

    Args:
        status (UploadStatus | Unset):
        source (str | Unset):
        environment (str | Unset):
        service_name (str | Unset):
        user_id (str | Unset):
        format_type (FormatType | Unset):
        created_after (datetime.date | datetime.datetime | Unset): Inclusive; ISO 8601 date-time
            or date
        created_before (datetime.date | datetime.datetime | Unset): Exclusive; ISO 8601 date-time
            or date
        page (int | Unset):
        page_size (int | Unset):
        sort (GetApiV1LogsMetadataSort | Unset): A field, `-field` for descending (default
            -created_at) Default: GetApiV1LogsMetadataSort.VALUE_8.
        order (GetApiV1LogsMetadataOrder | Unset): Direction for `sort` given without a sign

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | RateLimitProblem | UploadMetadataPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            source=source,
            environment=environment,
            service_name=service_name,
            user_id=user_id,
            format_type=format_type,
            created_after=created_after,
            created_before=created_before,
            page=page,
            page_size=page_size,
            sort=sort,
            order=order,
        )
    ).parsed
