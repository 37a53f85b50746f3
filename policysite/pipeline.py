"""The build as one line of verbs: load → extract → link → render → write."""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from .audit import site_warnings
from .config import SiteConfig, check_base_url
from .errors import ConfigError, ContentError
from .evaluate import evaluate_built
from .extract import compile_vocabulary, extract_brief
from .link import Site, link
from .load import Project, read_config, read_sources, read_static_files
from .model import Brief, Source
from .publish import publish_files
from .render import pages, render_page, render_pages, template_environment
from .write import write_site

# Below this many texts, starting worker processes (~0.5 s) costs more than it saves.
PARALLEL_FROM = 48
MAX_WORKERS = 8


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
    """Return site.yaml's settings with command-line overrides applied and checked."""
    config = read_config(project)
    if options.base_url:
        problem = check_base_url(options.base_url)
        if problem:
            raise ConfigError.at("--base-url", None, problem)
        config = replace(config, base_url=options.base_url)
    if options.output_dir:
        config = replace(config, output_dir=options.output_dir)
    problem = unsafe_output(project, config)
    if problem:
        label = "--output" if options.output_dir else project.relative(project.config_path)
        raise ConfigError.at(label, None, problem)
    return config


def unsafe_output(project: Project, config: SiteConfig) -> str | None:
    """Return why writing the site to config.output_dir would destroy project files, if it would."""
    output = (project.root / config.output_dir).resolve()
    content = (project.root / config.content_dir).resolve()
    kept = (project.root, content, project.root / "templates", project.root / "static")
    for path in (*kept, project.config_path):
        # The swap replaces the output folder whole: it must not be, or hold, the project's files.
        if path.resolve().is_relative_to(output):
            return f"output_dir '{config.output_dir}' would replace {path.name or path}"
    if output.is_relative_to(content):
        return f"output_dir '{config.output_dir}' is inside the content folder"
    if output.exists() and not output.is_dir():
        return f"output_dir '{config.output_dir}' is a file"
    return None


def extract(config: SiteConfig, sources: tuple[Source, ...]) -> tuple[Brief, ...]:
    """Return the brief of every source, on every core once there are enough of them."""
    vocabulary = compile_vocabulary(config)
    workers = extraction_workers(len(sources))
    # Forking a process that runs other threads (serve mode's server and watcher) can copy a
    # held lock into the child; spawn would re-import the caller's main module. So: fork or serial.
    if workers < 2 or threading.active_count() > 1:
        return tuple(extract_brief(source, config, vocabulary) for source in sources)
    context = multiprocessing.get_context("fork")
    one = functools.partial(extract_brief, config=config, vocabulary=vocabulary)
    chunk = max(1, len(sources) // (workers * 4))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return tuple(pool.map(one, sources, chunksize=chunk))


def extraction_workers(count: int) -> int:
    """Return how many processes should extract count texts (1: stay in this process)."""
    if count < PARALLEL_FROM:
        return 1
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0)), count // PARALLEL_FROM))


def render(site: Site, project: Project) -> dict[str, bytes]:
    """Return every output file of a site: pages and static assets."""
    environment = template_environment(project.root / "templates")
    files = read_static_files(project)
    files.update(render_pages(site, environment))
    files.update(publish_files(site, environment, files))
    return files


def prepare(project: Project, options: BuildOptions) -> tuple[SiteConfig, Site]:
    """Return the settings and the linked site: load, extract, link (with the gold-set scores)."""
    config = configure(project, options)
    briefs = extract(config, read_sources(project, config))
    return config, link(config, briefs, evaluate_built(project, config, briefs))


def build(project: Project, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the whole site and write it atomically to the output directory."""
    started = time.perf_counter()
    config, site = prepare(project, options)
    if config.strict:
        warnings = site_warnings(site, project.relative(project.config_path))
        if warnings:
            raise ContentError(warnings)
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
