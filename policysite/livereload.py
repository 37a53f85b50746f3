"""Live reload for serve mode: an event stream to open tabs, and the script injected into pages."""

from __future__ import annotations

import html
import json
import queue
import threading
import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from .errors import PolicysiteError
from .incremental import (
    Delta,
    Refresh,
    Scope,
    Snapshot,
    cold_build,
    delta,
    elapsed_ms,
    index_search,
    preview,
    refresh,
    scope_of,
    settle_pages,
)
from .load import Project
from .pipeline import BuildOptions, templates
from .write import update_files, write_site

EVENTS_URL = "/__policysite/events"
SCRIPT_URL = "/__policysite/livereload.js"
OVERLAY_ID = "policysite-error-overlay"
CLOSED = None

OVERLAY_STYLE = (
    "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;"
    "padding:1em;background:#3b0d0d;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap"
)
OVERLAY_HEADING = "policysite: the last change did not build; showing the last good site."

# Reloads a tab when a page it shows changed (keeping its scroll position), shows build errors.
CLIENT_SCRIPT = (
    """\
(() => {
  const key = "policysite-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    addEventListener("load", () => scrollTo(0, Number(saved)));
  }
  const here = decodeURIComponent(location.pathname).replace(/^\\//, "")
    .replace(/\\/$/, "/index.html").replace(/^$/, "index.html");
  const shows = (paths) => paths.some((p) => p === here || !p.endsWith(".html"));
  const overlay = (text) => {
    let box = document.getElementById("OVERLAY_ID");
    if (text === null) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "OVERLAY_ID";
      box.setAttribute("role", "alert");
      box.style.cssText = "OVERLAY_STYLE";
      document.body.appendChild(box);
    }
    box.textContent = "OVERLAY_HEADING\\n\\n" + text;
  };
  const events = new EventSource("EVENTS_URL");
  events.addEventListener("reload", (event) => {
    if (!shows(JSON.parse(event.data).paths)) return;
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  });
  events.addEventListener("error", (event) => {
    if (event.data) overlay(JSON.parse(event.data).message);
  });
  events.addEventListener("ok", () => overlay(null));
})();
""".replace("OVERLAY_ID", OVERLAY_ID)
    .replace("OVERLAY_STYLE", OVERLAY_STYLE)
    .replace("OVERLAY_HEADING", OVERLAY_HEADING)
    .replace("EVENTS_URL", EVENTS_URL)
)


@dataclass(frozen=True)
class Event:
    """One server-sent event: its name and JSON data."""

    name: str
    data: str

    def encode(self) -> bytes:
        """Return the event in the text/event-stream wire format."""
        return f"event: {self.name}\ndata: {self.data}\n\n".encode()


def reload_event(paths: tuple[str, ...]) -> Event:
    """Return the event telling tabs which output files changed."""
    return Event("reload", json.dumps({"paths": list(paths)}))


def error_event(message: str) -> Event:
    """Return the event that shows a build error over the open tabs."""
    return Event("error", json.dumps({"message": message}))


def ok_event() -> Event:
    """Return the event that clears an error overlay."""
    return Event("ok", "{}")


