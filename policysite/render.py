"""Render: turn the linked Site into output files (path -> bytes) through Jinja templates."""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import YamlLexer

from . import charts
from .errors import BuildError
from .evaluate import CATEGORIES, LABELLED
from .export import brief_yaml, export_files
from .link import Site, TimelineEntry
from .marks import brief_text
from .paginate import Pagination, paginate, paginate_groups

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PYGMENTS_LIGHT = "default"
PYGMENTS_DARK = "github-dark"


@dataclass(frozen=True)
class Pager:
    """Where one page of a paginated listing sits: its number, the page count and page 1's path."""

    base: str
    number: int
    count: int

    def path(self, number: int) -> str:
        """Return the site path of page number (page 1 is the base path itself)."""
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def previous(self) -> str | None:
        """Return the site path of the previous page, if any."""
        return self.path(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        """Return the site path of the next page, if any."""
        return self.path(self.number + 1) if self.number < self.count else None


@dataclass(frozen=True)
class Page:
    """One page to render: where it goes, with which template, and what it shows."""

    path: str
    template: str
    title: str
    values: tuple[tuple[str, Any], ...]
    source: str = "the site"
    section: str = ""

    @property
    def site_path(self) -> str:
        """Return the page's site path (its directory URL, '' for the home page)."""
        return self.path.removesuffix("index.html")


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
    environment.filters["groupby_year"] = group_by_year
    environment.globals.update(
        timeline_chart=charts.timeline_chart,
        theme_matrix=charts.theme_matrix,
        theme_network=charts.theme_network,
        theme_trend=charts.theme_trend,
        score_categories=CATEGORIES,
        labelled_categories=LABELLED,
    )
    return environment


def group_by_year(entries: Sequence[TimelineEntry]) -> list[tuple[str, list[TimelineEntry]]]:
    """Return date-ordered timeline entries as (year, entries) runs, keeping their order."""
    return [
        (year, list(run))
        for year, run in itertools.groupby(entries, key=lambda e: e.date.value[:4])
    ]


def relative_url(from_page: str, target: str) -> str:
    """Return a link from one output file to another, relative so the site works at any sub-path."""
    target_path, _, fragment = target.partition("#")
    start = posixpath.dirname(from_page) or "."
    if target_path.endswith("/") or target_path == "":
        relative = site_relpath(target_path or ".", start)
        relative = "./" if relative == "." else relative + "/"
    else:
        relative = site_relpath(target_path, start)
    return relative + (f"#{fragment}" if fragment else "")


def site_relpath(path: str, start: str) -> str:
    """Return posixpath.relpath(path, start) without its two getcwd() calls (hot: every link)."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    if ".." in parts or ".." in base or path.startswith("/") != start.startswith("/"):
        return posixpath.relpath(path, start)
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def url_function(from_page: str) -> Callable[[str], str]:
    """Return the url() helper templates use: site path (e.g. 'themes/x/') to a relative link."""
    return lambda target: relative_url(from_page, target)


def canonical_url(base_url: str, site_path: str) -> str:
    """Return the absolute URL of a site path under the configured base URL."""
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", site_path)


def paged(
    base: str, template: str, title: str, pages: tuple[Pagination[Any], ...], **common: Any
) -> Iterator[Page]:
    """Yield one Page per page of a paginated listing, each with its items and its pager."""
    section = common.pop("section", "")
    for page in pages:
        pager = Pager(base, page.number, page.count)
        numbered = title if page.number == 1 else f"{title} (page {page.number} of {page.count})"
        values = (*common.items(), ("items", page.items), ("pager", pager))
        yield Page(
            pager.path(page.number) + "index.html", template, numbered, values, section=section
        )


def brief_pages(site: Site) -> Iterator[Page]:
    """Yield each brief's page and its data view."""
    for brief in site.briefs:
        text = brief_text(brief, site.theme_names, site.actor_names)
        base = f"briefs/{brief.slug}/"
        values = (("site", site), ("brief", brief), ("text", text))
        yield Page(
            base + "index.html", "brief.html", brief.meta.title, values, brief.source.path, "briefs"
        )
        data = Markup(
            highlight(brief_yaml(brief), YamlLexer(), HtmlFormatter(cssclass="highlight"))
        )
        yield Page(
            base + "data/index.html",
            "brief_data.html",
            f"Data: {brief.meta.title}",
            (("site", site), ("brief", brief), ("data", data)),
            brief.source.path,
            "briefs",
        )


def index_pages(site: Site) -> Iterator[Page]:
    """Yield the home, themes, actors, timeline, recommendations and method pages."""
    size = site.config.page_size
    yield from paged(
        "", "home.html", site.config.title, paginate(site.briefs, size), site=site, section="briefs"
    )
    yield Page("themes/index.html", "themes.html", "Themes", (("site", site),), section="themes")
    actors = paginate(site.actors, size)
    yield from paged("actors/", "actors.html", "Actors", actors, site=site, section="actors")
    dated = paginate(site.timeline, size)
    yield from paged("timeline/", "timeline.html", "Timeline", dated, site=site, section="timeline")
    by_addressee = paginate_groups(site.by_addressee, size)
    yield from paged(
        "recommendations/",
        "recommendations.html",
        "Recommendations by addressee",
        by_addressee,
        site=site,
        grouping="addressee",
        section="recommendations",
    )
    by_theme = paginate_groups(site.by_theme, size)
    yield from paged(
        "recommendations/themes/",
        "recommendations.html",
        "Recommendations by theme",
        by_theme,
        site=site,
        grouping="theme",
        section="recommendations",
    )
    yield Page(
        "method/index.html",
        "method.html",
        "How this site reads the briefs",
        (("site", site),),
        section="method",
    )


def entry_pages(site: Site) -> Iterator[Page]:
    """Yield the (paginated) page of every theme and every actor."""
    size = site.config.page_size
    for entry in site.themes:
        groups = paginate_groups(entry.groups, size)
        yield from paged(
            f"themes/{entry.theme.id}/",
            "theme.html",
            entry.theme.name,
            groups,
            site=site,
            entry=entry,
            section="themes",
        )
    for actor in site.actors:
        groups = paginate_groups(actor.groups, size)
        yield from paged(
            f"actors/{actor.id}/",
            "actor.html",
            actor.name,
            groups,
            site=site,
            entry=actor,
            section="actors",
        )


def pages(site: Site) -> Iterator[Page]:
    """Yield every page of the site."""
    yield from index_pages(site)
    yield from brief_pages(site)
    yield from entry_pages(site)


def style_defs(formatter: HtmlFormatter[str]) -> str:
    """Return a Pygments formatter's CSS rules for the .highlight class."""
    # types-Pygments leaves get_style_defs unannotated; give it its documented type.
    method = cast(Callable[[str], str], formatter.get_style_defs)
    return method(".highlight")


def pygments_css() -> bytes:
    """Return the stylesheet of highlighted data views: light colours, dark ones when preferred."""
    light = style_defs(HtmlFormatter(style=PYGMENTS_LIGHT))
    dark = style_defs(HtmlFormatter(style=PYGMENTS_DARK))
    indented = "\n".join(f"  {line}" for line in dark.splitlines())
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{indented}\n}}\n".encode()


