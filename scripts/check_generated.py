"""Fail when generated/ is not what openapi.yaml, the config and the templates produce.

Regenerates into a temporary folder and compares it with generated/, file by
file. Prints a short unified diff of what differs (and which files are
missing or extra), so a hand edit or a forgotten `make generate` is caught.

Usage: python -m scripts.check_generated
Exit status: 0 when generated/ is up to date, 1 when it differs, 2 when the
generator itself failed.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .generate_client import OUTPUT, GenerationFailed, generate_into

MAX_DIFF_LINES = 60
IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


def files_under(folder: Path) -> set[Path]:
    """Relative paths of the files under a folder, caches left out."""
    return {
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and not IGNORED_PARTS & set(path.relative_to(folder).parts)
    }


def differences(expected: Path, actual: Path) -> Iterator[str]:
    """Lines describing how `actual` differs from `expected`."""
    expected_files, actual_files = files_under(expected), files_under(actual)
    for missing in sorted(expected_files - actual_files):
        yield f"missing: {actual.name}/{missing}"
    for extra in sorted(actual_files - expected_files):
        yield f"not generated (extra): {actual.name}/{extra}"
    for common in sorted(expected_files & actual_files):
        want = (expected / common).read_text(encoding="utf-8").splitlines(keepends=True)
        have = (actual / common).read_text(encoding="utf-8").splitlines(keepends=True)
        if want != have:
            name = f"{actual.name}/{common}"
            yield from (
                line.rstrip("\n")
                for line in difflib.unified_diff(have, want, f"{name} (committed)", f"{name} (from spec)")
            )


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
        print("check-generated: generated/ matches openapi.yaml, generator-config.yml and templates/")
        return 0
    print("check-generated: generated/ is not what the spec and config produce (run `make generate`):", file=sys.stderr)
    for line in found[:MAX_DIFF_LINES]:
        print(line, file=sys.stderr)
    if len(found) > MAX_DIFF_LINES:
        print(f"... and {len(found) - MAX_DIFF_LINES} more lines", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
