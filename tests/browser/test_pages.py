"""Browser tests over every kind of page: clean console, no sideways scrolling, axe-clean."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Served

pytestmark = pytest.mark.browser

OVERFLOW = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
# Only colour rules can judge the two schemes differently, so the dark pass runs just those
# (the full rule set on every page twice would double the slowest part of the suite).
AXE_OPTIONS = {
    "light": {"resultTypes": ["violations"]},
    "dark": {
        "resultTypes": ["violations"],
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    },
}
OPEN_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def test_every_page_kind_is_found(served: Served) -> None:
    kinds = served.page_kinds()
    assert (
        "index.html" in kinds and "briefs/*/index.html" in kinds and "themes/*/index.html" in kinds
    )
    assert len(kinds) >= 8, kinds


def test_no_console_error_or_failed_request(page: Any, served: Served) -> None:
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    for kind, path in served.page_kinds().items():
        before = len(problems)
        page.goto(served.url(path), wait_until="networkidle")
        problems[before:] = [f"{kind} ({path}): {problem}" for problem in problems[before:]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name,viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_no_horizontal_scrolling_and_screenshots(
    page: Any, served: Served, name: str, viewport: dict[str, int]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(viewport)
    wide = []
    for kind, path in served.page_kinds().items():
        page.goto(served.url(path))
        scroll_width, inner_width = page.evaluate(OVERFLOW)
        if scroll_width > inner_width:
            wide.append(f"{kind} ({path}): {scroll_width}px wide in a {inner_width}px window")
        file = kind.removesuffix("index.html").strip("/").replace("/", "_").replace("*", "x")
        page.screenshot(path=str(SCREENSHOTS / f"{file or 'home'}-{name}.png"), full_page=True)
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(page: Any, served: Served, scheme: str) -> None:
    axe = Axe()
    page.emulate_media(color_scheme=scheme)
    found = []
    for kind, path in served.page_kinds().items():
        page.goto(served.url(path))
        page.evaluate(OPEN_DETAILS)  # check the charts' data tables too, not only what shows
        for violation in axe.run(page, options=AXE_OPTIONS[scheme]).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                found.append(f"{kind} ({path}): {violation['id']}: {violation['help']} {targets}")
    assert not found, "\n".join(found)
