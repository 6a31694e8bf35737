"""The curl and Python samples the reference page shows (x-codeSamples) run against the mock server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from scripts.spec import operations
from support import PORTAL, ROOT, TOKEN, load_pristine_spec

SAMPLE_TIMEOUT = 60  # seconds; a sample that hangs on the mock fails instead of stalling the suite


def samples(lang: str) -> list[Any]:
    """(operationId, source) of every operation's sample in one language, named by the operation."""
    return [
        pytest.param(found.id, sample["source"], id=found.id)
        for found in operations(load_pristine_spec())
        for sample in found.node["x-codeSamples"]
        if sample["lang"] == lang
    ]


def run(command: list[str], mock_url: str) -> subprocess.CompletedProcess[str]:
    """Run a sample with the mock in place of the portal; the token comes from the environment as documented."""
    env = {**os.environ, "ONLYOFFICE_TOKEN": TOKEN, "PYTHONPATH": str(ROOT / "generated")}
    command = [part.replace(PORTAL, mock_url) for part in command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=SAMPLE_TIMEOUT, check=False)


def test_every_operation_has_both_samples() -> None:
    for lang in ("Shell", "Python"):
        assert [sample.id for sample in samples(lang)] == [found.id for found in operations(load_pristine_spec())]


@pytest.mark.parametrize(("operation_id", "source"), samples("Shell"))
def test_the_curl_sample_gets_the_case_from_the_mock(
    mock_url: str, operation_id: str, source: str, documented_title: Callable[[str], str]
) -> None:
    # --fail-with-body: a request the mock refuses (sl-violations, 4xx) makes curl exit non-zero.
    result = run(
        ["bash", "-euo", "pipefail", "-c", source.rstrip() + " --silent --show-error --fail-with-body"], mock_url
    )

    assert result.returncode == 0, result.stderr + result.stdout
    answer: dict[str, Any] = json.loads(result.stdout)
    assert (answer["status"], answer["statusCode"]) == (0, 200)
    assert answer["response"]["title"] == documented_title(operation_id)


@pytest.mark.parametrize(("operation_id", "source"), samples("Python"))
def test_the_python_sample_gets_the_typed_case_from_the_mock(
    mock_url: str, operation_id: str, source: str, documented_title: Callable[[str], str]
) -> None:
    result = run([sys.executable, "-c", source], mock_url)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(documented_title(operation_id) + " "), result.stdout
    assert not result.stdout.startswith("not "), result.stdout  # "not read:", "not updated:", ...
