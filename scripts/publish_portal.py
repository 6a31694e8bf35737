"""Publish dist/ (reference page and bundled spec) as one immutable version of a static API portal.

The portal is a folder any static host can serve:

    <portal>/<version>/index.html, openapi.yaml, openapi.json   one per release, never changed
    <portal>/latest/                                            a copy of the newest version
    <portal>/index.html                                         every version, with links
    <portal>/versions.json                                      the same, for machines

The version is the bundled spec's `info.version`. Publishing a version that
is already there with the same bytes does nothing; with different bytes it is
refused and nothing changes. Everything new is written into a staging folder
inside the portal and renamed into place; if any step fails, what was
replaced is put back, so the portal is left as it was.

Usage: python scripts/publish_portal.py --portal DIR [--dist DIR] [--dry-run]
       (DRY_RUN=1 in the environment is the same as --dry-run)
Exit status: 0 published, or nothing to do; 1 refused or failed (portal unchanged);
2 bad input (missing dist files, a version that is not X.Y.Z).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from check_spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
RELEASE_FILES = ("index.html", "openapi.yaml", "openapi.json")
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$")


class PublishError(Exception):
    """Why a publish was refused or failed; the portal is unchanged."""


def version_key(version: str) -> tuple[int, int, int, int, str]:
    """Sort key for X.Y.Z[-pre]: a pre-release comes before its release."""
    match = VERSION.match(version)
    if not match:
        raise ValueError(version)
    major, minor, patch, pre = match.groups()
    return int(major), int(minor), int(patch), 0 if pre else 1, pre or ""


def published_versions(portal: Path) -> list[str]:
    """The versions in the portal, newest first."""
    found = (
        [entry.name for entry in portal.iterdir() if entry.is_dir() and VERSION.match(entry.name)]
        if portal.is_dir()
        else []
    )
    return sorted(found, key=version_key, reverse=True)


def same_release(release: Path, dist: Path) -> bool:
    return all(
        (release / name).is_file() and (release / name).read_bytes() == (dist / name).read_bytes()
        for name in RELEASE_FILES
    )


def index_page(versions: list[str], title: str) -> str:
    items = "\n".join(
        f'    <li><a href="{v}/">{v}</a>{" (latest)" if i == 0 else ""}'
        f' — <a href="{v}/openapi.yaml">openapi.yaml</a>, <a href="{v}/openapi.json">openapi.json</a></li>'
        for i, v in enumerate(versions)
    )
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(title)}: versions</title>
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #222; }}
    li {{ margin: 0.4rem 0; }}
    a {{ color: #0b5cad; }}
  </style>
</head>
<body>
  <h1>{html.escape(title)}</h1>
  <p>Every published version of the API reference. <a href="latest/">latest/</a> is always the newest.</p>
  <ul>
{items}
  </ul>
</body>
</html>
"""


def versions_document(versions: list[str]) -> str:
    entries = [
        {"version": v, "url": f"{v}/", "openapi": {"yaml": f"{v}/openapi.yaml", "json": f"{v}/openapi.json"}}
        for v in versions
    ]
    return json.dumps({"latest": versions[0], "versions": entries}, indent=2) + "\n"


def stage(staging: Path, dist: Path, portal: Path, version: str, versions: list[str], title: str) -> dict[str, Path]:
    """Write the new release, latest/, index.html and versions.json into `staging`; return what goes where."""
    release = staging / version
    release.mkdir()
    for name in RELEASE_FILES:
        shutil.copy2(dist / name, release / name)
    latest = staging / "latest"
    shutil.copytree(release if versions[0] == version else portal / versions[0], latest)
    (staging / "index.html").write_text(index_page(versions, title), encoding="utf-8")
    (staging / "versions.json").write_text(versions_document(versions), encoding="utf-8")
    return {name: staging / name for name in (version, "latest", "index.html", "versions.json")}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def swap_in(staged: dict[str, Path], portal: Path, backups: Path) -> None:
    """Rename each staged entry into the portal; on any failure, put back what was there."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for name, new in staged.items():
            target = portal / name
            backup = None
            if target.exists() or target.is_symlink():
                backup = backups / name
                os.replace(target, backup)
            done.append((target, backup))
            os.replace(new, target)
    except OSError:
        for target, backup in reversed(done):
            _remove(target)
            if backup is not None:
                os.replace(backup, target)
        raise


def plan(portal: Path, version: str, versions: list[str]) -> list[str]:
    """What a publish would change, one line each."""
    old_latest = published_versions(portal)[:1]
    lines = [f"add {portal / version}/ ({', '.join(RELEASE_FILES)})"]
    if not old_latest or old_latest[0] != versions[0]:
        lines.append(f"point {portal / 'latest'}/ at {versions[0]}" + (f" (was {old_latest[0]})" if old_latest else ""))
    lines.append(f"write {portal / 'index.html'} and {portal / 'versions.json'} listing {', '.join(versions)}")
    return lines


def publish(dist: Path, portal: Path, dry_run: bool = False) -> str:
    """Publish dist/ into the portal; return what happened. Raise PublishError when refused or failed."""
    missing = [name for name in RELEASE_FILES if not (dist / name).is_file()]
    if missing:
        raise ValueError(f"{dist} lacks {', '.join(missing)}: run `make bundle docs` first")
    info = load_spec(dist / "openapi.yaml")["info"]
    version, title = str(info["version"]), str(info["title"])
    if not VERSION.match(version):
        raise ValueError(f"info.version {version!r} is not a version of the form X.Y.Z[-pre]")
    if (portal / version).exists():
        if same_release(portal / version, dist):
            return f"version {version} is already published with the same bytes: nothing to do"
        raise PublishError(
            f"version {version} is already published in {portal} with different bytes; "
            "a release is immutable: raise info.version in openapi.yaml (and CHANGELOG.md) to publish this change"
        )
    versions = sorted([*published_versions(portal), version], key=version_key, reverse=True)
    if dry_run:
        return "dry run, nothing written; would:\n" + "\n".join(f"  {line}" for line in plan(portal, version, versions))
    portal.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=portal) as scratch:
        staging, backups = Path(scratch) / "new", Path(scratch) / "old"
        staging.mkdir()
        backups.mkdir()
        try:
            swap_in(stage(staging, dist, portal, version, versions, title), portal, backups)
        except OSError as error:
            raise PublishError(f"publishing {version} failed ({error}); the portal was left as it was") from None
    return f"published {version} to {portal}; latest is {versions[0]}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", type=Path, required=True, help="the portal folder (created if missing)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="built files to publish (default: dist)")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        default=os.environ.get("DRY_RUN", "") not in ("", "0"),
        help="say what would change, write nothing",
    )
    args = parser.parse_args(argv[1:])
    try:
        print(f"publish: {publish(args.dist, args.portal, args.dry_run)}")
    except ValueError as error:
        print(f"publish: {error}", file=sys.stderr)
        return 2
    except PublishError as error:
        print(f"publish: refused: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
