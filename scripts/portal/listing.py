"""The portal's listing, derived from its complete version folders: what scripts/portal/state.py switches in.

Reads the version folders (their spec, their recorded CHANGELOG.md entry,
their files), computes each version's changes against the one before it by
version number with the breaking-change gate's diff (`gate_wire.classify`),
and has scripts/portal/pages.py render the pages. Diffs the current listing
already computed are taken from its changes.json: a version folder never
changes, so a diff of the same two versions is the same.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..gate_rules import Change, InputError
from ..gate_wire import classify
from ..spec import load_spec, operations
from ..tool import BadInput
from .pages import (
    FAVICON,
    Comparison,
    VersionInfo,
    atom_feed,
    changelog_markdown,
    changelog_page,
    index_page,
    llms_txt,
    one_line,
)

NOTES = "release.json"  # the version's CHANGELOG.md entry, recorded when it is published: part of the release
REFERENCE = "reference.md"
CHANGELOG, CHANGELOG_MD = "changelog.html", "changelog.md"
CHANGES = "changes.json"


def version_info(portal: Path, version: str) -> VersionInfo:
    """What the pages say about a version folder: its CHANGELOG.md entry as recorded, its files."""
    folder = portal / version
    record = json.loads((folder / NOTES).read_text(encoding="utf-8")) if (folder / NOTES).is_file() else {}
    date = record.get("date")
    # Undated in CHANGELOG.md: when the folder was written (staged files keep their time, renamed or copied).
    written = datetime.fromtimestamp((folder / "openapi.json").stat().st_mtime, UTC).replace(microsecond=0)
    updated = f"{date}T00:00:00Z" if date else written.isoformat().replace("+00:00", "Z")
    names = sorted(entry.name for entry in folder.iterdir())
    downloads = [("OpenAPI YAML", "openapi.yaml"), ("OpenAPI JSON", "openapi.json")]
    downloads += [("wheel", name) for name in names if name.endswith(".whl")]
    downloads += [("sdist", name) for name in names if name.endswith(".tar.gz")]
    return VersionInfo(version, date, updated, str(record.get("notes", "")), tuple(downloads), REFERENCE in names)


def cached_changes(portal: Path) -> dict[str, Any]:
    """The diffs the current listing computed, by version (a missing or unreadable file: none)."""
    try:
        cached: dict[str, Any] = json.loads((portal / ".current" / CHANGES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cached


def compare(portal: Path, version: str, previous: str | None, cached: dict[str, Any]) -> Comparison:
    """What changed in `version` since `previous` (the gate's own diff), the version bump left out."""
    if previous is None:
        return Comparison(None, ())
    hit = cached.get(version, {})
    if hit.get("previous") == previous:
        changes = [Change(c["kind"], tuple(c["path"]), c["description"]) for c in hit["changes"]]
    else:
        old, new = (json.loads((portal / v / "openapi.json").read_text(encoding="utf-8")) for v in (previous, version))
        try:
            changes = classify(old, new)
        except InputError as error:
            raise BadInput(f"cannot compute the changelog of {version} against {previous}: {error}") from None
    return Comparison(previous, tuple(change for change in changes if change.path != ("info", "version")))


def operation_names(portal: Path, versions: list[str]) -> dict[str, str]:
    """`PUT /path` -> the operation's summary, from every version (newer ones win)."""
    names: dict[str, str] = {}
    for version in reversed(versions):
        spec = json.loads((portal / version / "openapi.json").read_text(encoding="utf-8"))
        names.update({f"{op.method.upper()} {op.path}": str(op.node.get("summary", "")) for op in operations(spec)})
    return {operation: name for operation, name in names.items() if name}


def listing_files(portal: Path, versions: list[str], title: str) -> dict[str, bytes]:
    """The listing for these complete versions (newest first): index.html, versions.json, the API catalog,
    llms.txt, the feed, the favicon and every version's changelog page, as HTML and Markdown."""
    cached = cached_changes(portal)
    infos = [version_info(portal, v) for v in versions]
    comparisons = {
        v: compare(portal, v, versions[n + 1] if n + 1 < len(versions) else None, cached)
        for n, v in enumerate(versions)
    }
    names = operation_names(portal, versions)
    files = {
        "index.html": index_page(title, infos, comparisons),
        "versions.json": versions_json(infos, comparisons),
        ".well-known/api-catalog": api_catalog(versions[0]),
        "llms.txt": llms_txt(load_spec(portal / versions[0] / "openapi.json")["info"], infos, comparisons),
        "feed.atom": atom_feed(title, infos, comparisons),
        "favicon.svg": FAVICON,
        CHANGES: changes_json(comparisons),
    }
    for info in infos:
        files[f"changelog/{info.version}.html"] = changelog_page(title, info, comparisons[info.version], names)
        files[f"changelog/{info.version}.md"] = changelog_markdown(title, info, comparisons[info.version], names)
    return files


def versions_json(infos: list[VersionInfo], comparisons: dict[str, Comparison]) -> bytes:
    entries = []
    for info in infos:
        v = info.version
        entry: dict[str, Any] = {
            "version": v,
            "date": info.date,
            "summary": one_line(info, comparisons[v]),
            "url": f"{v}/",
            "changelog": f"{v}/{CHANGELOG}",
            "changelog_markdown": f"{v}/{CHANGELOG_MD}",
            "openapi": {"yaml": f"{v}/openapi.yaml", "json": f"{v}/openapi.json"},
        }
        if info.markdown:
            entry["markdown"] = f"{v}/{REFERENCE}"
        for what, name in info.downloads:
            if what in ("wheel", "sdist"):
                entry[what] = f"{v}/{name}"
        entries.append(entry)
    return (json.dumps({"latest": infos[0].version, "versions": entries}, indent=2) + "\n").encode()


def changes_json(comparisons: dict[str, Comparison]) -> bytes:
    """The computed diffs, kept so that the next listing computes only those whose pair of versions is new."""
    kept = {
        version: {
            "previous": comparison.previous,
            "changes": [
                {"kind": c.kind, "path": list(c.path), "description": c.description} for c in comparison.changes
            ],
        }
        for version, comparison in comparisons.items()
    }
    return (json.dumps(kept, indent=1, sort_keys=True) + "\n").encode()


def api_catalog(latest: str) -> bytes:
    """RFC 9727 API catalog: a linkset (RFC 9264, application/linkset+json) naming the latest spec and docs.

    The links are relative to /.well-known/api-catalog, so the portal can live under any prefix.
    """
    linkset = {
        "linkset": [
            {
                "anchor": "../latest/",
                "service-desc": [
                    {"href": "../latest/openapi.yaml", "type": "application/yaml"},
                    {"href": "../latest/openapi.json", "type": "application/json"},
                ],
                "service-doc": [{"href": "../latest/", "type": "text/html"}],
                "service-meta": [{"href": "../versions.json", "type": "application/json"}],
            },
            {
                "anchor": "../.well-known/api-catalog",
                "item": [{"href": "../latest/"}],
                "profile": [{"href": "https://www.rfc-editor.org/info/rfc9727"}],
            },
        ]
    }
    return (json.dumps(linkset, indent=2) + "\n").encode()
