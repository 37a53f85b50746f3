"""Search: a Pagefind index of every brief, built in memory and returned as output files."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html import escape
from subprocess import DEVNULL, PIPE
from typing import IO, Any

from pagefind.service import get_executable

from .errors import BuildError
from .feeds import brief_path, site_path
from .link import Site
from .model import Brief
from .pagefind_bundle import canonical_bundle

BUNDLE_DIR = "pagefind"
MAIN_TAG = re.compile(r"<main\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class IndexedPage:
    """One page to index: the URL results link to (relative to the site root) and its HTML."""

    url: str
    html: str


def filter_markup(site: Site, brief: Brief) -> str:
    """Return empty elements carrying a brief's Pagefind filters, meta and sort keys."""
    # link() fills actor_names; a hand-made Site may not, and then the entries say the same.
    actor_names = site.actor_names or {entry.id: entry.name for entry in site.actors}
    marks = [("filter", "theme", theme.name) for theme in brief.themes]
    marks += [("filter", "actor", actor_names.get(actor.id, actor.name)) for actor in brief.actors]
    marks += [("filter", "author", author) for author in brief.meta.authors]
    marks.append(("meta", "title", brief.meta.title))
    if brief.meta.published:
        marks += [("meta", "date", brief.meta.published), ("sort", "date", brief.meta.published)]
    # Values sit in an attribute so that commas and colons in names survive and stay unindexed.
    return "".join(
        f'<span data-pagefind-{kind}="{key}[data-value]" data-value="{escape(value)}"></span>'
        for kind, key, value in marks
    )


def indexable_html(html: str, site: Site, brief: Brief) -> str:
    """Return a brief page marked up for Pagefind, adding body and filter marks only if absent."""
    match = MAIN_TAG.search(html)
    if match is None:
        return html
    opening = match.group(0)
    if "data-pagefind-body" not in html:
        opening = opening[:-1] + " data-pagefind-body>"
    extra = "" if "data-pagefind-filter" in html else filter_markup(site, brief)
    return html[: match.start()] + opening + extra + html[match.end() :]


def pages_to_index(site: Site, files: Mapping[str, bytes]) -> tuple[IndexedPage, ...]:
    """Return every brief page, marked up for indexing, with its site-relative URL."""
    pages = []
    for brief in site.briefs:
        path = brief_path(brief)
        if path in files:
            html = files[path].decode("utf-8")
            pages.append(IndexedPage(site_path(path), indexable_html(html, site, brief)))
    return tuple(pages)


class PagefindFailure(Exception):
    """Pagefind's service answered a request with an error."""


def _request(number: int, payload: dict[str, Any]) -> bytes:
    """Return one service request on the wire: base64 JSON, ended by the comma it waits for."""
    message = json.dumps({"message_id": number, "payload": payload}).encode("utf-8")
    return base64.b64encode(message) + b","


def _responses(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Yield the service's responses as they arrive (base64 JSON separated by commas)."""
    buffer, scanned = bytearray(), 0
    while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
        buffer += chunk
        # Resume the comma search where the last one stopped: a bundle response runs to megabytes.
        while (comma := buffer.find(b",", scanned)) != -1:
            yield json.loads(base64.b64decode(bytes(buffer[:comma])))
            del buffer[: comma + 1]
            scanned = 0
        scanned = len(buffer)


def _answer(responses: Iterator[dict[str, Any]]) -> dict[str, Any]:
    """Return the payload of the next response, raising PagefindFailure for an error."""
    payload = next(responses, None)
    if payload is None:
        raise PagefindFailure("the Pagefind service stopped before answering")
    if payload["payload"]["type"] == "Error":
        raise PagefindFailure(payload["payload"].get("message", "unknown error"))
    return dict(payload["payload"])


def _send_pages(stdin: IO[bytes], index_id: int, pages: tuple[IndexedPage, ...]) -> None:
    """Write every page and then the request for the bundle (runs beside the reader)."""
    try:
        for number, page in enumerate(pages, 2):
            # Relative URLs let Pagefind prefix them with wherever its bundle is served from.
            request = {"file_path": None, "url": page.url, "file_contents": page.html}
            stdin.write(_request(number, {"type": "AddFile", "index_id": index_id, **request}))
        stdin.write(_request(len(pages) + 2, {"type": "GetFiles", "index_id": index_id}))
        stdin.flush()
    except OSError:
        pass  # the service died or was stopped; the reader reports why


def _index(pages: tuple[IndexedPage, ...], language: str) -> dict[str, bytes]:
    """Return the Pagefind bundle for pages, from one run of Pagefind's backing service."""
    binary = get_executable()
    if binary is None:
        raise FileNotFoundError("Could not find pagefind binary")
    # One pipelined conversation: the Python API polls every 100 ms per request and hangs
    # once a response passes its 2 MiB read limit, so it is not used.
    with subprocess.Popen(
        [str(binary), "--service"], stdin=PIPE, stdout=PIPE, stderr=DEVNULL
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        responses = _responses(process.stdout)
        config = {"force_language": language}
        process.stdin.write(_request(1, {"type": "NewIndex", "config": config}))
        process.stdin.flush()
        index_id = int(_answer(responses)["index_id"])
        writer = threading.Thread(target=_send_pages, args=(process.stdin, index_id, pages))
        writer.start()
        try:
            for _ in pages:
                _answer(responses)
            files = _answer(responses)["files"]
        finally:
            process.kill()  # the bundle is in hand (or failed): nothing else is needed from it
            writer.join()
    return {str(file["path"]): base64.b64decode(file["content"]) for file in files}


def search_index_files(site: Site, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the Pagefind search bundle (output path -> bytes) indexing every brief page."""
    pages = pages_to_index(site, files)
    language = site.config.language.split("-")[0].lower()
    try:
        bundle = canonical_bundle(_index(pages, language))
    except FileNotFoundError as error:
        raise BuildError(
            f"search index: the Pagefind binary is missing ({error}); "
            "install it with: pip install 'pagefind[extended]'"
        ) from None
    except (PagefindFailure, OSError, ValueError, KeyError) as error:
        raise BuildError(f"search index: Pagefind failed: {error}") from None
    return {f"{BUNDLE_DIR}/{path}": data for path, data in sorted(bundle.items())}
