"""Render: turn the linked Site into output files (path -> bytes) through Jinja templates."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import charts
from .errors import BuildError
from .link import Site

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Page:
    """One page to render: where it goes, with which template, and what it shows."""

    path: str
    template: str
    title: str
    values: tuple[tuple[str, Any], ...]


def template_environment(project_templates: Path) -> jinja2.Environment:
    """Return the Jinja environment: the project's templates first, the bundled ones behind."""
    bundled = jinja2.FileSystemLoader(str(BUNDLED_TEMPLATES))
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(str(project_templates)),
            bundled,
            jinja2.PrefixLoader({"default": bundled}),
        ]
    )
    environment = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        timeline_chart=charts.timeline_chart,
        theme_matrix=charts.theme_matrix,
        theme_network=charts.theme_network,
        theme_trend=charts.theme_trend,
    )
    return environment


def relative_url(from_page: str, target: str) -> str:
    """Return a link from one output file to another, relative so the site works at any sub-path."""
    target_path, _, fragment = target.partition("#")
    start = posixpath.dirname(from_page) or "."
    if target_path.endswith("/") or target_path == "":
        relative = posixpath.relpath(target_path or ".", start)
        relative = "./" if relative == "." else relative + "/"
    else:
        relative = posixpath.relpath(target_path, start)
    return relative + (f"#{fragment}" if fragment else "")


def url_function(from_page: str) -> Callable[[str], str]:
    """Return the url() helper templates use: site path (e.g. 'themes/x/') to a relative link."""
    return lambda target: relative_url(from_page, target)


def pages(site: Site) -> Iterator[Page]:
    """Yield every page of the site."""
    yield Page("index.html", "home.html", site.config.title, (("site", site),))
    for brief in site.briefs:
        yield Page(f"briefs/{brief.slug}/index.html", "brief.html", brief.meta.title,
                   (("site", site), ("brief", brief)))
    for entry in site.themes:
        yield Page(f"themes/{entry.theme.id}/index.html", "theme.html", entry.theme.name,
                   (("site", site), ("entry", entry)))


def render_pages(site: Site, environment: jinja2.Environment) -> dict[str, bytes]:
    """Return every page rendered to HTML bytes, refusing two pages that claim one path."""
    files: dict[str, bytes] = {}
    for page in pages(site):
        if page.path in files:
            raise BuildError(f"two pages claim the same output path: {page.path}")
        files[page.path] = render_page(page, environment).encode("utf-8")
    return files


def render_page(page: Page, environment: jinja2.Environment) -> str:
    """Return one page's HTML."""
    try:
        template = environment.get_template(page.template)
        return template.render(page=page, url=url_function(page.path), **dict(page.values))
    except jinja2.TemplateSyntaxError as error:
        raise BuildError(f"{error.filename or error.name}:{error.lineno}: template error: {error.message}") from None
    except jinja2.TemplateError as error:
        raise BuildError(f"{page.template}: template error while rendering {page.path}: {error}") from None

