"""Tests for serve mode: safe file serving, live reload events, error overlay, watching, Ctrl-C."""

from __future__ import annotations

import http.client
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from policysite.livereload import OVERLAY_ID, Broker, LiveSite, inject
from policysite.load import Project
from policysite.pipeline import BuildOptions
from policysite.serve import DevServer, content_type, resolve
from policysite.watch import Debouncer, FileWatcher
from tests.conftest import REPO, ProjectFactory

DEADLINE = 20.0
BRIEF = """\
---
title: "Alpha"
published: "2016-05"
---

NATO should keep the Founding Act alive. Russia has broken arms control treaties.

Moscow still talks to the Alliance about {topic}.
"""


def wait_for(check: Callable[[], bool], what: str) -> None:
    """Poll check until it holds, failing after a generous deadline (never a fixed sleep)."""
    limit = time.monotonic() + DEADLINE
    while not check():
        if time.monotonic() > limit:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def get(server: DevServer, path: str) -> tuple[int, dict[str, str], bytes]:
    """Return (status, headers, body) of a GET request."""
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=DEADLINE)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def raw_get(server: DevServer, target: str) -> bytes:
    """Send a raw request line (no client-side normalisation) and return the whole answer."""
    with socket.create_connection(server.server_address[:2], timeout=DEADLINE) as connection:
        connection.sendall(f"GET {target} HTTP/1.0\r\nHost: x\r\n\r\n".encode())
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


class EventReader:
    """Reads the server's event stream in a thread and queues (name, data) pairs."""

    def __init__(self, server: DevServer) -> None:
        self.events: queue.Queue[tuple[str, dict[str, object]]] = queue.Queue()
        self._connection = http.client.HTTPConnection(*server.server_address[:2], timeout=DEADLINE)
        self._connection.request("GET", "/__policysite/events")
        self._response = self._connection.getresponse()
        assert self._response.getheader("Content-Type") == "text/event-stream"
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        """Parse events until the stream ends."""
        name = ""
        try:
            for raw in self._response.fp:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    self.events.put((name, json.loads(line[6:])))
        except OSError:
            return

    def next(self, name: str) -> dict[str, object]:
        """Return the data of the next event called name, skipping others."""
        limit = time.monotonic() + DEADLINE
        while time.monotonic() < limit:
            try:
                got, data = self.events.get(timeout=0.1)
            except queue.Empty:
                continue
            if got == name:
                return data
        pytest.fail(f"no {name} event arrived")

    def close(self) -> None:
        """Close the stream."""
        self._connection.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[DevServer]:
    """Return a server on a free port over a hand-made output directory."""
    out = tmp_path / "out"
    (out / "briefs" / "x").mkdir(parents=True)
    (out / "index.html").write_text("<html><body><p>home</p></body></html>", encoding="utf-8")
    (out / "briefs" / "x" / "index.html").write_text("<html><body>x</body></html>")
    for name in ("a.css", "a.js", "a.svg", "a.json", "a.xml", "a.wasm", "f.pf_fragment"):
        (out / name).write_bytes(b"data")
    (tmp_path / "secret.txt").write_text("top secret", encoding="utf-8")
    (out / "escape").symlink_to(tmp_path / "secret.txt")
    server = DevServer(("127.0.0.1", 0), out, Broker())
    server.start()
    yield server
    server.stop()


def test_files_have_their_content_types(served: DevServer) -> None:
    expected = {
        "/a.css": "text/css",
        "/a.js": "text/javascript",
        "/a.svg": "image/svg+xml",
        "/a.json": "application/json",
        "/a.xml": "application/xml",
        "/a.wasm": "application/wasm",
        "/f.pf_fragment": "application/octet-stream",
        "/": "text/html",
    }
    for path, kind in expected.items():
        status, headers, _ = get(served, path)
        assert status == 200 and headers["Content-Type"].split(";")[0] == kind, path


