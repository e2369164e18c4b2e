from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0


T = TypeVar("T", bound="ApiKey")


@_attrs_define
class ApiKey:
    """
    Attributes:
        id (str):
        tenant_id (str):
        name (str):
        prefix (str): How every key with this id begins (to tell keys apart; not a secret)
        role (Role):
        created_at (datetime.datetime):
        created_by (str): The user who created it
        last_used_at (datetime.datetime | None): Last admitted request (updated in the background, to about a minute)
        expires_at (datetime.datetime | None): When it stops working; null: never
        rate_limit (ApiKeyRateLimitType0 | None): Its own rate limit; null: the default
        rotated_at (datetime.datetime | None): Last rotation
        previous_key_expires_at (datetime.datetime | None): While a rotation’s grace period runs: when the previous key
            stops working
    """

    id: str
    tenant_id: str
    name: str
    prefix: str
    role: Role
    created_at: datetime.datetime
    created_by: str
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    rate_limit: ApiKeyRateLimitType0 | None
    rotated_at: datetime.datetime | None
    previous_key_expires_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0

        id = self.id

        tenant_id = self.tenant_id

        name = self.name

        prefix = self.prefix

        role = self.role.value

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        rate_limit: dict[str, Any] | None
        if isinstance(self.rate_limit, ApiKeyRateLimitType0):
            rate_limit = self.rate_limit.to_dict()
        else:
            rate_limit = self.rate_limit

        rotated_at: None | str
        if isinstance(self.rotated_at, datetime.datetime):
            rotated_at = self.rotated_at.isoformat()
        else:
            rotated_at = self.rotated_at

        previous_key_expires_at: None | str
        if isinstance(self.previous_key_expires_at, datetime.datetime):
            previous_key_expires_at = self.previous_key_expires_at.isoformat()
        else:
            previous_key_expires_at = self.previous_key_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "name": name,
                "prefix": prefix,
                "role": role,
                "created_at": created_at,
                "created_by": created_by,
                "last_used_at": last_used_at,
                "expires_at": expires_at,
                "rate_limit": rate_limit,
                "rotated_at": rotated_at,
                "previous_key_expires_at": previous_key_expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_key_rate_limit_type_0 import ApiKeyRateLimitType0

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        name = d.pop("name")

        prefix = d.pop("prefix")

        role = Role(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

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

        def _parse_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rotated_at = _parse_rotated_at(d.pop("rotated_at"))

        def _parse_previous_key_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_key_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_key_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_key_expires_at = _parse_previous_key_expires_at(
            d.pop("previous_key_expires_at")
        )

        api_key = cls(
            id=id,
            tenant_id=tenant_id,
            name=name,
            prefix=prefix,
            role=role,
            created_at=created_at,
            created_by=created_by,
            last_used_at=last_used_at,
            expires_at=expires_at,
            rate_limit=rate_limit,
            rotated_at=rotated_at,
            previous_key_expires_at=previous_key_expires_at,
        )

        api_key.additional_properties = d
        return api_key

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
