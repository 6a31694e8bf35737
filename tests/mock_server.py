"""Prism, the spec-driven mock server, run on 127.0.0.1 for the duration of a test session."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"
START_TIMEOUT = 60.0


class MockServerFailed(RuntimeError):
    """Prism did not start; the message carries its output."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        httpx.put(f"{url}/api/2.0/crm/case/1/reopen", timeout=1.0)
    except httpx.TransportError:
        return False
    return True


def _wait_until_up(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not _answers(url):
        if process.poll() is not None:
            raise MockServerFailed(f"prism exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        if time.monotonic() > deadline:
            raise MockServerFailed(
                f"prism did not answer within {START_TIMEOUT:.0f}s:\n{log.read_text(errors='replace')}"
            )
        time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes]) -> None:
    # Prism runs as a node process tree: end the whole group, firmly if need be.
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def prism_mock(spec: Path) -> Iterator[str]:
    """Serve `spec` with Prism (request validation on) and yield its base URL; always stop it."""
    port = free_port()
    url = f"http://{HOST}:{port}"
    with tempfile.NamedTemporaryFile(prefix="prism-", suffix=".log") as log_file:
        log = Path(log_file.name)
        process = subprocess.Popen(
            [str(PRISM), "mock", "--host", HOST, "--port", str(port), str(spec)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=ROOT,
        )
        try:
            _wait_until_up(process, url, log)
            yield url
        finally:
            _stop(process)
