"""The compiled fast path (msgspec Structs generated from the spec) gives exactly what the lenient parser gives.

types.parse_json decodes a body with the model's `_Fast` Struct and falls
back to `from_dict` whenever msgspec refuses it: so a body the spec describes
exactly takes the fast path, and anything else (an unknown enum value or
property, a missing field, a wrong type, not JSON) gets today's behaviour,
its errors included.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings

from onlyoffice_crm_client import errors
from onlyoffice_crm_client.models import Case, CaseEnvelope, ErrorEnvelope, ShareType, UpdateCaseRequest
from onlyoffice_crm_client.types import parse_json, strict_parsing
from support import payloads

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

# Fewer examples than the round trips (test_client_round_trips.py), whose strategies these are.
AGREE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fast_parse(model: Any, body: bytes) -> Any:
    """The fast path alone, as parse_json takes it: a refused body raises msgspec.ValidationError, no fallback."""
    return model._from_fast(msgspec.json.Decoder(model._Fast).decode(body))


def error_envelopes() -> SearchStrategy[dict[str, Any]]:
    """Valid ErrorEnvelopes whose `error.data` is empty, as the server writes it (the spec's examples: `{}`).

    `data` is open (additionalProperties: true), so most drawn envelopes carry keys in it that the fast
    path's closed Struct refuses: left as drawn, the fast path would hardly ever be compared.
    """
    return payloads("ErrorEnvelope").map(lambda payload: {**payload, "error": {**payload["error"], "data": {}}})


@pytest.fixture
def lenient_only(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record every from_dict call of CaseEnvelope: the bodies that did not take the fast path."""
    seen: list[Any] = []
    lenient = CaseEnvelope.from_dict.__func__  # type: ignore[attr-defined]

    def recorded(cls: type[CaseEnvelope], src_dict: Any) -> CaseEnvelope:
        seen.append(src_dict)
        return lenient(cls, src_dict)  # type: ignore[no-any-return]

    monkeypatch.setattr(CaseEnvelope, "from_dict", classmethod(recorded))
    return seen


def test_the_real_servers_answer_takes_the_fast_path_and_equals_the_lenient_parse(
    success: dict[str, Any], lenient_only: list[Any], json_body: Callable[[Any], bytes]
) -> None:
    fast = parse_json(CaseEnvelope, json_body(success))

    assert lenient_only == []
    assert fast == CaseEnvelope.from_dict(success)
    assert type(fast.response.members[0].share_type) is ShareType


@AGREE
@given(payload=payloads("CaseEnvelope"))
def test_any_valid_case_envelope_takes_the_fast_path_to_what_the_lenient_parser_gives(
    payload: dict[str, Any], json_body: Callable[[Any], bytes]
) -> None:
    assert fast_parse(CaseEnvelope, json_body(payload)) == CaseEnvelope.from_dict(payload)


@AGREE
@given(payload=error_envelopes())
def test_any_valid_error_envelope_takes_the_fast_path_to_what_the_lenient_parser_gives(
    payload: dict[str, Any], json_body: Callable[[Any], bytes]
) -> None:
    assert fast_parse(ErrorEnvelope, json_body(payload)) == ErrorEnvelope.from_dict(payload)


def unknown_share_type(body: dict[str, Any]) -> None:
    body["response"]["members"][0]["shareType"] = 3


def unknown_property(body: dict[str, Any]) -> None:
    body["response"]["newThing"] = 1


def missing_title(body: dict[str, Any]) -> None:
    del body["response"]["title"]


def seven_fractional_digits(body: dict[str, Any]) -> None:
    # msgspec would round this to .123457; fromisoformat truncates to .123456, and both paths use fromisoformat.
    body["response"]["created"] = "2020-02-07T04:00:00.1234567+03:00"


def bool_for_int(body: dict[str, Any]) -> None:
    body["response"]["id"] = True


def string_for_a_member(body: dict[str, Any]) -> None:
    body["response"]["members"].append("Jane")


@pytest.mark.parametrize(
    "change",
    [unknown_share_type, unknown_property, missing_title, seven_fractional_digits, bool_for_int, string_for_a_member],
)
def test_a_body_the_fast_path_refuses_gets_the_lenient_parsers_answer(
    change: Any, success: dict[str, Any], lenient_only: list[Any], json_body: Callable[[Any], bytes]
) -> None:
    change(success)

    try:
        expected: Any = CaseEnvelope.from_dict(copy.deepcopy(success))
    except errors.ParseError as error:
        expected = str(error)
    lenient_only.clear()
    try:
        got: Any = parse_json(CaseEnvelope, json_body(success))
    except errors.ParseError as error:
        got = str(error)

    assert got == expected
    if change is not seven_fractional_digits:
        assert len(lenient_only) == 1  # refused by the fast path, decided by the lenient parser


def test_a_member_of_the_wrong_type_is_refused_naming_the_list(
    success: dict[str, Any], json_body: Callable[[Any], bytes]
) -> None:
    string_for_a_member(success)

    with pytest.raises(errors.ParseError) as raised:
        parse_json(CaseEnvelope, json_body(success))

    assert raised.value.path == "response.members[*]"


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("items", [[7, "8"], [True], [7.0]], ids=["a string", "a boolean", "a float"])
def test_a_wrong_typed_id_in_a_list_of_ids_is_refused_by_both_paths_naming_the_list(
    items: list[Any], strict: bool, json_body: Callable[[Any], bytes]
) -> None:
    # UpdateCaseRequest.members is the spec's list of plain values (integer ids): its items are untyped JSON until
    # checked, and the generated parser used to cast the list as it came.
    body = json_body({"title": "Exhibition", "members": items})
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.Decoder(UpdateCaseRequest._Fast).decode(body)

    reset = strict_parsing.set(strict)
    try:
        with pytest.raises(errors.ParseError) as raised:
            parse_json(UpdateCaseRequest, body)
    finally:
        strict_parsing.reset(reset)

    assert raised.value.path == "members[*]"
    assert raised.value.problem == f"expected int, found {type(items[-1]).__name__}"


def test_an_unknown_enum_value_keeps_its_unknown_member(
    success: dict[str, Any], json_body: Callable[[Any], bytes]
) -> None:
    unknown_share_type(success)

    case: Case = parse_json(CaseEnvelope, json_body(success)).response

    assert case.members[0].share_type.name == "UNKNOWN_3" and case.members[0].share_type == 3


def test_strict_mode_still_refuses_what_the_fast_path_refuses(
    success: dict[str, Any], json_body: Callable[[Any], bytes]
) -> None:
    unknown_property(success)
    reset = strict_parsing.set(True)
    try:
        with pytest.raises(errors.ParseError, match="newThing"):
            parse_json(CaseEnvelope, json_body(success))
    finally:
        strict_parsing.reset(reset)


def test_a_body_that_is_not_json_raises_what_it_raised_before() -> None:
    with pytest.raises(json.JSONDecodeError):
        parse_json(CaseEnvelope, b"<html>")
