"""The generator checks (scripts/validate_fitness.py) refuse, on small inline specs, what generators get wrong silently.

Each test builds the few lines of OpenAPI it needs: the names two generated
modules or classes would share, enum names no target can write, a schema
named like a built-in, a credential offered outside a header.
"""

from __future__ import annotations

from typing import Any

import pytest

from scripts.validate_fitness import (
    enum_name_problems,
    operation_id_problems,
    schema_name_problems,
    security_problems,
)

Spec = dict[str, Any]


def with_operations(*operation_ids: str) -> Spec:
    """A spec with one GET path per operationId, in order."""
    return {"paths": {f"/p{n}": {"get": {"operationId": name}} for n, name in enumerate(operation_ids)}}


def with_schemas(**schemas: Any) -> Spec:
    return {"components": {"schemas": schemas}}


def an_integer_enum(values: list[int], names: list[Any]) -> Spec:
    return with_schemas(Kind={"type": "integer", "enum": values, "x-enum-varnames": names})


class TestGeneratedNames:
    def test_distinct_names_pass(self) -> None:
        assert operation_id_problems(with_operations("getCase", "closeCase") | with_schemas(Case={}, Contact={})) == []

    def test_a_repeated_operation_id_is_named_at_the_second_with_the_first(self) -> None:
        assert operation_id_problems(with_operations("getCase", "getCase")) == [
            "#/paths/~1p1/get/operationId: duplicate operationId 'getCase',"
            " already used at #/paths/~1p0/get/operationId"
        ]

    def test_operation_ids_with_the_same_module_name_clash(self) -> None:
        assert operation_id_problems(with_operations("getCase", "get_case")) == [
            "#/paths/~1p1/get/operationId: operationId 'get_case' becomes 'get_case' like 'getCase',"
            " already used at #/paths/~1p0/get/operationId"
        ]

    def test_schema_names_with_the_same_class_name_clash(self) -> None:
        assert operation_id_problems(with_schemas(Case={}, case={})) == [
            "#/components/schemas/case: schema name 'case' becomes 'Case' like 'Case',"
            " already used at #/components/schemas/Case"
        ]


class TestEnumNames:
    def test_one_upper_snake_name_per_value_passes(self) -> None:
        assert enum_name_problems(an_integer_enum([0, 1], ["NONE", "READ_WRITE"])) == []

    def test_a_string_enum_and_an_enum_without_names_are_left_to_lint(self) -> None:
        spec = with_schemas(Word={"type": "string", "enum": ["a"]}, Kind={"type": "integer", "enum": [0]})

        assert enum_name_problems(spec) == []

    @pytest.mark.parametrize(
        ("names", "problem"),
        [
            (["NONE"], "#/components/schemas/Kind/x-enum-varnames: 1 names for 2 enum values"),
            (["NONE", "NONE"], "#/components/schemas/Kind: x-enum-varnames repeats a name"),
            (
                ["NONE", "None"],
                "#/components/schemas/Kind/x-enum-varnames/1: 'None' is not UPPER_SNAKE (like READ_WRITE)",
            ),
            (["NONE", 1], "#/components/schemas/Kind/x-enum-varnames/1: 1 is not UPPER_SNAKE (like READ_WRITE)"),
        ],
        ids=["too few", "repeated", "a keyword", "not text"],
    )
    def test_a_names_list_that_no_generator_can_write_is_refused(self, names: list[Any], problem: str) -> None:
        assert enum_name_problems(an_integer_enum([0, 1], names)) == [problem]


@pytest.mark.parametrize("name", ["Error", "Object", "Promise"])
def test_a_schema_named_like_a_built_in_is_refused(name: str) -> None:
    assert schema_name_problems(with_schemas(**{name: {}, "Case": {}})) == [
        f"#/components/schemas/{name}: schema name {name!r} is a built-in name in TypeScript and JavaScript"
        " (generators rename or shadow it): choose another"
    ]


SCHEMES = {
    "header": {"type": "apiKey", "in": "header", "name": "Authorization"},
    "bearer": {"type": "http", "scheme": "bearer"},
    "query": {"type": "apiKey", "in": "query", "name": "asc_auth_key"},
    "cookie": {"type": "apiKey", "in": "cookie", "name": "asc_auth_key"},
}


def secured(document: list[Any], operation: list[Any]) -> Spec:
    return {
        "security": document,
        "paths": {"/p": {"get": {"security": operation}}},
        "components": {"securitySchemes": SCHEMES},
    }


class TestSecurity:
    def test_schemes_sent_in_a_header_pass_and_others_may_be_documented(self) -> None:
        assert security_problems(secured([{"header": []}], [{"header": []}, {"bearer": []}])) == []

    @pytest.mark.parametrize("where", ["query", "cookie"])
    def test_a_requirement_offering_a_credential_outside_a_header_is_refused_where_it_is(self, where: str) -> None:
        problems = security_problems(secured([{where: []}], [{"header": []}, {where: []}]))

        assert [problem.split(": ", 1)[0] for problem in problems] == ["#/security/0", "#/paths/~1p/get/security/1"]
        assert all(
            f"{where!r} sends the credential in a {where}: offer only schemes sent in a header" in problem
            for problem in problems
        )
