"""The release process keeps its guarantees: each way round them a maintainer or a release job could take is refused.

Each scenario runs make in a copy of the project, as in a fresh clone (the
installed tools shared): a breaking change with a minor bump, a changed spec
under a released version, a dated but unrecorded version, a hand-edited
generated/ before `make package`, a renamed operation through
`make generate publish`; a relative portal inside the work tree is tried on
the tool where make runs it. Each refusal's message is checked, and that it
changed nothing. The copy whose spec passed validate and lint is prepared
once per module; each test works on its own copy of it (the refusals of one
edit share one).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

from scripts import check_releases, releases
from scripts.portal import cli
from scripts.spec import operation
from support import ROOT, edit_spec, make, project_copy, spec_version

NEWEST = max(releases.released())
MINOR_BUMP = f"{NEWEST.major}.{NEWEST.minor + 1}.0"
MAJOR_BUMP = f"{max(NEWEST.major, Version(spec_version()).major) + 1}.0.0"
UNREACHABLE_INDEX = "INDEX_URL=http://127.0.0.1:9/"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_version(project: Path, version: str) -> None:
    """Set info.version, and describe the change under [Unreleased] as the maintainer does."""
    edit_spec(project, lambda spec: spec["info"].update(version=version))
    replace(project / "CHANGELOG.md", "## [Unreleased]\n", "## [Unreleased]\n\n- **Changed:** `reopenCase` renamed.\n")


def _rename_reopen_case(spec: dict[str, Any]) -> None:
    reopen = operation(spec, "reopenCase")
    spec["paths"][reopen.path][reopen.method]["operationId"] = "restartCase"


def rename_reopen_case(project: Path) -> None:
    """The operationId `reopenCase` renamed: its generated module reopen_case.py goes (a breaking change)."""
    edit_spec(project, _rename_reopen_case)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose spec passed validate and lint (the stamps are there); never changed by a test."""
    project = project_copy(tmp_path_factory.mktemp("prepared"))
    result = make(project, "validate", "lint")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def clone(prepared: Path, tmp_path: Path) -> Path:
    """A copy of the prepared project (file times kept, so its stamps hold) for one test to change."""
    copy = tmp_path / "clone"
    shutil.copytree(prepared, copy, symlinks=True)
    return copy


