"""Browser tests: following links from home to a highlighted sentence, the timeline, search."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import Served

pytestmark = pytest.mark.browser

TARGET_STATE = """() => {
  const el = document.querySelector(':target');
  if (!el) return null;
  const other = [...document.querySelectorAll('[id^="s-"]')].find(e => e !== el);
  const look = e => { const s = getComputedStyle(e); return [s.backgroundColor, s.outlineStyle]; };
  const box = el.getBoundingClientRect();
  return {id: el.id, top: box.top, bottom: box.bottom, height: innerHeight,
          visible: box.width > 0 && box.height > 0, look: look(el),
          other: other ? look(other) : null};
}"""


IN_VIEW = """() => {
  const el = document.querySelector(':target');
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.top < innerHeight;
}"""


def hrefs(page: Any, selector: str) -> list[str]:
    """Return the href attribute of every element the selector matches, in document order."""
    return list(page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))"))


def follow(page: Any, selector: str, pattern: str) -> str:
    """Click the first link under selector whose href matches pattern; return that href."""
    href = next((h for h in hrefs(page, selector) if re.search(pattern, h)), None)
    assert href is not None, f"no link matching {pattern!r} in {selector!r} on {page.url}"
    page.locator(f'{selector}[href="{href}"]').first.click()
    page.wait_for_load_state()
    return href


def assert_highlighted_target(page: Any, anchor: str) -> None:
    """Assert the page's :target is the sentence, on screen and styled apart from the others."""
    # The site may scroll smoothly to the target: give it time; the asserts say what is wrong.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(IN_VIEW, timeout=5_000)
    state = page.evaluate(TARGET_STATE)
    assert state is not None, f"no :target element on {page.url}"
    assert state["id"] == anchor
    assert state["visible"] and 0 <= state["top"] < state["height"], state
    assert state["look"] != state["other"], f"target not highlighted: {state}"
    assert state["look"][0] != "rgba(0, 0, 0, 0)" or state["look"][1] != "none", state


def test_home_to_theme_to_highlighted_sentence(page: Any, served: Served) -> None:
    page.goto(served.url(""))
    follow(page, "main a", r"(^|/)themes/[^/#]+/$")
    assert re.search(r"/themes/[^/]+/$", page.url)
    href = follow(page, "main a", r"briefs/[^/]+/#s-[0-9a-f]+")
    anchor = href.rsplit("#", 1)[1]
    page.wait_for_url(re.compile(f"#{anchor}$"))
    assert_highlighted_target(page, anchor)


def test_timeline_links_resolve_to_sentences(page: Any, served: Served) -> None:
    page.goto(served.url("timeline/"))
    links = hrefs(page, ".ps-timeline svg a") + hrefs(page, "main a")
    sentence_links = sorted({h for h in links if re.search(r"#s-[0-9a-f]+", h)})
    assert sentence_links, "the timeline links to no sentence"
    missing = []
    for href in sentence_links:
        address = page.evaluate("h => new URL(h, location.href).href", href)
        anchor = address.rsplit("#", 1)[1]
        file = served.file_for(address)
        if not file.exists() or f'id="{anchor}"' not in file.read_text(encoding="utf-8"):
            missing.append(href)
    assert not missing, f"timeline links to missing sentences: {missing}"
    chip = hrefs(page, ".ps-timeline svg a")
    chip = [h for h in chip if "#s-" in h]
    assert chip, "no timeline mark links to a sentence"
    page.locator(f'.ps-timeline svg a[href="{chip[0]}"]').first.click()
    page.wait_for_url(re.compile("#s-"))
    assert_highlighted_target(page, chip[0].rsplit("#", 1)[1])


def distinctive_phrase(served: Served) -> tuple[str, str]:
    """Return (brief slug, three consecutive words of its text around a word no other brief has)."""
    words = {
        b.slug: re.findall(r"[A-Za-z]+", " ".join(s.text for s in b.sentences))
        for b in served.site.briefs
    }
    spread = Counter(w.lower() for ws in words.values() for w in set(x.lower() for x in ws))
    for brief in served.site.briefs:
        for sentence in brief.sentences:
            tokens = re.findall(r"[A-Za-z]+", sentence.text)
            for n in range(1, len(tokens) - 2):
                if len(tokens[n]) >= 7 and spread[tokens[n].lower()] == 1:
                    return brief.slug, " ".join(tokens[n - 1 : n + 2])
    raise AssertionError("no brief has a word of its own")


def test_search_finds_a_phrase_and_opens_its_brief(page: Any, served: Served) -> None:
    slug, phrase = distinctive_phrase(served)
    page.goto(served.url("search/"))
    box = page.locator("main input[type=search], main input[type=text]").first
    assert box.count() == 1, "the search page has no search box"
    box.fill(phrase)
    box.press("Enter")
    result = page.locator(f'main a[href*="briefs/{slug}/"]').first
    result.wait_for(state="visible", timeout=15_000)
    result.click()
    page.wait_for_url(re.compile(f"/briefs/{re.escape(slug)}/"))
    assert page.locator("h1").first.is_visible()
