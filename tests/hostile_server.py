"""A local HTTP server on 127.0.0.1 that answers whatever a test scripts: any status, any bytes, late or never.

Each request takes the next scripted answer (the last one repeats), and the
server records when each request came, so tests can count retries and time
the waits between them. A hung answer waits until the server stops, so
stopping never has to wait for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One scripted answer. `hang` never answers; `cut_short` promises more bytes than it sends, then closes."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False
    cut_short: bool = False


@dataclass
class Seen:
    """A request as the server saw it."""

    at: float
    method: str
    path: str
    headers: dict[str, str]


class HostileServer:
    """The server's state: the script, the requests seen, the event that ends hung answers."""

    def __init__(self) -> None:
        self.answers: list[Answer] = [Answer()]
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.url = ""

    def script(self, *answers: Answer) -> None:
        """Answer the next requests with `answers`, in order; the last one repeats."""
        with self.lock:
            self.answers = list(answers)
            self.seen = []

    def next_answer(self, seen: Seen) -> Answer:
        with self.lock:
            self.seen.append(seen)
            return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def handler_for(state: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so every answer (a cut-short one too) ends by closing.
        protocol_version = "HTTP/1.0"

        def do_PUT(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            answer = state.next_answer(Seen(time.monotonic(), self.command, self.path, dict(self.headers)))
            if answer.hang:
                state.stopping.wait(timeout=30)
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            promised = len(answer.body) * 2 + 10 if answer.cut_short else len(answer.body)
            self.send_header("Content-Length", str(promised))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the tests' output is their assertions, not an access log

    return Handler


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """Run a HostileServer on 127.0.0.1 at a free port for the duration of the block, then stop it."""
    state = HostileServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
