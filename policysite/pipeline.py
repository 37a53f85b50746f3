"""The build as one line of verbs: load → extract → link → render → write."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from .config import SiteConfig
from .extract import compile_vocabulary, extract_brief
from .link import Site, link
from .load import Project, read_config, read_sources, read_static_files
from .model import Brief, Source
from .publish import publish_files
from .render import pages, render_page, render_pages, template_environment
from .write import write_site


@dataclass(frozen=True)
class BuildOptions:
    """Choices made on the command line that change what a build produces."""

    base_url: str | None = None
    output_dir: str | None = None
    live_reload: bool = False


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the linked site, its files, and where they were written."""

    site: Site
    files: dict[str, bytes]
    output_dir: Path
    seconds: float


def configure(project: Project, options: BuildOptions) -> SiteConfig:
    """Return site.yaml's settings with command-line overrides applied."""
    config = read_config(project)
    if options.base_url:
        config = replace(config, base_url=options.base_url)
    if options.output_dir:
        config = replace(config, output_dir=options.output_dir)
    return config


def extract(config: SiteConfig, sources: tuple[Source, ...]) -> tuple[Brief, ...]:
    """Return the brief of every source."""
    vocabulary = compile_vocabulary(config)
    return tuple(extract_brief(source, config, vocabulary) for source in sources)


def render(site: Site, project: Project) -> dict[str, bytes]:
    """Return every output file of a site: pages and static assets."""
    environment = template_environment(project.root / "templates")
    files = read_static_files(project)
    files.update(render_pages(site, environment))
    files.update(publish_files(site, environment, files))
    return files


def build(project: Project, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the whole site and write it atomically to the output directory."""
    started = time.perf_counter()
    config = configure(project, options)
    site = link(config, extract(config, read_sources(project, config)))
    files = render(site, project)
    output_dir = project.root / config.output_dir
    write_site(output_dir, files)
    return BuildResult(site, files, output_dir, time.perf_counter() - started)


def templates(project: Project) -> jinja2.Environment:
    """Return the Jinja environment a project's pages are rendered with."""
    return template_environment(project.root / "templates")


def preview_pages(
    site: Site, project: Project, briefs: tuple[Brief, ...], environment: jinja2.Environment
) -> dict[str, bytes]:
    """Return just the pages showing one of the given briefs, rendered against site (watch mode)."""
    wanted = {id(brief) for brief in briefs}
    # Plan pages over a site holding only those briefs (cheap), then render them with the full site.
    narrow = replace(site, briefs=briefs)
    files: dict[str, bytes] = {}
    for page in pages(narrow):
        if any(id(value) in wanted for _, value in page.values):
            values = tuple((key, site if value is narrow else value) for key, value in page.values)
            files[page.path] = render_page(replace(page, values=values), environment, site).encode()
    return files
