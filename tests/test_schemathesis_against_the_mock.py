"""schemathesis, with positive and negative data, finds no disagreement between the spec and its mock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import SPEC_PATH, TOKEN

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
TESTS = Path(__file__).resolve().parent
# Every check of schemathesis' about one response, except those about the
# server's own behaviour that Prism, being a mock, does not model: it accepts
# any token (ignored_auth), answers 405 without an Allow header
# (unsupported_method), and keeps no state (use_after_free and the like).
# response_schema_conformance runs as response_conforms_to_the_spec
# (schemathesis_hooks.py), which passes over Prism's own invalid-JSON answer.
CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,"
    "negative_data_rejection,positive_data_acceptance,missing_required_header,response_conforms_to_the_spec"
)


def run_schemathesis(mock_url: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "schemathesis_hooks", "PYTHONPATH": str(TESTS)}
    return subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            str(SPEC_PATH),
            f"--url={mock_url}",
            f"--header=Authorization: {TOKEN}",
            "--mode=all",  # positive and negative data
            "--max-examples=15",  # bounded: the run takes seconds
            "--seed=20241122",  # the same cases every run...
            "--generation-database=none",  # ...and nothing replayed from earlier runs
            f"--checks={CHECKS}",
            "--workers=1",
            "--no-color",
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_schemathesis_finds_no_failures_in_either_operation(mock_url: str, tmp_path: Path) -> None:
    result = run_schemathesis(mock_url, tmp_path)

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested: 2" in result.stdout
    assert "No issues found" in result.stdout


def test_only_prisms_own_invalid_json_answer_is_passed_over() -> None:
    from types import SimpleNamespace

    from schemathesis_hooks import prism_refused_a_body_that_is_not_json as passed_over

    prisms = SimpleNamespace(status_code=400, content=b'{"error":{"code":"invalid_json","message":"Invalid JSON"}}')
    other_400 = SimpleNamespace(status_code=400, content=b'{"error":{"code":"bad","message":"x"}}')
    not_json = SimpleNamespace(status_code=400, content=b"Bad Request")

    assert passed_over(prisms)  # type: ignore[arg-type]
    assert not passed_over(other_400)  # type: ignore[arg-type]
    assert not passed_over(not_json)  # type: ignore[arg-type]
