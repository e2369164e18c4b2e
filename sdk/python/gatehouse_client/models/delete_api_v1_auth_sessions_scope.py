from enum import StrEnum


class DeleteApiV1AuthSessionsScope(StrEnum):
    ALL = "all"
    OTHERS = "others"

    def __str__(self) -> str:
        return str(self.value)
