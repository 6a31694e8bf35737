"""Publish dist/ (reference page, bundled spec, the client's wheel) as one immutable version of a static API portal.

The portal is a folder any static host that follows symbolic links can serve:

    <portal>/<version>/            one per release, never changed: index.html (Redoc, with a bar linking
                                   the other versions, latest/, the changelog and the downloads),
                                   openapi.yaml, openapi.json, release.json (its CHANGELOG.md entry),
                                   reference.md, the wheel and sdist if built, and changelog.html and
                                   changelog.md -> ../.current/changelog/<version>.{html,md}
    <portal>/index.html            every version, with links          -> .current/index.html
    <portal>/versions.json         the same, for machines             -> .current/versions.json
    <portal>/llms.txt, feed.atom   the same, for assistants and feed readers; favicon.svg
    <portal>/latest/               the newest version                 -> .current/latest -> ../../<version>
    <portal>/.well-known/api-catalog   RFC 9727 linkset               -> .current/.well-known/api-catalog
    <portal>/.current              -> .state/<hash>: the listing and the changelog pages, derived from
                                   the version folders (changes.json keeps the computed diffs)

A changelog page compares a version with the one before it by version number,
so publishing an older version later changes the page of the next one: the
pages are derived state, re-rendered into each new listing and switched with
it; only diffs whose pair of versions is new are computed (the rest come from
the current listing's changes.json, since version folders never change).
Pages are rendered by scripts/portal_pages.py and scripts/portal_reference.py.

Why it survives crashes and races:
- One publisher at a time: a lock file in the portal (filelock); a second publisher
  waits --lock-timeout seconds, then fails (exit 4).
- A version folder is staged whole and renamed into place in one step, so one that is
  there is complete; rename(2) never replaces a non-empty folder, so it is immutable.
- The listing (index.html, versions.json, latest/, the catalog) is computed from the
  complete version folders, staged as .state/<hash>, and switched by renaming one
  symbolic link (.current): a reader sees the old listing or the new one, never a mix.
- Every run, under the lock, first removes what a killed run left half-done and
  re-derives the listing, so a killed publish is completed by the next run.

Usage: python -m scripts.publish_portal --portal DIR [--dist DIR] [--changelog FILE] [--dry-run]
                                       [--lock-timeout SECONDS]
       (`make publish DRY_RUN=1` passes --dry-run)
Exit status: 0 published, repaired, or nothing to do; 1 refused (the version is published
with other bytes); 2 bad input (missing dist files, a version that is not X.Y.Z);
3 cannot publish there (a file, under a file, read-only, inside the build output or the work tree);
4 another publish held the lock too long.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import html
import json
import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import filelock
from packaging.version import Version

from . import release_notes
from .portal_listing import CHANGELOG, CHANGELOG_MD, NOTES, REFERENCE, listing_files
from .portal_reference import reference_markdown
from .spec import load_spec
from .versions import parse

ROOT = Path(__file__).resolve().parent.parent
# Folders the project's own builds write: a portal in one of them is overwritten by the next build.
BUILD_OUTPUT = (ROOT / "dist", ROOT / "generated", ROOT / ".venv", ROOT / "node_modules")
SOURCE_FILES = ("index.html", "openapi.yaml", "openapi.json")
# Rendered from the release, not compared with it: a newer publisher may render them better.
DERIVED = frozenset({REFERENCE, CHANGELOG, CHANGELOG_MD})
LISTING = ("index.html", "versions.json", "latest", ".well-known", "llms.txt", "feed.atom", "favicon.svg")
LOCK_NAME = ".publish.lock"
# Where a version's notes and date come from unless --changelog says otherwise.
CHANGELOG_FILE = ROOT / "CHANGELOG.md"
EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_CANNOT, EXIT_BUSY = 1, 2, 3, 4


class Refused(Exception):
    """The version is already published with other bytes (exit 1)."""


class CannotPublishThere(Exception):
    """The portal path cannot hold a portal, or writing to it failed (exit 3)."""


class Busy(Exception):
    """Another publish held the lock for longer than we wait (exit 4)."""


def version_key(version: str) -> Version:
    """Sort key for X.Y.Z[-pre]: a pre-release comes before its release, rc.10 after rc.2 (scripts/versions.py)."""
    parsed = parse(version)
    if parsed is None:
        raise ValueError(version)
    return parsed


@dataclass(frozen=True)
class Release:
    """What one version folder holds, built from dist/ before anything is written."""

    version: str
    title: str
    files: dict[str, bytes]  # the release's own bytes: what "same release" compares
    derived: dict[str, bytes] = field(default_factory=dict)  # rendered from them: written, never compared


def read_release(dist: Path, changelog: Path | None = None) -> Release:
    """The release in dist/: the three built files, the wheel and sdist of the same version if `make package` built
    them, and the version's entry in `changelog` (CHANGELOG.md)."""
    missing = [name for name in SOURCE_FILES if not (dist / name).is_file()]
    if missing:
        raise ValueError(f"{dist} lacks {', '.join(missing)}: run `make bundle docs` first")
    info = load_spec(dist / "openapi.yaml")["info"]
    version, title = str(info["version"]), str(info["title"])
    if parse(version) is None:
        raise ValueError(f"info.version {version!r} is not a version of the form X.Y.Z[-pre]")
    files = {name: (dist / name).read_bytes() for name in SOURCE_FILES}
    packages = [
        *sorted((dist / "package").glob(f"*-{version}-py3-none-any.whl"))[-1:],
        *sorted((dist / "package").glob(f"*-{version}.tar.gz"))[-1:],
    ]
    for package in packages:
        files[package.name] = package.read_bytes()
    files["index.html"] = with_navigation(files["index.html"], version, [package.name for package in packages])
    changelog = changelog or CHANGELOG_FILE
    try:
        entry = release_notes.entry(changelog.read_text(encoding="utf-8"), version)
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(
            f"cannot read the changelog {changelog}: {getattr(error, 'strerror', None) or error}"
        ) from None
    record = {"version": version, "date": entry.date, "notes": entry.notes}
    files[NOTES] = (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode()
    try:
        reference = reference_markdown(json.loads(files["openapi.json"]))
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"cannot render {dist / 'openapi.json'} as Markdown: {error!r}") from None
    return Release(version, title, files, {REFERENCE: reference.encode()})


