from enum import StrEnum


class GetApiV1MetricsTenantResolution(StrEnum):
    HOUR = "hour"
    MINUTE = "minute"

    def __str__(self) -> str:
        return str(self.value)
