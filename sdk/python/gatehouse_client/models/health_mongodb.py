from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.health_mongodb_status import HealthMongodbStatus

T = TypeVar("T", bound="HealthMongodb")


@_attrs_define
class HealthMongodb:
    """
    Attributes:
        status (HealthMongodbStatus):
        latency_ms (float):
    """

    status: HealthMongodbStatus
    latency_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        latency_ms = self.latency_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "latency_ms": latency_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = HealthMongodbStatus(d.pop("status"))

        latency_ms = d.pop("latency_ms")

        health_mongodb = cls(
            status=status,
            latency_ms=latency_ms,
        )

        health_mongodb.additional_properties = d
        return health_mongodb

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
