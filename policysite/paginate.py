"""Paginate: cut long listings into pages of at most page_size items, so no page grows unbounded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, Self, TypeVar


class Splittable(Protocol):
    """A group of listed items that pagination may cut into parts."""

    @property
    def size(self) -> int:
        """Return how many items the group lists."""
        ...

    def part(self, start: int, end: int) -> Self:
        """Return the group restricted to items start:end."""
        ...


G = TypeVar("G", bound=Splittable)
T = TypeVar("T")


@dataclass(frozen=True)
class Pagination(Generic[T]):
    """One page of a paginated listing: its number (from 1), how many pages there are, its items."""

    number: int
    count: int
    items: tuple[T, ...]


def paginate(items: Sequence[T], size: int) -> tuple[Pagination[T], ...]:
    """Return items cut into pages of at most size items (always at least one page)."""
    chunks = [tuple(items[start : start + size]) for start in range(0, len(items), size)] or [()]
    return tuple(Pagination(number, len(chunks), chunk) for number, chunk in enumerate(chunks, 1))


def paginate_groups(groups: Sequence[G], size: int) -> tuple[Pagination[G], ...]:
    """Return groups cut into pages of at most size items, splitting a group that does not fit."""
    chunks: list[tuple[G, ...]] = []
    current: list[G] = []
    room = size
    for group in groups:
        start = 0
        while start < group.size:
            end = min(group.size, start + room)
            current.append(group.part(start, end))
            room -= end - start
            start = end
            if room == 0:
                chunks.append(tuple(current))
                current, room = [], size
    if current or not chunks:
        chunks.append(tuple(current))
    return tuple(Pagination(number, len(chunks), chunk) for number, chunk in enumerate(chunks, 1))
