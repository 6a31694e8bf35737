"""What is released: CHANGELOG.md's dated versions and their records in releases/.

One source of truth: a version is released once its CHANGELOG.md entry is
dated (`## [X.Y.Z] - YYYY-MM-DD`, as Keep a Changelog writes a release);
`## [Unreleased]` and an undated `## [X.Y.Z]` are not releases. A released
version has its spec recorded, byte for byte, in releases/X.Y.Z.yaml
(`make release-spec` in the release commit), the breaking-change gate's base.
`make check-releases` (scripts.check_releases) proves the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packaging.version import Version

from .tool import BadInput
from .versions import parse_release

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "CHANGELOG.md"
RELEASES = ROOT / "releases"
HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?P<rest>.*)$")
DATED = re.compile(r"^\s*-\s*(?P<date>\S+)")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNRELEASED = "Unreleased"


class BadChangelog(BadInput):
    """CHANGELOG.md cannot be read, or a heading dates something that cannot be a release (exit 2)."""


@dataclass(frozen=True)
class Entry:
    """One `## [name]` section of CHANGELOG.md: its date when released, its line, and its text."""

    name: str
    date: str | None
    line: int
    text: str


def entries(changelog: Path = CHANGELOG) -> list[Entry]:
    """The `## [...]` sections of a changelog, in file order (a missing file has none)."""
    if not changelog.exists():
        return []
    try:
        lines = changelog.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BadChangelog(f"cannot read {changelog}: {getattr(error, 'strerror', None) or error}") from None
    found: list[Entry] = []
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
