"""The Prism fixture starts on 127.0.0.1, fails fast with Prism's own output, and always stops.

`make mock` serves the spec, and on a busy port says so in one line, before Prism prints its usage.
"""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from support import ROOT, SPEC_PATH, MockServerFailed, make, make_mock, prism_mock


def test_the_mock_listens_on_loopback_and_is_gone_after_the_block() -> None:
    with prism_mock(SPEC_PATH) as url:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.put(f"{url}/api/2.0/crm/case/1/reopen").status_code == 401

    with pytest.raises(httpx.ConnectError):
        httpx.put(f"{url}/api/2.0/crm/case/1/reopen")


def test_make_mock_serves_the_spec_on_loopback_until_stopped() -> None:
    with make_mock() as url:
        answer = httpx.get(f"{url}/api/2.0/crm/case/42", headers={"Authorization": "a-token"})
        assert answer.status_code == 200
        assert answer.json()["response"]["id"] == 42

    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/api/2.0/crm/case/42")


def test_a_spec_prism_cannot_load_fails_with_its_output_instead_of_hanging(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [this is not\n", encoding="utf-8")

    with pytest.raises(MockServerFailed, match="prism exited with") as failure:
        with prism_mock(broken):
            pass  # pragma: no cover - never reached

    assert f"Error parsing {broken}" in str(failure.value)


def test_make_mock_on_a_busy_port_says_so_in_one_line_before_prism_starts() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = make(ROOT, "mock", f"MOCK_PORT={port}", timeout=60)

    reason, *rest = result.stderr.splitlines()
    assert result.returncode != 0
    assert reason == f"127.0.0.1:{port} is already in use: stop what listens there, or choose another port"
    assert len(rest) <= 1 and all(line.startswith("make: *** ") for line in rest), rest  # make's trailer, no usage
    assert result.stdout == ""
