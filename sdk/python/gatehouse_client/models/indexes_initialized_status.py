from enum import StrEnum


class IndexesInitializedStatus(StrEnum):
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
