"""Fail when openapi.yaml breaks users of the last release without a new major version.

Two layers judge a change, as a user meets it: the wire (scripts/gate_wire.py,
api-smart-diff and the project's rules) and the generated Python API
(scripts/gate_python.py, griffe). Every rule has a stable id in one table
(scripts/gate_rules.py); scripts/gate_policy.py decides, scripts/gate_words.py
writes the report; this module is the command line.

The base is the newest release: a version is released once its CHANGELOG.md
entry is dated, and its spec is recorded byte for byte in
releases/<version>.yaml (scripts.check_releases checks that the two agree), so
the gate works in a clone without tags. When info.version is itself
released, openapi.yaml must be its record, byte for byte (nothing to
compare); any other byte fails: raise the version. BASE=<git ref> compares
with openapi.yaml at that ref instead. The gate lists each breaking change
once, with where a client meets it, and fails unless the major version of
info.version was raised. Non-breaking changes are listed and pass. When
info.version changed, CHANGELOG.md must describe it (its own entry, or
text under `## [Unreleased]`). The report, from the base it compared with
to the verdict, goes to stdout when the gate passes and to stderr when not.

Usage: python -m scripts.breaking [--base REF | --base-spec FILE] [--spec FILE] [--releases DIR]
       [--changelog FILE]
Exit status: 0 passes, 1 breaking changes without a major bump, a released
version changed, or a missing changelog entry; 2 bad input (no release to
compare with, unknown ref, unreadable spec, differ or generator failed).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from . import releases
from .gate_policy import default_base, gate, is_its_release
from .gate_rules import InputError
from .gate_words import report
from .releases import CHANGELOG, RELEASES
from .spec import load_spec, load_yaml
from .tool import BadInput, ToolError, run

ROOT = Path(__file__).resolve().parent.parent


def spec_at(ref: str, spec: Path) -> dict[str, Any]:
    relative = spec.resolve().relative_to(ROOT)
    result = subprocess.run(["git", "show", f"{ref}:{relative}"], capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise InputError(f"cannot read {relative} at {ref!r}: {result.stderr.strip()}")
    loaded = load_yaml(result.stdout)  # a repeated key is refused, as in every other spec read
    if not isinstance(loaded, dict):
        raise InputError(f"{relative} at {ref!r} is not an OpenAPI document")
    return loaded


def version_of(loaded: dict[str, Any]) -> str:
    return str(loaded["info"]["version"])


def shown(path: Path) -> Path:
    return path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path


class Breaking(ToolError):
    """Breaking changes without a major bump, or a changed version not in CHANGELOG.md: exit 1, the whole report."""


def judge(spec: Path, base: str | None, base_spec: Path | None, records: Path, changelog: Path) -> list[str]:
    """The gate's report on `spec` against its base: what it compared with, every change, the verdict."""
    said, before, after = compared(spec, base, base_spec, records, changelog)
    if before is None:
        return [said]
    verdict = gate(before, after, changelog)
    lines = [said, *report(verdict)]
    if not verdict.passed:
        raise Breaking(lines)
    return lines


def compared(
    spec: Path, base: str | None, base_spec: Path | None, records: Path, changelog: Path
) -> tuple[str, dict[str, Any] | None, dict[str, Any]]:
    """What the gate compares: a line naming the base, the base's spec and `spec`'s, both with an info.version.

    The base is None when `spec` is its own release, byte for byte (the line says so). Input that cannot be
    read is BadInput (exit 2); only these steps are guarded, so a bug in the gate keeps its traceback.
    """
    try:
        after = load_spec(spec)
        version = version_of(after)
        if base:
            is_its_release(spec, changelog, records)  # a released version never changes, whatever BASE
            said, before = f"base is openapi.yaml at {base}", spec_at(base, spec)
        else:
            base_spec = base_spec or default_base(spec, changelog, records)
            if base_spec is None:
                record = shown(releases.record_of(version, records))
                return f"OK: {spec.name} is the release {version} ({record}), byte for byte", None, after
            said, before = f"base is {shown(base_spec)}", load_spec(base_spec)
        version_of(before)  # gate() reads it: a base without one is bad input, not a bug of the gate
    except ToolError:
        raise  # it says what is wrong already (BadInput is a ValueError too)
    except (OSError, yaml.YAMLError, ValueError, KeyError) as error:
        raise BadInput(str(error)) from None
    return said, before, after


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git ref to compare against (default: the newest release)")
    parser.add_argument("--base-spec", type=Path, help="compare against this file instead")
    parser.add_argument(
        "--spec", type=Path, default=ROOT / "openapi.yaml", help="the spec to check (default: openapi.yaml)"
    )
    parser.add_argument("--releases", type=Path, default=RELEASES, help="folder of released specs (default: releases/)")
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    args = parser.parse_args(argv[1:])
    return run("breaking", lambda: judge(args.spec, args.base, args.base_spec, args.releases, args.changelog))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
