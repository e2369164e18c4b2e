from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_metrics_routes_item_status import TenantMetricsRoutesItemStatus


T = TypeVar("T", bound="TenantMetricsRoutesItem")


@_attrs_define
class TenantMetricsRoutesItem:
    """
    Attributes:
        method (str):
        route (str): The route pattern
        requests (int):
        status (TenantMetricsRoutesItemStatus):
    """

    method: str
    route: str
    requests: int
    status: TenantMetricsRoutesItemStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        route = self.route

        requests = self.requests

        status = self.status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "route": route,
                "requests": requests,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_metrics_routes_item_status import (
            TenantMetricsRoutesItemStatus,
        )

        d = dict(src_dict)
        method = d.pop("method")

        route = d.pop("route")

        requests = d.pop("requests")

        status = TenantMetricsRoutesItemStatus.from_dict(d.pop("status"))

        tenant_metrics_routes_item = cls(
            method=method,
            route=route,
            requests=requests,
            status=status,
        )

        tenant_metrics_routes_item.additional_properties = d
        return tenant_metrics_routes_item

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
