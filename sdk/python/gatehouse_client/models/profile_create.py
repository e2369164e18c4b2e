from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.profile_create_preferences import ProfileCreatePreferences


T = TypeVar("T", bound="ProfileCreate")


@_attrs_define
class ProfileCreate:
    """
    Example:
        {'preferences': {'theme': 'dark', 'timezone': 'Europe/Paris'}}

    Attributes:
        organization (str | Unset): Defaults to the tenant’s organisation
        preferences (ProfileCreatePreferences | Unset):
    """

    organization: str | Unset = UNSET
    preferences: ProfileCreatePreferences | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        organization = self.organization

        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if organization is not UNSET:
            field_dict["organization"] = organization
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.profile_create_preferences import ProfileCreatePreferences

        d = dict(src_dict)
        organization = d.pop("organization", UNSET)

        _preferences = d.pop("preferences", UNSET)
        preferences: ProfileCreatePreferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = ProfileCreatePreferences.from_dict(_preferences)

        profile_create = cls(
            organization=organization,
            preferences=preferences,
        )

        return profile_create
