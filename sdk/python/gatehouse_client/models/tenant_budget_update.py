from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TenantBudgetUpdate")


@_attrs_define
class TenantBudgetUpdate:
    """
    Example:
        {'api_calls_per_hour': 50000}

    Attributes:
        api_calls_per_hour (int | None): API calls per hour for the whole tenant; null: back to
            TENANT_API_CALLS_PER_HOUR
    """

    api_calls_per_hour: int | None

    def to_dict(self) -> dict[str, Any]:
        api_calls_per_hour: int | None
        api_calls_per_hour = self.api_calls_per_hour

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "api_calls_per_hour": api_calls_per_hour,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_api_calls_per_hour(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        api_calls_per_hour = _parse_api_calls_per_hour(d.pop("api_calls_per_hour"))

        tenant_budget_update = cls(
            api_calls_per_hour=api_calls_per_hour,
        )

        return tenant_budget_update
