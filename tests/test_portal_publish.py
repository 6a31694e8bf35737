"""Publishing makes immutable, versioned releases, atomically, and a dry run writes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

import publish_portal
from publish_portal import PublishError, publish


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
        path.write_text(path.read_text(encoding="utf-8").replace("1.0.0", version), encoding="utf-8")
    return dist


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    return tmp_path / "portal"


def test_a_first_publish_lays_out_the_version_latest_index_and_versions_json(built_dist: Path, portal: Path) -> None:
    assert publish(built_dist, portal) == f"published 1.0.0 to {portal}; latest is 1.0.0"

    assert sorted(fingerprint(portal)) == [
        "1.0.0/index.html",
        "1.0.0/openapi.json",
        "1.0.0/openapi.yaml",
        "index.html",
        "latest/index.html",
        "latest/openapi.json",
        "latest/openapi.yaml",
        "versions.json",
    ]
    assert (portal / "latest/openapi.json").read_bytes() == (built_dist / "openapi.json").read_bytes()
    assert json.loads((portal / "versions.json").read_text())["latest"] == "1.0.0"
    assert '<a href="1.0.0/">1.0.0</a> (latest)' in (portal / "index.html").read_text()


def test_publishing_the_same_bytes_again_does_nothing_and_says_so(built_dist: Path, portal: Path) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)

    assert publish(built_dist, portal) == "version 1.0.0 is already published with the same bytes: nothing to do"
    assert fingerprint(portal) == before


def test_publishing_different_bytes_under_a_published_version_is_refused(
    built_dist: Path, portal: Path, tmp_path: Path
) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)
    changed = tmp_path / "changed"
    shutil.copytree(built_dist, changed)
    (changed / "openapi.json").write_text((changed / "openapi.json").read_text() + "\n")

    with pytest.raises(PublishError, match=r"version 1\.0\.0 is already published .* with different bytes"):
        publish(changed, portal)

    assert fingerprint(portal) == before


def test_a_newer_version_becomes_latest_and_both_are_listed(built_dist: Path, portal: Path, tmp_path: Path) -> None:
    publish(built_dist, portal)

    publish(release_of(built_dist, tmp_path, "1.1.0"), portal)

    versions = json.loads((portal / "versions.json").read_text())
    assert versions["latest"] == "1.1.0"
    assert [entry["version"] for entry in versions["versions"]] == ["1.1.0", "1.0.0"]
    assert b"1.1.0" in (portal / "latest/openapi.yaml").read_bytes()
    assert (portal / "1.0.0/openapi.json").read_bytes() == (built_dist / "openapi.json").read_bytes()


def test_an_older_version_published_later_does_not_move_latest(built_dist: Path, portal: Path, tmp_path: Path) -> None:
    publish(release_of(built_dist, tmp_path, "2.0.0"), portal)

    publish(built_dist, portal)

    assert json.loads((portal / "versions.json").read_text())["latest"] == "2.0.0"
    assert b"2.0.0" in (portal / "latest/openapi.yaml").read_bytes()


def test_a_dry_run_says_what_would_change_and_writes_nothing(built_dist: Path, portal: Path, tmp_path: Path) -> None:
    publish(built_dist, portal)
    before = fingerprint(portal)

    said = publish(release_of(built_dist, tmp_path, "1.1.0"), portal, dry_run=True)

    assert said.startswith("dry run, nothing written; would:")
    assert f"add {portal / '1.1.0'}/" in said and "at 1.1.0 (was 1.0.0)" in said
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
        publish(release_of(built_dist, tmp_path, "1.1.0"), portal)

    assert fingerprint(portal) == before
    assert sorted(entry.name for entry in portal.iterdir()) == ["1.0.0", "index.html", "latest", "versions.json"]


def test_a_refused_publish_exits_1_and_names_the_version(
    built_dist: Path, portal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(built_dist, portal)
    changed = tmp_path / "changed"
    shutil.copytree(built_dist, changed)
    (changed / "index.html").write_text("<html>another page</html>")

    assert publish_portal.main(["publish_portal", "--portal", str(portal), "--dist", str(changed)]) == 1
    assert "refused: version 1.0.0 is already published" in capsys.readouterr().err


def test_missing_dist_files_are_a_clear_error(portal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert publish_portal.main(["publish_portal", "--portal", str(portal), "--dist", str(tmp_path)]) == 2
    assert "lacks index.html, openapi.yaml, openapi.json: run `make bundle docs` first" in capsys.readouterr().err