def with_navigation(page: bytes, version: str, packages: list[str]) -> bytes:
    """The Redoc page with a favicon and a bar linking the other versions, latest/, the changelog and the downloads.

    The other versions come from ../versions.json when the page is opened, so the
    release's bytes never change when a later version is published.
    """
    downloads = ["openapi.yaml", "openapi.json", *packages]
    links = " ".join(f'<a href="{html.escape(name)}">{html.escape(name)}</a>' for name in downloads)
    bar = f"""<nav id="portal-nav" aria-label="Portal" style="font:14px/1.6 system-ui,sans-serif;padding:6px 16px;\
background:#f3f5f8;border-bottom:1px solid #d8dde3">
  <strong>Version {html.escape(version)}</strong> ·
  <a href="../">All versions</a> · <a href="../latest/">latest</a> ·
  <a href="{CHANGELOG}">Changes in {html.escape(version)}</a> · <a href="{REFERENCE}">Reference as Markdown</a> ·
  Downloads: {links} · Other versions: <span id="portal-versions"></span>
</nav>
<script>
fetch("../versions.json").then((r) => r.json()).then((portal) => {{
  const list = document.getElementById("portal-versions");
  for (const entry of portal.versions.filter((e) => e.version !== {json.dumps(version)})) {{
    const link = document.createElement("a");
    link.href = "../" + entry.url;
    link.textContent = entry.version;
    list.append(link, " ");
  }}
}}).catch(() => {{}});
</script>
"""
    head, body, rest = page.partition(b"<body>")
    if not body:
        raise ValueError("the reference page has no <body> tag: rebuild it with `make docs`")
    icon = b'<head>\n  <link rel="icon" href="../favicon.svg" type="image/svg+xml">'
    return head.replace(b"<head>", icon, 1) + body + b"\n" + bar.encode() + rest


# --- what the portal holds -------------------------------------------------------------------


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


# --- the listing, derived from the version folders ----------------------------------------------


