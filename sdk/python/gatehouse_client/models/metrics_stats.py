from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metrics_stats_cache import MetricsStatsCache
    from ..models.metrics_stats_denied_by_policy import MetricsStatsDeniedByPolicy
    from ..models.metrics_stats_latency_ms import MetricsStatsLatencyMs
    from ..models.metrics_stats_status import MetricsStatsStatus


T = TypeVar("T", bound="MetricsStats")


@_attrs_define
class MetricsStats:
    """
    Attributes:
        requests (int):
        status (MetricsStatsStatus): Requests by status class ("2xx", "4xx", ...)
        denied (int): Requests refused by a rate limit or quota (429)
        denied_by_policy (MetricsStatsDeniedByPolicy): Violated policies of those refusals (one request may violate
            several)
        cache (MetricsStatsCache): Answers of the cached routes (X-Cache)
        cache_hit_rate (float | None): hit / (hit + miss + stale); null without cached answers
        latency_ms (MetricsStatsLatencyMs): Estimated from a fixed-bucket histogram (linear within a bucket); null
            without requests
        backend_errors (int): Requests answered 503: a backend refused or was unreachable
        backend_timeouts (int): Requests answered 503: a backend did not answer in time
        sessions_revoked (int): Sessions ended by logout or revocation
    """

    requests: int
    status: MetricsStatsStatus
    denied: int
    denied_by_policy: MetricsStatsDeniedByPolicy
    cache: MetricsStatsCache
    cache_hit_rate: float | None
    latency_ms: MetricsStatsLatencyMs
    backend_errors: int
    backend_timeouts: int
    sessions_revoked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        from ..models.metrics_stats_cache import MetricsStatsCache
        from ..models.metrics_stats_denied_by_policy import MetricsStatsDeniedByPolicy
        from ..models.metrics_stats_latency_ms import MetricsStatsLatencyMs
        from ..models.metrics_stats_status import MetricsStatsStatus

        d = dict(src_dict)
        requests = d.pop("requests")

        status = MetricsStatsStatus.from_dict(d.pop("status"))

        denied = d.pop("denied")

        denied_by_policy = MetricsStatsDeniedByPolicy.from_dict(
            d.pop("denied_by_policy")
        )

        cache = MetricsStatsCache.from_dict(d.pop("cache"))

        def _parse_cache_hit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cache_hit_rate = _parse_cache_hit_rate(d.pop("cache_hit_rate"))

        latency_ms = MetricsStatsLatencyMs.from_dict(d.pop("latency_ms"))

        backend_errors = d.pop("backend_errors")

        backend_timeouts = d.pop("backend_timeouts")

        sessions_revoked = d.pop("sessions_revoked")

        metrics_stats = cls(
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

        metrics_stats.additional_properties = d
        return metrics_stats

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
