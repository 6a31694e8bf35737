"""Every response the spec documents parses into the right typed result and writes back unchanged."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from onlyoffice_crm_client.models import (
    CaseEnvelope,
    Contact,
    EnvelopeStatus,
    ErrorEnvelope,
    FieldType,
    ShareType,
)
from onlyoffice_crm_client.types import UNSET, Response
from scripts.spec import operations
from scripts.spec_examples import NamedExample, response_examples
from support import Recorder, as_instants, call, load_pristine_spec

EXAMPLES = response_examples(load_pristine_spec())
OPERATION_IDS = [operation.id for operation in operations(load_pristine_spec())]


def replay(example: NamedExample, recorder: Recorder) -> Response[Any]:
    """Call the example's operation through the client, the recorder answering with the example."""
    recorder.answer(example.status or 200, example.value, example.media_type)
    return call(example.operation_id, recorder.client())


def test_every_operation_has_examples_for_every_documented_status_with_a_body() -> None:
    statuses = {(example.operation_id, example.status) for example in EXAMPLES}

    # The 503 has no body, so no example.
    assert OPERATION_IDS  # else the loop below proves nothing
    for operation_id in OPERATION_IDS:
        assert {status for op, status in statuses if op == operation_id} == {200, 400, 401, 402, 403, 404, 500}


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_the_body_less_503_parses_into_none(operation_id: str, recorder: Recorder) -> None:
    recorder.response = httpx.Response(503, content=b"")

    response = call(operation_id, recorder.client())

    assert response.status_code == 503 and response.content == b""
    assert response.parsed is None


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.status == 200], ids=lambda e: e.id)
def test_a_success_example_parses_into_a_case_envelope_and_writes_back(
    example: NamedExample, recorder: Recorder
) -> None:
    parsed = replay(example, recorder).parsed

    assert isinstance(parsed, CaseEnvelope)
    assert parsed.status is EnvelopeStatus.OK
    assert parsed.response.id == example.value["response"]["id"]
    assert as_instants(parsed.to_dict()) == as_instants(example.value)


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e.media_type == "application/json" and e.status != 200], ids=lambda e: e.id
)
def test_an_error_example_parses_into_an_error_envelope_with_its_message(
    example: NamedExample, recorder: Recorder
) -> None:
    parsed = replay(example, recorder).parsed

    assert isinstance(parsed, ErrorEnvelope)
    assert parsed.status is EnvelopeStatus.ERROR
    assert parsed.status_code == example.status
    assert parsed.error.message == example.value["error"]["message"]
    assert parsed.to_dict() == example.value


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.status == 401], ids=lambda e: e.id)
def test_the_text_401_parses_into_its_text(example: NamedExample, recorder: Recorder) -> None:
    response = replay(example, recorder)

    assert example.media_type == "text/html"
    assert response.status_code == 401
    assert response.parsed == "Unauthorized"


def test_enum_names_are_readable_in_the_parsed_case(recorder: Recorder) -> None:
    private_case = next(e for e in EXAMPLES if e.name == "privateCase")

    parsed = replay(private_case, recorder).parsed
    assert isinstance(parsed, CaseEnvelope)
    case = parsed.response

    assert [member.share_type for member in case.members] == [ShareType.READ, ShareType.NONE]
    assert [member.is_private for member in case.members] == [False, True]
    assert [field.field_type for field in case.custom_fields] == [
        FieldType.TEXT_AREA,
        FieldType.CHECK_BOX,
        FieldType.HEADING,
    ]


class TestTolerance:
    """What the server may send beyond the spec, or leave out, parses without loss."""

    @pytest.fixture
    def case(self, wire_format_success: dict[str, Any]) -> dict[str, Any]:
        return copy.deepcopy(wire_format_success["response"])

    def test_an_unknown_share_type_is_kept_and_written_back(self, case: dict[str, Any]) -> None:
        case["members"][0]["shareType"] = 3

        contact = Contact.from_dict(case["members"][0])

        assert contact.share_type == 3 and contact.share_type.name == "UNKNOWN_3"
        assert contact.to_dict()["shareType"] == 3

    def test_an_unknown_field_type_is_kept_and_written_back(self, case: dict[str, Any]) -> None:
        case["customFields"][0]["fieldType"] = 9
        envelope = {"count": 1, "status": 0, "statusCode": 200, "response": case}

        assert CaseEnvelope.from_dict(envelope).to_dict()["response"]["customFields"][0]["fieldType"] == 9

    def test_a_known_value_still_is_its_named_member(self) -> None:
        assert ShareType(1) is ShareType.READ_WRITE

    def test_a_value_of_the_wrong_type_is_still_refused(self) -> None:
        with pytest.raises(ValueError, match="not a valid ShareType"):
            ShareType("1")  # type: ignore[arg-type]

    def test_unknown_extra_fields_are_kept_and_written_back(self, case: dict[str, Any]) -> None:
        case["dealMilestone"] = {"id": 5, "title": "Negotiation"}
        case["members"][0]["industry"] = "Events"

        assert as_instants(
            CaseEnvelope.from_dict({"count": 1, "status": 0, "statusCode": 200, "response": case}).response.to_dict()
        ) == as_instants(case)

    def test_missing_optional_fields_are_unset_and_not_written_back(self, case: dict[str, Any]) -> None:
        del case["createBy"]["title"]

        parsed = CaseEnvelope.from_dict({"count": 1, "status": 0, "statusCode": 200, "response": case}).response

        assert parsed.access_list is UNSET and parsed.create_by.title is UNSET
        assert "accessList" not in parsed.to_dict() and "title" not in parsed.to_dict()["createBy"]

    def test_a_null_currency_stays_null(self, case: dict[str, Any]) -> None:
        written = CaseEnvelope.from_dict(
            {"count": 1, "status": 0, "statusCode": 200, "response": case}
        ).response.to_dict()

        assert written["members"][0]["currency"] is None

    def test_a_start_index_in_an_error_envelope_is_kept(self) -> None:
        envelope = {
            "startIndex": 5,
            "status": 1,
            "statusCode": 404,
            "error": {"message": "Not found", "hresult": -2147467259, "data": {}},
        }

        parsed = ErrorEnvelope.from_dict(envelope)

        assert parsed.start_index == 5 and parsed.to_dict() == envelope
