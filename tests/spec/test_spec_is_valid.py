"""The spec is a valid OpenAPI 3.1 document that passes the project's lint rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scripts.redocly import run_redocly
from scripts.spec import operation
from scripts.validate import openapi_problems, spec_problems
from support import SPEC_PATH, write_spec


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


def lint(path: Path) -> tuple[int, str]:
    """`make lint` on a file: Redocly's exit status and everything it printed."""
    result = run_redocly("lint", "--format=stylish", str(path))
    return result.returncode, result.stdout + result.stderr


def test_redocly_lint_passes_the_spec() -> None:
    status, output = lint(SPEC_PATH)

    assert status == 0, output
    assert "Your API description is valid" in output


def _drop_tag(spec: dict[str, Any]) -> None:
    reopen = operation(spec, "reopenCase")
    del spec["paths"][reopen.path][reopen.method]["tags"]


# Each way of breaking the spec, and the redocly.yaml rule that must refuse it.
LINT_FAILURES: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "an example that breaks its schema": (
        lambda s: s["components"]["examples"]["PublicCase"]["value"]["response"]["members"][0].update(shareType=9),
        "no-invalid-media-type-examples",
    ),
    "an operation without a tag": (_drop_tag, "rule/operation-has-tag"),
    # a warning under Redocly's recommended rules: recommended-strict makes it an error
    "no license": (lambda s: s["info"].pop("license"), "info-license"),
    "a schema without a description": (
        lambda s: s["components"]["schemas"]["Currency"].pop("description"),
        "rule/schema-has-description",
    ),
    "a property without a description": (
        lambda s: s["components"]["schemas"]["Currency"]["properties"]["symbol"].pop("description"),
        "rule/property-has-description",
    ),
    "an integer enum without x-enum-varnames": (
        lambda s: s["components"]["schemas"]["EnvelopeStatus"].pop("x-enum-varnames"),
        "rule/integer-enum-has-names",
    ),
}


@pytest.mark.parametrize("way", LINT_FAILURES)
def test_redocly_lint_fails_with_the_rule_that_refuses(spec: dict[str, Any], tmp_path: Path, way: str) -> None:
    edit, rule = LINT_FAILURES[way]
    edit(spec)

    status, output = lint(write_spec(tmp_path, spec))

    assert status == 1, output
    assert f"error    {rule}" in output
