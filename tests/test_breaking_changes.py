"""The breaking-change gate catches each kind of breaking edit and lets additive ones through."""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import check_breaking
from check_breaking import gate
from conftest import spec_version

Edit = Callable[[dict[str, Any]], object]
UPDATE = "/api/2.0/crm/case/{caseid}"
REOPEN = "/api/2.0/crm/case/{caseid}/reopen"


@pytest.fixture
def pristine_spec(pristine_spec: dict[str, Any]) -> dict[str, Any]:
    """The spec relabelled as release 1.0.0, so that the versions the tests give read as edits of it."""
    return {**pristine_spec, "info": {**pristine_spec["info"], "version": "1.0.0"}}


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]  # type: ignore[no-any-return]


BREAKING_EDITS: dict[str, tuple[Edit, str]] = {
    "a removed operation": (lambda s: s["paths"].pop(REOPEN), f"PUT {REOPEN}"),
    "a removed response property": (lambda s: schemas(s)["Case"]["properties"].pop("canEdit"), "response.canEdit"),
    "a changed type": (lambda s: schemas(s)["Case"]["properties"]["id"].update(type="string"), "response.id (type)"),
    "a newly required request field": (
        lambda s: schemas(s)["UpdateCaseRequest"]["required"].append("members"),
        "request body",
    ),
    "a narrowed parameter": (
        lambda s: s["components"]["parameters"]["CaseId"]["schema"].update(minimum=10),
        "parameter 0: (minimum)",
    ),
    "a narrowed request field": (
        lambda s: schemas(s)["UpdateCaseRequest"]["properties"]["title"].update(maxLength=100),
        "title (maxLength)",
    ),
    "a removed enum value": (
        lambda s: (schemas(s)["ShareType"]["enum"].pop(), schemas(s)["ShareType"]["x-enum-varnames"].pop()),
        "shareType (enum)",
    ),
    "a renamed enum member": (
        lambda s: schemas(s)["FieldType"]["x-enum-varnames"].__setitem__(2, "Select"),
        "fieldType (x-enum-varnames)",
    ),
}

ADDITIVE_EDITS: dict[str, Edit] = {
    "an optional response property": lambda s: schemas(s)["Case"]["properties"].update(
        stage={"type": "string", "description": "Stage of the case."}
    ),
    "an optional request field": lambda s: schemas(s)["UpdateCaseRequest"]["properties"].update(
        stage={"type": "string", "description": "Stage of the case."}
    ),
    "a new operation": lambda s: s["paths"].update(
        {
            "/api/2.0/crm/case/{caseid}/close": {
                **s["paths"][REOPEN],
                "put": {**s["paths"][REOPEN]["put"], "operationId": "closeCase"},
            }
        }
    ),
}


@pytest.fixture
def changelog(tmp_path: Path) -> Path:
    path = tmp_path / "CHANGELOG.md"
    path.write_text(
        "# Changelog\n\n## [2.0.0] - 2026-12-01\n\n## [1.1.0] - 2026-11-30\n\n## [1.0.0] - 2026-11-22\n",
        encoding="utf-8",
    )
    return path


def edited(spec: dict[str, Any], edit: Edit, version: str | None = None) -> dict[str, Any]:
    after = copy.deepcopy(spec)
    edit(after)
    if version:
        after["info"]["version"] = version
    return after


@pytest.mark.parametrize("kind", BREAKING_EDITS)
def test_a_breaking_edit_fails_without_a_major_bump_and_is_located(
    pristine_spec: dict[str, Any], changelog: Path, kind: str
) -> None:
    edit, where = BREAKING_EDITS[kind]

    passed, report = gate(pristine_spec, edited(pristine_spec, edit, "1.1.0"), changelog)

    assert not passed
    breaking = [line for line in report if line.startswith("BREAKING")]
    assert breaking and any(where in line for line in breaking), report
    assert "FAIL: " in report[-1] and "major version was not raised (1.0.0 -> 1.1.0)" in report[-1]


@pytest.mark.parametrize("kind", BREAKING_EDITS)
def test_a_breaking_edit_passes_with_a_major_bump_and_a_changelog_entry(
    pristine_spec: dict[str, Any], changelog: Path, kind: str
) -> None:
    passed, report = gate(pristine_spec, edited(pristine_spec, BREAKING_EDITS[kind][0], "2.0.0"), changelog)

    assert passed, report
    assert report[-1].endswith("(major version raised)")


@pytest.mark.parametrize("kind", ADDITIVE_EDITS)
def test_an_additive_edit_passes_and_is_listed(pristine_spec: dict[str, Any], changelog: Path, kind: str) -> None:
    passed, report = gate(pristine_spec, edited(pristine_spec, ADDITIVE_EDITS[kind], "1.1.0"), changelog)

    assert passed, report
    assert not [line for line in report if line.startswith("BREAKING")]
    assert any(line.startswith("non-breaking") for line in report), report


def test_a_new_version_without_a_changelog_entry_fails(pristine_spec: dict[str, Any], tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## [1.0.0] - 2026-11-22\n", encoding="utf-8")

    passed, report = gate(
        pristine_spec, edited(pristine_spec, ADDITIVE_EDITS["an optional request field"], "1.1.0"), changelog
    )

    assert not passed
    assert report[-1] == "FAIL: info.version is now 1.1.0 but CHANGELOG.md has no '## [1.1.0]' entry"


def test_the_projects_changelog_has_the_current_version() -> None:
    assert check_breaking.changelog_has(check_breaking.ROOT / "CHANGELOG.md", spec_version())


def test_with_no_version_tag_the_gate_says_so_and_passes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check_breaking, "newest_version_tag", lambda: None)

    assert check_breaking.main(["check_breaking"]) == 0
    assert "no v* tag to compare against" in capsys.readouterr().out


def test_an_unknown_base_ref_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_breaking.main(["check_breaking", "--base", "no-such-ref-anywhere"]) == 2
    assert "cannot read openapi.yaml at 'no-such-ref-anywhere'" in capsys.readouterr().err


def test_the_default_base_is_the_newest_release_tag_before_head(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    for version in ("1.0.0", "1.2.0", "1.10.0"):
        (tmp_path / "openapi.yaml").write_text(f"version: {version}\n", encoding="utf-8")
        git("add", "openapi.yaml")
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", version)
        git("tag", f"v{version}")

    # at the v1.10.0 release itself the base is the release before it, compared by version not by name
    assert check_breaking.newest_version_tag(tmp_path) == "v1.2.0"
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "work")
    assert check_breaking.newest_version_tag(tmp_path) == "v1.10.0"
