"""What is released, and the check that CHANGELOG.md and releases/ agree on it.

One source of truth: a version is released once its CHANGELOG.md entry is
dated (`## [X.Y.Z] - YYYY-MM-DD`, as Keep a Changelog writes a release);
`## [Unreleased]` and an undated `## [X.Y.Z]` are not releases. A released
version has its spec recorded, byte for byte, in releases/X.Y.Z.yaml
(`make release-spec` in the release commit), the breaking-change gate's base.
The check fails when the two disagree: a dated version without its record,
or a record without a dated entry.

Usage: python -m scripts.releases [--changelog CHANGELOG.md] [--releases releases]
Exit status: 0 they agree, 1 they disagree, 2 unreadable input.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from packaging.version import Version

from .spec import load_spec
from .versions import parse_release

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "CHANGELOG.md"
RELEASES = ROOT / "releases"
HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?P<rest>.*)$")
DATED = re.compile(r"^\s*-\s*(?P<date>\S+)")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNRELEASED = "Unreleased"


class BadChangelog(ValueError):
    """A heading of CHANGELOG.md dates something that cannot be a release."""


@dataclass(frozen=True)
class Entry:
    """One `## [name]` section of CHANGELOG.md: its date when released, its line, and its text."""

    name: str
    date: str | None
    line: int
    text: str


def entries(changelog: Path = CHANGELOG) -> list[Entry]:
    """The `## [...]` sections of a changelog, in file order (a missing file has none)."""
    if not changelog.is_file():
        return []
    found: list[Entry] = []
    lines = changelog.read_text(encoding="utf-8").splitlines()
    starts = [(number, match) for number, line in enumerate(lines) if (match := HEADING.match(line))]
    for index, (number, match) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        body = "\n".join(lines[number + 1 : end]).strip()
        found.append(Entry(match["name"], dated(changelog, number + 1, match["name"], match["rest"]), number + 1, body))
    return found


def dated(changelog: Path, line: int, name: str, rest: str) -> str | None:
    """The release date a heading gives, None when it gives none; a bad date or version is an error."""
    when = DATED.match(rest)
    if not when or name == UNRELEASED:
        return None  # `[Unreleased]` is never a release, dated or not
    where = f"{changelog.name}:{line}"
    try:
        if not DATE.match(when["date"]):
            raise ValueError
        date.fromisoformat(when["date"])
    except ValueError:
        raise BadChangelog(f"{where}: '{when['date']}' is not a date (YYYY-MM-DD)") from None
    if parse_release(name) is None:
        raise BadChangelog(f"{where}: '[{name}]' is dated but is not a release version (MAJOR.MINOR.PATCH)")
    return when["date"]


def released(changelog: Path = CHANGELOG) -> dict[Version, Entry]:
    """The released versions (dated entries), by version."""
    return {Version(entry.name): entry for entry in entries(changelog) if entry.date}


def entry_for(changelog: Path, version: str) -> Entry | None:
    """The section for this version, else None."""
    return next((entry for entry in entries(changelog) if entry.name == version), None)


def unreleased(changelog: Path = CHANGELOG) -> Entry | None:
    """The `## [Unreleased]` section, else None."""
    return entry_for(changelog, UNRELEASED)


def record_of(version: Version | str, releases: Path = RELEASES) -> Path:
    """Where a release's spec is recorded."""
    return releases / f"{version}.yaml"


def recorded(releases: Path = RELEASES) -> dict[Version, Path]:
    """releases/<version>.yaml files by version (other names are reported by `disagreements`)."""
    found = {parse_release(path.stem): path for path in releases.glob("*.yaml")}
    return {version: path for version, path in found.items() if version is not None}


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    parser.add_argument("--releases", type=Path, default=RELEASES)
    args = parser.parse_args(argv[1:])
    try:
        problems = disagreements(args.changelog, args.releases)
    except (BadChangelog, OSError, yaml.YAMLError) as error:
        print(f"check-releases: {error}", file=sys.stderr)
        return 2
    if problems:
        for problem in problems:
            print(f"check-releases: {problem}", file=sys.stderr)
        return 1
    versions = ", ".join(str(version) for version in sorted(released(args.changelog)))
    print(f"check-releases: every dated version in {args.changelog.name} is recorded in releases/: {versions}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
