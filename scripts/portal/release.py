"""A release as the portal publishes it, read from dist/ and CHANGELOG.md before anything is written."""

from __future__ import annotations

import errno
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import Version

from .. import releases
from ..spec import load_spec
from ..tool import BadInput
from ..versions import parse
from .listing import CHANGELOG, CHANGELOG_MD, NOTES, REFERENCE
from .reference import reference_markdown

SOURCE_FILES = ("index.html", "openapi.yaml", "openapi.json")
# Rendered from the release, not compared with it: a newer publisher may render them better.
DERIVED = frozenset({REFERENCE, CHANGELOG, CHANGELOG_MD})


class BadRelease(BadInput):
    """dist/ or the changelog cannot be published: missing files, a version that is not X.Y.Z (exit 2)."""


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
        raise BadRelease(f"{dist} lacks {', '.join(missing)}: run `make bundle docs` first")
    try:
        info = load_spec(dist / "openapi.yaml")["info"]
    except ValueError as error:  # the top level is not a mapping
        raise BadRelease(str(error)) from None
    version, title = str(info["version"]), str(info["title"])
    if parse(version) is None:
        raise BadRelease(f"info.version {version!r} is not a version of the form X.Y.Z[-pre]")
    files = {name: (dist / name).read_bytes() for name in SOURCE_FILES}
    packages = [
        *sorted((dist / "package").glob(f"*-{version}-py3-none-any.whl"))[-1:],
        *sorted((dist / "package").glob(f"*-{version}.tar.gz"))[-1:],
    ]
    for package in packages:
        files[package.name] = package.read_bytes()
    files["index.html"] = with_navigation(files["index.html"], version, [package.name for package in packages])
    record = {"version": version, **notes_of(changelog or releases.CHANGELOG, version)}
    files[NOTES] = (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode()
    try:
        reference = reference_markdown(json.loads(files["openapi.json"]))
    except (KeyError, TypeError, ValueError) as error:
        raise BadRelease(f"cannot render {dist / 'openapi.json'} as Markdown: {error!r}") from None
    return Release(version, title, files, {REFERENCE: reference.encode()})


def notes_of(changelog: Path, version: str) -> dict[str, str | None]:
    """The version's date and notes in release.json: its CHANGELOG.md entry (scripts/releases.py), or none."""
    if not changelog.exists():  # releases.entries reads a missing changelog as one without entries
        raise BadRelease(f"cannot read the changelog {changelog}: {os.strerror(errno.ENOENT)}")
    entry = releases.entry_for(changelog, version)
    if entry is None:
        return {"date": None, "notes": ""}
    return {"date": entry.date, "notes": entry.text + "\n"}


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
        raise BadRelease("the reference page has no <body> tag: rebuild it with `make docs`")
    icon = b'<head>\n  <link rel="icon" href="../favicon.svg" type="image/svg+xml">'
    return head.replace(b"<head>", icon, 1) + body + b"\n" + bar.encode() + rest
