"""The exceptions policysite raises: a small tree, each carrying where the problem is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what is wrong."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class PolicysiteError(Exception):
    """Base of every error that the command line reports without a traceback."""


class ProblemsError(PolicysiteError):
    """One or more problems, each with its file and line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class ContentError(ProblemsError):
    """A content file is malformed: bad front matter, bad encoding, empty body."""

    @classmethod
    def at(cls, path: str, line: int | None, message: str) -> ContentError:
        """Return a ContentError with one problem."""
        return cls([Problem(path, line, message)])


class ConfigError(ProblemsError):
    """site.yaml does not match its schema."""

    @classmethod
    def at(cls, path: str, line: int | None, message: str) -> ConfigError:
        """Return a ConfigError with one problem."""
        return cls([Problem(path, line, message)])


class BuildError(PolicysiteError):
    """The build could not finish: a template error, a URL claimed twice, an unwritable output."""
