"""Record openapi.yaml as released: an exact copy in releases/<info.version>.yaml.

Run in the release commit, once CHANGELOG.md dates the version (a version
is released when its entry is dated: scripts.releases); an undated version
is refused, so no record exists without its dated entry. The breaking-change
gate compares with the newest of these copies, so it has a base in any
clone, tags or not. A release is immutable: recording the same version
again with the same bytes does nothing; with different bytes it is refused
(raise info.version instead).

Usage: python -m scripts.release_spec [--spec openapi.yaml] [--releases releases] [--changelog CHANGELOG.md]
Exit status: 0 recorded (or already recorded, identical), 1 refused (that
version is recorded with other content, or not dated in CHANGELOG.md), 2 bad
input (unreadable spec or changelog, no x.y.z info.version).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml
from packaging.version import Version

from . import releases
from .safe_write import write_file
from .spec import load_spec
from .tool import BadInput, ToolError, run
from .versions import parse_release


class Refused(ToolError):
    """The version is not dated, or is recorded with other content (exit 1)."""


def record(spec: Path, folder: Path, changelog: Path = releases.CHANGELOG) -> str:
    """Copy the spec to releases/<version>.yaml unless that version holds something else; say what was done."""
    try:
        version = str(load_spec(spec).get("info", {}).get("version"))
    except (OSError, yaml.YAMLError, ValueError) as error:
        raise BadInput(f"cannot read {spec}: {error}") from None
    if parse_release(version) is None:
        raise BadInput(f"info.version {version!r} is not MAJOR.MINOR.PATCH")
    dated = releases.released(changelog)  # an unreadable changelog is releases.BadChangelog (exit 2)
    if Version(version) not in dated:
        raise Refused(
            f"{changelog.name} does not date {version}: a version is released once its entry is dated;"
            f" in the release commit, rename '## [Unreleased]' to '## [{version}] - {date.today().isoformat()}'"
            " (and start a new empty '## [Unreleased]'), then run `make release-spec` again"
        )
    target = releases.record_of(version, folder)
    content = spec.read_bytes()
    if target.exists():
        if target.read_bytes() == content:
            return f"{target} already records this spec; nothing to do"
        raise Refused(f"{target} exists with other content: a release is immutable, raise info.version")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_file(target, content)  # never a half-written release
    except OSError as error:
        raise BadInput(f"cannot write {target}: {error.strerror or error}") from None
    return f"recorded {spec.name} as {target}; commit it with the release"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=releases.ROOT / "openapi.yaml")
    parser.add_argument("--releases", type=Path, default=releases.RELEASES)
    parser.add_argument("--changelog", type=Path, default=releases.CHANGELOG)
    args = parser.parse_args(argv[1:])
    return run("release-spec", lambda: record(args.spec, args.releases, args.changelog))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
