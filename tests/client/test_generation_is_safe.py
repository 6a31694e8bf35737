"""`make generate` runs only on a spec that passed validate and lint, is atomic, compares by content; drift is caught.

Each test works in a temporary copy of the project (sharing its installed
tools), so the real generated/ is never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scripts.spec import operation
from support import edit_spec, fingerprint, make, project_copy

Spec = dict[str, Any]


def _append_broken_yaml(project: Path) -> None:
    """What only text can break: an unclosed flow list, added at the end of the file."""
    with (project / "openapi.yaml").open("a", encoding="utf-8") as spec:
        spec.write("oops: [1, 2\n")


def _refer_to_a_missing_schema(spec: Spec) -> None:
    spec["components"]["schemas"]["Case"]["properties"]["members"]["items"] = {"$ref": "#/components/schemas/Contakt"}


def _write_the_vendors_regex_path(spec: Spec) -> None:
    reopen = operation(spec, "reopenCase").path
    regex = reopen.replace("{caseid}", "{caseid:[0-9]+}")
    spec["paths"] = {regex if path == reopen else path: item for path, item in spec["paths"].items()}


def _give_reopen_the_update_operation_id(spec: Spec) -> None:
    reopen = operation(spec, "reopenCase")
    spec["paths"][reopen.path][reopen.method]["operationId"] = "updateCase"


SPEC_BROKEN_WAYS: dict[str, Callable[[Path], object]] = {
    "invalid YAML": _append_broken_yaml,
    "a reference to a missing schema": lambda project: edit_spec(project, _refer_to_a_missing_schema),
    "the vendor's regex path": lambda project: edit_spec(project, _write_the_vendors_regex_path),
    # the generator itself exits 0 on this one: it overwrites update_case.py with the reopen operation
    "a duplicated operationId": lambda project: edit_spec(project, _give_reopen_the_update_operation_id),
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
    SPEC_BROKEN_WAYS[way](project)

    result = make(project, "generate")

    assert result.returncode != 0
    assert EXPECTED_MESSAGE[way] in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(project / "generated") == before
    assert not list(project.glob(".generating-*")), "the scratch folder was left behind"


def test_a_handwritten_module_clashing_with_a_generated_one_fails_generation_naming_both(project: Path) -> None:
    before = fingerprint(project / "generated")
    (project / "handwritten" / "onlyoffice_crm_client" / "client.py").write_text('"""A clash."""\n', encoding="utf-8")

    result = make(project, "generate")

    assert result.returncode != 0
    assert (
        f"generate: {project / 'generated'} is unchanged: handwritten/onlyoffice_crm_client/client.py: "
        "would replace the generated onlyoffice_crm_client/client.py"
    ) in result.stderr
    assert "openapi-python-client failed" not in result.stderr
    assert fingerprint(project / "generated") == before


@pytest.mark.parametrize("targets", [("-j4",), ("-j4", "generate", "validate", "lint"), ("-j4", "check-generated")])
def test_a_duplicated_operation_id_fails_any_parallel_make_and_leaves_generated_untouched(
    project: Path, targets: tuple[str, ...]
) -> None:
    before = fingerprint(project / "generated")
    edit_spec(project, _give_reopen_the_update_operation_id)

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
    edit_spec(
        project,
        lambda spec: spec["components"]["schemas"]["Case"]["properties"]["id"].update(
            description="Id of the CRM case."
        ),
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
    edit_spec(project, lambda spec: spec["info"].update(version="9.9.9"))

    result = make(project, "check-generated")

    assert result.returncode != 0
    assert '+version = "9.9.9"' in result.stderr
