"""Tests for policysite.pipeline: extraction over many texts gives what one process gives."""

from __future__ import annotations

from policysite.extract import compile_vocabulary, extract_brief
from policysite.load import Project, read_config, read_sources
from policysite.pipeline import PARALLEL_FROM, extract, extraction_workers
from tests.conftest import ProjectFactory

TEXT = (
    '---\ntitle: "Brief {n}"\npublished: "20{n:02d}"\n---\n\nNATO should talk to Moscow in {n}.\n'
)


def test_small_corpora_stay_in_one_process() -> None:
    assert extraction_workers(PARALLEL_FROM - 1) == 1
    assert extraction_workers(0) == 1


def test_extracting_many_texts_equals_extracting_them_one_by_one(
    make_project: ProjectFactory,
) -> None:
    files = {f"content/b{n:03d}.md": TEXT.format(n=n) for n in range(PARALLEL_FROM + 2)}
    project = Project.at(make_project(files))
    config = read_config(project)
    sources = read_sources(project, config)
    vocabulary = compile_vocabulary(config)
    one_by_one = tuple(extract_brief(source, config, vocabulary) for source in sources)
    assert extract(config, sources) == one_by_one