def unique_paths(plan: Iterable[Page]) -> Iterator[Page]:
    """Yield the planned pages, raising BuildError naming both sources when two claim one path."""
    claimed: dict[str, str] = {}
    for page in plan:
        if page.path in claimed:
            raise BuildError(
                f"two pages claim the same output path {page.path}: "
                f"{claimed[page.path]} and {page.source}"
            )
        claimed[page.path] = page.source
        yield page


def render_pages(site: Site, environment: jinja2.Environment) -> dict[str, bytes]:
    """Return every page rendered to HTML bytes, refusing two pages that claim one path."""
    files: dict[str, bytes] = {}
    for page in unique_paths(pages(site)):
        files[page.path] = render_page(page, environment, site).encode("utf-8")
    files["static/css/pygments.css"] = pygments_css()
    files.update(export_files(site))
    return files


def render_page(page: Page, environment: jinja2.Environment, site: Site | None = None) -> str:
    """Return one page's HTML."""
    base_url = site.config.base_url if site else "http://127.0.0.1/"
    try:
        template = environment.get_template(page.template)
        return template.render(
            page=page,
            url=url_function(page.path),
            canonical=canonical_url(base_url, page.site_path),
            **dict(page.values),
        )
    except jinja2.TemplateSyntaxError as error:
        raise BuildError(
            f"{error.filename or error.name}:{error.lineno}: template error: {error.message}"
        ) from None
    except jinja2.TemplateNotFound as error:
        raise BuildError(
            f"{page.template}: template '{error.name}' not found (while rendering {page.path})"
        ) from None
    except jinja2.TemplateError as error:
        raise BuildError(
            f"{page.template}: template error while rendering {page.path}: {error}"
        ) from None
    except UnicodeDecodeError as error:
        raise BuildError(
            f"{page.template} (or a template it uses): not valid UTF-8 text: {error.reason}"
        ) from None
