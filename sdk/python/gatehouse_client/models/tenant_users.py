from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_profile import UserProfile


T = TypeVar("T", bound="TenantUsers")


@_attrs_define
class TenantUsers:
    """
    Attributes:
        users (list[UserProfile]):
        page (int):
        page_size (int):
        count (int): Users on this page
        total (int): Users matching the filter
    """

    users: list[UserProfile]
    page: int
    page_size: int
    count: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        users = []
        for users_item_data in self.users:
            users_item = users_item_data.to_dict()
            users.append(users_item)

        page = self.page

        page_size = self.page_size

        count = self.count

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "users": users,
                "page": page,
                "page_size": page_size,
                "count": count,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.user_profile import UserProfile

        d = dict(src_dict)
        users = []
        _users = d.pop("users")
        for users_item_data in _users:
            users_item = UserProfile.from_dict(users_item_data)

            users.append(users_item)

        page = d.pop("page")

        page_size = d.pop("page_size")

        count = d.pop("count")

        total = d.pop("total")

        tenant_users = cls(
            users=users,
            page=page,
            page_size=page_size,
            count=count,
            total=total,
        )

        tenant_users.additional_properties = d
        return tenant_users

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
