"""The breaking-change gate's policy: which changes block a release, on the findings of scripts/gate_wire.py and
scripts/gate_python.py.

- A change is breaking when its rule is (scripts/gate_rules.py); each is
  listed once, with every place a client meets it, and the Python-API
  breakages a wire change causes are listed with it (matched on the names
  both findings carry, never on their words).
- Breaking changes pass only when the major version of info.version was
  raised; a changed info.version must be described in CHANGELOG.md.
- The base is the newest release: a version is released once its
  CHANGELOG.md entry is dated, and its spec is recorded byte for byte in
  releases/<version>.yaml (scripts.releases). A released info.version never
  changes: openapi.yaml must then be its record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.version import Version

from . import releases
from .gate_python import python_api_changes
from .gate_rules import Change, InputError
from .gate_wire import classify
from .releases import CHANGELOG, RELEASES
from .spec import load_spec
from .tool import ToolError
from .versions import major, parse


@dataclass
class Entry:
    """One change as the report lists it: the first finding, every place clients meet it, the Python API it breaks."""

    change: Change
    places: list[str] = field(default_factory=list)
    python: list[Change] = field(default_factory=list)

    @property
    def rule(self) -> str:
        return self.change.rule


@dataclass
class Verdict:
    """Whether a change may land, and why."""

    old_version: str
    new_version: str
    breaking: list[Entry]
    other: list[Entry]
    major_not_raised: bool
    changelog_missing: bool
    changelog_name: str

    @property
    def passed(self) -> bool:
        return not (self.major_not_raised or self.changelog_missing)


def listed_once(changes: Iterable[Change]) -> list[Entry]:
    """Changes by the same rule, with the same words, on the same field, merged: one entry, every place.

    A shared schema reaches clients through several operations; the change
    is one change, so it gets one line that names them all.
    """
    merged: dict[tuple[str, str, str, str], Entry] = {}
    for change in changes:
        location = change.location
        # the place without its operation: `response 200: response.canEdit`
        parts = location.split(" ", 2)
        where = parts[2] if change.path[0] == "paths" and len(change.path) > 3 and len(parts) == 3 else location
        entry = merged.setdefault((change.kind, change.rule, change.key or change.description, where), Entry(change))
        if location not in entry.places:
            entry.places.append(location)
    return list(merged.values())


def _spelled(names: Iterable[str]) -> set[str]:
    """Names as the generator spells them, comparable across the wire and Python (canEdit ~ can_edit)."""
    return {name.replace("_", "").lower() for name in names}


def with_python_places(entries: list[Entry]) -> list[Entry]:
    """Python API breakages listed with the wire change they follow from, as more places clients meet it.

    A Python breakage belongs to the first wire change that names what it
    names (a removed `isNotify` and a removed `UpdateCaseRequest.is_notify`);
    one that no wire change explains stays an entry of its own: the wire
    layer passed it.
    """
    wire = [entry for entry in entries if entry.change.path[0] != "python"]
    merged = list(wire)
    for entry in entries:
        if entry.change.path[0] != "python":
            continue
        names = _spelled(entry.change.names)
        match = next((found for found in wire if _spelled(found.change.names) & names), None)
        if match is None:
            merged.append(entry)
        else:
            match.python.append(entry.change)
    return merged


def _major(version: str) -> int:
    number = major(version)
    if number is None:
        raise InputError(f"info.version {version!r} is not MAJOR.MINOR.PATCH[-pre]")
    return number


def changelog_has(changelog: Path, version: str) -> bool:
    """Whether CHANGELOG.md describes this version: its own entry, or (while unreleased) `## [Unreleased]` with text."""
    if releases.entry_for(changelog, version):
        return True
    pending = releases.unreleased(changelog)
    return pending is not None and bool(pending.text)


def gate(before: dict[str, Any], after: dict[str, Any], changelog: Path, python_api: bool = True) -> Verdict:
    """Whether the change from `before` to `after` may land (scripts/gate_words.report says why in lines)."""
    old_version, new_version = str(before["info"]["version"]), str(after["info"]["version"])
    changes = classify(before, after) + (python_api_changes(before, after) if python_api else [])
    breaking = with_python_places(listed_once(c for c in changes if c.kind == "breaking"))
    other = listed_once(c for c in changes if c.kind != "breaking")
    return Verdict(
        old_version,
        new_version,
        breaking,
        other,
        major_not_raised=bool(breaking) and _major(new_version) <= _major(old_version),
        changelog_missing=new_version != old_version and not changelog_has(changelog, new_version),
        changelog_name=changelog.name,
    )


class ReleaseChanged(ToolError):
    """info.version is released, and openapi.yaml is no longer its recorded spec (exit 1)."""

    heading = "FAIL"


def spec_version(spec_path: Path) -> tuple[str, Version]:
    version = str(load_spec(spec_path).get("info", {}).get("version"))
    current = parse(version)
    if current is None:
        raise InputError(f"info.version {version!r} is not MAJOR.MINOR.PATCH[-pre]")
    return version, current


def is_its_release(spec_path: Path, changelog: Path = CHANGELOG, records: Path = RELEASES) -> bool:
    """Whether the spec is the recorded release of its own info.version, byte for byte.

    A released info.version (dated in CHANGELOG.md, recorded) with any other byte raises
    ReleaseChanged: a release never changes, whatever the gate compares with.
    """
    version, current = spec_version(spec_path)
    dated = releases.released(changelog)
    record = releases.record_of(version, records)
    if current not in dated or not record.is_file():
        return False
    if record.read_bytes() == spec_path.read_bytes():
        return True
    raise ReleaseChanged(
        f"{version} is released ({changelog.name} dates it {dated[current].date}) and {spec_path.name} is no"
        f" longer {records.name}/{record.name}: a release never changes. Raise info.version for this change"
        f" (and describe it under '## [Unreleased]' in {changelog.name}), or undo it"
    )


def default_base(spec_path: Path, changelog: Path = CHANGELOG, records: Path = RELEASES) -> Path | None:
    """The release to compare with: the newest released version; None when the spec is that release, byte for byte.

    A version is released once its CHANGELOG.md entry is dated (scripts.releases). At a released
    info.version, the spec must be its record: there is nothing to compare, and any other byte is
    refused (is_its_release). A version dated but not yet recorded is the release being made
    (`make release-spec`): it is compared with the release before it, like any newer version.
    """
    if is_its_release(spec_path, changelog, records):
        return None
    version, current = spec_version(spec_path)
    dated = releases.released(changelog)
    older = [released for released in dated if released < current]
    newest = max(dated, default=None)
    if newest is not None and newest > current and current not in dated:
        raise ReleaseChanged(
            f"info.version {version} is older than the newest release {newest}: raise it above {newest}"
        )
    if not older:
        raise InputError(
            f"no version before {version} is released ({changelog.name} dates no earlier one): nothing to compare with;"
            " give BASE=<git ref>"
        )
    base = releases.record_of(max(older), records)
    if not base.is_file():
        raise InputError(
            f"{max(older)} is released ({changelog.name} dates it) but {records.name}/{base.name} is missing:"
            " record it (`make check-releases` says how)"
        )
    return base
