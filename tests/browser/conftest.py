"""Browser fixtures: the bundled site built once at a sub-path, served locally, one Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from policysite.link import Site
from policysite.load import Project
from policysite.pipeline import BuildOptions, build
from tests.conftest import REPO

CHROMIUM = Path(os.environ.get("POLICYSITE_CHROMIUM", "/usr/bin/chromium"))
SUB_PATH = "/sub/path/"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Served:
    """The built site as the browser sees it: its base URL, output files and linked model."""

    base_url: str
    output_dir: Path
    site: Site

    def url(self, path: str) -> str:
        """Return the absolute address of a site path such as 'themes/x/'."""
        return self.base_url + path

    def page_kinds(self) -> dict[str, str]:
        """Return one page per kind of page (its path pattern), for every kind the build made."""
        kinds: dict[str, str] = {}
        for file in sorted(self.output_dir.rglob("*.html")):
            if file.relative_to(self.output_dir).parts[0] in ("pagefind", "static"):
                continue
            path = file.relative_to(self.output_dir).as_posix()
            kinds.setdefault(page_kind(path), path.removesuffix("index.html"))
        return kinds

    def file_for(self, address: str) -> Path:
        """Return the output file an absolute address on this server maps to."""
        path = unquote(urlsplit(address).path).removeprefix(SUB_PATH)
        target = self.output_dir / path
        return target / "index.html" if path.endswith("/") or not path else target


def page_kind(path: str) -> str:
    """Return a page's kind: its path with every name below the first folder replaced by '*'."""
    parts = path.split("/")
    return "/".join(
        part if n == 0 or part in ("page", "index.html") else "*" for n, part in enumerate(parts)
    )


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the output directory at SUB_PATH only, as a host serving a sub-path would."""

    def translate_path(self, path: str) -> str:
        """Return the file for a request path, or a missing file outside the sub-path."""
        plain = urlsplit(path).path
        if not plain.startswith(SUB_PATH):
            return str(Path(self.directory) / ".outside-sub-path")
        return super().translate_path("/" + plain.removeprefix(SUB_PATH))

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Build the repository's own project once and serve it on 127.0.0.1 at a sub-path."""
    root = tmp_path_factory.mktemp("browser") / "bundled"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in ("content", "templates", "static"):
        shutil.copytree(REPO / name, root / name)
    output = root / "_site"
    output.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(output)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base_url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
        result = build(Project.at(root), BuildOptions(base_url=base_url))
        yield Served(base_url, result.output_dir, result.site)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Return Debian's Chromium; fail under CI when it is missing, skip elsewhere."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path: Path, served: Served) -> Iterator[Any]:
    """Return one headless Chromium for the whole session (never a downloaded browser)."""
    # The site is built first: Playwright's sync API runs an event loop, inside which the
    # build's own asyncio.run (Pagefind indexing) would refuse to start.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path), args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """Return a fresh desktop-sized page in its own context."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()
