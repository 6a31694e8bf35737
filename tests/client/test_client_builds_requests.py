"""The generated client sends what the spec describes: method, path, token, media type, wire names."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from onlyoffice_crm_client.api.cases import close_case, get_case, reopen_case, update_case
from onlyoffice_crm_client.models import CustomFieldValue, UpdateCaseRequest
from onlyoffice_crm_client.types import UNSET
from scripts.spec import schema_errors
from scripts.spec_examples import request_examples
from support import CASE_ID, TOKEN, Recorder, raw_request

REQUEST_SCHEMA = "#/components/schemas/UpdateCaseRequest"
INT32 = st.integers(min_value=-(2**31), max_value=2**31 - 1)


def sent_body(request: httpx.Request) -> Any:
    return json.loads(request.content)


def test_update_case_sends_put_to_the_case_with_the_raw_token_and_json(recorder: Recorder) -> None:
    body = UpdateCaseRequest(title="Exhibition organization", members=[17, 23])

    update_case.sync_detailed(CASE_ID, client=recorder.client(), body=body)

    (request,) = recorder.requests
    assert (request.method, request.url.path) == raw_request("updateCase")[:2]
    assert request.headers["Authorization"] == TOKEN
    assert request.headers["Content-Type"] == "application/json"


def test_update_case_sends_the_wire_names_and_leaves_unset_fields_out(recorder: Recorder) -> None:
    body = UpdateCaseRequest(
        title="Exhibition organization",
        members=[17],
        custom_field_list=[CustomFieldValue(key=3, value="1000")],
        is_private=True,
        access_list=[UUID("6f7c1a2e-3b7d-4c1e-9d2a-1b2c3d4e5f60")],
        is_notify=False,
    )

    update_case.sync_detailed(42, client=recorder.client(), body=body)

    assert sent_body(recorder.requests[0]) == {
        "title": "Exhibition organization",
        "members": [17],
        "customFieldList": [{"key": 3, "value": "1000"}],
        "isPrivate": True,
        "accessList": ["6f7c1a2e-3b7d-4c1e-9d2a-1b2c3d4e5f60"],
        "isNotify": False,
    }


def test_a_title_alone_is_sent_alone(recorder: Recorder) -> None:
    update_case.sync_detailed(42, client=recorder.client(), body=UpdateCaseRequest(title="Renamed"))

    assert sent_body(recorder.requests[0]) == {"title": "Renamed"}


def test_the_bearer_prefix_is_available_for_those_who_want_it(recorder: Recorder) -> None:
    update_case.sync_detailed(42, client=recorder.client(prefix="Bearer"), body=UpdateCaseRequest(title="x"))

    assert recorder.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_reopen_case_sends_put_to_reopen_without_a_body(recorder: Recorder) -> None:
    reopen_case.sync_detailed(CASE_ID, client=recorder.client())

    (request,) = recorder.requests
    assert (request.method, request.url.path) == raw_request("reopenCase")[:2]
    assert request.content == b"" and raw_request("reopenCase")[2] is None
    assert request.headers["Authorization"] == TOKEN


def test_get_case_sends_get_to_the_case_without_a_body(recorder: Recorder) -> None:
    get_case.sync_detailed(CASE_ID, client=recorder.client())

    (request,) = recorder.requests
    assert (request.method, request.url.path) == raw_request("getCase")[:2]
    assert request.content == b"" and raw_request("getCase")[2] is None
    assert request.headers["Authorization"] == TOKEN


def test_close_case_sends_put_to_close_without_a_body(recorder: Recorder) -> None:
    close_case.sync_detailed(CASE_ID, client=recorder.client())

    (request,) = recorder.requests
    assert (request.method, request.url.path) == raw_request("closeCase")[:2]
    assert request.content == b"" and raw_request("closeCase")[2] is None
    assert request.headers["Authorization"] == TOKEN


def test_every_request_example_round_trips_through_the_request_model(pristine_spec: dict[str, Any]) -> None:
    examples = request_examples(pristine_spec)

    assert examples
    for example in examples:
        assert UpdateCaseRequest.from_dict(example.value).to_dict() == example.value, example.id


custom_field_values = st.builds(CustomFieldValue, key=INT32, value=st.text())
update_requests = st.builds(
    UpdateCaseRequest,
    title=st.text(min_size=1),
    members=st.none() | st.lists(st.integers(min_value=1, max_value=2**31 - 1)),
    custom_field_list=st.none() | st.lists(custom_field_values, max_size=4),
    is_private=st.none() | st.booleans(),
    access_list=st.none() | st.lists(st.uuids(), max_size=3),
    is_notify=st.none() | st.booleans(),
).map(lambda request: _unset_nones(request))


def _unset_nones(request: UpdateCaseRequest) -> UpdateCaseRequest:
    """hypothesis draws None for 'leave it out'; the client spells that UNSET."""
    for field in ("members", "custom_field_list", "is_private", "access_list", "is_notify"):
        if getattr(request, field) is None:
            setattr(request, field, UNSET)
    return request


@settings(max_examples=150, deadline=None)
@given(body=update_requests)
def test_any_request_the_client_builds_validates_against_the_request_schema(
    pristine_spec: dict[str, Any], body: UpdateCaseRequest
) -> None:
    recorder = Recorder()

    update_case.sync_detailed(42, client=recorder.client(), body=body)

    assert schema_errors(pristine_spec, REQUEST_SCHEMA, sent_body(recorder.requests[0])) == []
