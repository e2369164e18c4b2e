from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rate_limit_problem_policies_item import RateLimitProblemPoliciesItem


T = TypeVar("T", bound="RateLimitProblem")


@_attrs_define
class RateLimitProblem:
    """
    Attributes:
        type_ (str):  Example: https://gatehouse.dev/problems/not-found.
        title (str):  Example: Not Found.
        status (int):  Example: 404.
        violated_policies (list[str]):  Example: ['burst'].
        policies (list[RateLimitProblemPoliciesItem]):
        retry_after (int): Seconds to wait (also in Retry-After) Example: 30.
        detail (str | Unset):
        instance (str | Unset):
        request_id (str | Unset):
    """

    type_: str
    title: str
    status: int
    violated_policies: list[str]
    policies: list[RateLimitProblemPoliciesItem]
    retry_after: int
    detail: str | Unset = UNSET
    instance: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        violated_policies = self.violated_policies

        policies = []
        for policies_item_data in self.policies:
            policies_item = policies_item_data.to_dict()
            policies.append(policies_item)

        retry_after = self.retry_after

        detail = self.detail

        instance = self.instance

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "violated-policies": violated_policies,
                "policies": policies,
                "retry_after": retry_after,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if instance is not UNSET:
            field_dict["instance"] = instance
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rate_limit_problem_policies_item import (
            RateLimitProblemPoliciesItem,
        )

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        violated_policies = cast(list[str], d.pop("violated-policies"))

        policies = []
        _policies = d.pop("policies")
        for policies_item_data in _policies:
            policies_item = RateLimitProblemPoliciesItem.from_dict(policies_item_data)

            policies.append(policies_item)

        retry_after = d.pop("retry_after")

        detail = d.pop("detail", UNSET)

        instance = d.pop("instance", UNSET)

        request_id = d.pop("request_id", UNSET)

        rate_limit_problem = cls(
            type_=type_,
            title=title,
            status=status,
            violated_policies=violated_policies,
            policies=policies,
            retry_after=retry_after,
            detail=detail,
            instance=instance,
            request_id=request_id,
        )

        rate_limit_problem.additional_properties = d
        return rate_limit_problem

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
