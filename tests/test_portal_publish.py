"""Publishing makes immutable, versioned releases, atomically, and a dry run writes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

import publish_portal
from conftest import spec_version
from publish_portal import PublishError, publish

# The version dist/ is built as (the spec's), and two later ones.
CURRENT = spec_version()
_MAJOR, _MINOR, _ = (int(part) for part in CURRENT.split("."))
NEWER = f"{_MAJOR}.{_MINOR + 1}.0"
NEWEST = f"{_MAJOR + 1}.0.0"


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def release_of(built_dist: Path, tmp_path: Path, version: str) -> Path:
    """A copy of dist/ whose spec says `version`, as a later release would be built."""
    dist = tmp_path / f"dist-{version}"
    shutil.copytree(built_dist, dist)
    for name in ("openapi.yaml", "openapi.json", "index.html"):
        path = dist / name
        path.write_text(path.read_text(encoding="utf-8").replace(CURRENT, version), encoding="utf-8")
    return dist


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    return tmp_path / "portal"


def test_a_first_publish_lays_out_the_version_latest_index_and_versions_json(built_dist: Path, portal: Path) -> None:
    assert publish(built_dist, portal) == f"published {CURRENT} to {portal}; latest is {CURRENT}"

    assert sorted(fingerprint(portal)) == [
        f"{CURRENT}/index.html",
        f"{CURRENT}/openapi.json",
        f"{CURRENT}/openapi.yaml",
        "index.html",
        "latest/index.html",
        "latest/openapi.json",
        "latest/openapi.yaml",
        "versions.json",
    ]
    assert (portal / "latest/openapi.json").read_bytes() == (built_dist / "openapi.json").read_bytes()
    assert json.loads((portal / "versions.json").read_text())["latest"] == CURRENT
    assert f'<a href="{CURRENT}/">{CURRENT}</a> (latest)' in (portal / "index.html").read_text()


def test_publishing_the_same_bytes_again_does_nothing_and_says_so(built_dist: Path, portal: Path) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)

    assert publish(built_dist, portal) == f"version {CURRENT} is already published with the same bytes: nothing to do"
    assert fingerprint(portal) == before


def test_publishing_different_bytes_under_a_published_version_is_refused(
    built_dist: Path, portal: Path, tmp_path: Path
) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)
    changed = tmp_path / "changed"
    shutil.copytree(built_dist, changed)
    (changed / "openapi.json").write_text((changed / "openapi.json").read_text() + "\n")

    with pytest.raises(
        PublishError, match=rf"version {re.escape(CURRENT)} is already published .* with different bytes"
    ):
        publish(changed, portal)

    assert fingerprint(portal) == before


def test_a_newer_version_becomes_latest_and_both_are_listed(built_dist: Path, portal: Path, tmp_path: Path) -> None:
    publish(built_dist, portal)

    publish(release_of(built_dist, tmp_path, NEWER), portal)

    versions = json.loads((portal / "versions.json").read_text())
    assert versions["latest"] == NEWER
    assert [entry["version"] for entry in versions["versions"]] == [NEWER, CURRENT]
    assert NEWER.encode() in (portal / "latest/openapi.yaml").read_bytes()
    assert (portal / f"{CURRENT}/openapi.json").read_bytes() == (built_dist / "openapi.json").read_bytes()


def test_an_older_version_published_later_does_not_move_latest(built_dist: Path, portal: Path, tmp_path: Path) -> None:
    publish(release_of(built_dist, tmp_path, NEWEST), portal)

    publish(built_dist, portal)

    assert json.loads((portal / "versions.json").read_text())["latest"] == NEWEST
    assert NEWEST.encode() in (portal / "latest/openapi.yaml").read_bytes()


def test_a_dry_run_says_what_would_change_and_writes_nothing(built_dist: Path, portal: Path, tmp_path: Path) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)

    said = publish(release_of(built_dist, tmp_path, NEWER), portal, dry_run=True)

    assert said.startswith("dry run, nothing written; would:")
    assert f"add {portal / NEWER}/" in said and f"at {NEWER} (was {CURRENT})" in said
    assert fingerprint(portal) == before


def test_dry_run_from_the_environment(
    built_dist: Path, portal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DRY_RUN", "1")

    assert publish_portal.main(["publish_portal", "--portal", str(portal), "--dist", str(built_dist)]) == 0

    assert "dry run, nothing written" in capsys.readouterr().out
    assert not portal.exists()


def test_a_publish_that_fails_part_way_leaves_the_portal_as_it_was(
    built_dist: Path, portal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)
    real_replace = os.replace
    calls = []

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(dst)
        if len(calls) == 4:  # after the new version and latest/ are in place, mid-way through the index
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)

    with pytest.raises(PublishError, match="the portal was left as it was"):
        publish(release_of(built_dist, tmp_path, NEWER), portal)

    assert fingerprint(portal) == before
    assert sorted(entry.name for entry in portal.iterdir()) == [CURRENT, "index.html", "latest", "versions.json"]


def test_a_refused_publish_exits_1_and_names_the_version(
    built_dist: Path, portal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(built_dist, portal)
    changed = tmp_path / "changed"
    shutil.copytree(built_dist, changed)
    (changed / "index.html").write_text("<html>another page</html>")

    assert publish_portal.main(["publish_portal", "--portal", str(portal), "--dist", str(changed)]) == 1
    assert f"refused: version {CURRENT} is already published" in capsys.readouterr().err


def test_missing_dist_files_are_a_clear_error(portal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert publish_portal.main(["publish_portal", "--portal", str(portal), "--dist", str(tmp_path)]) == 2
    assert "lacks index.html, openapi.yaml, openapi.json: run `make bundle docs` first" in capsys.readouterr().err
