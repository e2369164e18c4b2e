from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TenantMetricsPointsItemCache")


@_attrs_define
class TenantMetricsPointsItemCache:
    """Answers of the cached routes (X-Cache)

    Attributes:
        hit (int):
        miss (int):
        stale (int):
    """

    hit: int
    miss: int
    stale: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hit = self.hit

        miss = self.miss

        stale = self.stale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hit": hit,
                "miss": miss,
                "stale": stale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        hit = d.pop("hit")

        miss = d.pop("miss")

        stale = d.pop("stale")

        tenant_metrics_points_item_cache = cls(
            hit=hit,
            miss=miss,
            stale=stale,
        )

        tenant_metrics_points_item_cache.additional_properties = d
        return tenant_metrics_points_item_cache

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
