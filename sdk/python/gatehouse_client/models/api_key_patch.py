from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0


T = TypeVar("T", bound="ApiKeyPatch")


@_attrs_define
class ApiKeyPatch:
    """
    Example:
        {'rate_limit': {'limit': 500, 'window_seconds': 60}}

    Attributes:
        rate_limit (ApiKeyRateLimitType0 | None): Its own rate limit; null: the default
    """

    rate_limit: ApiKeyRateLimitType0 | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0

        rate_limit: dict[str, Any] | None
        if isinstance(self.rate_limit, ApiKeyRateLimitType0):
            rate_limit = self.rate_limit.to_dict()
        else:
            rate_limit = self.rate_limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rate_limit": rate_limit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0

        d = dict(src_dict)

        def _parse_rate_limit(data: object) -> ApiKeyRateLimitType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_api_key_rate_limit_type_0 = (
                    ApiKeyRateLimitType0.from_dict(data)
                )

                return componentsschemas_api_key_rate_limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiKeyRateLimitType0 | None, data)

        rate_limit = _parse_rate_limit(d.pop("rate_limit"))

        api_key_patch = cls(
            rate_limit=rate_limit,
        )

        return api_key_patch
