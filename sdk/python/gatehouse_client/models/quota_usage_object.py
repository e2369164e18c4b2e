from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quota_usage import QuotaUsage


T = TypeVar("T", bound="QuotaUsageObject")


@_attrs_define
class QuotaUsageObject:
    """
    Attributes:
        api_calls_per_hour (QuotaUsage):
        logs_per_day (QuotaUsage):
    """

    api_calls_per_hour: QuotaUsage
    logs_per_day: QuotaUsage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_calls_per_hour = self.api_calls_per_hour.to_dict()

        logs_per_day = self.logs_per_day.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_calls_per_hour": api_calls_per_hour,
                "logs_per_day": logs_per_day,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quota_usage import QuotaUsage

        d = dict(src_dict)
        api_calls_per_hour = QuotaUsage.from_dict(d.pop("api_calls_per_hour"))

        logs_per_day = QuotaUsage.from_dict(d.pop("logs_per_day"))

        quota_usage_object = cls(
            api_calls_per_hour=api_calls_per_hour,
            logs_per_day=logs_per_day,
        )

        quota_usage_object.additional_properties = d
        return quota_usage_object

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
