from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_issuer import MeIssuer
from ..models.role import Role

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        user_id (str):
        tenant_id (str):
        role (Role):
        email (None | str):
        session_id (None | str):
        issuer (MeIssuer):
        token_expires_at (datetime.datetime):
    """

    user_id: str
    tenant_id: str
    role: Role
    email: None | str
    session_id: None | str
    issuer: MeIssuer
    token_expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        tenant_id = self.tenant_id

        role = self.role.value

        email: None | str
        email = self.email

        session_id: None | str
        session_id = self.session_id

        issuer = self.issuer.value

        token_expires_at = self.token_expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "tenant_id": tenant_id,
                "role": role,
                "email": email,
                "session_id": session_id,
                "issuer": issuer,
                "token_expires_at": token_expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        tenant_id = d.pop("tenant_id")

        role = Role(d.pop("role"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        issuer = MeIssuer(d.pop("issuer"))

        token_expires_at = datetime.datetime.fromisoformat(d.pop("token_expires_at"))

        me = cls(
            user_id=user_id,
            tenant_id=tenant_id,
            role=role,
            email=email,
            session_id=session_id,
            issuer=issuer,
            token_expires_at=token_expires_at,
        )

        me.additional_properties = d
        return me

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
