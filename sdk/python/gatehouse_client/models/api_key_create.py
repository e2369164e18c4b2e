from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0


T = TypeVar("T", bound="ApiKeyCreate")


@_attrs_define
class ApiKeyCreate:
    """
    Example:
        {'name': 'nightly export job', 'role': 'viewer', 'rate_limit': {'limit': 100, 'window_seconds': 60}}

    Attributes:
        name (str):  Example: nightly export job.
        role (Role):
        expires_at (datetime.datetime | Unset): When the key stops working (must be in the future); default never
        rate_limit (ApiKeyRateLimitType0 | None | Unset): Its own rate limit; null: the default
    """

    name: str
    role: Role
    expires_at: datetime.datetime | Unset = UNSET
    rate_limit: ApiKeyRateLimitType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0

        name = self.name

        role = self.role.value

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        rate_limit: dict[str, Any] | None | Unset
        if isinstance(self.rate_limit, Unset):
            rate_limit = UNSET
        elif isinstance(self.rate_limit, ApiKeyRateLimitType0):
            rate_limit = self.rate_limit.to_dict()
        else:
            rate_limit = self.rate_limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
            }
        )
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0

        d = dict(src_dict)
        name = d.pop("name")

        role = Role(d.pop("role"))

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        def _parse_rate_limit(data: object) -> ApiKeyRateLimitType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(ApiKeyRateLimitType0 | None | Unset, data)

        rate_limit = _parse_rate_limit(d.pop("rate_limit", UNSET))

        api_key_create = cls(
            name=name,
            role=role,
            expires_at=expires_at,
            rate_limit=rate_limit,
        )

        return api_key_create
