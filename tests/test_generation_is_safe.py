"""`make generate` is atomic and incremental, and `make check-generated` catches drift.

Each test works in a temporary copy of the project (sharing its installed
tools), so the real generated/ is never touched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, spec_version

NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "dist", ".hypothesis", "*_cache", "__pycache__", "test-artifacts"
)
SPEC_BROKEN_WAYS = {
    "invalid YAML": ("paths:", "paths:\n  - oops: ["),
    "a reference to a missing schema": ("#/components/schemas/Contact'", "#/components/schemas/Contakt'"),
    "the vendor's regex path": ("/api/2.0/crm/case/{caseid}/reopen:", "/api/2.0/crm/case/{caseid:[0-9]+}/reopen:"),
}
EXPECTED_MESSAGE = {
    "invalid YAML": "Invalid YAML",
    "a reference to a missing schema": "Could not find reference",
    "the vendor's regex path": "Incorrect path templating",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project whose make uses the real project's installed tools."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


def make(project: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    # -o: the copied requirements.lock may look newer than the shared venv; never reinstall it.
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", *targets],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MAKEFLAGS": ""},
        timeout=180,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.parametrize("way", SPEC_BROKEN_WAYS)
def test_a_broken_spec_fails_generation_clearly_and_leaves_generated_unchanged(project: Path, way: str) -> None:
    before = fingerprint(project / "generated")
    spec = project / "openapi.yaml"
    old, new = SPEC_BROKEN_WAYS[way]
    spec.write_text(spec.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    result = make(project, "generate")

    assert result.returncode != 0
    assert "generated is unchanged" in result.stderr
    assert EXPECTED_MESSAGE[way] in result.stderr
    assert fingerprint(project / "generated") == before
    assert not list(project.glob(".generating-*")), "the scratch folder was left behind"


def test_generate_with_nothing_changed_does_nothing(project: Path) -> None:
    make(project, "generate")

    again = make(project, "generate")

    assert again.returncode == 0
    assert "Nothing to be done for 'generate'" in again.stdout


def test_generate_after_a_spec_change_rewrites_the_client(project: Path) -> None:
    spec = project / "openapi.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("Id of the case.", "Id of the CRM case."), encoding="utf-8"
    )

    result = make(project, "generate")

    assert result.returncode == 0, result.stderr
    assert "Id of the CRM case." in (project / "generated/onlyoffice_crm_client/models/case.py").read_text(
        encoding="utf-8"
    )


def test_check_generated_passes_on_the_committed_client(project: Path) -> None:
    result = make(project, "check-generated")

    assert result.returncode == 0, result.stderr


def test_check_generated_fails_with_a_diff_on_a_hand_edit(project: Path) -> None:
    client = project / "generated/onlyoffice_crm_client/client.py"
    client.write_text(client.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")

    result = make(project, "check-generated")

    assert result.returncode != 0
    assert "+# edited by hand" not in result.stderr and "-# edited by hand" in result.stderr
    assert "generated/onlyoffice_crm_client/client.py (committed)" in result.stderr


def test_check_generated_fails_on_a_spec_change_not_regenerated(project: Path) -> None:
    spec = project / "openapi.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(f"version: {spec_version()}", "version: 9.9.9", 1), encoding="utf-8"
    )

    result = make(project, "check-generated")

    assert result.returncode != 0
    assert '+version = "9.9.9"' in result.stderr
