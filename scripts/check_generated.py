"""Fail when generated/ is not what openapi.yaml, the config and the templates produce.

Regenerates into a temporary folder and compares it with generated/, file by
file, by content (generate.differences). Prints a short unified diff of what differs (and which files are
missing or extra), so a hand edit or a forgotten `make generate` is caught.

Usage: python -m scripts.check_generated
Exit status: 0 when generated/ is up to date, 1 when it differs, 2 when the
generator itself failed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .generate import OUTPUT, GenerationFailed, differences, generate_into

MAX_DIFF_LINES = 60
INPUTS = "openapi.yaml, generator-config.yml, templates/ and handwritten/"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="check-generated-") as scratch:
        fresh = Path(scratch) / OUTPUT.name
        try:
            generate_into(fresh)
        except GenerationFailed as error:
            print(f"check-generated: the generator failed:\n{error}", file=sys.stderr)
            return 2
        found = list(differences(fresh, OUTPUT))
    if not found:
        print("check-generated: generated/ is what its inputs generate (compared by content)")
        return 0
    print(
        f"check-generated: generated/ is not what {INPUTS} generate; run `make generate` and commit generated/"
        " (never edit it by hand). What differs:",
        file=sys.stderr,
    )
    for line in found[:MAX_DIFF_LINES]:
        print(line, file=sys.stderr)
    if len(found) > MAX_DIFF_LINES:
        print(f"... and {len(found) - MAX_DIFF_LINES} more lines", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
