from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.indexes_initialized_status import IndexesInitializedStatus

if TYPE_CHECKING:
    from ..models.indexes_initialized_indexes import IndexesInitializedIndexes


T = TypeVar("T", bound="IndexesInitialized")


@_attrs_define
class IndexesInitialized:
    """
    Example:
        {'status': 'ok', 'indexes': {'user_profiles': ['_id_', 'user_id_1', 'tenant_id_1', 'tenant_id_1_role_1',
            'created_at_1']}}

    Attributes:
        status (IndexesInitializedStatus):
        indexes (IndexesInitializedIndexes): Index names per collection after the run
    """

    status: IndexesInitializedStatus
    indexes: IndexesInitializedIndexes
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        indexes = self.indexes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "indexes": indexes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.indexes_initialized_indexes import IndexesInitializedIndexes

        d = dict(src_dict)
        status = IndexesInitializedStatus(d.pop("status"))

        indexes = IndexesInitializedIndexes.from_dict(d.pop("indexes"))

        indexes_initialized = cls(
            status=status,
            indexes=indexes,
        )

        indexes_initialized.additional_properties = d
        return indexes_initialized

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
