from enum import StrEnum


class MeIssuer(StrEnum):
    EXTERNAL = "external"
    LOCAL = "local"

    def __str__(self) -> str:
        return str(self.value)
