"""The Prism fixture starts on 127.0.0.1, fails fast with Prism's own output, and always stops."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from support import SPEC_PATH, MockServerFailed, prism_mock


def test_the_mock_listens_on_loopback_and_is_gone_after_the_block() -> None:
    with prism_mock(SPEC_PATH) as url:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.put(f"{url}/api/2.0/crm/case/1/reopen").status_code == 401

    with pytest.raises(httpx.ConnectError):
        httpx.put(f"{url}/api/2.0/crm/case/1/reopen")


def test_a_spec_prism_cannot_load_fails_with_its_output_instead_of_hanging(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [this is not\n", encoding="utf-8")

    with pytest.raises(MockServerFailed, match="prism exited with") as failure:
        with prism_mock(broken):
            pass  # pragma: no cover - never reached

    assert f"Error parsing {broken}" in str(failure.value)
