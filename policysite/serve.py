"""A local preview server: serves the output directory safely, with live reload injected."""

from __future__ import annotations

import logging
import mimetypes
import queue
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .livereload import CLIENT_SCRIPT, EVENTS_URL, SCRIPT_URL, Broker, Event, inject

LOG = logging.getLogger("policysite.serve")
KEEPALIVE_SECONDS = 15.0
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    # Pagefind's index files are gzipped binary chunks.
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
FALLBACK_404 = (
    b"<!DOCTYPE html><html><head><title>Not found</title></head>"
    b"<body><h1>Not found</h1></body></html>"
)


def content_type(path: Path) -> str:
    """Return the Content-Type of a file served from the output directory."""
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def resolve(root: Path, request_path: str) -> Path | None:
    """Return the file a URL path names inside root, or None when it would leave root."""
    path = unquote(urlsplit(request_path).path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if ".." in parts:
        return None
    root = root.resolve()
    target = root.joinpath(*parts).resolve()  # follows symlinks, so one pointing out is caught
    return target if target.is_relative_to(root) else None


class Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the output directory, plus the live-reload script and events."""

    server: DevServer
    timeout = 10.0  # a client that never sends its request cannot hold a thread forever

    def do_GET(self) -> None:  # noqa: N802 (the name http.server dispatches to)
        """Serve a file, the live-reload script or the event stream."""
        self.respond(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Serve a file's headers only."""
        self.respond(with_body=False)

    def respond(self, with_body: bool) -> None:
        """Route a request to the right answer."""
        route = urlsplit(self.path).path
        if route == EVENTS_URL and with_body:
            self.stream_events()
        elif route == SCRIPT_URL:
            self.send(HTTPStatus.OK, CONTENT_TYPES[".js"], CLIENT_SCRIPT.encode(), with_body)
        else:
            self.serve_file(with_body)

    def serve_file(self, with_body: bool) -> None:
        """Serve a file of the output directory, index.html for a directory, or the 404 page."""
        root = self.server.output_dir
        target = resolve(root, self.path)
        if target is None:
            self.send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", b"forbidden\n", with_body)
            return
        if target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self.redirect_to_directory()
                return
            target = target / "index.html"
        if not target.is_file():
            self.not_found(root, with_body)
            return
        self.send(HTTPStatus.OK, content_type(target), target.read_bytes(), with_body)

    def not_found(self, root: Path, with_body: bool) -> None:
        """Answer 404 with the site's own 404.html when it has one."""
        page = root / "404.html"
        body = page.read_bytes() if page.is_file() else FALLBACK_404
        self.send(HTTPStatus.NOT_FOUND, CONTENT_TYPES[".html"], body, with_body)

    def redirect_to_directory(self) -> None:
        """Redirect /x to /x/ so the page's relative links resolve."""
        parts = urlsplit(self.path)
        location = parts.path + "/" + (f"?{parts.query}" if parts.query else "")
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send(self, status: HTTPStatus, kind: str, body: bytes, with_body: bool) -> None:
        """Send a complete response; HTML gets the live-reload script and any error overlay."""
        if kind.startswith("text/html"):
            body = inject(body, self.server.broker.error)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def stream_events(self) -> None:
        """Send server-sent events until the client leaves or the server stops."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        broker = self.server.broker
        mailbox = broker.subscribe()
        try:
            self.send_event(broker.state_event())
            while (event := next_event(mailbox)) is not None:
                self.send_event(event)
        except OSError:
            pass  # the tab closed or reloaded
        finally:
            broker.unsubscribe(mailbox)

    def send_event(self, event: Event | bytes) -> None:
        """Write one event (or a keep-alive comment) and flush it."""
        self.wfile.write(event if isinstance(event, bytes) else event.encode())
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (inherited name)
        """Log requests at debug level rather than printing them."""
        LOG.debug("%s " + format, self.address_string(), *args)


def next_event(mailbox: queue.Queue[Event | None]) -> Event | bytes | None:
    """Return the next event, a keep-alive comment after a quiet spell, or None when closing."""
    try:
        return mailbox.get(timeout=KEEPALIVE_SECONDS)
    except queue.Empty:
        return b": keep-alive\n\n"


class DevServer(ThreadingHTTPServer):
    """A threading HTTP server bound to one output directory and one event broker."""

    daemon_threads = False
    block_on_close = True  # server_close() joins every request thread

    def __init__(self, address: tuple[str, int], output_dir: Path, broker: Broker) -> None:
        self.output_dir = output_dir.resolve()
        self.broker = broker
        self._thread: threading.Thread | None = None
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        """Return the address the server answers at."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread = threading.Thread(
            target=self.serve_forever, name="policysite-http", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """End the event streams, stop serving and join every thread."""
        self.broker.close()
        if self._thread is not None:  # shutdown() would wait forever for a loop never started
            self.shutdown()
            self._thread.join()
        self.server_close()
