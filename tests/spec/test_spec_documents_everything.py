"""The spec reads like an API reference: it cites the server, links the vendor's pages, documents every answer.

That every operation, schema and property is described is a lint rule (redocly.yaml, tests/spec/test_spec_is_valid.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from scripts.spec import operation, operations, schema_errors

OPERATIONS = {
    "getCase": ("/api/2.0/crm/case/{caseid}", "get"),
    "updateCase": ("/api/2.0/crm/case/{caseid}", "put"),
    "reopenCase": ("/api/2.0/crm/case/{caseid}/reopen", "put"),
    "closeCase": ("/api/2.0/crm/case/{caseid}/close", "put"),
}
# The vendor's pages that the operations correct (the seeds of this project); getCase and closeCase have none.
VENDOR_PAGES = {
    "updateCase": "https://api.onlyoffice.com/workspace/api-backend/usage-api/crm/cases/update-a-case",
    "reopenCase": "https://api.onlyoffice.com/workspace/api-backend/usage-api/crm/cases/reopen-a-case",
}
PINNED_COMMIT = "7c503dfb5e9fe1a0b520d7d2a47ef857b37771b5"
# Where the server's source lives in ONLYOFFICE/CommunityServer: a citation names a file under one of these.
SOURCE_ROOTS = ("module/", "web/", "build/", "common/")


def test_each_operation_is_at_its_path_and_accepts_the_raw_token_first(pristine_spec: dict[str, Any]) -> None:
    # Summary, description and tag are required by lint rules (redocly.yaml); the order of security is not.
    assert sorted(found.id for found in operations(pristine_spec)) == sorted(OPERATIONS)
    for operation_id, (path, method) in OPERATIONS.items():
        found = operation(pristine_spec, operation_id)
        assert (found.path, found.method) == (path, method)
        # The raw token first: the generated client's default; then what else the server accepts
        # in a header. Query and cookie schemes are not offered: generators would send them.
        assert found.node["security"] == [{"apiKey": []}, {"bearerAuth": []}, {"basicAuth": []}]


def test_the_cookie_and_query_schemes_stay_documented_but_offered_nowhere(pristine_spec: dict[str, Any]) -> None:
    schemes = pristine_spec["components"]["securitySchemes"]
    offered = {name for op in operations(pristine_spec) for requirement in op.node["security"] for name in requirement}
    offered |= {name for requirement in pristine_spec["security"] for name in requirement}

    assert (schemes["authCookie"]["in"], schemes["authQuery"]["in"]) == ("cookie", "query")
    assert offered == {"apiKey", "bearerAuth", "basicAuth"}


@pytest.mark.parametrize("name", ["CaseId", "CaseIdToRead"])
def test_caseid_is_an_integer_path_parameter_of_at_least_one(pristine_spec: dict[str, Any], name: str) -> None:
    parameter = pristine_spec["components"]["parameters"][name]

    schema = f"#/components/parameters/{name}/schema"

    assert (parameter["name"], parameter["in"], parameter["required"]) == ("caseid", "path", True)
    assert schema_errors(pristine_spec, schema, 1) == []
    assert schema_errors(pristine_spec, schema, 0) != []
    assert schema_errors(pristine_spec, schema, 1.5) != []


def test_get_a_case_says_an_id_of_0_is_not_found_rather_than_bad(pristine_spec: dict[str, Any]) -> None:
    get_case = operation(pristine_spec, "getCase").node

    assert get_case["parameters"] == [{"$ref": "#/components/parameters/CaseIdToRead"}]
    assert "404" in pristine_spec["components"]["parameters"]["CaseIdToRead"]["description"]
    assert get_case["responses"]["400"] == {"$ref": "#/components/responses/CaseIdDoesNotConvert"}


def test_the_401_is_text_without_json_with_its_challenge_header(pristine_spec: dict[str, Any]) -> None:
    unauthorized = pristine_spec["components"]["responses"]["Unauthorized"]
    challenge = pristine_spec["components"]["headers"]["WWW-Authenticate"]

    # The server sets no content type: ASP.NET's default, text/html, goes out.
    assert list(unauthorized["content"]) == ["text/html"]
    assert unauthorized["content"]["text/html"]["schema"]["type"] == "string"
    assert "WWW-Authenticate" in unauthorized["headers"]
    assert challenge["example"] == 'Basic Realm="portal.example.com"'


def test_the_503_is_documented_without_a_body(pristine_spec: dict[str, Any]) -> None:
    unavailable = pristine_spec["components"]["responses"]["ServiceUnavailable"]

    assert "content" not in unavailable
    assert "empty body" in unavailable["description"]


def test_402_403_and_404_say_they_may_come_with_an_empty_body(pristine_spec: dict[str, Any]) -> None:
    responses = pristine_spec["components"]["responses"]

    for name in ("PaymentRequired", "Forbidden", "NotFound"):
        assert "empty" in responses[name]["description"], name
        assert list(responses[name]["content"]) == ["application/json"], name


def test_the_title_is_at_most_255_characters(pristine_spec: dict[str, Any]) -> None:
    title = "#/components/schemas/UpdateCaseRequest/properties/title"

    assert schema_errors(pristine_spec, title, "x") == []
    assert schema_errors(pristine_spec, title, "x" * 255) == []
    assert schema_errors(pristine_spec, title, "x" * 256) != []
    assert schema_errors(pristine_spec, title, "") != []


def test_the_mask_is_never_null(pristine_spec: dict[str, Any]) -> None:
    mask = "#/components/schemas/CustomField/properties/mask"

    assert schema_errors(pristine_spec, mask, '{"size":40}') == []
    assert schema_errors(pristine_spec, mask, None) != []


def test_info_names_the_pinned_commit_once(pristine_spec: dict[str, Any]) -> None:
    assert pristine_spec["info"]["description"].count(PINNED_COMMIT) == 1


def test_each_operation_links_the_vendor_page_it_corrects_and_no_other(pristine_spec: dict[str, Any]) -> None:
    for operation_id in OPERATIONS:
        linked = operation(pristine_spec, operation_id).node.get("externalDocs", {}).get("url")
        assert linked == VENDOR_PAGES.get(operation_id), operation_id


def test_each_operation_cites_the_servers_source(pristine_spec: dict[str, Any]) -> None:
    for operation_id in OPERATIONS:
        description = operation(pristine_spec, operation_id).node["description"]
        assert "module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs" in description
        assert " L" in description  # with line numbers


def test_every_error_answer_cites_the_servers_source(pristine_spec: dict[str, Any]) -> None:
    for name, response in pristine_spec["components"]["responses"].items():
        if name.startswith("Case"):
            continue  # the successes: their schemas carry the citations
        assert any(f"`{root}" in response["description"] for root in SOURCE_ROOTS), name


def test_each_operation_has_a_curl_and_a_python_sample(pristine_spec: dict[str, Any]) -> None:
    for operation_id in OPERATIONS:
        samples = operation(pristine_spec, operation_id).node["x-codeSamples"]
        assert [sample["lang"] for sample in samples] == ["Shell", "Python"]
        assert samples[0]["source"].startswith("curl ")
        assert "from onlyoffice_crm_client import AuthenticatedClient" in samples[1]["source"]


def test_no_accept_or_content_type_header_parameters(pristine_spec: dict[str, Any]) -> None:
    parameter_names = {
        parameter.get("name", "").lower()
        for path_item in pristine_spec["paths"].values()
        for parameter in path_item.get("parameters", [])
    } | {
        parameter.get("name", "").lower()
        for found in operations(pristine_spec)
        for parameter in found.node.get("parameters", [])
    }
    assert not parameter_names & {"accept", "content-type"}
