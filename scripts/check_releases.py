"""`make check-releases`: fail when CHANGELOG.md's dated versions and releases/ disagree.

A dated version without its record, a record without a dated entry, a
version dated twice, or a record whose info.version is not its name
(scripts.releases says what a release is).

Usage: python -m scripts.check_releases [--changelog CHANGELOG.md] [--releases releases]
Exit status: 0 they agree, 1 they disagree, 2 unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .releases import CHANGELOG, RELEASES, entries, recorded, released
from .spec import load_spec
from .tool import BadInput, ToolError, run
from .versions import parse_release


class Disagree(ToolError):
    """CHANGELOG.md and releases/ disagree: exit 1, one message per disagreement."""


def disagreements(changelog: Path = CHANGELOG, releases: Path = RELEASES) -> list[str]:
    """Every way CHANGELOG.md's dated versions and releases/ disagree, one sentence each."""
    dated_versions = released(changelog)
    records = recorded(releases)
    problems = [
        f"{releases.name}/{path.name}: not a release version (name it MAJOR.MINOR.PATCH.yaml)"
        for path in sorted(releases.glob("*.yaml"))
        if parse_release(path.stem) is None
    ]
    seen: dict[str, int] = {}
    for entry in entries(changelog):
        if entry.date and entry.name in seen:
            problems.append(
                f"{changelog.name}:{entry.line} dates {entry.name} again (first at line {seen[entry.name]})"
            )
        seen.setdefault(entry.name, entry.line)
    for version in sorted(dated_versions.keys() - records.keys()):
        entry = dated_versions[version]
        problems.append(
            f"{changelog.name}:{entry.line} dates {version} ({entry.date})"
            f" but {releases.name}/{version}.yaml is missing:"
            f" record the spec it released (in the release commit `make release-spec`; for a past release"
            f" `git show <its commit>:openapi.yaml > {releases.name}/{version}.yaml`)"
        )
    for version in sorted(records.keys() - dated_versions.keys()):
        problems.append(
            f"{releases.name}/{version}.yaml records {version} but {changelog.name} has no dated entry"
            f" '## [{version}] - YYYY-MM-DD': date the entry in the release commit, or remove the record"
        )
    for version in sorted(records.keys() & dated_versions.keys()):
        says = str(load_spec(records[version]).get("info", {}).get("version"))
        if says != str(version):
            problems.append(f"{releases.name}/{version}.yaml says info.version {says}: a record is its release's spec")
    return problems


def check(changelog: Path, releases: Path) -> str:
    try:
        problems = disagreements(changelog, releases)
    except (OSError, yaml.YAMLError) as error:  # a record that cannot be read (the changelog: releases.BadChangelog)
        raise BadInput(str(error)) from None
    if problems:
        raise Disagree(problems)
    versions = ", ".join(str(version) for version in sorted(released(changelog)))
    return f"every dated version in {changelog.name} is recorded in {releases.name}/: {versions}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    parser.add_argument("--releases", type=Path, default=RELEASES)
    args = parser.parse_args(argv[1:])
    return run("check-releases", lambda: check(args.changelog, args.releases))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
