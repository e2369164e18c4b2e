from enum import StrEnum


class HealthMode(StrEnum):
    EMBEDDED = "embedded"
    REMOTE = "remote"

    def __str__(self) -> str:
        return str(self.value)
