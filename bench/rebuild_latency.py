"""Measure serve mode's save-to-served latency, cold build time and peak memory.

Run from the repository root:  .venv/bin/python bench/rebuild_latency.py [--count 1000] [--edits 10]

Each corpus runs in its own process (so peak memory is its own): the bundled five texts, and a
synthetic project of --count briefs. Serve mode runs for real (watchdog observer, debouncer,
HTTP server); each edit appends a marker sentence to one brief and times two moments:
`shown`, when GET /briefs/<slug>/ first contains the marker, and `settled`, when the rebuild
(re-link, re-render, write changed files) has finished.
"""

from __future__ import annotations

import argparse
import http.client
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from corpus import generate_corpus  # noqa: E402

from policysite.livereload import Broker, LiveSite  # noqa: E402
from policysite.load import Project  # noqa: E402
from policysite.pipeline import BuildOptions  # noqa: E402
from policysite.serve import DevServer  # noqa: E402
from policysite.watch import Debouncer, FileWatcher  # noqa: E402

REPO = HERE.parent


def fetch(address: tuple[str, int], path: str) -> bytes:
    """Return the body of GET path."""
    connection = http.client.HTTPConnection(*address, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().read()
    finally:
        connection.close()


def percentile(values: list[float], share: float) -> float:
    """Return the value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def prepare(kind: str, count: int, scratch: Path) -> Path:
    """Return a project root: a copy of the bundled project, or a synthetic corpus."""
    if kind == "synthetic":
        return generate_corpus(scratch / "project", count)
    root = scratch / "project"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in ("content", "templates", "static"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    return root


def edit_once(
    live: LiveSite, server: DevServer, done: threading.Event, number: int
) -> tuple[float, float]:
    """Append a marker to one brief; return (ms until served, ms until the rebuild settled)."""
    assert live.snapshot is not None
    briefs = live.snapshot.site.briefs
    brief = briefs[number * 7 % len(briefs)]
    path = live.project.root / brief.source.path
    marker = f"Benchmark marker number {number} was added here."
    text = path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n"
    done.clear()
    started = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    while marker.encode() not in fetch(server.server_address[:2], f"/briefs/{brief.slug}/"):
        time.sleep(0.002)
    shown = time.perf_counter() - started
    done.wait(60)
    return shown * 1000, (time.perf_counter() - started) * 1000


def run_one(kind: str, count: int, edits: int) -> dict[str, object]:
    """Measure one corpus in this process and return the numbers."""
    with tempfile.TemporaryDirectory() as scratch:
        root = prepare(kind, count, Path(scratch))
        out = Path(scratch) / "served"
        server = DevServer(("127.0.0.1", 0), out, Broker())
        options = BuildOptions(base_url="http://127.0.0.1/", output_dir=str(out), live_reload=True)
        live = LiveSite(Project.at(root), options, out, server.broker)
        started = time.perf_counter()
        print(*live.start(), file=sys.stderr)
        cold = time.perf_counter() - started
        done = threading.Event()
        lines: list[str] = []

        def rebuild(paths: frozenset[Path]) -> None:
            lines.extend(live.rebuild(paths))
            done.set()

        debouncer = Debouncer(rebuild, quiet=0.05)
        watcher = FileWatcher(live.project, "content", debouncer.add)
        server.start()
        debouncer.start()
        watcher.start()
        try:
            timings = [edit_once(live, server, done, n) for n in range(edits)]
        finally:
            watcher.stop()
            debouncer.stop()
            server.stop()
        assert live.snapshot is not None
        shown = [t[0] for t in timings]
        settled = [t[1] for t in timings]
        return {
            "corpus": kind if kind == "bundled" else f"synthetic ({count})",
            "briefs": len(live.snapshot.site.briefs),
            "files": len(live.snapshot.files),
            "cold_build_s": round(cold, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "shown_median_ms": round(statistics.median(shown)),
            "shown_p90_ms": round(percentile(shown, 0.9)),
            "settled_median_ms": round(statistics.median(settled)),
            "settled_p90_ms": round(percentile(settled, 0.9)),
            "last_line": lines[-1] if lines else "",
        }


def table(rows: list[dict[str, object]]) -> str:
    """Return the results as a Markdown table."""
    keys = list(rows[0])[:-1]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(row[key]) for key in keys) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    """Run every corpus in its own process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="briefs in the synthetic corpus")
    parser.add_argument("--edits", type=int, default=10, help="edits per corpus")
    parser.add_argument("--one", choices=("bundled", "synthetic"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(run_one(arguments.one, arguments.count, arguments.edits)))
        return 0
    rows = []
    for kind in ("bundled", "synthetic"):
        command = [sys.executable, __file__, "--one", kind, "--count", str(arguments.count)]
        command += ["--edits", str(arguments.edits)]
        finished = subprocess.run(command, check=True, capture_output=True, text=True)
        rows.append(json.loads(finished.stdout.strip().splitlines()[-1]))
        print(rows[-1]["last_line"], file=sys.stderr)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
