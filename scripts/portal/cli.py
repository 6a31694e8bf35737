"""Publish dist/ as one immutable version of the API portal (scripts/portal/__init__.py tells how it is laid out).

Usage: python -m scripts.publish --portal DIR [--dist DIR] [--changelog FILE] [--dry-run]
                                       [--lock-timeout SECONDS]
       (`make publish DRY_RUN=1` passes --dry-run)
Exit status: 0 published, repaired, or nothing to do; 1 refused (the version is published
with other bytes); 2 bad input (missing dist files, a version that is not X.Y.Z);
3 cannot publish there (a file, under a file, read-only, inside the build output or the work tree);
4 another publish held the lock too long.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import filelock

from ..releases import ROOT
from ..tool import BadInput, ToolError, run
from .listing import NOTES
from .release import Release, read_release, version_key
from .state import (
    Refused,
    add_version,
    clean_up,
    complete_versions,
    conflict,
    same_release,
    scratch_entries,
    undated,
    update_listing,
)

# Folders the project's own builds write: a portal in one of them is overwritten by the next build.
BUILD_OUTPUT = (ROOT / "dist", ROOT / "generated", ROOT / ".venv", ROOT / "node_modules")
LOCK_NAME = ".publish.lock"
EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_CANNOT, EXIT_BUSY = Refused.exit_status, BadInput.exit_status, 3, 4


class CannotPublishThere(ToolError):
    """The portal path cannot hold a portal, or writing to it failed (exit 3)."""

    exit_status = EXIT_CANNOT
    heading = "cannot publish there"


class Busy(ToolError):
    """Another publish held the lock for longer than we wait (exit 4)."""

    exit_status = EXIT_BUSY
    heading = "busy"


def check_target(portal: Path, dist: Path) -> None:
    """Refuse a portal path that cannot hold a portal, before anything is written."""
    resolved = portal.resolve()
    for output in (*BUILD_OUTPUT, dist.resolve()):
        if resolved == output or output in resolved.parents or resolved in output.parents:
            raise CannotPublishThere(
                f"{portal} is inside (or holds) the build output {output}: the next build would overwrite the "
                "portal; publish to a folder outside the project"
            )
    if resolved.is_relative_to(ROOT):  # e.g. PORTAL_DIR=portal, relative to the work tree
        raise CannotPublishThere(
            f"{portal} is inside the project's work tree {ROOT}: `make clean` would not remove it and git would"
            " show it; publish to a folder outside the project (an absolute PORTAL_DIR)"
        )
    for path in (resolved, *resolved.parents):
        if path.exists() and not path.is_dir():
            what = "is a file, not a folder" if path == resolved else f"is under {path}, which is a file"
            raise CannotPublishThere(f"{portal} {what}")
        if path.is_dir():
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                raise CannotPublishThere(f"{portal} is on a read-only file system (at {path})")
            if not os.access(path, os.W_OK | os.X_OK):
                raise CannotPublishThere(f"{portal} is not writable: permission denied at {path}")
            return


def plan(portal: Path, release: Release) -> list[str]:
    """What a publish would change, one line each."""
    if not portal.is_dir():
        return [f"create {portal}/", f"add {portal / release.version}/", f"list {release.version} as latest"]
    leftovers = len(list(scratch_entries(portal)))
    lines = [f"remove {leftovers} leftover(s) of an interrupted publish"] if leftovers else []
    if (portal / release.version).exists():
        if not same_release(portal / release.version, release):
            raise Refused(conflict(portal, release))
    else:
        lines.append(f"add {portal / release.version}/ ({', '.join([*release.files, *release.derived])})")
        date = json.loads(release.files[NOTES])["date"]
        lines.append(
            f"record its changelog entry, dated {date}"
            if date
            else "record no notes: the changelog has no dated entry for it"
        )
    versions = sorted({*complete_versions(portal), release.version}, key=version_key, reverse=True)
    old = (portal / "latest").resolve().name if (portal / "latest").is_dir() else None
    lines.append(
        f"list {', '.join(versions)} in index.html, versions.json, llms.txt, feed.atom and .well-known/api-catalog, "
        "and render their changelog pages"
    )
    lines.append(f"point {portal / 'latest'}/ at {versions[0]}" + (f" (was {old})" if old else ""))
    return lines


def publish(
    dist: Path, portal: Path, dry_run: bool = False, lock_timeout: float = 60.0, changelog: Path | None = None
) -> str:
    """Publish dist/ into the portal, completing any interrupted publish first; return what happened."""
    release = read_release(dist, changelog)
    check_target(portal, dist)
    if dry_run:
        return "dry run, nothing written; would:\n" + "\n".join(f"  {line}" for line in plan(portal, release))
    try:
        portal.mkdir(parents=True, exist_ok=True)
        with filelock.FileLock(portal / LOCK_NAME, timeout=lock_timeout):
            try:
                return publish_locked(portal, release)
            except OSError as error:
                raise CannotPublishThere(
                    f"{cannot_write(error, portal)}; the portal still shows the old or the new state, "
                    "and the next publish completes it"
                ) from None
    except filelock.Timeout:
        raise Busy(f"another publish has held {portal / LOCK_NAME} for {lock_timeout:g} s; try again later") from None
    except OSError as error:
        raise CannotPublishThere(cannot_write(error, portal)) from None


def cannot_write(error: OSError, portal: Path) -> str:
    return f"cannot write {error.filename or portal}: {error.strerror or error}"


def publish_locked(portal: Path, release: Release) -> str:
    repaired = clean_up(portal)
    folder = portal / release.version
    if folder.exists():
        if not same_release(folder, release):
            # Finish what an interrupted publish left before refusing this one.
            update_listing(portal, release.title)
            raise Refused(conflict(portal, release))
        repaired += update_listing(portal, release.title)
        clean_up(portal)  # the listing that was current until now
        if not repaired:
            return f"version {release.version} is already published with the same bytes: nothing to do"
        return f"version {release.version} was already published; completed an interrupted publish: " + "; ".join(
            repaired
        )
    add_version(portal, release)
    update_listing(portal, release.title)
    clean_up(portal)  # the listing that was current until now
    said = f"published {release.version} to {portal}; latest is {complete_versions(portal)[0]}"
    said += f" (first {'; '.join(repaired)})" if repaired else ""
    if undated(release):
        said += (
            f"; note: the changelog has no '## [{release.version}] - YYYY-MM-DD' entry, so its pages show no notes"
            " and date it by this publish"
        )
    return said


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", type=Path, required=True, help="the portal folder (created if missing)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="built files to publish (default: dist)")
    parser.add_argument(
        "--changelog",
        type=Path,
        default=None,
        help="where the version's notes and date come from (default: CHANGELOG.md)",
    )
    parser.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")
    parser.add_argument(
        "--lock-timeout", type=float, default=60.0, help="seconds to wait for another publish (default: 60)"
    )
    args = parser.parse_args(argv[1:])
    return run("publish", lambda: publish(args.dist, args.portal, args.dry_run, args.lock_timeout, args.changelog))
