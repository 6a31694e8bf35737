"""Over a real socket, the generated client and Prism (serving the spec, validating requests) agree."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from onlyoffice_crm_client import AuthenticatedClient
from onlyoffice_crm_client.api.cases import close_case, get_case, reopen_case, update_case
from onlyoffice_crm_client.models import Case, CaseEnvelope, ErrorEnvelope, UpdateCaseRequest
from onlyoffice_crm_client.patch import patch_case, patch_case_async
from onlyoffice_crm_client.types import Response
from scripts.spec import operations
from scripts.spec_examples import NamedExample, request_examples, response_examples
from support import A_VALID_BODY, TOKEN, call, call_async, load_pristine_spec, raw_request

RESPONSES = response_examples(load_pristine_spec())
REQUESTS = request_examples(load_pristine_spec())
CASE_42 = "/api/2.0/crm/case/42"


def prefer(example: NamedExample) -> dict[str, str]:
    """Prism's header for answering with one named example of one status."""
    return {"Prefer": f"code={example.status}, example={example.name}"}


def client_for(mock_url: str, example: NamedExample | None = None) -> AuthenticatedClient:
    # A timeout, so that a mock that stops answering fails the test instead of hanging it.
    headers = prefer(example) if example else {}
    return AuthenticatedClient(base_url=mock_url, token=TOKEN, headers=headers, timeout=httpx.Timeout(15.0))


def check_typed_result(example: NamedExample, response: Response[Any]) -> None:
    """The client's parsed result is the one the example describes."""
    assert response.status_code == example.status
    assert "sl-violations" not in response.headers, response.headers.get("sl-violations")
    if example.status == 200:
        assert isinstance(response.parsed, CaseEnvelope)
        assert response.parsed.response.title == example.value["response"]["title"]
    elif example.status == 401:
        assert response.parsed == example.value == "Unauthorized"
    else:
        assert isinstance(response.parsed, ErrorEnvelope)
        assert response.parsed.error.message == example.value["error"]["message"]
        assert response.parsed.to_dict() == example.value


@pytest.mark.parametrize("example", RESPONSES, ids=lambda e: e.id)
def test_prism_serves_each_named_example_as_written(mock_url: str, example: NamedExample) -> None:
    method, path, body = raw_request(example.operation_id)
    headers = {"Authorization": TOKEN, "Content-Type": "application/json", **prefer(example)}

    response = httpx.request(method, f"{mock_url}{path}", content=body, headers=headers)

    assert response.status_code == example.status
    assert "sl-violations" not in response.headers, response.headers.get("sl-violations")
    assert response.headers["content-type"].startswith(example.media_type)
    if example.media_type == "application/json":
        assert response.json() == example.value
    else:
        assert response.text == example.value


@pytest.mark.parametrize("example", RESPONSES, ids=lambda e: e.id)
def test_the_sync_client_gets_the_typed_result_of_each_example(mock_url: str, example: NamedExample) -> None:
    with client_for(mock_url, example) as client:
        check_typed_result(example, call(example.operation_id, client))


@pytest.mark.parametrize("example", RESPONSES, ids=lambda e: e.id)
def test_the_async_client_gets_the_typed_result_of_each_example(mock_url: str, example: NamedExample) -> None:
    async def run() -> Response[Any]:
        async with client_for(mock_url, example) as client:
            return await call_async(example.operation_id, client)

    check_typed_result(example, asyncio.run(run()))


def test_a_255_character_title_is_accepted_by_the_mock(mock_url: str) -> None:
    with client_for(mock_url) as client:
        response = update_case.sync_detailed(42, client=client, body=UpdateCaseRequest(title="x" * 255))

    assert "sl-violations" not in response.headers, response.headers.get("sl-violations")
    assert response.status_code == 200 and isinstance(response.parsed, CaseEnvelope)


@pytest.mark.parametrize("operation_id", [operation.id for operation in operations(load_pristine_spec())])
def test_the_503_comes_without_a_body_and_the_client_gets_none(mock_url: str, operation_id: str) -> None:
    headers = {"Authorization": TOKEN, "Content-Type": "application/json", "Prefer": "code=503"}
    method, path, body = raw_request(operation_id)

    raw = httpx.request(method, f"{mock_url}{path}", content=body, headers=headers)
    prefer_503 = {"Prefer": "code=503"}
    with AuthenticatedClient(base_url=mock_url, token=TOKEN, headers=prefer_503, timeout=httpx.Timeout(15.0)) as client:
        typed = call(operation_id, client)

    assert (raw.status_code, raw.content) == (503, b"")
    assert typed.status_code == 503 and typed.parsed is None


