from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_metadata import UploadMetadata


T = TypeVar("T", bound="TaskUploads")


@_attrs_define
class TaskUploads:
    """
    Attributes:
        task_id (str):
        metadata (list[UploadMetadata]):
        count (int):
    """

    task_id: str
    metadata: list[UploadMetadata]
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        metadata = []
        for metadata_item_data in self.metadata:
            metadata_item = metadata_item_data.to_dict()
            metadata.append(metadata_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "metadata": metadata,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_metadata import UploadMetadata

        d = dict(src_dict)
        task_id = d.pop("task_id")

        metadata = []
        _metadata = d.pop("metadata")
        for metadata_item_data in _metadata:
            metadata_item = UploadMetadata.from_dict(metadata_item_data)

            metadata.append(metadata_item)

        count = d.pop("count")

        task_uploads = cls(
            task_id=task_id,
            metadata=metadata,
            count=count,
        )

        task_uploads.additional_properties = d
        return task_uploads

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
