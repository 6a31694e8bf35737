"""`make generate` runs only on a spec that passed validate and lint, is atomic, compares by content; drift is caught.

Each test works in a temporary copy of the project (sharing its installed
tools), so the real generated/ is never touched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import fingerprint, make, project_copy, spec_version

SPEC_BROKEN_WAYS = {
    "invalid YAML": ("paths:", "paths:\n  - oops: ["),
    "a reference to a missing schema": ("#/components/schemas/Contact'", "#/components/schemas/Contakt'"),
    "the vendor's regex path": ("/api/2.0/crm/case/{caseid}/reopen:", "/api/2.0/crm/case/{caseid:[0-9]+}/reopen:"),
    # the generator itself exits 0 on this one: it overwrites update_case.py with the reopen operation
    "a duplicated operationId": ("operationId: reopenCase", "operationId: updateCase"),
}
EXPECTED_MESSAGE = {
    "invalid YAML": "not valid YAML",
    "a reference to a missing schema": "dangling $ref '#/components/schemas/Contakt'",
    "the vendor's regex path": "Path parameter `caseid` is not used in the path",
    "a duplicated operationId": "duplicate operationId 'updateCase'",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project whose make uses the real project's installed tools."""
    return project_copy(tmp_path)


@pytest.mark.parametrize("way", SPEC_BROKEN_WAYS)
def test_a_broken_spec_fails_generation_clearly_and_leaves_generated_unchanged(project: Path, way: str) -> None:
    before = fingerprint(project / "generated")
    spec = project / "openapi.yaml"
    old, new = SPEC_BROKEN_WAYS[way]
    spec.write_text(spec.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    result = make(project, "generate")

    assert result.returncode != 0
    assert EXPECTED_MESSAGE[way] in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(project / "generated") == before
    assert not list(project.glob(".generating-*")), "the scratch folder was left behind"


@pytest.mark.parametrize("targets", [("-j4",), ("-j4", "generate", "validate", "lint"), ("-j4", "check-generated")])
def test_a_duplicated_operation_id_fails_any_parallel_make_and_leaves_generated_untouched(
    project: Path, targets: tuple[str, ...]
) -> None:
    before = fingerprint(project / "generated")
    spec = project / "openapi.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("operationId: reopenCase", "operationId: updateCase"), encoding="utf-8"
    )

    result = make(project, *targets)

    assert result.returncode != 0
    assert "duplicate operationId 'updateCase'" in result.stderr
    assert fingerprint(project / "generated") == before
    assert not (project / ".stamps" / "validate").exists()


def test_generate_with_nothing_changed_compares_by_content_and_leaves_generated_untouched(project: Path) -> None:
    client = project / "generated/onlyoffice_crm_client/client.py"
    before = fingerprint(project / "generated"), client.stat().st_mtime_ns

    again = make(project, "generate")

    assert again.returncode == 0, again.stderr
    assert "already is what the inputs generate (compared by content); left as it was" in again.stdout
    assert (fingerprint(project / "generated"), client.stat().st_mtime_ns) == before


def test_generate_after_a_hand_edit_regenerates_instead_of_saying_nothing_to_do(project: Path) -> None:
    make(project, "generate")  # up to date by file times from here on: only the content says otherwise
    client = project / "generated/onlyoffice_crm_client/client.py"
    pristine = client.read_text(encoding="utf-8")
    client.write_text(pristine + "# edited by hand\n", encoding="utf-8")

    result = make(project, "generate")

    assert result.returncode == 0, result.stderr
    assert "regenerated from openapi.yaml" in result.stdout
    assert client.read_text(encoding="utf-8") == pristine


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
