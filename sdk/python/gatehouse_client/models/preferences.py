from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.preferences_theme import PreferencesTheme

if TYPE_CHECKING:
    from ..models.preferences_notifications import PreferencesNotifications


T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    """
    Attributes:
        theme (PreferencesTheme):  Example: dark.
        timezone (str):
        notifications (PreferencesNotifications):
    """

    theme: PreferencesTheme
    timezone: str
    notifications: PreferencesNotifications
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        theme = self.theme.value

        timezone = self.timezone

        notifications = self.notifications.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "theme": theme,
                "timezone": timezone,
                "notifications": notifications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preferences_notifications import PreferencesNotifications

        d = dict(src_dict)
        theme = PreferencesTheme(d.pop("theme"))

        timezone = d.pop("timezone")

        notifications = PreferencesNotifications.from_dict(d.pop("notifications"))

        preferences = cls(
            theme=theme,
            timezone=timezone,
            notifications=notifications,
        )

        preferences.additional_properties = d
        return preferences

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
