from enum import StrEnum


class MeIssuer(StrEnum):
    API_KEY = "api_key"
    EXTERNAL = "external"
    LOCAL = "local"

    def __str__(self) -> str:
        return str(self.value)
