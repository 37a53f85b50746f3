"""Watch a project's inputs with watchdog and debounce bursts of events into one batch."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .load import Project

Batch = Callable[[frozenset[Path]], None]


class Watcher(Protocol):
    """Something that reports changed paths until stopped (watchdog, or a test's stand-in)."""

    def start(self) -> None:
        """Begin reporting changes."""

    def stop(self) -> None:
        """Stop reporting changes and join its threads."""


class Debouncer:
    """Collects changed paths and hands them on as one batch once no event came for `quiet` s."""

    def __init__(self, on_batch: Batch, quiet: float = 0.05) -> None:
        self._on_batch = on_batch
        self._quiet = quiet
        self._pending: set[Path] = set()
        self._generation = 0
        self._changed = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="policysite-rebuild", daemon=True)

    def start(self) -> None:
        """Start the thread that runs batches."""
        self._thread.start()

    def add(self, paths: Iterable[Path]) -> None:
        """Record changed paths; the batch waits until they stop coming."""
        with self._changed:
            self._pending.update(paths)
            self._generation += 1
            self._changed.notify()

    def stop(self) -> None:
        """Stop after any batch in progress and join the thread."""
        with self._changed:
            self._stopping = True
            self._changed.notify()
        if self._thread.is_alive():
            self._thread.join()

    def _next_batch(self) -> frozenset[Path] | None:
        """Wait for paths, then for `quiet` seconds without new ones; None when stopping."""
        with self._changed:
            while not self._pending and not self._stopping:
                self._changed.wait()
            seen = -1
            while not self._stopping and seen != self._generation:
                seen = self._generation
                self._changed.wait(self._quiet)
            if self._stopping:
                return None
            batch, self._pending = frozenset(self._pending), set()
            return batch

    def _run(self) -> None:
        """Hand each batch to the callback until stopped."""
        while (batch := self._next_batch()) is not None:
            self._on_batch(batch)


def watched_roots(project: Project, content_dir: str) -> tuple[tuple[Path, bool], ...]:
    """Return the (directory, recursive) pairs to watch: content, templates, static, root."""
    folders = (project.root / content_dir, project.root / "templates", project.root / "static")
    return ((project.root, False), *((folder, True) for folder in folders if folder.is_dir()))


def relevant(project: Project, content_dir: str, path: Path) -> bool:
    """Return whether a changed path is an input of the site (not output, not a hidden file)."""
    if path.name.startswith(".") or path.name.endswith(("~", ".swp", ".tmp")):
        return False
    if path == project.config_path:
        return True
    folders = (project.root / content_dir, project.root / "templates", project.root / "static")
    return any(path.is_relative_to(folder) for folder in folders)


class _Forward(FileSystemEventHandler):
    """Passes the paths of relevant file events to a callback."""

    def __init__(
        self, accept: Callable[[Path], bool], report: Callable[[Iterable[Path]], None]
    ) -> None:
        self._accept = accept
        self._report = report

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Forward the event's source (and destination, for a move) when relevant."""
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return
        candidates = [event.src_path, getattr(event, "dest_path", "")]
        paths = [Path(str(p)) for p in candidates if p]
        wanted = [path for path in paths if self._accept(path)]
        if wanted:
            self._report(wanted)


class FileWatcher:
    """Watches a project's inputs with a watchdog observer and reports changed paths."""

    def __init__(
        self, project: Project, content_dir: str, report: Callable[[Iterable[Path]], None]
    ) -> None:
        self._observer = Observer()
        handler = _Forward(lambda path: relevant(project, content_dir, path), report)
        for folder, recursive in watched_roots(project, content_dir):
            self._observer.schedule(handler, str(folder), recursive=recursive)

    def start(self) -> None:
        """Start the observer thread."""
        self._observer.start()

    def stop(self) -> None:
        """Stop the observer and join its thread."""
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join()
