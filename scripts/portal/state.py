"""What the portal holds and how it changes: complete version folders, the listing derived from them, the switch.

Every change is one atomic step (scripts/safe_write.py): a version folder is
staged whole and renamed into place, never over one that is there; the
listing is staged as .state/<hash> and switched by renaming one symbolic link
(.current). Anything else a killed publish leaves is scratch, invisible to
readers, and `clean_up` removes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from ..safe_write import point, remove, rename_folder, sync_folder, write_new
from ..tool import ToolError
from ..versions import parse
from .listing import CHANGELOG, CHANGELOG_MD, NOTES, listing_files
from .release import DERIVED, SOURCE_FILES, Release, version_key

LISTING = ("index.html", "versions.json", "latest", ".well-known", "llms.txt", "feed.atom", "favicon.svg")


class Refused(ToolError):
    """The version is already published with other bytes (exit 1)."""

    exit_status = 1
    heading = "refused"


def complete_versions(portal: Path) -> list[str]:
    """The version folders that hold a whole release, newest first."""
    found = [
        entry.name
        for entry in portal.iterdir()
        if parse(entry.name) and entry.is_dir() and all((entry / name).is_file() for name in SOURCE_FILES)
    ]
    return sorted(found, key=version_key, reverse=True)


def differences(folder: Path, release: Release) -> list[str]:
    """The files in which the folder and the release differ (derived files are not compared)."""
    have = {entry.name for entry in folder.iterdir()} - DERIVED
    differ = have ^ set(release.files)
    differ |= {name for name, data in release.files.items() if name in have and (folder / name).read_bytes() != data}
    return sorted(differ)


def same_release(folder: Path, release: Release) -> bool:
    """Whether the folder holds exactly the release's files (the changelog and reference.md are derived)."""
    return not differences(folder, release)


def conflict(portal: Path, release: Release) -> str:
    version, differ = release.version, ", ".join(differences(portal / release.version, release))
    return (
        f"version {version} is already published in {portal} with different bytes ({differ}); "
        "a release is immutable: raise info.version in openapi.yaml (and CHANGELOG.md) to publish this change"
    )


def undated(release: Release) -> bool:
    """Whether the changelog had no dated entry for the version (its pages then show no notes)."""
    return not json.loads(release.files[NOTES])["date"]


# --- the listing, derived from the version folders ----------------------------------------------


def state_name(versions: list[str], files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(versions[0].encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()[:16]


def listing_is_current(portal: Path, name: str) -> bool:
    """Whether .current and the portal's links already show the listing `name`."""
    current = portal / ".current"
    return (
        current.is_symlink()
        and os.readlink(current) == f".state/{name}"
        and (portal / ".state" / name).is_dir()
        and all(
            (portal / entry).is_symlink() and os.readlink(portal / entry) == f".current/{entry}" for entry in LISTING
        )
    )


def update_listing(portal: Path, title: str) -> list[str]:
    """Derive the listing from the complete version folders and switch to it; say what changed (nothing: [])."""
    versions = complete_versions(portal)
    if not versions:
        return []
    files = listing_files(portal, versions, title)
    name = state_name(versions, files)
    if listing_is_current(portal, name):
        return []
    state = portal / ".state" / name
    if not state.is_dir():
        staging = portal / f".staging-{uuid.uuid4().hex}"
        for relative, data in files.items():
            write_new(staging / relative, data)
        (staging / "latest").symlink_to(f"../../{versions[0]}")
        (portal / ".state").mkdir(exist_ok=True)
        rename_folder(staging, state)  # one that is there already has these very files: its name is their hash
    point(portal / ".current", f".state/{name}")
    for entry in LISTING:
        point(portal / entry, f".current/{entry}")
    sync_folder(portal)
    return [f"listed {', '.join(versions)}; latest is {versions[0]}"]


# --- versions, and what an interrupted publish leaves ---------------------------------------------


def add_version(portal: Path, release: Release) -> None:
    """Stage the release whole and rename it into place: one step, never over an existing folder."""
    staging = portal / f".staging-{uuid.uuid4().hex}"
    for name, data in {**release.files, **release.derived}.items():
        write_new(staging / name, data)
    # Its changelog compares with the version before it, which a later publish may change: the listing's to say.
    for name, suffix in ((CHANGELOG, "html"), (CHANGELOG_MD, "md")):
        (staging / name).symlink_to(f"../.current/changelog/{release.version}.{suffix}")
    # Someone else's release got there first: the same bytes are fine, others are refused.
    if not rename_folder(staging, portal / release.version) and not same_release(portal / release.version, release):
        raise Refused(conflict(portal, release))


def scratch_entries(portal: Path) -> Iterator[Path]:
    """What a killed publish may have left: staging folders, temporary links, listings no longer current."""
    current = os.readlink(portal / ".current") if (portal / ".current").is_symlink() else ""
    for entry in portal.iterdir():
        if entry.name.startswith(".staging-") or (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            yield entry
    states = portal / ".state"
    if states.is_dir():
        for entry in states.iterdir():
            if f".state/{entry.name}" != current:
                yield entry


def clean_up(portal: Path) -> list[str]:
    """Remove what a killed or failed publish left behind; it is invisible to readers."""
    leftovers = list(scratch_entries(portal))
    for entry in leftovers:
        remove(entry)
    return [f"removed {len(leftovers)} leftover(s) of an interrupted publish"] if leftovers else []
