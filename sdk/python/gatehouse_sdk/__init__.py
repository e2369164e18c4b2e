"""gatehouse SDK: the generated client (``gatehouse_client``) plus sign-in, refresh and typed errors."""

from .errors import ProblemError, RateLimited
from .session import Gatehouse, Tokens

__all__ = ("Gatehouse", "ProblemError", "RateLimited", "Tokens")
