"""The spec is a valid OpenAPI 3.1 document that passes the project's lint rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import lint_spec
from scripts.check_spec import openapi_problems, spec_problems
from scripts.spec import operation
from support import SPEC_PATH


def write_spec(directory: Path, spec: dict[str, Any]) -> Path:
    path = directory / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_the_spec_is_valid_openapi_3_1(pristine_spec: dict[str, Any]) -> None:
    assert pristine_spec["openapi"].startswith("3.1.")
    assert spec_problems(pristine_spec) == []


def test_a_schema_with_an_unknown_type_is_not_valid_openapi(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Case"]["properties"]["id"]["type"] = "int"

    assert spec_problems(spec) == [
        "#/components/schemas/Case/properties/id/type: invalid schema: 'int' is not one of "
        "['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']"
    ]


def test_the_vendors_regex_path_without_a_path_parameter_is_not_valid_openapi(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    path_item = paths.pop("/api/2.0/crm/case/{caseid}/reopen")
    del path_item["parameters"]
    paths["/api/2.0/crm/case/{caseid:[0-9]+}/reopen"] = path_item

    problems = openapi_problems(spec)

    assert problems and "Path parameter 'caseid'" in problems[0]


def test_redocly_lint_finds_no_errors_and_no_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert lint_spec.main(["lint_spec", str(SPEC_PATH)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_redocly_lint_fails_on_an_example_that_breaks_its_schema(
    spec: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec["components"]["examples"]["PublicCase"]["value"]["response"]["members"][0]["shareType"] = 9

    assert lint_spec.main(["lint_spec", str(write_spec(tmp_path, spec))]) == 1
    assert "no-invalid-media-type-examples" in capsys.readouterr().err


def test_redocly_lint_fails_on_an_operation_without_a_tag(
    spec: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reopen = operation(spec, "reopenCase")
    del spec["paths"][reopen.path][reopen.method]["tags"]

    assert lint_spec.main(["lint_spec", str(write_spec(tmp_path, spec))]) == 1
    assert "operation-has-tag" in capsys.readouterr().err


def test_redocly_lint_fails_on_a_warning_alone(
    spec: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    del spec["info"]["license"]  # only a warning under the recommended rules

    assert lint_spec.main(["lint_spec", str(write_spec(tmp_path, spec))]) == 1
    assert "1 warnings" in capsys.readouterr().out
