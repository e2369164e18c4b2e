from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TenantBudget")


@_attrs_define
class TenantBudget:
    """
    Attributes:
        tenant_id (str):
        api_calls_per_hour (int): What the gate applies (the `tenant` rate-limit policy)
        default_api_calls_per_hour (int): TENANT_API_CALLS_PER_HOUR
        overridden (bool):
    """

    tenant_id: str
    api_calls_per_hour: int
    default_api_calls_per_hour: int
    overridden: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        api_calls_per_hour = self.api_calls_per_hour

        default_api_calls_per_hour = self.default_api_calls_per_hour

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "api_calls_per_hour": api_calls_per_hour,
                "default_api_calls_per_hour": default_api_calls_per_hour,
                "overridden": overridden,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        api_calls_per_hour = d.pop("api_calls_per_hour")

        default_api_calls_per_hour = d.pop("default_api_calls_per_hour")

        overridden = d.pop("overridden")

        tenant_budget = cls(
            tenant_id=tenant_id,
            api_calls_per_hour=api_calls_per_hour,
            default_api_calls_per_hour=default_api_calls_per_hour,
            overridden=overridden,
        )

        tenant_budget.additional_properties = d
        return tenant_budget

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
