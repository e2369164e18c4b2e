from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.format_type import FormatType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterUploadRequest")


@_attrs_define
class RegisterUploadRequest:
    """
    Attributes:
        source (str):  Example: api-service.
        environment (str):  Example: production.
        file_name (str):  Example: app.log.
        file_size (int): Bytes Example: 1048576.
        format_type (FormatType):
        upload_id (str | Unset): Generated (upload_YYYYMMDD_HHMMSS_xxxxxxxx) when absent Example:
            upload_20251124_123456_9f86d081.
        task_id (None | str | Unset):  Example: abc123-def456.
        service_name (None | str | Unset):  Example: checkout.
        log_count (int | Unset): When known, counted against the tenant's logs_per_day quota (429 when over) Example:
            1500.
    """

    source: str
    environment: str
    file_name: str
    file_size: int
    format_type: FormatType
    upload_id: str | Unset = UNSET
    task_id: None | str | Unset = UNSET
    service_name: None | str | Unset = UNSET
    log_count: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        environment = self.environment

        file_name = self.file_name

        file_size = self.file_size

        format_type = self.format_type.value

        upload_id = self.upload_id

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        service_name: None | str | Unset
        if isinstance(self.service_name, Unset):
            service_name = UNSET
        else:
            service_name = self.service_name

        log_count = self.log_count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
                "environment": environment,
                "file_name": file_name,
                "file_size": file_size,
                "format_type": format_type,
            }
        )
        if upload_id is not UNSET:
            field_dict["upload_id"] = upload_id
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if service_name is not UNSET:
            field_dict["service_name"] = service_name
        if log_count is not UNSET:
            field_dict["log_count"] = log_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source = d.pop("source")

        environment = d.pop("environment")

        file_name = d.pop("file_name")

        file_size = d.pop("file_size")

        format_type = FormatType(d.pop("format_type"))

        upload_id = d.pop("upload_id", UNSET)

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_service_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_name = _parse_service_name(d.pop("service_name", UNSET))

        log_count = d.pop("log_count", UNSET)

        register_upload_request = cls(
            source=source,
            environment=environment,
            file_name=file_name,
            file_size=file_size,
            format_type=format_type,
            upload_id=upload_id,
            task_id=task_id,
            service_name=service_name,
            log_count=log_count,
        )

        return register_upload_request
