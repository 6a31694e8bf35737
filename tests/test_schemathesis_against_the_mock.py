"""schemathesis, with positive and negative data, finds no disagreement between the spec and its mock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SPEC_PATH, TOKEN

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
# Checks about the server's own behaviour that Prism, being a mock, does not
# model: it accepts any token (ignored_auth), answers 405 without an Allow
# header (unsupported_method), and keeps no state (the rest).
MOCK_LIMITS = "ignored_auth,unsupported_method,use_after_free,ensure_resource_availability,object_level_authorization"


def test_schemathesis_finds_no_failures_in_either_operation(mock_url: str) -> None:
    result = subprocess.run(
        [
            str(SCHEMATHESIS), "run", str(SPEC_PATH),
            f"--url={mock_url}",
            f"--header=Authorization: {TOKEN}",
            "--mode=all",                 # positive and negative data
            "--max-examples=15",          # bounded: the run takes seconds
            "--seed=20241122",            # the same cases every run
            "--checks=all", f"--exclude-checks={MOCK_LIMITS}",
            "--workers=1", "--no-color",
        ],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested: 2" in result.stdout
    assert "No issues found" in result.stdout