def state_name(versions: list[str], files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(versions[0].encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()[:16]


# --- writing, one atomic step at a time ---------------------------------------------------------


def write_file(path: Path, data: bytes) -> None:
    """Write a file inside a staging folder and flush it to disk before it is renamed anywhere."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable: a rename is atomic, but survives power loss only once the folder is synced."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def point(link: Path, target: str) -> None:
    """Make `link` a symbolic link to `target` in one step: a new link renamed over the old one."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    if link.is_dir() and not link.is_symlink():  # a portal from before symlinks: latest/ was a copy
        shutil.rmtree(link)
    temporary = link.with_name(f".{link.name}.{uuid.uuid4().hex}.tmp")
    temporary.symlink_to(target)
    os.replace(temporary, link)


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


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


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
            write_file(staging / relative, data)
        (staging / "latest").symlink_to(f"../../{versions[0]}")
        (portal / ".state").mkdir(exist_ok=True)
        os.replace(staging, state)
    point(portal / ".current", f".state/{name}")
    for entry in LISTING:
        point(portal / entry, f".current/{entry}")
    fsync_folder(portal)
    return [f"listed {', '.join(versions)}; latest is {versions[0]}"]


def clean_up(portal: Path) -> list[str]:
    """Remove what a killed or failed publish left behind; it is invisible to readers."""
    leftovers = list(scratch_entries(portal))
    for entry in leftovers:
        remove(entry)
    return [f"removed {len(leftovers)} leftover(s) of an interrupted publish"] if leftovers else []


def add_version(portal: Path, release: Release) -> None:
    """Stage the release whole and rename it into place: one step, never over an existing folder."""
    staging = portal / f".staging-{uuid.uuid4().hex}"
    for name, data in {**release.files, **release.derived}.items():
        write_file(staging / name, data)
    # Its changelog compares with the version before it, which a later publish may change: the listing's to say.
    for name, suffix in ((CHANGELOG, "html"), (CHANGELOG_MD, "md")):
        (staging / name).symlink_to(f"../.current/changelog/{release.version}.{suffix}")
    try:
        os.rename(staging, portal / release.version)
    except OSError as error:
        # rename(2) refuses to replace a non-empty folder: someone else's release got there first.
        if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
        shutil.rmtree(staging)
        if not same_release(portal / release.version, release):
            raise Refused(conflict(portal, release)) from None
    fsync_folder(portal)


def conflict(portal: Path, release: Release) -> str:
    version, differ = release.version, ", ".join(differences(portal / release.version, release))
    return (
        f"version {version} is already published in {portal} with different bytes ({differ}); "
        "a release is immutable: raise info.version in openapi.yaml (and CHANGELOG.md) to publish this change"
    )


# --- where it may go ------------------------------------------------------------------------------


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
    return said + (f" (first {'; '.join(repaired)})" if repaired else "") + undated(release)


def undated(release: Release) -> str:
    """A warning when the changelog had no dated entry for the version: its pages say so."""
    if json.loads(release.files[NOTES])["date"]:
        return ""
    return (
        f"; note: the changelog has no '## [{release.version}] - YYYY-MM-DD' entry, so its pages show no notes"
        " and date it by this publish"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", type=Path, required=True, help="the portal folder (created if missing)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="built files to publish (default: dist)")
    parser.add_argument(
        "--changelog",
        type=Path,
        default=CHANGELOG_FILE,
        help="where the version's notes and date come from (default: CHANGELOG.md)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would change, write nothing",
    )
    parser.add_argument(
        "--lock-timeout", type=float, default=60.0, help="seconds to wait for another publish (default: 60)"
    )
    args = parser.parse_args(argv[1:])
    try:
        print(f"publish: {publish(args.dist, args.portal, args.dry_run, args.lock_timeout, args.changelog)}")
    except ValueError as error:
        print(f"publish: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Refused as error:
        print(f"publish: refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except CannotPublishThere as error:
        print(f"publish: cannot publish there: {error}", file=sys.stderr)
        return EXIT_CANNOT
    except Busy as error:
        print(f"publish: busy: {error}", file=sys.stderr)
        return EXIT_BUSY
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
