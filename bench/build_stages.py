"""Benchmark a cold build stage by stage (load, extract, link, render, write) with peak memory.

.venv/bin/python bench/build_stages.py --count 1000
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import REPO, generate_corpus  # noqa: E402
from policysite.link import link  # noqa: E402
from policysite.load import Project, read_config, read_sources  # noqa: E402
from policysite.pipeline import extract, render  # noqa: E402
from policysite.write import write_site  # noqa: E402


def timed_build(root: Path) -> dict[str, float]:
    """Return seconds per stage of one cold build of the project at root."""
    project = Project.at(root)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    config = read_config(project)
    sources = read_sources(project, config)
    seconds["load"] = time.perf_counter() - started
    mark = time.perf_counter()
    briefs = extract(config, sources)
    seconds["extract"] = time.perf_counter() - mark
    mark = time.perf_counter()
    site = link(config, briefs)
    seconds["link"] = time.perf_counter() - mark
    mark = time.perf_counter()
    files = render(site, project)
    seconds["render"] = time.perf_counter() - mark
    mark = time.perf_counter()
    write_site(root / config.output_dir, files)
    seconds["write"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - started
    seconds["files"] = len(files)
    return seconds


def main() -> int:
    """Generate the corpus (or use the bundled one), build it, print one JSON line."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument(
        "--count", type=int, default=0, help="synthetic briefs (0: bundled content)"
    )
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if arguments.count:
            root = generate_corpus(Path(scratch) / "corpus", arguments.count)
        else:
            root = Path(scratch) / "bundled"
            generate_corpus(root, 0)
            for path in (REPO / "content").iterdir():
                (root / "content" / path.name).write_bytes(path.read_bytes())
        result = timed_build(root)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    briefs = arguments.count or len(list((REPO / "content").iterdir()))
    rounded = {key: round(value, 3) for key, value in result.items()}
    print(json.dumps({"briefs": briefs, **rounded, "peak_rss_mb": round(peak_mb)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
