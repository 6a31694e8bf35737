"""Every example in the spec, and a response as the real server writes it, match their schemas."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from scripts.spec import deref, operations, schema_errors, walk
from scripts.spec_examples import find_examples
from scripts.validate import example_problems
from scripts.validate_fitness import enum_name_problems
from scripts.validate_states import (
    case_date_problems,
    contact_privacy_problems,
    mask_problems,
    private_member_problems,
    public_case_problems,
    state_problems,
)

CASE_ENVELOPE = "#/components/schemas/CaseEnvelope"
CASE = "#/components/schemas/Case"
PUBLIC_CASE = ("components", "examples", "PublicCase", "value", "response")


def values_under(node: Any, key: str) -> Iterator[Any]:
    """Every value stored under `key` anywhere in a JSON document."""
    return (mapping[key] for _, mapping in walk(node) if key in mapping)


def public_case(spec: dict[str, Any]) -> dict[str, Any]:
    node: Any = spec
    for key in PUBLIC_CASE:
        node = node[key]
    return node  # type: ignore[no-any-return]


def test_every_example_in_the_spec_matches_its_schema(pristine_spec: dict[str, Any]) -> None:
    assert example_problems(pristine_spec, find_examples(pristine_spec)) == []


def test_examples_are_found_in_bodies_responses_parameters_headers_and_schemas(pristine_spec: dict[str, Any]) -> None:
    places = {example.where for example in find_examples(pristine_spec)}

    assert "#/components/examples/PrivateCase" in places
    assert (
        "#/paths/~1api~12.0~1crm~1case~1{caseid}/put/requestBody/content/application~1json/examples/makePrivate"
        in places
    )
    assert "#/components/responses/Unauthorized/content/text~1html/examples/unauthorized" in places
    assert "#/components/parameters/CaseId/example" in places
    assert "#/components/headers/WWW-Authenticate/example" in places
    assert "#/components/schemas/Contact/properties/displayName/examples/0" in places


def test_a_broken_example_is_reported_with_its_location(spec: dict[str, Any]) -> None:
    public_case(spec)["members"][0]["shareType"] = 9

    problems = example_problems(spec, find_examples(spec))

    assert len(problems) == 1
    assert problems[0].startswith(
        "#/components/examples/PublicCase/value/response/members/0/shareType: example does not match"
    )
    share_types = spec["components"]["schemas"]["ShareType"]["enum"]
    assert f"at 'response/members/0/shareType': 9 is not one of {share_types}" in problems[0]


@pytest.mark.parametrize(
    ("field", "bad_value"),
    [("created", "4 March 2024"), ("createBy", {"id": "not-a-uuid"})],
    ids=["date-time", "uuid"],
)
def test_a_malformed_format_in_an_example_is_reported(spec: dict[str, Any], field: str, bad_value: Any) -> None:
    case = public_case(spec)
    case[field] = bad_value if field == "created" else {**case[field], **bad_value}

    assert any(f"response/{field}" in problem for problem in example_problems(spec, find_examples(spec)))


def test_a_bad_schema_level_example_is_reported(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Case"]["properties"]["id"]["examples"] = ["forty-two"]

    assert example_problems(spec, find_examples(spec)) == [
        "#/components/schemas/Case/properties/id/examples/0: example does not match "
        "#/components/schemas/Case/properties/id: at '': 'forty-two' is not of type 'integer'"
    ]


def test_every_response_and_request_body_has_a_named_example(pristine_spec: dict[str, Any]) -> None:
    without_examples = []
    for found in operations(pristine_spec):
        operation = found.node
        bodies = {f"{status} response": response for status, response in operation["responses"].items()}
        if "requestBody" in operation:
            bodies["request body"] = operation["requestBody"]
        for name, body in bodies.items():
            body, _ = deref(pristine_spec, body, "")
            # A body-less answer (the 503) has no content and so nothing to show.
            for media_type, media in body.get("content", {}).items():
                if not media.get("examples"):
                    without_examples.append(f"{operation['operationId']} {name} {media_type}")
    assert without_examples == []


def test_every_share_type_and_field_type_appears_in_an_example(pristine_spec: dict[str, Any]) -> None:
    values = [
        example.value
        for example in find_examples(pristine_spec)
        if not example.where.startswith("#/components/schemas")
    ]

    share_types = {v for value in values for v in values_under(value, "shareType")}
    field_types = {v for value in values for v in values_under(value, "fieldType")}

    assert share_types == set(pristine_spec["components"]["schemas"]["ShareType"]["enum"])
    assert field_types == set(pristine_spec["components"]["schemas"]["FieldType"]["enum"])


def test_every_integer_enum_has_a_name_for_each_value(pristine_spec: dict[str, Any]) -> None:
    assert enum_name_problems(pristine_spec) == []


def test_a_repeated_name_is_reported(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["ShareType"]["x-enum-varnames"][2] = "NONE"

    assert enum_name_problems(spec) == ["#/components/schemas/ShareType: x-enum-varnames repeats a name"]


def test_a_names_list_of_the_wrong_length_is_reported(spec: dict[str, Any]) -> None:
    field_type = spec["components"]["schemas"]["FieldType"]
    field_type["x-enum-varnames"].pop()

    values = len(field_type["enum"])
    assert enum_name_problems(spec) == [
        f"#/components/schemas/FieldType/x-enum-varnames: {values - 1} names for {values} enum values"
    ]


class TestTheRealServersResponse:
    """The answer wire-format.md shows, and the variants the server can write, validate."""

    def test_the_documented_success_response_validates(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        assert schema_errors(pristine_spec, CASE_ENVELOPE, wire_format_success) == []

    def test_a_private_case_with_an_access_list_validates(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        case = {
            **wire_format_success["response"],
            "isPrivate": True,
            "accessList": [wire_format_success["response"]["createBy"]],
        }

        assert schema_errors(pristine_spec, CASE, case) == []

    def test_a_contact_with_a_currency_and_an_employee_without_title_validate(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        case = wire_format_success["response"]
        euro = {
            "title": "Euro",
            "symbol": "€",
            "abbreviation": "EUR",
            "cultureName": "fr-FR",
            "isConvertable": True,
            "isBasic": True,
        }
        employee = {key: value for key, value in case["createBy"].items() if key != "title"}
        variant = {**case, "members": [{**case["members"][0], "currency": euro}], "createBy": employee}

        assert schema_errors(pristine_spec, CASE, variant) == []

    def test_a_heading_without_a_value_validates(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        heading = wire_format_success["response"]["customFields"][1]

        assert (heading["fieldType"], heading["entityId"], heading["fieldValue"]) == (4, 0, "")
        assert schema_errors(pristine_spec, "#/components/schemas/CustomField", heading) == []

    def test_a_null_mask_is_refused(self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]) -> None:
        field = {**wire_format_success["response"]["customFields"][0], "mask": None}

        assert schema_errors(pristine_spec, "#/components/schemas/CustomField", field) == [
            "at 'mask': None is not of type 'string'"
        ]

    def test_the_vendors_pascal_case_names_do_not_validate(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        case = wire_format_success["response"]
        pascal = {key[0].upper() + key[1:]: value for key, value in case.items()}

        errors = schema_errors(pristine_spec, CASE, pascal)

        assert "at '': 'members' is a required property" in errors

    def test_a_contact_without_its_currency_key_does_not_validate(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        contact = {
            key: value for key, value in wire_format_success["response"]["members"][0].items() if key != "currency"
        }

        assert schema_errors(pristine_spec, "#/components/schemas/Contact", contact) == [
            "at '': 'currency' is a required property"
        ]

    def test_the_error_envelope_of_the_wire_format_validates(self, pristine_spec: dict[str, Any]) -> None:
        envelope = {
            "status": 1,
            "statusCode": 404,
            "error": {"message": "Not found", "hresult": -2147467259, "data": {}},
        }

        assert schema_errors(pristine_spec, "#/components/schemas/ErrorEnvelope", envelope) == []

    def test_an_error_envelope_with_a_start_index_validates(self, pristine_spec: dict[str, Any]) -> None:
        envelope = {
            "startIndex": 5,
            "status": 1,
            "statusCode": 404,
            "error": {"message": "Not found", "hresult": -2147467259, "data": {}},
        }

        assert schema_errors(pristine_spec, "#/components/schemas/ErrorEnvelope", envelope) == []

    def test_a_start_index_of_zero_does_not_validate(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        # The server leaves startIndex out when it is 0 (EmitDefaultValue = false).
        envelope = {**wire_format_success, "startIndex": 0}

        assert schema_errors(pristine_spec, CASE_ENVELOPE, envelope) == [
            "at 'startIndex': 0 is less than the minimum of 1"
        ]


class TestTheTitlesLength:
    """`title` is a varchar(255) column: the schema takes 255 characters and refuses 256."""

    @pytest.mark.parametrize("length", [1, 255])
    def test_a_title_up_to_255_characters_validates(self, pristine_spec: dict[str, Any], length: int) -> None:
        body = {"title": "x" * length}

        assert schema_errors(pristine_spec, "#/components/schemas/UpdateCaseRequest", body) == []

    def test_a_256_character_title_is_refused(self, pristine_spec: dict[str, Any]) -> None:
        body = {"title": "x" * 256}

        errors = schema_errors(pristine_spec, "#/components/schemas/UpdateCaseRequest", body)

        assert len(errors) == 1 and errors[0].startswith("at 'title': ") and "is too long" in errors[0]

    def test_a_title_of_only_spaces_validates(self, pristine_spec: dict[str, Any]) -> None:
        assert schema_errors(pristine_spec, "#/components/schemas/UpdateCaseRequest", {"title": "   "}) == []


class TestTheContactPrivacyRule:
    """isPrivate is shareType == 0, isShared its opposite, accessList exactly when private."""

    def test_every_contact_in_every_example_obeys_it(self, pristine_spec: dict[str, Any]) -> None:
        contacts = [
            member
            for example in find_examples(pristine_spec)
            for members in values_under(example.value, "members")
            for member in members
            if isinstance(member, dict)  # request bodies list contact ids
        ]

        assert len(contacts) >= 4, "the examples should show public and private contacts"
        assert {contact["shareType"] for contact in contacts} == {0, 1, 2}
        assert contact_privacy_problems(find_examples(pristine_spec)) == []

    @pytest.mark.parametrize(
        ("change", "problem"),
        [
            ({"shareType": 2, "isPrivate": True}, "isPrivate must be false for shareType 2"),
            ({"shareType": 0}, "isPrivate must be true for shareType 0"),
            ({"isShared": False}, "isShared must be true for shareType 1"),
            ({"accessList": []}, "accessList must be absent for shareType 1"),
        ],
        ids=["private but shared", "shareType 0 but public", "public but not shared", "public with an access list"],
    )
    def test_a_contact_that_breaks_it_is_reported_with_its_place(
        self, spec: dict[str, Any], change: dict[str, Any], problem: str
    ) -> None:
        public_case(spec)["members"][0].update(change)

        problems = contact_privacy_problems(find_examples(spec))

        assert f"#/components/examples/PublicCase/value/response/members/0: {problem}" in problems

    def test_a_private_contact_without_its_access_list_is_reported(self, spec: dict[str, Any]) -> None:
        private = spec["components"]["examples"]["PrivateCase"]["value"]["response"]["members"][1]
        del private["accessList"]

        assert contact_privacy_problems(find_examples(spec)) == [
            "#/components/examples/PrivateCase/value/response/members/1: accessList must be present for shareType 0"
        ]


def example_response(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return spec["components"]["examples"][name]["value"]["response"]  # type: ignore[no-any-return]


class TestEveryExampleIsAStateTheServerCanProduce:
    """Public cases and private members are editable, text masks hold integers, case dates have the server's form."""

    def test_the_examples_break_none_of_the_rules(self, pristine_spec: dict[str, Any]) -> None:
        for rule in (public_case_problems, private_member_problems, mask_problems, case_date_problems):
            assert rule(find_examples(pristine_spec)) == [], rule.__name__

    def test_a_public_case_that_is_not_editable_is_reported(self, spec: dict[str, Any]) -> None:
        example_response(spec, "ReopenedCase")["canEdit"] = False

        assert public_case_problems(find_examples(spec)) == [
            "#/components/examples/ReopenedCase/value/response/canEdit: "
            "must be true for a public case (isPrivate false)"
        ]

    def test_a_private_case_need_not_be_editable(self, spec: dict[str, Any]) -> None:
        example_response(spec, "PrivateCase")["canEdit"] = False

        assert public_case_problems(find_examples(spec)) == []

    def test_a_private_member_that_is_not_editable_is_reported(self, spec: dict[str, Any]) -> None:
        example_response(spec, "ReopenedCase")["members"][0]["canEdit"] = False

        assert private_member_problems(find_examples(spec)) == [
            "#/components/examples/ReopenedCase/value/response/members/0/canEdit: "
            "must be true for a private contact (shareType 0)"
        ]

    def test_a_shared_member_need_not_be_editable(self, pristine_spec: dict[str, Any]) -> None:
        shared = example_response(pristine_spec, "PrivateCase")["members"][0]

        assert shared["shareType"] == 2 and shared["canEdit"] is False
        assert private_member_problems(find_examples(pristine_spec)) == []

    @pytest.mark.parametrize(
        ("field", "mask", "expected"),
        [
            (0, '{"size":"40"}', '{"size": <integer>}'),
            (0, "", '{"size": <integer>}'),
            (1, '{"rows":4}', '{"rows": <integer>, "cols": <integer>}'),
            (1, '{"rows":4,"cols":40.5}', '{"rows": <integer>, "cols": <integer>}'),
        ],
        ids=["quoted size", "empty text field mask", "text area without cols", "fractional cols"],
    )
    def test_a_text_mask_without_integer_values_is_reported(
        self, spec: dict[str, Any], field: int, mask: str, expected: str
    ) -> None:
        custom_field = example_response(spec, "PublicCase")["customFields"][0]
        custom_field.update(fieldType=field, mask=mask)

        assert mask_problems(find_examples(spec)) == [
            f"#/components/examples/PublicCase/value/response/customFields/0/mask: "
            f"must be {expected} for fieldType {field}, not {mask!r}"
        ]

    def test_select_box_and_heading_masks_are_not_text_masks(self, spec: dict[str, Any]) -> None:
        fields = example_response(spec, "PublicCase")["customFields"]

        assert {field["fieldType"] for field in fields} >= {2, 4}
        assert mask_problems(find_examples(spec)) == []

    @pytest.mark.parametrize(
        "date",
        ["2023-11-15T16:05:00+01:00", "2023-11-15T16:05:00.1230000+01:00", "2023-11-15T16:05:00.0000000", 20231115],
        ids=["no fraction", "a fraction not zero", "no offset", "not text"],
    )
    def test_a_case_date_not_in_the_servers_form_is_reported(self, spec: dict[str, Any], date: Any) -> None:
        example_response(spec, "ReopenedCase")["created"] = date

        assert case_date_problems(find_examples(spec)) == [
            f"#/components/examples/ReopenedCase/value/response/created: {date!r} is not the server's case date "
            "(like 2024-03-04T10:20:30.0000000+03:00)"
        ]

    def test_every_rule_reports_through_the_one_list_of_state_problems(self, spec: dict[str, Any]) -> None:
        example_response(spec, "ReopenedCase")["canEdit"] = False
        example_response(spec, "PublicCase")["members"][0]["isShared"] = False

        examples = find_examples(spec)

        assert state_problems(examples) == contact_privacy_problems(examples) + public_case_problems(examples)
        assert len(state_problems(examples)) == 2

    def test_the_schema_pins_the_case_date_too(self, spec: dict[str, Any]) -> None:
        example_response(spec, "ReopenedCase")["created"] = "2023-11-15T16:05:00+01:00"

        assert any(
            "at 'response/created'" in problem and "does not match" in problem
            for problem in example_problems(spec, find_examples(spec))
        )


