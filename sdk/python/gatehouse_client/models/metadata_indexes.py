from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MetadataIndexes")


@_attrs_define
class MetadataIndexes:
    """
    Example:
        {'collection': 'log_metadata', 'indexes': ['_id_', 'tenant_id_1_upload_id_1', 'task_id_1']}

    Attributes:
        collection (str):
        indexes (list[str]):
    """

    collection: str
    indexes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collection = self.collection

        indexes = self.indexes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection": collection,
                "indexes": indexes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        collection = d.pop("collection")

        indexes = cast(list[str], d.pop("indexes"))

        metadata_indexes = cls(
            collection=collection,
            indexes=indexes,
        )

        metadata_indexes.additional_properties = d
        return metadata_indexes

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
