from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_quota import ApiQuota
    from ..models.quota_usage_object import QuotaUsageObject
    from ..models.rate_limit_usage import RateLimitUsage


T = TypeVar("T", bound="Quota")


@_attrs_define
class Quota:
    """
    Example:
        {'user_id': '0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11', 'tenant_id': 'acme-corp', 'key_id': None, 'api_quota':
            {'logs_per_day': 100000, 'api_calls_per_hour': 1000, 'retention_days': 90}, 'usage': {'api_calls_per_hour':
            {'limit': 1000, 'used': 42, 'remaining': 958, 'window_seconds': 3600, 'reset_at': '2025-11-24T11:00:00.000Z'},
            'logs_per_day': {'limit': 100000, 'used': 1500, 'remaining': 98500, 'window_seconds': 86400, 'reset_at':
            '2025-11-25T00:00:00.000Z'}}, 'rate_limits': [{'name': 'tenant', 'limit': 100000, 'used': 5120, 'remaining':
            94880, 'window_seconds': 3600, 'reset_at': '2025-11-24T11:00:00.000Z'}]}

    Attributes:
        user_id (str): For an API key: `key:<key_id>`
        tenant_id (str):
        key_id (None | str): The API key’s id when the caller is an API key
        api_quota (ApiQuota):
        usage (QuotaUsageObject):
        rate_limits (list[RateLimitUsage]): Every rate-limit policy the caller is charged: burst (a key: its own `key`
            policy), hourly, the tenant-wide `tenant` budget
    """

    user_id: str
    tenant_id: str
    key_id: None | str
    api_quota: ApiQuota
    usage: QuotaUsageObject
    rate_limits: list[RateLimitUsage]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        tenant_id = self.tenant_id

        key_id: None | str
        key_id = self.key_id

        api_quota = self.api_quota.to_dict()

        usage = self.usage.to_dict()

        rate_limits = []
        for rate_limits_item_data in self.rate_limits:
            rate_limits_item = rate_limits_item_data.to_dict()
            rate_limits.append(rate_limits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "tenant_id": tenant_id,
                "key_id": key_id,
                "api_quota": api_quota,
                "usage": usage,
                "rate_limits": rate_limits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_quota import ApiQuota
        from ..models.quota_usage_object import QuotaUsageObject
        from ..models.rate_limit_usage import RateLimitUsage

        d = dict(src_dict)
        user_id = d.pop("user_id")

        tenant_id = d.pop("tenant_id")

        def _parse_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_id = _parse_key_id(d.pop("key_id"))

        api_quota = ApiQuota.from_dict(d.pop("api_quota"))

        usage = QuotaUsageObject.from_dict(d.pop("usage"))

        rate_limits = []
        _rate_limits = d.pop("rate_limits")
        for rate_limits_item_data in _rate_limits:
            rate_limits_item = RateLimitUsage.from_dict(rate_limits_item_data)

            rate_limits.append(rate_limits_item)

        quota = cls(
            user_id=user_id,
            tenant_id=tenant_id,
            key_id=key_id,
            api_quota=api_quota,
            usage=usage,
            rate_limits=rate_limits,
        )

        quota.additional_properties = d
        return quota

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
