from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_type import FormatType
from ..models.upload_status import UploadStatus

T = TypeVar("T", bound="UploadMetadata")


@_attrs_define
class UploadMetadata:
    """
    Example:
        {'_id': '507f1f77bcf86cd799439011', 'upload_id': 'upload_20251124_123456_9f86d081', 'task_id': 'abc123-def456',
            'tenant_id': 'acme-corp', 'user_id': 'u_1', 'source': 'api-service', 'environment': 'production',
            'service_name': None, 'file_name': 'app.log', 'file_size': 1048576, 'format_type': 'json', 'log_count': 1500,
            'status': 'success', 'processing_time': 2.5, 'errors': [], 'created_at': '2025-11-24T10:00:00.000Z',
            'updated_at': '2025-11-24T10:00:03.000Z', 'completed_at': '2025-11-24T10:00:03.000Z'}

    Attributes:
        field_id (str):
        upload_id (str):
        task_id (None | str):
        tenant_id (str):
        user_id (str):
        source (str):
        environment (str):
        service_name (None | str):
        file_name (str):
        file_size (float):
        format_type (FormatType):
        log_count (float):
        status (UploadStatus):
        processing_time (float | None):
        errors (list[str]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        completed_at (datetime.datetime | None):
    """

    field_id: str
    upload_id: str
    task_id: None | str
    tenant_id: str
    user_id: str
    source: str
    environment: str
    service_name: None | str
    file_name: str
    file_size: float
    format_type: FormatType
    log_count: float
    status: UploadStatus
    processing_time: float | None
    errors: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    completed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        upload_id = self.upload_id

        task_id: None | str
        task_id = self.task_id

        tenant_id = self.tenant_id

        user_id = self.user_id

        source = self.source

        environment = self.environment

        service_name: None | str
        service_name = self.service_name

        file_name = self.file_name

        file_size = self.file_size

        format_type = self.format_type.value

        log_count = self.log_count

        status = self.status.value

        processing_time: float | None
        processing_time = self.processing_time

        errors = self.errors

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": field_id,
                "upload_id": upload_id,
                "task_id": task_id,
                "tenant_id": tenant_id,
                "user_id": user_id,
                "source": source,
                "environment": environment,
                "service_name": service_name,
                "file_name": file_name,
                "file_size": file_size,
                "format_type": format_type,
                "log_count": log_count,
                "status": status,
                "processing_time": processing_time,
                "errors": errors,
                "created_at": created_at,
                "updated_at": updated_at,
                "completed_at": completed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field_id = d.pop("_id")

        upload_id = d.pop("upload_id")

        def _parse_task_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        task_id = _parse_task_id(d.pop("task_id"))

        tenant_id = d.pop("tenant_id")

        user_id = d.pop("user_id")

        source = d.pop("source")

        environment = d.pop("environment")

        def _parse_service_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_name = _parse_service_name(d.pop("service_name"))

        file_name = d.pop("file_name")

        file_size = d.pop("file_size")

        format_type = FormatType(d.pop("format_type"))

        log_count = d.pop("log_count")

        status = UploadStatus(d.pop("status"))

        def _parse_processing_time(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        processing_time = _parse_processing_time(d.pop("processing_time"))

        errors = cast(list[str], d.pop("errors"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        upload_metadata = cls(
            field_id=field_id,
            upload_id=upload_id,
            task_id=task_id,
            tenant_id=tenant_id,
            user_id=user_id,
            source=source,
            environment=environment,
            service_name=service_name,
            file_name=file_name,
            file_size=file_size,
            format_type=format_type,
            log_count=log_count,
            status=status,
            processing_time=processing_time,
            errors=errors,
            created_at=created_at,
            updated_at=updated_at,
            completed_at=completed_at,
        )

        upload_metadata.additional_properties = d
        return upload_metadata

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
