from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ApiKeyRateLimitType0")


@_attrs_define
class ApiKeyRateLimitType0:
    """Its own rate limit; null: the default

    Attributes:
        limit (int):  Example: 100.
        window_seconds (int):  Example: 60.
    """

    limit: int
    window_seconds: int

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        window_seconds = self.window_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "limit": limit,
                "window_seconds": window_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        limit = d.pop("limit")

        window_seconds = d.pop("window_seconds")

        api_key_rate_limit_type_0 = cls(
            limit=limit,
            window_seconds=window_seconds,
        )

        return api_key_rate_limit_type_0
