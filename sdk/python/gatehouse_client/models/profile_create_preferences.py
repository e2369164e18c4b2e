from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.profile_create_preferences_theme import ProfileCreatePreferencesTheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.profile_create_preferences_notifications import (
        ProfileCreatePreferencesNotifications,
    )


T = TypeVar("T", bound="ProfileCreatePreferences")


@_attrs_define
class ProfileCreatePreferences:
    """
    Attributes:
        theme (ProfileCreatePreferencesTheme | Unset):  Example: dark.
        timezone (str | Unset): IANA time zone name, kept as sent Example: Europe/Paris.
        notifications (ProfileCreatePreferencesNotifications | Unset):
    """

    theme: ProfileCreatePreferencesTheme | Unset = UNSET
    timezone: str | Unset = UNSET
    notifications: ProfileCreatePreferencesNotifications | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        theme: str | Unset = UNSET
        if not isinstance(self.theme, Unset):
            theme = self.theme.value

        timezone = self.timezone

        notifications: dict[str, Any] | Unset = UNSET
        if not isinstance(self.notifications, Unset):
            notifications = self.notifications.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if theme is not UNSET:
            field_dict["theme"] = theme
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if notifications is not UNSET:
            field_dict["notifications"] = notifications

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.profile_create_preferences_notifications import (
            ProfileCreatePreferencesNotifications,
        )

        d = dict(src_dict)
        _theme = d.pop("theme", UNSET)
        theme: ProfileCreatePreferencesTheme | Unset
        if isinstance(_theme, Unset):
            theme = UNSET
        else:
            theme = ProfileCreatePreferencesTheme(_theme)

        timezone = d.pop("timezone", UNSET)

        _notifications = d.pop("notifications", UNSET)
        notifications: ProfileCreatePreferencesNotifications | Unset
        if isinstance(_notifications, Unset):
            notifications = UNSET
        else:
            notifications = ProfileCreatePreferencesNotifications.from_dict(
                _notifications
            )

        profile_create_preferences = cls(
            theme=theme,
            timezone=timezone,
            notifications=notifications,
        )

        return profile_create_preferences
