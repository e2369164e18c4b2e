from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status_role import AccountStatusRole

T = TypeVar("T", bound="AccountStatus")


@_attrs_define
class AccountStatus:
    """
    Example:
        {'user_id': '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11', 'tenant_id': 'acme-corp-1a2b3c', 'email': 'ada@example.com',
            'role': 'viewer', 'disabled': False, 'disabled_at': None}

    Attributes:
        user_id (str):
        tenant_id (str):
        email (str):
        role (AccountStatusRole):
        disabled (bool): A disabled account cannot sign in (403 `account-disabled`) nor refresh
        disabled_at (datetime.datetime | None):
    """

    user_id: str
    tenant_id: str
    email: str
    role: AccountStatusRole
    disabled: bool
    disabled_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        tenant_id = self.tenant_id

        email = self.email

        role = self.role.value

        disabled = self.disabled

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "tenant_id": tenant_id,
                "email": email,
                "role": role,
                "disabled": disabled,
                "disabled_at": disabled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        tenant_id = d.pop("tenant_id")

        email = d.pop("email")

        role = AccountStatusRole(d.pop("role"))

        disabled = d.pop("disabled")

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        account_status = cls(
            user_id=user_id,
            tenant_id=tenant_id,
            email=email,
            role=role,
            disabled=disabled,
            disabled_at=disabled_at,
        )

        account_status.additional_properties = d
        return account_status

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