class Broker:
    """Fans events out to every connected event stream; remembers the current build error."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: set[queue.Queue[Event | None]] = set()
        self._error: str | None = None
        self._closed = False

    @property
    def error(self) -> str | None:
        """Return the message of the build error currently shown, if any."""
        return self._error

    def subscribe(self) -> queue.Queue[Event | None]:
        """Return a new queue that receives every later event (None once the broker closes)."""
        mailbox: queue.Queue[Event | None] = queue.Queue()
        with self._lock:
            self._queues.add(mailbox)
            if self._closed:
                mailbox.put(CLOSED)
        return mailbox

    def unsubscribe(self, mailbox: queue.Queue[Event | None]) -> None:
        """Stop sending events to a queue."""
        with self._lock:
            self._queues.discard(mailbox)

    def publish(self, event: Event) -> None:
        """Send an event to every subscriber, tracking whether an error is showing."""
        with self._lock:
            if event.name == "error":
                self._error = json.loads(event.data)["message"]
            elif event.name == "ok":
                self._error = None
            for mailbox in self._queues:
                mailbox.put(event)

    def close(self) -> None:
        """End every event stream (the server is stopping)."""
        with self._lock:
            self._closed = True
            for mailbox in self._queues:
                mailbox.put(CLOSED)

    def state_event(self) -> Event:
        """Return the event a newly connected tab needs: the current error, or all clear."""
        error = self._error
        return ok_event() if error is None else error_event(error)


def overlay_html(message: str) -> str:
    """Return the error overlay as static HTML, for pages served while the error persists."""
    return (
        f'<pre id="{OVERLAY_ID}" role="alert" style="{OVERLAY_STYLE}">'
        f"{OVERLAY_HEADING}\n\n{html.escape(message)}</pre>"
    )


def inject(page: bytes, error: str | None) -> bytes:
    """Return an HTML page with the live-reload script (and the error overlay) before </body>."""
    addition = f'<script src="{SCRIPT_URL}"></script>'
    if error is not None:
        addition = overlay_html(error) + addition
    at = page.lower().rfind(b"</body>")
    encoded = addition.encode("utf-8")
    return page + encoded if at == -1 else page[:at] + encoded + page[at:]


def describe_error(error: Exception) -> str:
    """Return a build error as text: each problem with file and line, or where the code failed."""
    if isinstance(error, PolicysiteError):
        return str(error)
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" (at {Path(frame.filename).name}:{frame.lineno})" if frame else ""
    return f"unexpected {type(error).__name__}: {error}{where}"


def rebuild_line(
    scope: Scope, written: tuple[str, ...], removed: int, fresh: int, times: tuple[int, int]
) -> str:
    """Return the one-line account of a rebuild: what changed, what was rebuilt, how long."""
    pages = sum(1 for path in written if path.endswith(".html"))
    others = len(written) - pages
    what = scope.paths[0] if len(scope.paths) == 1 else f"{len(scope.paths)} files"
    done = f"rebuilt {pages} page{'s' * (pages != 1)}"
    done += f", {others} other file{'s' * (others != 1)}" if others else ""
    done += f", removed {removed} file{'s' * (removed != 1)}" if removed else ""
    briefs = f"{fresh} brief{'s' * (fresh != 1)} re-extracted"
    first = f"; brief page updated after {times[0]} ms" if times[0] >= 0 else ""
    done = done if written or removed else "no output file changed"
    return f"{done} after {what} changed ({briefs}) in {times[1]} ms{first}"


class LiveSite:
    """The site being served: rebuilds after changes, writes what changed, tells the open tabs."""

    def __init__(
        self, project: Project, options: BuildOptions, output_dir: Path, broker: Broker
    ) -> None:
        self.project = project
        self.options = options
        self.output_dir = output_dir
        self.broker = broker
        self._snapshot: Snapshot | None = None
        self._disk: dict[str, bytes] = {}
        self._failed = False
        self._environment: jinja2.Environment | None = None

    @property
    def snapshot(self) -> Snapshot | None:
        """Return the last good build, if any."""
        return self._snapshot

    def start(self) -> tuple[str, ...]:
        """Build everything and write it; return the message lines (errors do not raise)."""
        started = time.perf_counter()
        try:
            snapshot = cold_build(self.project, self.options)
            write_site(self.output_dir, snapshot.files)
        except Exception as error:  # serve mode never dies: report, then wait for a fix
            return self._fail(error)
        self._snapshot, self._disk = snapshot, dict(snapshot.files)
        pages = sum(1 for path in snapshot.files if path.endswith(".html"))
        briefs = len(snapshot.site.briefs)
        return (f"built {briefs} briefs, {pages} pages in {elapsed_ms(started)} ms",)

    def rebuild(self, paths: frozenset[Path]) -> tuple[str, ...]:
        """Rebuild after paths changed; return the message lines (errors do not raise)."""
        started = time.perf_counter()
        scope = scope_of(self.project, paths)
        if self._failed or self._snapshot is None:
            scope = replace(scope, config=True)  # a failed batch may have held site.yaml
        if self._failed or scope.everything:
            self._environment = None  # a new template override is only seen by a new environment
        try:
            state = refresh(self.project, self.options, self._snapshot, scope)
            shown = self._preview(state)
            first = elapsed_ms(started) if shown else -1
            change = self._settle(state, scope)
        except Exception as error:  # serve mode never dies: report, keep the last good site
            return self._fail(error)
        self._recover()
        written = tuple(sorted({*shown, *change.written}))
        times = (first, elapsed_ms(started))
        return (rebuild_line(scope, written, len(change.removed), len(state.fresh), times),)

    def _settle(self, state: Refresh, scope: Scope) -> Delta:
        """Render the pages whose inputs changed, write them and reload their tabs; then
        rebuild the search index (off the hot path) and write it; return everything written."""
        previous = None if scope.everything or self._failed else self._snapshot
        self._environment = self._environment or templates(self.project)
        pages = settle_pages(state, self.project, previous, self._environment)
        change = delta(self._disk, pages.files)
        self._write(change)
        if change.written or change.removed:
            self.broker.publish(reload_event((*change.written, *change.removed)))
        self._snapshot = index_search(pages)
        index = delta(self._disk, self._snapshot.files)
        self._write(index)  # no reload: a search page fetches the index when it is used
        return Delta({**change.written, **index.written}, (*change.removed, *index.removed))

    def _preview(self, state: Refresh) -> tuple[str, ...]:
        """Write the fresh briefs' own pages at once and reload their tabs; return their paths."""
        if self._snapshot is None or self._failed:
            return ()
        self._environment = self._environment or templates(self.project)
        pages = preview(self._snapshot, state, self.project, self._environment)
        change = replace(delta(self._disk, pages), removed=())  # a partial set: nothing vanished
        self._write(change)
        if change.written:
            self.broker.publish(reload_event(tuple(change.written)))
        return tuple(change.written)

    def _write(self, change: Delta) -> None:
        """Write changed files in place and remember what the disk now holds."""
        update_files(self.output_dir, change.written, change.removed)
        self._disk.update(change.written)
        for path in change.removed:
            self._disk.pop(path, None)

    def _fail(self, error: Exception) -> tuple[str, ...]:
        """Show an error in the open tabs and return its message lines."""
        self._failed = True
        message = describe_error(error)
        self.broker.publish(error_event(message))
        lines = tuple(f"error: {line}" for line in message.splitlines())
        return (*lines, "the last good site is still being served; fix the file and save again")

    def _recover(self) -> None:
        """Clear the error overlay after a good build."""
        if self._failed:
            self._failed = False
            self.broker.publish(ok_event())
