from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_stats_by_status import UploadStatsByStatus


T = TypeVar("T", bound="UploadStats")


@_attrs_define
class UploadStats:
    """
    Example:
        {'period_days': 30, 'total_uploads': 150, 'total_logs': 450000, 'total_size_bytes': 536870912, 'by_status':
            {'success': {'count': 145, 'total_logs': 435000, 'total_size_bytes': 520093696, 'avg_processing_time': 2.3}}}

    Attributes:
        period_days (int):
        total_uploads (int):
        total_logs (float):
        total_size_bytes (float):
        by_status (UploadStatsByStatus):
    """

    period_days: int
    total_uploads: int
    total_logs: float
    total_size_bytes: float
    by_status: UploadStatsByStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_days = self.period_days

        total_uploads = self.total_uploads

        total_logs = self.total_logs

        total_size_bytes = self.total_size_bytes

        by_status = self.by_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_days": period_days,
                "total_uploads": total_uploads,
                "total_logs": total_logs,
                "total_size_bytes": total_size_bytes,
                "by_status": by_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_stats_by_status import UploadStatsByStatus

        d = dict(src_dict)
        period_days = d.pop("period_days")

        total_uploads = d.pop("total_uploads")

        total_logs = d.pop("total_logs")

        total_size_bytes = d.pop("total_size_bytes")

        by_status = UploadStatsByStatus.from_dict(d.pop("by_status"))

        upload_stats = cls(
            period_days=period_days,
            total_uploads=total_uploads,
            total_logs=total_logs,
            total_size_bytes=total_size_bytes,
            by_status=by_status,
        )

        upload_stats.additional_properties = d
        return upload_stats

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
