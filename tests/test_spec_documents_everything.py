"""The spec reads like an API reference: every operation, schema and property is described."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

OPERATIONS = {"updateCase": "/api/2.0/crm/case/{caseid}", "reopenCase": "/api/2.0/crm/case/{caseid}/reopen"}


def undescribed(schema: dict[str, Any], where: str) -> Iterator[str]:
    """Places in a schema without a description (a bare $ref is described where it points)."""
    if "description" not in schema and "$ref" not in schema:
        yield where
    for name, subschema in schema.get("properties", {}).items():
        if "description" not in subschema:
            yield f"{where}/properties/{name}"
    if isinstance(schema.get("items"), dict):
        yield from undescribed(schema["items"], f"{where}/items")


def test_both_operations_have_id_summary_description_tag_and_security(pristine_spec: dict[str, Any]) -> None:
    for operation_id, path in OPERATIONS.items():
        operation = pristine_spec["paths"][path]["put"]
        assert operation["operationId"] == operation_id
        assert operation["summary"] and operation["description"]
        assert operation["tags"] == ["cases"]
        assert operation["security"] == [{"apiKey": []}]


def test_caseid_is_an_integer_path_parameter_of_at_least_one(pristine_spec: dict[str, Any]) -> None:
    parameter = pristine_spec["components"]["parameters"]["CaseId"]

    assert (parameter["in"], parameter["required"]) == ("path", True)
    assert parameter["schema"]["type"] == "integer" and parameter["schema"]["minimum"] == 1


def test_every_schema_and_property_has_a_description(pristine_spec: dict[str, Any]) -> None:
    missing = [
        place for name, schema in pristine_spec["components"]["schemas"].items() for place in undescribed(schema, name)
    ]
    assert missing == []


def test_a_property_without_a_description_is_found(spec: dict[str, Any]) -> None:
    del spec["components"]["schemas"]["Currency"]["properties"]["symbol"]["description"]

    assert list(undescribed(spec["components"]["schemas"]["Currency"], "Currency")) == ["Currency/properties/symbol"]


def test_the_401_is_plain_text_with_its_challenge_header(pristine_spec: dict[str, Any]) -> None:
    unauthorized = pristine_spec["components"]["responses"]["Unauthorized"]

    assert list(unauthorized["content"]) == ["text/plain"]
    assert "WWW-Authenticate" in unauthorized["headers"]


def test_no_accept_or_content_type_header_parameters(pristine_spec: dict[str, Any]) -> None:
    parameter_names = {
        parameter.get("name", "").lower()
        for path_item in pristine_spec["paths"].values()
        for parameter in path_item.get("parameters", []) + path_item["put"].get("parameters", [])
    }
    assert not parameter_names & {"accept", "content-type"}
