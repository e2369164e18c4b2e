from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_metadata import UploadMetadata


T = TypeVar("T", bound="UploadMetadataPage")


@_attrs_define
class UploadMetadataPage:
    """
    Attributes:
        metadata (list[UploadMetadata]):
        page (int):
        page_size (int):
        count (int): Items on this page
        total (int): Items matching the filters
    """

    metadata: list[UploadMetadata]
    page: int
    page_size: int
    count: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata = []
        for metadata_item_data in self.metadata:
            metadata_item = metadata_item_data.to_dict()
            metadata.append(metadata_item)

        page = self.page

        page_size = self.page_size

        count = self.count

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metadata": metadata,
                "page": page,
                "page_size": page_size,
                "count": count,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upload_metadata import UploadMetadata

        d = dict(src_dict)
        metadata = []
        _metadata = d.pop("metadata")
        for metadata_item_data in _metadata:
            metadata_item = UploadMetadata.from_dict(metadata_item_data)

            metadata.append(metadata_item)

        page = d.pop("page")

        page_size = d.pop("page_size")

        count = d.pop("count")

        total = d.pop("total")

        upload_metadata_page = cls(
            metadata=metadata,
            page=page,
            page_size=page_size,
            count=count,
            total=total,
        )

        upload_metadata_page.additional_properties = d
        return upload_metadata_page

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
