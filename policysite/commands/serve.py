"""`build.py serve`: build, serve on 127.0.0.1, watch the inputs and live-reload open tabs."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
import tempfile
import threading
from pathlib import Path

from ..livereload import Broker, LiveSite
from ..load import Project
from ..pipeline import BuildOptions
from ..serve import DevServer
from ..watch import Debouncer, FileWatcher
from .build import add_build_options

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the serve subcommand."""
    command = commands.add_parser(
        "serve", help="build, serve locally, and rebuild and reload open pages on every save"
    )
    command.add_argument(
        "--host", default=DEFAULT_HOST, help="address to bind (default: 127.0.0.1)"
    )
    command.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: 8000)")
    command.add_argument(
        "--debounce",
        type=int,
        default=50,
        metavar="MS",
        help="quiet time after the last change before rebuilding (default: 50 ms)",
    )
    add_build_options(command)
    command.set_defaults(run=run)


def is_loopback(host: str) -> bool:
    """Return whether host only answers this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def say(lines: tuple[str, ...]) -> None:
    """Print message lines to the terminal; error lines go to stderr."""
    for line in lines:
        print(line, file=sys.stderr if line.startswith("error:") else sys.stdout, flush=True)


def run(arguments: argparse.Namespace) -> int:
    """Serve until Ctrl-C; content errors are shown, never fatal."""
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    if not is_loopback(arguments.host):
        print(
            f"warning: serving on {arguments.host} exposes the site to other machines",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="policysite-serve-") as scratch:
        project = Project.at(arguments.project)
        output = project.root / arguments.output if arguments.output else Path(scratch) / "site"
        try:
            server = DevServer((arguments.host, arguments.port), output, Broker())
        except OSError as error:
            print(
                f"error: cannot listen on {arguments.host}:{arguments.port}: {error.strerror}",
                file=sys.stderr,
            )
            return 1
        base_url = arguments.base_url or f"http://{arguments.host}:{server.server_address[1]}/"
        options = BuildOptions(base_url=base_url, output_dir=str(output), live_reload=True)
        live = LiveSite(project, options, output, server.broker)
        return serve_until_interrupted(live, server, arguments.debounce / 1000)


def serve_until_interrupted(live: LiveSite, server: DevServer, quiet: float) -> int:
    """Build, start serving and watching, and wait for Ctrl-C; then stop every thread."""
    debouncer = Debouncer(lambda paths: say(live.rebuild(paths)), quiet)
    watcher: FileWatcher | None = None
    try:
        say(live.start())
        snapshot = live.snapshot
        content_dir = snapshot.config.content_dir if snapshot else "content"
        watcher = FileWatcher(live.project, content_dir, debouncer.add)
        server.start()
        debouncer.start()
        watcher.start()
        print(f"serving on {server.url} (watching for changes; Ctrl-C to stop)", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        print("\nstopping", flush=True)
    finally:
        if watcher is not None:
            watcher.stop()
        debouncer.stop()
        server.stop()
    return 0
