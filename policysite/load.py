"""Load: read site.yaml and every content file into a SiteConfig and Source objects."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .clean import clean_pasted_text
from .config import SiteConfig, parse_config
from .errors import ConfigError, ContentError, Problem
from .gold import GoldFile, GoldSet, parse_gold
from .model import FrontMatter, Source
from .schema import SchemaProblems, line_of, parse_yaml, read_dataclass

CONTENT_SUFFIXES = (".md", ".markdown", ".txt")
BUNDLED_STATIC = Path(__file__).resolve().parent.parent / "static"
FRONT_MATTER_FENCE = "---"


@dataclass(frozen=True)
class Project:
    """Where a project's files are: its root, site.yaml and templates."""

    root: Path
    config_path: Path

    @classmethod
    def at(cls, root: Path, config_name: str = "site.yaml") -> Project:
        """Return the project rooted at root."""
        return cls(root.resolve(), (root / config_name).resolve())

    def relative(self, path: Path) -> str:
        """Return path relative to the project root, in POSIX form, for messages."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def read_config(project: Project) -> SiteConfig:
    """Return the project's SiteConfig, read from site.yaml."""
    label = project.relative(project.config_path)
    if not project.config_path.is_file():
        raise ConfigError.at(label, None, "site configuration file not found")
    return parse_config(read_text(project.config_path, label), label)


def content_files(project: Project, config: SiteConfig) -> tuple[Path, ...]:
    """Return the content files of a project in a stable order (hidden and temp files skipped)."""
    content_dir = project.root / config.content_dir
    if not content_dir.is_dir():
        raise ConfigError.at(
            project.relative(project.config_path),
            None,
            f"content_dir '{config.content_dir}' not found",
        )
    return tuple(
        sorted(path for path in content_dir.rglob("*") if path.is_file() and is_content_file(path))
    )


def is_content_file(path: Path) -> bool:
    """Return whether a path is a content file (not hidden, not an editor's temp file)."""
    name = path.name
    hidden = name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".tmp"))
    return path.suffix.lower() in CONTENT_SUFFIXES and not hidden


def read_sources(project: Project, config: SiteConfig) -> tuple[Source, ...]:
    """Return every content file as a Source, reporting all bad files together."""
    sources: list[Source] = []
    problems: list[Problem] = []
    known_themes = frozenset(theme.id for theme in config.themes)
    for path in content_files(project, config):
        try:
            sources.append(read_source(path, project.relative(path), known_themes))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return tuple(sources)


def read_source(path: Path, label: str, known_themes: frozenset[str] = frozenset()) -> Source:
    """Return one content file as a Source."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError.at(label, None, f"cannot read file: {error.strerror}") from None
    return parse_source(decode(data, label), label, known_themes)


def read_text(path: Path, label: str) -> str:
    """Return a file's text, decoded as UTF-8."""
    try:
        return decode(path.read_bytes(), label)
    except OSError as error:
        raise ContentError.at(label, None, f"cannot read file: {error.strerror}") from None


def decode(data: bytes, label: str) -> str:
    """Return UTF-8 text (a BOM is dropped, line endings normalised) or raise with the line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError.at(label, line, "file is not valid UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_source(text: str, label: str, known_themes: frozenset[str] = frozenset()) -> Source:
    """Return the Source a content file's text describes (pure: no file access)."""
    if not text.strip():
        raise ContentError.at(label, 1, "file is empty")
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if label.lower().endswith(".txt") and not text.startswith(FRONT_MATTER_FENCE + "\n"):
        cleaned = clean_pasted_text(text, label)
        return Source(label, "text", cleaned.meta, cleaned.body, 1, content_hash, cleaned.furniture)
    meta, body, body_line = split_front_matter(text, label, known_themes)
    if not body.strip():
        raise ContentError.at(label, body_line, "the brief has no body text")
    return Source(label, "markdown", meta, body, body_line, content_hash)


def split_front_matter(
    text: str, label: str, known_themes: frozenset[str] = frozenset()
) -> tuple[FrontMatter, str, int]:
    """Return (front matter, body, line the body starts on) of a Markdown content file."""
    lines = text.split("\n")
    if lines[0].strip() != FRONT_MATTER_FENCE:
        raise ContentError.at(label, 1, "missing YAML front matter: the file must start with '---'")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        raise ContentError.at(label, 1, "front matter is not closed by a '---' line") from None
    try:
        document = parse_yaml("\n".join(lines[1:end]), label, first_line=2)
        meta = read_dataclass(FrontMatter, document.root, label)
    except SchemaProblems as error:
        raise ContentError(error.problems) from None
    problems = unknown_theme_problems(document.root, label, known_themes)
    if problems:
        raise ContentError(problems)
    return meta, "\n".join(lines[end + 1 :]), end + 2


def unknown_theme_problems(
    root: yaml.Node | None, label: str, known: frozenset[str]
) -> list[Problem]:
    """Return a problem for every front-matter theme id that site.yaml does not define."""
    if not isinstance(root, yaml.MappingNode):
        return []
    problems = []
    for key, value in root.value:
        if key.value != "themes":
            continue
        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for item in items:
            if isinstance(item, yaml.ScalarNode) and item.value not in known:
                close = difflib.get_close_matches(item.value, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                message = (
                    f"themes: unknown theme '{item.value}'{hint}; themes are defined in site.yaml"
                )
                problems.append(Problem(label, line_of(item), message))
    return problems


def read_static_files(project: Project) -> dict[str, bytes]:
    """Return static assets (output path -> bytes): bundled ones, overridden by the project's."""
    files: dict[str, bytes] = {}
    for directory in (BUNDLED_STATIC, project.root / "static"):
        if directory.is_dir():
            for path in sorted(directory.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files[f"static/{path.relative_to(directory).as_posix()}"] = path.read_bytes()
    return files


def read_gold(project: Project, directory: Path) -> tuple[GoldFile, ...]:
    """Return every gold file directly in directory, with its source and raw text, by name."""
    if not directory.is_dir():
        return ()
    group: GoldSet = "further" if directory.name == "further" else "briefs"
    known_themes = frozenset(theme.id for theme in read_config(project).themes)
    files: list[GoldFile] = []
    for path in sorted(directory.glob("*.yaml")):
        label = project.relative(path)
        gold = parse_gold(read_text(path, label), label)
        source_path = project.root / gold.brief
        if not source_path.is_file():
            raise ContentError.at(label, None, f"brief '{gold.brief}' not found")
        source = read_source(source_path, project.relative(source_path), known_themes)
        # The raw pasted copy only scores furniture; a checkout without it still evaluates the rest.
        raw_path = project.root / gold.raw if gold.raw else None
        raw = read_text(raw_path, str(gold.raw)) if raw_path and raw_path.is_file() else None
        files.append(GoldFile(label, group, gold, source, raw))
    return tuple(files)