def test_a_request_without_a_token_gets_the_text_401(mock_url: str) -> None:
    response = httpx.put(f"{mock_url}{CASE_42}/reopen")

    assert response.status_code == 401
    assert response.text == "Unauthorized"


@pytest.mark.parametrize("example", REQUESTS, ids=lambda e: e.id)
def test_every_documented_request_body_sent_by_the_client_is_accepted(mock_url: str, example: NamedExample) -> None:
    with client_for(mock_url) as client:
        response = call(example.operation_id, client, body=example.value)

    assert "sl-violations" not in response.headers, response.headers.get("sl-violations")
    assert response.status_code == 200 and isinstance(response.parsed, CaseEnvelope)


def test_reopen_sent_by_the_client_is_accepted(mock_url: str) -> None:
    with client_for(mock_url) as client:
        response = reopen_case.sync_detailed(42, client=client)

    assert "sl-violations" not in response.headers
    assert response.status_code == 200


def test_read_and_close_sent_by_the_client_get_the_typed_case(mock_url: str) -> None:
    with client_for(mock_url) as client:
        read = get_case.sync_detailed(42, client=client)
        closed = close_case.sync_detailed(42, client=client)

    for response in (read, closed):
        assert "sl-violations" not in response.headers, response.headers.get("sl-violations")
        assert response.status_code == 200 and isinstance(response.parsed, CaseEnvelope)
    assert isinstance(read.parsed, CaseEnvelope) and read.parsed.response.is_private
    assert isinstance(closed.parsed, CaseEnvelope) and closed.parsed.response.is_closed


def test_patch_case_reads_then_sends_an_update_the_mock_accepts(
    mock_url: str, documented_title: Callable[[str], str]
) -> None:
    # Prism validates the update it is sent: a body the spec refuses would answer 4xx and raise.
    with client_for(mock_url) as client:
        case = patch_case(client, 42, title="Renamed", custom_fields={3: None}, members=[17])

    assert case.title == documented_title("updateCase")  # the update's first example, as Prism answers it


def test_patch_case_async_does_the_same_through_the_mock(mock_url: str, documented_title: Callable[[str], str]) -> None:
    async def run() -> Case:
        async with client_for(mock_url) as client:
            return await patch_case_async(client, 42, title="Renamed")

    assert asyncio.run(run()).title == documented_title("updateCase")


FORBIDDEN_REQUESTS = {
    "caseid 0": ("PUT", "/api/2.0/crm/case/0", json.dumps(A_VALID_BODY)),
    "read caseid 0": ("GET", "/api/2.0/crm/case/0", None),
    "reopen caseid 0": ("PUT", "/api/2.0/crm/case/0/reopen", None),
    "close caseid 0": ("PUT", "/api/2.0/crm/case/0/close", None),
    "a caseid that is not a number": ("PUT", "/api/2.0/crm/case/abc", json.dumps(A_VALID_BODY)),
    "read a caseid that is not a number": ("GET", "/api/2.0/crm/case/abc", None),
    "a missing title": ("PUT", CASE_42, json.dumps({"members": [17]})),
    "an empty title": ("PUT", CASE_42, json.dumps({"title": ""})),
    "a string where an integer belongs": ("PUT", CASE_42, json.dumps({"title": "x", "members": ["seventeen"]})),
    "a custom field without its key": (
        "PUT",
        CASE_42,
        json.dumps({"title": "x", "customFieldList": [{"value": "1"}]}),
    ),
    "a malformed JSON body": ("PUT", CASE_42, '{"title": "x",'),
    "a 256-character title": ("PUT", CASE_42, json.dumps({"title": "x" * 256})),
}


@pytest.mark.parametrize("name", FORBIDDEN_REQUESTS)
def test_requests_the_spec_forbids_are_refused_by_the_mock(mock_url: str, name: str) -> None:
    method, path, body = FORBIDDEN_REQUESTS[name]

    response = httpx.request(
        method, f"{mock_url}{path}", content=body, headers={"Authorization": TOKEN, "Content-Type": "application/json"}
    )

    assert response.status_code in (400, 422), response.text
    assert refused_by_validation(response), response.text


def refused_by_validation(response: httpx.Response) -> bool:
    """Prism names the rules a request broke in sl-violations; a body that is not JSON it refuses as such.

    For an operation without a documented 400 (Get a case), Prism answers its
    own 422 problem document, the broken rules in its `validation` list.
    """
    if "sl-violations" in response.headers:
        return True
    body = response.json()
    return bool(body.get("error", {}).get("code") == "invalid_json" or body.get("validation"))
