"""Typed errors for gatehouse answers: the application/problem+json body (RFC 9457) they carry."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping

import httpx

from gatehouse_client.models.problem import Problem


class ProblemError(Exception):
    """An error answer of the API; ``problem`` is its parsed problem+json body (the spec's Problem)."""

    def __init__(self, problem: Problem, headers: Mapping[str, str] | None = None) -> None:
        self.problem = problem
        self.headers = httpx.Headers(headers or {})
        self.status = problem.status
        super().__init__(f"{problem.status} {problem.title}: {problem.detail or problem.type_}")


class RateLimited(ProblemError):
    """A 429: ``retry_after`` is how many seconds to wait (problem body, else the Retry-After header)."""

    def __init__(self, problem: Problem, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(problem, headers)
        self.retry_after: int | None = _retry_after(problem, self.headers)


def problem_of(response: httpx.Response) -> Problem:
    """The problem+json body of an error answer (a minimal one when the body is not problem+json)."""
    try:
        body = response.json()
        if isinstance(body, dict) and {"type", "title", "status"} <= body.keys():
            return Problem.from_dict(body)
    except ValueError:
        pass
    return Problem(type_="about:blank", title=response.reason_phrase, status=response.status_code)


def raise_for_problem(response: httpx.Response) -> None:
    """Raises RateLimited for a 429 answer (the body must have been read)."""
    if response.status_code == 429:
        raise RateLimited(problem_of(response), response.headers)


def _retry_after(problem: Problem, headers: httpx.Headers) -> int | None:
    value = problem.additional_properties.get("retry_after")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    header = headers.get("retry-after")
    if header is None:
        return None
    if header.strip().isdigit():
        return int(header)
    try:
        when = email.utils.parsedate_to_datetime(header).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0, round(when - time.time()))
