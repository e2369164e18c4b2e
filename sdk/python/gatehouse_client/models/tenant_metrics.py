from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_metrics_resolution import TenantMetricsResolution

if TYPE_CHECKING:
    from ..models.metrics_stats import MetricsStats
    from ..models.tenant_metrics_points_item import TenantMetricsPointsItem
    from ..models.tenant_metrics_routes_item import TenantMetricsRoutesItem


T = TypeVar("T", bound="TenantMetrics")


@_attrs_define
class TenantMetrics:
    """
    Attributes:
        tenant_id (str):
        resolution (TenantMetricsResolution):
        bucket_seconds (int):
        from_ (datetime.datetime): Start of the first bucket
        to (datetime.datetime): End of the last (current) bucket
        points (list[TenantMetricsPointsItem]): Every bucket of the period, oldest first (empty ones as zeros). Sign-ins
            are anonymous requests: they count in the overall series (/metrics) only.
        totals (MetricsStats):
        routes (list[TenantMetricsRoutesItem]):
    """

    tenant_id: str
    resolution: TenantMetricsResolution
    bucket_seconds: int
    from_: datetime.datetime
    to: datetime.datetime
    points: list[TenantMetricsPointsItem]
    totals: MetricsStats
    routes: list[TenantMetricsRoutesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        resolution = self.resolution.value

        bucket_seconds = self.bucket_seconds

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        totals = self.totals.to_dict()

        routes = []
        for routes_item_data in self.routes:
            routes_item = routes_item_data.to_dict()
            routes.append(routes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "resolution": resolution,
                "bucket_seconds": bucket_seconds,
                "from": from_,
                "to": to,
                "points": points,
                "totals": totals,
                "routes": routes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metrics_stats import MetricsStats
        from ..models.tenant_metrics_points_item import TenantMetricsPointsItem
        from ..models.tenant_metrics_routes_item import TenantMetricsRoutesItem

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        resolution = TenantMetricsResolution(d.pop("resolution"))

        bucket_seconds = d.pop("bucket_seconds")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = TenantMetricsPointsItem.from_dict(points_item_data)

            points.append(points_item)

        totals = MetricsStats.from_dict(d.pop("totals"))

        routes = []
        _routes = d.pop("routes")
        for routes_item_data in _routes:
            routes_item = TenantMetricsRoutesItem.from_dict(routes_item_data)

            routes.append(routes_item)

        tenant_metrics = cls(
            tenant_id=tenant_id,
            resolution=resolution,
            bucket_seconds=bucket_seconds,
            from_=from_,
            to=to,
            points=points,
            totals=totals,
            routes=routes,
        )

        tenant_metrics.additional_properties = d
        return tenant_metrics

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
