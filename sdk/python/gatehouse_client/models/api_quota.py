from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApiQuota")


@_attrs_define
class ApiQuota:
    """
    Attributes:
        logs_per_day (int):
        api_calls_per_hour (int):
        retention_days (int):
    """

    logs_per_day: int
    api_calls_per_hour: int
    retention_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logs_per_day = self.logs_per_day

        api_calls_per_hour = self.api_calls_per_hour

        retention_days = self.retention_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "logs_per_day": logs_per_day,
                "api_calls_per_hour": api_calls_per_hour,
                "retention_days": retention_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        logs_per_day = d.pop("logs_per_day")

        api_calls_per_hour = d.pop("api_calls_per_hour")

        retention_days = d.pop("retention_days")

        api_quota = cls(
            logs_per_day=logs_per_day,
            api_calls_per_hour=api_calls_per_hour,
            retention_days=retention_days,
        )

        api_quota.additional_properties = d
        return api_quota

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
