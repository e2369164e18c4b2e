from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadStatsByStatusFailed")


@_attrs_define
class UploadStatsByStatusFailed:
    """
    Attributes:
        count (int):
        total_logs (float):
        total_size_bytes (float):
        avg_processing_time (float | None): Seconds; null when no upload of this status has one
    """

    count: int
    total_logs: float
    total_size_bytes: float
    avg_processing_time: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        total_logs = self.total_logs

        total_size_bytes = self.total_size_bytes

        avg_processing_time: float | None
        avg_processing_time = self.avg_processing_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "total_logs": total_logs,
                "total_size_bytes": total_size_bytes,
                "avg_processing_time": avg_processing_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count")

        total_logs = d.pop("total_logs")

        total_size_bytes = d.pop("total_size_bytes")

        def _parse_avg_processing_time(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_processing_time = _parse_avg_processing_time(d.pop("avg_processing_time"))

        upload_stats_by_status_failed = cls(
            count=count,
            total_logs=total_logs,
            total_size_bytes=total_size_bytes,
            avg_processing_time=avg_processing_time,
        )

        upload_stats_by_status_failed.additional_properties = d
        return upload_stats_by_status_failed

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
