"""Fail when openapi.yaml breaks users of the last release without a new major version.

Two layers judge a change, as a user meets it: the wire (scripts/gate_wire.py,
api-smart-diff and the project's rules) and the generated Python API
(scripts/gate_python.py, griffe). Every rule has a stable id in one table
(scripts/gate_rules.py); scripts/gate_policy.py decides, scripts/gate_words.py
writes the report; this module is the command line.

The base is the newest release: a version is released once its CHANGELOG.md
entry is dated, and its spec is recorded byte for byte in
releases/<version>.yaml (scripts.releases checks that the two agree), so
the gate works in a clone without tags. When info.version is itself
released, openapi.yaml must be its record, byte for byte (nothing to
compare); any other byte fails: raise the version. BASE=<git ref> compares
with openapi.yaml at that ref instead. The gate lists each breaking change
once, with where a client meets it, and fails unless the major version of
info.version was raised. Non-breaking changes are listed and pass. When
info.version changed, CHANGELOG.md must describe it (its own entry, or
text under `## [Unreleased]`).

Usage: python -m scripts.breaking [--base REF | --base-spec FILE] [--spec FILE] [--changelog FILE]
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
from .gate_policy import CHANGELOG, RELEASES, ReleaseChanged, default_base, gate, is_its_release
from .gate_rules import InputError
from .gate_words import report
from .spec import load_spec

ROOT = Path(__file__).resolve().parent.parent


def spec_at(ref: str, spec: Path) -> dict[str, Any]:
    relative = spec.resolve().relative_to(ROOT)
    result = subprocess.run(["git", "show", f"{ref}:{relative}"], capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise InputError(f"cannot read {relative} at {ref!r}: {result.stderr.strip()}")
    loaded = yaml.safe_load(result.stdout)
    if not isinstance(loaded, dict):
        raise InputError(f"{relative} at {ref!r} is not an OpenAPI document")
    return loaded


def shown(path: Path) -> Path:
    return path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path


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
    try:
        after = load_spec(args.spec)
        if args.base:
            is_its_release(args.spec, args.changelog, args.releases)  # a released version never changes, whatever BASE
            print(f"breaking: base is openapi.yaml at {args.base}")
            before = spec_at(args.base, args.spec)
        else:
            base_spec = args.base_spec or default_base(args.spec, args.changelog, args.releases)
            if base_spec is None:
                version = after["info"]["version"]
                record = shown(releases.record_of(version, args.releases))
                print(f"breaking: OK: {args.spec.name} is the release {version} ({record}), byte for byte")
                return 0
            print(f"breaking: base is {shown(base_spec)}")
            before = load_spec(base_spec)
        verdict = gate(before, after, args.changelog)
    except ReleaseChanged as error:
        print(f"breaking: FAIL: {error}", file=sys.stderr)
        return 1
    except (InputError, OSError, yaml.YAMLError, ValueError, KeyError) as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    for line in report(verdict):
        print(f"breaking: {line}", file=sys.stdout if verdict.passed else sys.stderr)
    return 0 if verdict.passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