@pytest.fixture(scope="class")
def minor_bump(prepared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy with reopenCase renamed and only the minor version raised; shared, as every step refuses it."""
    clone = tmp_path_factory.mktemp("minor") / "clone"
    shutil.copytree(prepared, clone, symlinks=True)
    rename_reopen_case(clone)
    set_version(clone, MINOR_BUMP)
    return clone


class TestTheGateStandsInFrontOfEveryReleaseStep:
    @pytest.mark.parametrize(
        "step", [("package",), ("publish", "PORTAL_DIR={portal}"), ("publish-package", UNREACHABLE_INDEX)]
    )
    def test_a_breaking_change_with_a_minor_bump_is_refused_with_the_gates_message(
        self, minor_bump: Path, tmp_path: Path, step: tuple[str, ...]
    ) -> None:
        portal = tmp_path / "portal"

        result = make(minor_bump, *(part.format(portal=portal) for part in step))

        assert result.returncode != 0
        assert "operationId `reopenCase` renamed to `restartCase`" in result.stderr
        assert "breaking: FAIL: " in result.stderr
        assert f"breaking change(s) and the major version was not raised ({NEWEST} -> {MINOR_BUMP})" in result.stderr
        assert not (minor_bump / "dist").exists()
        assert not portal.exists()

    def test_a_changed_spec_under_a_released_version_is_refused_saying_to_raise_the_version(self, clone: Path) -> None:
        # The spec as it is now released (dated and recorded, as `make release-spec` leaves it), then edited.
        # Not an older record: it would fail today's `make validate` before the gate is reached.
        version = spec_version()
        replace(clone / "CHANGELOG.md", "## [Unreleased]\n", f"## [Unreleased]\n\n## [{version}] - 2026-12-02\n")
        shutil.copy(clone / "openapi.yaml", clone / "releases" / f"{version}.yaml")
        edit_spec(clone, lambda spec: spec["info"].update(summary="Edited after its release."))

        result = make(clone, "breaking")

        assert result.returncode != 0
        assert f"breaking: FAIL: {version} is released (CHANGELOG.md dates it 2026-12-02)" in result.stderr
        assert f"openapi.yaml is no longer releases/{version}.yaml: a release never changes." in result.stderr
        assert "Raise info.version for this change (and describe it under '## [Unreleased]'" in result.stderr


class TestTheReleaseRecord:
    def test_a_dated_but_unrecorded_version_fails_the_release_check(self, clone: Path) -> None:
        changelog = clone / "CHANGELOG.md"
        replace(changelog, "## [Unreleased]\n", f"## [Unreleased]\n\n## [{MINOR_BUMP}] - 2026-12-02\n")
        line = changelog.read_text(encoding="utf-8").splitlines().index(f"## [{MINOR_BUMP}] - 2026-12-02") + 1

        result = make(clone, "release-check")

        assert result.returncode != 0
        assert f"check-releases: CHANGELOG.md:{line} dates {MINOR_BUMP} (2026-12-02)" in result.stderr
        assert f"but releases/{MINOR_BUMP}.yaml is missing: record the spec it released" in result.stderr

    def test_a_recorded_but_undated_version_fails_too(self, clone: Path) -> None:
        shutil.copy(clone / "openapi.yaml", clone / "releases" / f"{MINOR_BUMP}.yaml")

        result = make(clone, "check-releases")

        assert result.returncode != 0
        assert (
            f"check-releases: releases/{MINOR_BUMP}.yaml records {MINOR_BUMP} but CHANGELOG.md has no dated entry"
            f" '## [{MINOR_BUMP}] - YYYY-MM-DD'"
        ) in result.stderr

    @pytest.mark.parametrize(
        ("heading", "message"),
        [
            ("## [2.1.0] - 2.12.2026", "CHANGELOG.md:3: '2.12.2026' is not a date (YYYY-MM-DD)"),
            ("## [2.1.0] - 2026-13-01", "CHANGELOG.md:3: '2026-13-01' is not a date (YYYY-MM-DD)"),
            ("## [next] - 2026-12-01", "CHANGELOG.md:3: '[next]' is dated but is not a release version"),
        ],
    )
    def test_a_heading_that_dates_no_release_is_a_located_error(
        self, tmp_path: Path, heading: str, message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        changelog = tmp_path / "CHANGELOG.md"
        changelog.write_text(f"# Changelog\n\n{heading}\n", encoding="utf-8")

        assert check_releases.main(["check-releases", "--changelog", str(changelog), "--releases", str(tmp_path)]) == 2
        assert capsys.readouterr().err.startswith(f"check-releases: {message}")

    def test_a_changelog_that_is_not_utf_8_is_one_line_naming_it_and_exit_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        changelog = tmp_path / "CHANGELOG.md"
        changelog.write_bytes(b"# Changelog\n\xff\n")

        assert check_releases.main(["check-releases", "--changelog", str(changelog), "--releases", str(tmp_path)]) == 2
        assert capsys.readouterr().err == (
            f"check-releases: cannot read {changelog}: 'utf-8' codec can't decode byte 0xff in position 12:"
            " invalid start byte\n"
        )

    def test_a_version_dated_twice_is_reported_with_both_lines(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        changelog = tmp_path / "CHANGELOG.md"
        changelog.write_text("## [1.0.0] - 2026-11-22\n\n## [1.0.0] - 2026-11-23\n", encoding="utf-8")
        shutil.copy(releases.record_of("1.0.0"), tmp_path / "1.0.0.yaml")

        assert check_releases.main(["check-releases", "--changelog", str(changelog), "--releases", str(tmp_path)]) == 1
        assert capsys.readouterr().err == "check-releases: CHANGELOG.md:3 dates 1.0.0 again (first at line 1)\n"

    def test_unreleased_is_never_a_release_even_dated(self, tmp_path: Path) -> None:
        changelog = tmp_path / "CHANGELOG.md"
        changelog.write_text("## [Unreleased] - 2026-12-01\n\n## [1.0.0]\n\n## [0.9.0] - 2026-11-01\n")

        assert list(releases.released(changelog)) == [Version("0.9.0")]

    def test_make_test_runs_the_release_check(self) -> None:
        planned = make(ROOT, "-n", "test").stdout

        assert "scripts.check_releases" in planned and "scripts.breaking" in planned
        assert "scripts.check_generated" in planned
        assert "pytest -n auto" in planned


class TestOnlyGeneratedCodeShips:
    def test_a_hand_edited_generated_client_is_refused_by_make_package(self, clone: Path) -> None:
        model = clone / "generated" / "onlyoffice_crm_client" / "models" / "case.py"
        replace(model, '"""', '"""Edited by hand. ')

        refused = make(clone, "package")

        assert refused.returncode != 0
        assert "check-generated: generated/ is not what openapi.yaml, generator-config.yml, templates/ and" in (
            refused.stderr
        )
        assert "run `make generate` and commit generated/ (never edit it by hand)" in refused.stderr
        assert "generated/onlyoffice_crm_client/models/case.py (committed)" in refused.stderr
        assert not (clone / "dist").exists()
        assert "Edited by hand" in model.read_text(encoding="utf-8")  # refused, not silently regenerated


class TestTheMakefileAndThePortal:
    def test_a_renamed_operation_is_regenerated_packaged_and_published_in_one_make_run(
        self, clone: Path, tmp_path: Path
    ) -> None:
        rename_reopen_case(clone)
        set_version(clone, MAJOR_BUMP)
        portal = tmp_path / "portal"

        # The old Makefile stopped here: "No rule to make target '.../reopen_case.py', needed by 'dist/package/.built'".
        result = make(clone, "generate", "publish", f"PORTAL_DIR={portal}", timeout=480)

        assert result.returncode == 0, result.stderr
        (wheel,) = (portal / MAJOR_BUMP).glob("*.whl")
        modules = zipfile.ZipFile(wheel).namelist()
        assert "onlyoffice_crm_client/api/cases/restart_case.py" in modules
        assert "onlyoffice_crm_client/api/cases/reopen_case.py" not in modules
        assert not (clone / "generated/onlyoffice_crm_client/api/cases/reopen_case.py").exists()

    def test_a_relative_portal_inside_the_work_tree_is_refused_and_not_created(
        self, built_dist: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # What `make publish PORTAL_DIR=portal-of-a-test` passes, run where make runs it: the work tree.
        monkeypatch.chdir(ROOT)
        portal = Path("portal-of-a-test")

        assert cli.main(["publish", "--portal", str(portal), "--dist", str(built_dist)]) == 3
        error = capsys.readouterr().err
        assert f"publish: cannot publish there: {portal} is inside the project's work tree {ROOT}" in error
        assert "publish to a folder outside the project (an absolute PORTAL_DIR)" in error
        assert not (ROOT / portal).exists()
