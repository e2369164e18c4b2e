from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeletedAccount")


@_attrs_define
class DeletedAccount:
    """
    Attributes:
        user_id (str):
        tenant_id (str):
        deleted (bool):
        sessions_revoked (int):
        profile_deleted (bool): False when the user had no profile
    """

    user_id: str
    tenant_id: str
    deleted: bool
    sessions_revoked: int
    profile_deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        tenant_id = self.tenant_id

        deleted = self.deleted

        sessions_revoked = self.sessions_revoked

        profile_deleted = self.profile_deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "tenant_id": tenant_id,
                "deleted": deleted,
                "sessions_revoked": sessions_revoked,
                "profile_deleted": profile_deleted,
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

        profile_deleted = d.pop("profile_deleted")

        deleted_account = cls(
            user_id=user_id,
            tenant_id=tenant_id,
            deleted=deleted,
            sessions_revoked=sessions_revoked,
            profile_deleted=profile_deleted,
        )

        deleted_account.additional_properties = d
        return deleted_account

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