def test_directories_serve_index_html_and_redirect_without_slash(served: DevServer) -> None:
    status, _, body = get(served, "/briefs/x/")
    assert status == 200 and b"x" in body
    status, headers, _ = get(served, "/briefs/x?q=1")
    assert status == 301 and headers["Location"] == "/briefs/x/?q=1"


@pytest.mark.parametrize(
    "target", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/briefs/%2E%2E/../secret.txt"]
)
def test_requests_outside_the_output_directory_are_refused(served: DevServer, target: str) -> None:
    answer = raw_get(served, target)
    assert answer.startswith(b"HTTP/1.0 403") and b"root:" not in answer


def test_a_symlink_pointing_out_is_refused(served: DevServer) -> None:
    status, _, body = get(served, "/escape")
    assert status == 403 and b"top secret" not in body


def test_resolve_keeps_paths_inside_the_root(tmp_path: Path) -> None:
    assert resolve(tmp_path, "/a/b.html?x=1") == (tmp_path / "a" / "b.html").resolve()
    assert resolve(tmp_path, "/a/%2e%2e/%2e%2e/x") is None
    assert resolve(tmp_path, "/a%5c..%5cx") is None
    assert resolve(tmp_path, "/a%00.html") is None


def test_404_uses_the_sites_own_page_with_status_404(served: DevServer) -> None:
    status, _, body = get(served, "/nowhere/")
    assert status == 404 and b"Not found" in body
    (served.output_dir / "404.html").write_text("<html><body>our own 404</body></html>")
    status, _, body = get(served, "/nowhere/")
    assert status == 404 and b"our own 404" in body and b"livereload.js" in body


def test_html_gets_the_script_only_when_served(served: DevServer) -> None:
    _, _, body = get(served, "/")
    assert b'<script src="/__policysite/livereload.js"></script></body>' in body
    assert b"livereload" not in (served.output_dir / "index.html").read_bytes()
    status, headers, script = get(served, "/__policysite/livereload.js")
    assert status == 200 and b"EventSource" in script and b"sessionStorage" in script


def test_inject_escapes_the_error_and_keeps_pages_without_body() -> None:
    page = inject(b"<p>x</p></BODY>", "<b>bad</b> at a.md:3")
    assert page.endswith(b"</BODY>") and OVERLAY_ID.encode() in page
    assert b"&lt;b&gt;bad&lt;/b&gt; at a.md:3" in page
    assert inject(b"plain", None).startswith(b"plain<script")


def test_content_type_falls_back_to_octet_stream() -> None:
    assert content_type(Path("x.unknownsuffix")) == "application/octet-stream"
    assert content_type(Path("index.HTML")).startswith("text/html")


def test_debouncer_turns_a_burst_into_one_batch(tmp_path: Path) -> None:
    batches: list[frozenset[Path]] = []
    debouncer = Debouncer(batches.append, quiet=0.05)
    burst = [tmp_path / f"f{i}.md" for i in range(50)]
    for path in burst:  # queued before the thread starts: one burst, whatever the timing
        debouncer.add([path, path])
    debouncer.start()
    wait_for(lambda: bool(batches), "a batch")
    debouncer.stop()
    assert batches == [frozenset(burst)]


@pytest.fixture
def live(make_project: ProjectFactory, tmp_path: Path) -> Iterator[tuple[LiveSite, DevServer]]:
    """Return a built LiveSite on a one-brief project and a server over its output."""
    root = make_project({"content/alpha.md": BRIEF.format(topic="risk reduction")})
    out = tmp_path / "served"
    server = DevServer(("127.0.0.1", 0), out, Broker())
    options = BuildOptions(base_url="http://127.0.0.1/", output_dir=str(out))
    site = LiveSite(Project.at(root), options, out, server.broker)
    assert site.start()[0].startswith("built 1 briefs")
    server.start()
    yield site, server
    server.stop()


