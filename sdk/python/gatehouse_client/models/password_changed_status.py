from enum import StrEnum


class PasswordChangedStatus(StrEnum):
    PASSWORD_CHANGED = "password_changed"

    def __str__(self) -> str:
        return str(self.value)
