"""Fail when generated/ is not what openapi.yaml, the config and the templates produce.

Regenerates into a temporary folder and compares it with generated/, file by
file, by content (generate.differences). Prints a short unified diff of what differs (and which files are
missing or extra), so a hand edit or a forgotten `make generate` is caught.

Usage: python -m scripts.check_generated
Exit status: 0 when generated/ is up to date, 1 when it differs, 2 when the
generator itself failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .generate import OUTPUT, GenerationFailed, differences, generate_into
from .tool import ToolError, run

MAX_DIFF_LINES = 60
INPUTS = "openapi.yaml, generator-config.yml, templates/ and handwritten/"


class GeneratorFailed(ToolError):
    """The generator itself failed, so nothing was compared (exit 2)."""

    exit_status = 2


class Drift(ToolError):
    """generated/ differs from what its inputs generate (exit 1); the message ends with what differs."""


def check() -> str:
    """Regenerate into a temporary folder and compare it with generated/ by content."""
    with tempfile.TemporaryDirectory(prefix="check-generated-") as scratch:
        fresh = Path(scratch) / OUTPUT.name
        try:
            generate_into(fresh)
        except GenerationFailed as error:
            raise GeneratorFailed(f"the generator failed:\n{error}") from None
        found = list(differences(fresh, OUTPUT))
    if found:
        shown = found[:MAX_DIFF_LINES]
        if len(found) > MAX_DIFF_LINES:
            shown.append(f"... and {len(found) - MAX_DIFF_LINES} more lines")
        raise Drift(
            f"generated/ is not what {INPUTS} generate; run `make generate` and commit generated/"
            " (never edit it by hand). What differs:\n" + "\n".join(shown)
        )
    return "generated/ is what its inputs generate (compared by content)"


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv[1:])
    return run("check-generated", check)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
