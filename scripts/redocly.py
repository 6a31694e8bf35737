"""Run the project's pinned Redocly CLI (node_modules/.bin/redocly) with its config, redocly.yaml.

`make lint` is `python -m scripts.redocly lint openapi.yaml`: every rule in
redocly.yaml is an error, so Redocly's own exit status is the verdict.

Usage: python -m scripts.redocly COMMAND [ARGS...]
Exit status: Redocly's own (0 passed, 1 problems found), 2 when it cannot run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"
CONFIG = ROOT / "redocly.yaml"


class RedoclyFailed(Exception):
    """Redocly could not start or exited non-zero; the message says why, in its words."""


def run_redocly(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `redocly ARGS --config=redocly.yaml` and return what it did, whatever its exit status."""
    # Telemetry is off in redocly.yaml (`telemetry: off`); the update notice would only add noise to our output.
    env = {**os.environ, "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    try:
        return subprocess.run(
            [str(REDOCLY), *args, f"--config={CONFIG}"], capture_output=True, text=True, env=env, check=False
        )
    except OSError as error:
        raise RedoclyFailed(f"cannot run {REDOCLY}: {error} (run `make setup`)") from None


def redocly(*args: str) -> str:
    """Run Redocly and return its stdout; raise RedoclyFailed, with its output, when it fails."""
    result = run_redocly(*args)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise RedoclyFailed(f"redocly {args[0]} failed (exit {result.returncode}):\n{output[-3000:]}")
    return result.stdout


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m scripts.redocly COMMAND [ARGS...]", file=sys.stderr)
        return 2
    try:
        result = run_redocly(*argv[1:])
    except RedoclyFailed as error:
        print(f"redocly: {error}", file=sys.stderr)
        return 2
    # Redocly lists the problems on stdout; a failing run's whole output goes to stderr, where failures go.
    print(result.stdout, end="", file=sys.stdout if result.returncode == 0 else sys.stderr)
    print(result.stderr, end="", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
