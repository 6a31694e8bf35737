"""Record openapi.yaml as released: an exact copy in releases/<info.version>.yaml.

The breaking-change gate compares with the newest of these copies, so it
has a base in any clone, tags or not. A release is immutable: recording the
same version again with the same bytes does nothing; with different bytes
it is refused (raise info.version instead).

Usage: python -m scripts.release_spec [--spec openapi.yaml] [--releases releases]
Exit status: 0 recorded (or already recorded, identical), 1 refused (that
version is recorded with other content), 2 bad input (unreadable spec, no
x.y.z info.version).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .spec import load_spec
from .versions import parse_release

ROOT = Path(__file__).resolve().parent.parent


def record(spec: Path, releases: Path) -> tuple[int, str]:
    """Copy the spec to releases/<version>.yaml unless that version holds something else; exit status and message."""
    version = str(load_spec(spec).get("info", {}).get("version"))
    if parse_release(version) is None:
        return 2, f"release-spec: info.version {version!r} is not MAJOR.MINOR.PATCH"
    target = releases / f"{version}.yaml"
    content = spec.read_bytes()
    if target.exists():
        if target.read_bytes() == content:
            return 0, f"release-spec: {target} already records this spec; nothing to do"
        return 1, f"release-spec: {target} exists with other content: a release is immutable, raise info.version"
    releases.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".yaml.tmp")
    scratch.write_bytes(content)
    scratch.replace(target)  # a rename: never a half-written release
    return 0, f"release-spec: recorded {spec.name} as {target}; commit it with the release"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--releases", type=Path, default=ROOT / "releases")
    args = parser.parse_args(argv[1:])
    try:
        status, message = record(args.spec, args.releases)
    except (OSError, yaml.YAMLError, ValueError) as error:
        status, message = 2, f"release-spec: cannot read {args.spec}: {error}"
    print(message, file=sys.stdout if status == 0 else sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
