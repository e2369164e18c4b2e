from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeletedProfile")


@_attrs_define
class DeletedProfile:
    """
    Attributes:
        user_id (str):
        tenant_id (str):
        deleted (bool):
        sessions_revoked (int):
    """

    user_id: str
    tenant_id: str
    deleted: bool
    sessions_revoked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        tenant_id = self.tenant_id

        deleted = self.deleted

        sessions_revoked = self.sessions_revoked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "tenant_id": tenant_id,
                "deleted": deleted,
                "sessions_revoked": sessions_revoked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        tenant_id = d.pop("tenant_id")

        deleted = d.pop("deleted")

        sessions_revoked = d.pop("sessions_revoked")

        deleted_profile = cls(
            user_id=user_id,
            tenant_id=tenant_id,
            deleted=deleted,
            sessions_revoked=sessions_revoked,
        )

        deleted_profile.additional_properties = d
        return deleted_profile

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
