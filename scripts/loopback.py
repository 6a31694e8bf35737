"""HTTP servers on 127.0.0.1 for the benchmark and the tests: the one way this project serves on loopback."""

from __future__ import annotations

import multiprocessing
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.1"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (for servers that cannot take port 0)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler], in_child_process: bool = False) -> Iterator[str]:
    """Serve with `handler` on 127.0.0.1 at a free port for the duration of the block; yield the base URL.

    In a thread by default. `in_child_process` serves from a forked process: a
    server thread shares the GIL with the client, and in the benchmark the
    handoffs made two identical clients differ by 10%.
    """
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True  # a request still hanging at the end does not hold up the stop
    url = f"http://{HOST}:{server.server_address[1]}"
    if in_child_process:
        child = multiprocessing.get_context("fork").Process(target=server.serve_forever, daemon=True)
        child.start()
        try:
            yield url
        finally:
            child.terminate()
            child.join(timeout=10)
            server.server_close()
        return
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
