from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfilePatchPreferencesNotifications")


@_attrs_define
class ProfilePatchPreferencesNotifications:
    """
    Attributes:
        email (bool | Unset):
        browser (bool | Unset):
    """

    email: bool | Unset = UNSET
    browser: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        browser = self.browser

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if browser is not UNSET:
            field_dict["browser"] = browser

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        browser = d.pop("browser", UNSET)

        profile_patch_preferences_notifications = cls(
            email=email,
            browser=browser,
        )

        return profile_patch_preferences_notifications