class TestWhatTheExamplesShow:
    """The second edition's facts appear in the examples: headings, absolute profile URLs, whole seconds."""

    def test_every_case_date_has_the_fraction_0000000(self, pristine_spec: dict[str, Any]) -> None:
        dates = [value for example in find_examples(pristine_spec) for value in values_under(example.value, "created")]

        assert dates and all(".0000000" in date for date in dates), dates

    def test_every_profile_url_is_absolute(self, pristine_spec: dict[str, Any]) -> None:
        urls = [
            value
            for example in find_examples(pristine_spec)
            if not example.where.startswith("#/components/schemas")
            for value in values_under(example.value, "profileUrl")
        ]

        assert urls and all(url.startswith("https://") for url in urls), urls

    def test_a_relative_profile_url_does_not_validate(
        self, pristine_spec: dict[str, Any], wire_format_success: dict[str, Any]
    ) -> None:
        employee = {**wire_format_success["response"]["createBy"], "profileUrl": "/Products/People/Profile.aspx"}

        assert schema_errors(pristine_spec, "#/components/schemas/Employee", employee) != []

    def test_a_heading_without_a_value_is_shown(self, pristine_spec: dict[str, Any]) -> None:
        fields = [
            field
            for example in find_examples(pristine_spec)
            if not example.where.startswith("#/components/schemas")
            for fields in values_under(example.value, "customFields")
            for field in fields
        ]

        assert any(f["fieldType"] == 4 and f["entityId"] == 0 and f["fieldValue"] == "" for f in fields)
