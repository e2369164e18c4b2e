from enum import StrEnum


class AccountStatusRole(StrEnum):
    ADMIN = "admin"
    SUPERADMIN = "superadmin"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
