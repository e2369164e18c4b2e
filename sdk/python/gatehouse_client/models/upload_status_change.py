from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.upload_status import UploadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadStatusChange")


@_attrs_define
class UploadStatusChange:
    """
    Attributes:
        status (UploadStatus):
        log_count (int | Unset):
        processing_time (float | Unset): Seconds Example: 2.5.
        errors (list[str] | Unset):
    """

    status: UploadStatus
    log_count: int | Unset = UNSET
    processing_time: float | Unset = UNSET
    errors: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        log_count = self.log_count

        processing_time = self.processing_time

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if log_count is not UNSET:
            field_dict["log_count"] = log_count
        if processing_time is not UNSET:
            field_dict["processing_time"] = processing_time
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = UploadStatus(d.pop("status"))

        log_count = d.pop("log_count", UNSET)

        processing_time = d.pop("processing_time", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        upload_status_change = cls(
            status=status,
            log_count=log_count,
            processing_time=processing_time,
            errors=errors,
        )

        return upload_status_change
