from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfilePatchApiQuota")


@_attrs_define
class ProfilePatchApiQuota:
    """Admin operation, up to the member’s plan (set by a superadmin; else the defaults): 403 `above-plan`

    Attributes:
        logs_per_day (int | Unset):
        api_calls_per_hour (int | Unset):
        retention_days (int | Unset):
    """

    logs_per_day: int | Unset = UNSET
    api_calls_per_hour: int | Unset = UNSET
    retention_days: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        logs_per_day = self.logs_per_day

        api_calls_per_hour = self.api_calls_per_hour

        retention_days = self.retention_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if logs_per_day is not UNSET:
            field_dict["logs_per_day"] = logs_per_day
        if api_calls_per_hour is not UNSET:
            field_dict["api_calls_per_hour"] = api_calls_per_hour
        if retention_days is not UNSET:
            field_dict["retention_days"] = retention_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        logs_per_day = d.pop("logs_per_day", UNSET)

        api_calls_per_hour = d.pop("api_calls_per_hour", UNSET)

        retention_days = d.pop("retention_days", UNSET)

        profile_patch_api_quota = cls(
            logs_per_day=logs_per_day,
            api_calls_per_hour=api_calls_per_hour,
            retention_days=retention_days,
        )

        return profile_patch_api_quota
