from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.profile_patch_api_quota import ProfilePatchApiQuota
    from ..models.profile_patch_preferences import ProfilePatchPreferences


T = TypeVar("T", bound="ProfilePatch")


@_attrs_define
class ProfilePatch:
    """
    Example:
        {'preferences': {'theme': 'light'}}

    Attributes:
        preferences (ProfilePatchPreferences | Unset):
        role (Role | Unset):
        api_quota (ProfilePatchApiQuota | Unset): Admin operation, up to the member’s plan (set by a superadmin; else
            the defaults): 403 `above-plan`
    """

    preferences: ProfilePatchPreferences | Unset = UNSET
    role: Role | Unset = UNSET
    api_quota: ProfilePatchApiQuota | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        api_quota: dict[str, Any] | Unset = UNSET
        if not isinstance(self.api_quota, Unset):
            api_quota = self.api_quota.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if preferences is not UNSET:
            field_dict["preferences"] = preferences
        if role is not UNSET:
            field_dict["role"] = role
        if api_quota is not UNSET:
            field_dict["api_quota"] = api_quota

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.profile_patch_api_quota import ProfilePatchApiQuota
        from ..models.profile_patch_preferences import ProfilePatchPreferences

        d = dict(src_dict)
        _preferences = d.pop("preferences", UNSET)
        preferences: ProfilePatchPreferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = ProfilePatchPreferences.from_dict(_preferences)

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = Role(_role)

        _api_quota = d.pop("api_quota", UNSET)
        api_quota: ProfilePatchApiQuota | Unset
        if isinstance(_api_quota, Unset):
            api_quota = UNSET
        else:
            api_quota = ProfilePatchApiQuota.from_dict(_api_quota)

        profile_patch = cls(
            preferences=preferences,
            role=role,
            api_quota=api_quota,
        )

        return profile_patch
