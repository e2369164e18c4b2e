from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ApiKeyRotate")


@_attrs_define
class ApiKeyRotate:
    """
    Attributes:
        grace_seconds (int): How long the old key keeps working (0: it stops at once) Example: 3600.
    """

    grace_seconds: int

    def to_dict(self) -> dict[str, Any]:
        grace_seconds = self.grace_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grace_seconds": grace_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grace_seconds = d.pop("grace_seconds")

        api_key_rotate = cls(
            grace_seconds=grace_seconds,
        )

        return api_key_rotate
