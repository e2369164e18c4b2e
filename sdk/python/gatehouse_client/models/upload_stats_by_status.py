from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upload_stats_by_status_failed import UploadStatsByStatusFailed
    from ..models.upload_stats_by_status_pending import UploadStatsByStatusPending
    from ..models.upload_stats_by_status_processing import UploadStatsByStatusProcessing
    from ..models.upload_stats_by_status_success import UploadStatsByStatusSuccess


T = TypeVar("T", bound="UploadStatsByStatus")


@_attrs_define
class UploadStatsByStatus:
    """
    Attributes:
        pending (UploadStatsByStatusPending | Unset):
        processing (UploadStatsByStatusProcessing | Unset):
        success (UploadStatsByStatusSuccess | Unset):
        failed (UploadStatsByStatusFailed | Unset):
    """

    pending: UploadStatsByStatusPending | Unset = UNSET
    processing: UploadStatsByStatusProcessing | Unset = UNSET
    success: UploadStatsByStatusSuccess | Unset = UNSET
    failed: UploadStatsByStatusFailed | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pending: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pending, Unset):
            pending = self.pending.to_dict()

        processing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.processing, Unset):
            processing = self.processing.to_dict()

        success: dict[str, Any] | Unset = UNSET
        if not isinstance(self.success, Unset):
            success = self.success.to_dict()

        failed: dict[str, Any] | Unset = UNSET
        if not isinstance(self.failed, Unset):
            failed = self.failed.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pending is not UNSET:
            field_dict["pending"] = pending
        if processing is not UNSET:
            field_dict["processing"] = processing
        if success is not UNSET:
            field_dict["success"] = success
        if failed is not UNSET:
            field_dict["failed"] = failed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_stats_by_status_failed import UploadStatsByStatusFailed
        from ..models.upload_stats_by_status_pending import UploadStatsByStatusPending
        from ..models.upload_stats_by_status_processing import (
            UploadStatsByStatusProcessing,
        )
        from ..models.upload_stats_by_status_success import UploadStatsByStatusSuccess

        d = dict(src_dict)
        _pending = d.pop("pending", UNSET)
        pending: UploadStatsByStatusPending | Unset
        if isinstance(_pending, Unset):
            pending = UNSET
        else:
            pending = UploadStatsByStatusPending.from_dict(_pending)

        _processing = d.pop("processing", UNSET)
        processing: UploadStatsByStatusProcessing | Unset
        if isinstance(_processing, Unset):
            processing = UNSET
        else:
            processing = UploadStatsByStatusProcessing.from_dict(_processing)

        _success = d.pop("success", UNSET)
        success: UploadStatsByStatusSuccess | Unset
        if isinstance(_success, Unset):
            success = UNSET
        else:
            success = UploadStatsByStatusSuccess.from_dict(_success)

        _failed = d.pop("failed", UNSET)
        failed: UploadStatsByStatusFailed | Unset
        if isinstance(_failed, Unset):
            failed = UNSET
        else:
            failed = UploadStatsByStatusFailed.from_dict(_failed)

        upload_stats_by_status = cls(
            pending=pending,
            processing=processing,
            success=success,
            failed=failed,
        )

        upload_stats_by_status.additional_properties = d
        return upload_stats_by_status

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
