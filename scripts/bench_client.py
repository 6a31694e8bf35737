"""Measure what the generated client costs per call, against raw httpx, in the same run.

Starts a minimal HTTP/1.1 server on 127.0.0.1 that answers every request with
the spec's documented 200 example (not Prism: its own latency would hide the
client's), then times, on one reused connection each:

- N calls of the generated client's `update_case.sync_detailed`;
- N calls of raw `httpx.Client.put(...)` plus `.json()`;

and, with no network at all, `json.loads` against `json.loads` plus
`CaseEnvelope.from_dict` on the same body. It prints median and p99 per call
and the ratios client/raw. Target: the client costs at most 1.25x raw httpx.

Usage: python scripts/bench_client.py [--calls N]
Exit status: 0 when it measured (whatever the ratio), 1 when it could not.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from check_spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
# The client is imported from the committed generated/ tree, as applications would after installing it.
sys.path.insert(0, str(ROOT / "generated"))

from onlyoffice_crm_client import AuthenticatedClient  # noqa: E402
from onlyoffice_crm_client.api.cases import update_case  # noqa: E402
from onlyoffice_crm_client.models import CaseEnvelope, UpdateCaseRequest  # noqa: E402

TARGET_RATIO = 1.25
TOKEN = "864FE52C-1C1C-469F-9308-51DAFEFE7436"
REQUEST = {"title": "Exhibition organization", "members": [17, 23]}


def documented_success_body() -> bytes:
    """The spec's first 200 example of updateCase, as the server would send it."""
    spec = load_spec(ROOT / "openapi.yaml")
    example = spec["components"]["examples"]["PublicCase"]["value"]
    return json.dumps(example).encode()


def handler_for(body: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, so both sides reuse one connection
        disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait 40 ms on the second

        def do_PUT(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the benchmark's output is the report, not an access log

    return Handler


@contextmanager
def local_server(body: bytes) -> Iterator[str]:
    """Serve `body` on 127.0.0.1 at a free port for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(body))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def timed(call: Callable[[], object], calls: int) -> list[float]:
    """Seconds taken by each of `calls` calls."""
    durations = []
    for _ in range(calls):
        start = time.perf_counter()
        call()
        durations.append(time.perf_counter() - start)
    return durations


def median_and_p99(durations: list[float]) -> tuple[float, float]:
    ordered = sorted(durations)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def interleaved(calls: int, contenders: dict[str, Callable[[], object]], rounds: int = 10) -> dict[str, list[float]]:
    """Time each contender in alternating rounds, so drift in the machine hits both alike."""
    results: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, call in contenders.items():
            results[name] += timed(call, max(1, calls // rounds))
    return results


def report(title: str, results: dict[str, list[float]], baseline: str) -> None:
    print(title)
    base_median, base_p99 = median_and_p99(results[baseline])
    for name, durations in results.items():
        median, p99 = median_and_p99(durations)
        timing = f"median {median * 1e6:8.1f} µs   p99 {p99 * 1e6:8.1f} µs"
        ratio = f"ratio {median / base_median:5.2f} (p99 {p99 / base_p99:5.2f})"
        print(f"  {name:<28} {timing}   {ratio}")


def bench_calls(url: str, calls: int) -> dict[str, list[float]]:
    body = UpdateCaseRequest.from_dict(REQUEST)
    with (
        AuthenticatedClient(base_url=url, token=TOKEN) as client,
        httpx.Client(base_url=url, headers={"Authorization": TOKEN}) as raw,
    ):

        def generated() -> object:
            return update_case.sync_detailed(42, client=client, body=body).parsed

        def plain() -> object:
            return raw.put("/api/2.0/crm/case/42", json=REQUEST).json()

        timed(generated, 200)  # warm-up: connection, caches
        timed(plain, 200)
        return interleaved(calls, {"raw httpx put + .json()": plain, "generated sync_detailed": generated})


def bench_parse(body: bytes, calls: int) -> dict[str, list[float]]:
    return interleaved(
        calls * 5,
        {
            "json.loads": lambda: json.loads(body),
            "json.loads + from_dict": lambda: CaseEnvelope.from_dict(json.loads(body)),
        },
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="calls per contender (default 2000)")
    calls: int = parser.parse_args(argv[1:]).calls
    body = documented_success_body()
    try:
        with local_server(body) as url:
            per_call = bench_calls(url, calls)
    except (OSError, httpx.HTTPError) as error:
        print(f"bench: could not measure: {error}", file=sys.stderr)
        return 1
    print(f"bench: {calls} calls each, one keep-alive connection, server on 127.0.0.1, body {len(body)} bytes")
    report("per call (PUT /api/2.0/crm/case/42, 200 with the documented Case):", per_call, "raw httpx put + .json()")
    report("parse only, per Case:", bench_parse(body, calls), "json.loads")
    ratio = statistics.median(per_call["generated sync_detailed"]) / statistics.median(
        per_call["raw httpx put + .json()"]
    )
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    print(f"client/raw median ratio {ratio:.2f}: {verdict} the target of {TARGET_RATIO:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
