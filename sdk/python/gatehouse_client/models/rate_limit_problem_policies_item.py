from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RateLimitProblemPoliciesItem")


@_attrs_define
class RateLimitProblemPoliciesItem:
    """
    Attributes:
        name (str):
        limit (int):
        remaining (int):
        window_seconds (float):
        reset_at (datetime.datetime):
    """

    name: str
    limit: int
    remaining: int
    window_seconds: float
    reset_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        limit = self.limit

        remaining = self.remaining

        window_seconds = self.window_seconds

        reset_at = self.reset_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "limit": limit,
                "remaining": remaining,
                "window_seconds": window_seconds,
                "reset_at": reset_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        limit = d.pop("limit")

        remaining = d.pop("remaining")

        window_seconds = d.pop("window_seconds")

        reset_at = datetime.datetime.fromisoformat(d.pop("reset_at"))

        rate_limit_problem_policies_item = cls(
            name=name,
            limit=limit,
            remaining=remaining,
            window_seconds=window_seconds,
            reset_at=reset_at,
        )

        rate_limit_problem_policies_item.additional_properties = d
        return rate_limit_problem_policies_item

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
