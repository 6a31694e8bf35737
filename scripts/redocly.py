"""Run the project's pinned Redocly CLI (node_modules/.bin/redocly, on the pinned node) with its config, redocly.yaml.

`make lint` is `python -m scripts.redocly lint openapi.yaml`: every rule in
redocly.yaml is an error, so Redocly's own exit status is the verdict. Its
whole output (it writes its findings and its summary to both streams) is
said under one line, `redocly: lint passed:` on stdout or `redocly: lint
failed (exit 1):` on stderr.

Usage: python -m scripts.redocly COMMAND [ARGS...]
Exit status: Redocly's own (0 passed, 1 problems found), 2 when it cannot run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from . import node
from .tool import BadInput, ToolError, run

ROOT = Path(__file__).resolve().parent.parent
REDOCLY = node.NODE_BIN / "redocly"
CONFIG = ROOT / "redocly.yaml"


class RedoclyFailed(ToolError):
    """Redocly could not start (exit 2) or exited non-zero (its own exit status); the message says why, in its words."""

    exit_status = 2


def run_redocly(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `redocly ARGS --config=redocly.yaml` and return what it did, whatever its exit status."""
    # Telemetry is off in redocly.yaml (`telemetry: off`); the update notice would only add noise to our output.
    env = {**node.environ(), "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    if not REDOCLY.exists():
        raise RedoclyFailed(f"cannot run {REDOCLY}: it is not installed (run `make setup`)")
    try:
        return subprocess.run(
            node.command(REDOCLY, *args, f"--config={CONFIG}"), capture_output=True, text=True, env=env, check=False
        )
    except OSError as error:
        raise RedoclyFailed(f"cannot run {REDOCLY}: {error} (run `make setup`)") from None


def redocly(*args: str) -> str:
    """Run Redocly and return its stdout; raise RedoclyFailed, with the end of its output, when it fails."""
    result = run_redocly(*args)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise RedoclyFailed(f"redocly {args[0]} failed (exit {result.returncode}):\n{output[-3000:]}")
    return result.stdout


def passed_through(args: list[str]) -> str:
    """Run `redocly ARGS` as `make lint` does: its whole output under a line that says whether it passed."""
    if not args:
        raise BadInput("usage: python -m scripts.redocly COMMAND [ARGS...]")
    result = run_redocly(*args)
    output = (result.stdout + result.stderr).strip("\n")  # not the indentation of its first line
    if result.returncode != 0:
        raise RedoclyFailed(f"{args[0]} failed (exit {result.returncode}):\n{output}", exit_status=result.returncode)
    return f"{args[0]} passed:\n{output}"


def main(argv: list[str]) -> int:
    return run("redocly", lambda: passed_through(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
