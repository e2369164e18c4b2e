from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_metrics_points_item_cache import TenantMetricsPointsItemCache
    from ..models.tenant_metrics_points_item_denied_by_policy import (
        TenantMetricsPointsItemDeniedByPolicy,
    )
    from ..models.tenant_metrics_points_item_latency_ms import (
        TenantMetricsPointsItemLatencyMs,
    )
    from ..models.tenant_metrics_points_item_status import TenantMetricsPointsItemStatus


T = TypeVar("T", bound="TenantMetricsPointsItem")


@_attrs_define
class TenantMetricsPointsItem:
    """
    Attributes:
        t (datetime.datetime): Start of the bucket
        requests (int):
        status (TenantMetricsPointsItemStatus): Requests by status class ("2xx", "4xx", ...)
        denied (int): Requests refused by a rate limit or quota (429)
        denied_by_policy (TenantMetricsPointsItemDeniedByPolicy): Violated policies of those refusals (one request may
            violate several)
        cache (TenantMetricsPointsItemCache): Answers of the cached routes (X-Cache)
        cache_hit_rate (float | None): hit / (hit + miss + stale); null without cached answers
        latency_ms (TenantMetricsPointsItemLatencyMs): Estimated from a fixed-bucket histogram (linear within a bucket);
            null without requests
        backend_errors (int): Requests answered 503: a backend refused or was unreachable
        backend_timeouts (int): Requests answered 503: a backend did not answer in time
        sessions_revoked (int): Sessions ended by logout or revocation
    """

    t: datetime.datetime
    requests: int
    status: TenantMetricsPointsItemStatus
    denied: int
    denied_by_policy: TenantMetricsPointsItemDeniedByPolicy
    cache: TenantMetricsPointsItemCache
    cache_hit_rate: float | None
    latency_ms: TenantMetricsPointsItemLatencyMs
    backend_errors: int
    backend_timeouts: int
    sessions_revoked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        t = self.t.isoformat()

        requests = self.requests

        status = self.status.to_dict()

        denied = self.denied

        denied_by_policy = self.denied_by_policy.to_dict()

        cache = self.cache.to_dict()

        cache_hit_rate: float | None
        cache_hit_rate = self.cache_hit_rate

        latency_ms = self.latency_ms.to_dict()

        backend_errors = self.backend_errors

        backend_timeouts = self.backend_timeouts

        sessions_revoked = self.sessions_revoked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "t": t,
                "requests": requests,
                "status": status,
                "denied": denied,
                "denied_by_policy": denied_by_policy,
                "cache": cache,
                "cache_hit_rate": cache_hit_rate,
                "latency_ms": latency_ms,
                "backend_errors": backend_errors,
                "backend_timeouts": backend_timeouts,
                "sessions_revoked": sessions_revoked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_metrics_points_item_cache import (
            TenantMetricsPointsItemCache,
        )
        from ..models.tenant_metrics_points_item_denied_by_policy import (
            TenantMetricsPointsItemDeniedByPolicy,
        )
        from ..models.tenant_metrics_points_item_latency_ms import (
            TenantMetricsPointsItemLatencyMs,
        )
        from ..models.tenant_metrics_points_item_status import (
            TenantMetricsPointsItemStatus,
        )

        d = dict(src_dict)
        t = datetime.datetime.fromisoformat(d.pop("t"))

        requests = d.pop("requests")

        status = TenantMetricsPointsItemStatus.from_dict(d.pop("status"))

        denied = d.pop("denied")

        denied_by_policy = TenantMetricsPointsItemDeniedByPolicy.from_dict(
            d.pop("denied_by_policy")
        )

        cache = TenantMetricsPointsItemCache.from_dict(d.pop("cache"))

        def _parse_cache_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cache_hit_rate = _parse_cache_hit_rate(d.pop("cache_hit_rate"))

        latency_ms = TenantMetricsPointsItemLatencyMs.from_dict(d.pop("latency_ms"))

        backend_errors = d.pop("backend_errors")

        backend_timeouts = d.pop("backend_timeouts")

        sessions_revoked = d.pop("sessions_revoked")

        tenant_metrics_points_item = cls(
            t=t,
            requests=requests,
            status=status,
            denied=denied,
            denied_by_policy=denied_by_policy,
            cache=cache,
            cache_hit_rate=cache_hit_rate,
            latency_ms=latency_ms,
            backend_errors=backend_errors,
            backend_timeouts=backend_timeouts,
            sessions_revoked=sessions_revoked,
        )

        tenant_metrics_points_item.additional_properties = d
        return tenant_metrics_points_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
