from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

if TYPE_CHECKING:
    from ..models.api_quota import ApiQuota
    from ..models.preferences import Preferences


T = TypeVar("T", bound="UserProfile")


@_attrs_define
class UserProfile:
    """
    Example:
        {'_id': '507f1f77bcf86cd799439011', 'user_id': '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11', 'tenant_id': 'acme-corp',
            'organization': 'Acme Corp', 'role': 'admin', 'preferences': {'theme': 'dark', 'timezone': 'UTC',
            'notifications': {'email': True, 'browser': True}}, 'api_quota': {'logs_per_day': 100000, 'api_calls_per_hour':
            1000, 'retention_days': 90}, 'created_at': '2025-11-24T10:00:00.000Z', 'updated_at': '2025-11-24T10:00:00.000Z'}

    Attributes:
        field_id (str):
        user_id (str):
        tenant_id (str):
        organization (str):
        role (Role):
        preferences (Preferences):
        api_quota (ApiQuota):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    field_id: str
    user_id: str
    tenant_id: str
    organization: str
    role: Role
    preferences: Preferences
    api_quota: ApiQuota
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        user_id = self.user_id

        tenant_id = self.tenant_id

        organization = self.organization

        role = self.role.value

        preferences = self.preferences.to_dict()

        api_quota = self.api_quota.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": field_id,
                "user_id": user_id,
                "tenant_id": tenant_id,
                "organization": organization,
                "role": role,
                "preferences": preferences,
                "api_quota": api_quota,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_quota import ApiQuota
        from ..models.preferences import Preferences

        d = dict(src_dict)
        field_id = d.pop("_id")

        user_id = d.pop("user_id")

        tenant_id = d.pop("tenant_id")

        organization = d.pop("organization")

        role = Role(d.pop("role"))

        preferences = Preferences.from_dict(d.pop("preferences"))

        api_quota = ApiQuota.from_dict(d.pop("api_quota"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_profile = cls(
            field_id=field_id,
            user_id=user_id,
            tenant_id=tenant_id,
            organization=organization,
            role=role,
            preferences=preferences,
            api_quota=api_quota,
            created_at=created_at,
            updated_at=updated_at,
        )

        user_profile.additional_properties = d
        return user_profile

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