def test_an_edit_is_served_and_announced(live: tuple[LiveSite, DevServer]) -> None:
    site, server = live
    events = EventReader(server)
    assert events.next("ok") == {}
    path = site.project.root / "content/alpha.md"
    path.write_text(BRIEF.format(topic="the Vienna Document"), encoding="utf-8")
    line = site.rebuild(frozenset([path]))
    assert "content/alpha.md changed (1 brief re-extracted)" in line[0]
    assert "briefs/alpha/index.html" in events.next("reload")["paths"]  # type: ignore[operator]
    _, _, body = get(server, "/briefs/alpha/")
    assert b"Vienna Document" in body
    events.close()


def test_a_broken_file_keeps_the_last_good_page_and_shows_the_error(
    live: tuple[LiveSite, DevServer],
) -> None:
    site, server = live
    events = EventReader(server)
    path = site.project.root / "content/alpha.md"
    path.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    lines = site.rebuild(frozenset([path]))
    assert lines[0].startswith("error: content/alpha.md:2:")
    assert "content/alpha.md:2" in str(events.next("error")["message"])
    status, _, body = get(server, "/briefs/alpha/")
    assert status == 200 and b"risk reduction" in body and OVERLAY_ID.encode() in body
    assert b"content/alpha.md:2" in body
    path.write_text(BRIEF.format(topic="risk reduction"), encoding="utf-8")
    assert not site.rebuild(frozenset([path]))[0].startswith("error")
    events.next("ok")
    assert OVERLAY_ID.encode() not in get(server, "/briefs/alpha/")[2]
    events.close()


def test_a_template_error_names_its_file_and_line(live: tuple[LiveSite, DevServer]) -> None:
    site, server = live
    template = site.project.root / "templates" / "base.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text("<html>\n{% if %}\n</html>\n", encoding="utf-8")
    lines = site.rebuild(frozenset([template]))
    assert lines[0].startswith("error:") and "base.html:2" in lines[0]
    assert get(server, "/briefs/alpha/")[0] == 200
    template.unlink()
    assert not site.rebuild(frozenset([template]))[0].startswith("error")


def test_a_deleted_file_goes_and_comes_back(live: tuple[LiveSite, DevServer]) -> None:
    site, server = live
    path = site.project.root / "content/alpha.md"
    text = path.read_text(encoding="utf-8")
    path.unlink()
    assert "removed" in site.rebuild(frozenset([path]))[0]
    assert get(server, "/briefs/alpha/")[0] == 404
    path.write_text(text, encoding="utf-8")
    site.rebuild(frozenset([path]))
    assert get(server, "/briefs/alpha/")[0] == 200


def test_the_real_watcher_rebuilds_after_a_save(live: tuple[LiveSite, DevServer]) -> None:
    site, server = live
    lines: list[str] = []
    debouncer = Debouncer(lambda paths: lines.extend(site.rebuild(paths)), quiet=0.05)
    watcher = FileWatcher(site.project, "content", debouncer.add)
    debouncer.start()
    watcher.start()
    try:
        path = site.project.root / "content/alpha.md"
        temporary = path.with_name(".alpha.md.tmp")  # an editor's write-then-rename
        temporary.write_text(BRIEF.format(topic="the Open Skies Treaty"), encoding="utf-8")
        temporary.replace(path)
        wait_for(lambda: b"Open Skies" in get(server, "/briefs/alpha/")[2], "the edit to be served")
    finally:
        watcher.stop()
        debouncer.stop()
    assert any("content/alpha.md changed" in line for line in lines)


def test_serve_command_stops_cleanly_on_ctrl_c(make_project: ProjectFactory) -> None:
    root = make_project({"content/alpha.md": BRIEF.format(topic="risk reduction")})
    environment = {**os.environ, "POLICYSITE_NO_BOOTSTRAP": "1"}
    command = [
        sys.executable,
        str(REPO / "build.py"),
        "--project",
        str(root),
        "serve",
        "--port",
        "0",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("serving on http://127.0.0.1:"):
                break
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Traceback" not in err and "stopping" in out
