from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.health_mode import HealthMode
from ..models.health_status import HealthStatus

if TYPE_CHECKING:
    from ..models.health_mongodb import HealthMongodb
    from ..models.health_redis import HealthRedis


T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Example:
        {'status': 'healthy', 'mode': 'remote', 'mongodb': {'status': 'healthy', 'latency_ms': 3.2}, 'redis': {'status':
            'healthy', 'latency_ms': 1.1}}

    Attributes:
        status (HealthStatus):
        mode (HealthMode):
        mongodb (HealthMongodb):
        redis (HealthRedis):
    """

    status: HealthStatus
    mode: HealthMode
    mongodb: HealthMongodb
    redis: HealthRedis
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        mode = self.mode.value

        mongodb = self.mongodb.to_dict()

        redis = self.redis.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "mode": mode,
                "mongodb": mongodb,
                "redis": redis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_mongodb import HealthMongodb
        from ..models.health_redis import HealthRedis

        d = dict(src_dict)
        status = HealthStatus(d.pop("status"))

        mode = HealthMode(d.pop("mode"))

        mongodb = HealthMongodb.from_dict(d.pop("mongodb"))

        redis = HealthRedis.from_dict(d.pop("redis"))

        health = cls(
            status=status,
            mode=mode,
            mongodb=mongodb,
            redis=redis,
        )

        health.additional_properties = d
        return health

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
