"""The spec library (scripts/spec.py, scripts/spec_examples.py) reads small inline specs as every tool relies on it to.

Each test builds the few lines of OpenAPI it needs, so what it proves does not
depend on the real spec's content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.spec import (
    HTTP_METHODS,
    SPEC_URI,
    NotFound,
    deref,
    escape,
    inlined,
    line_numbers,
    load_spec,
    load_with_lines,
    load_yaml,
    operation,
    operations,
    pointer_of,
    registry,
    resolve,
    schema_errors,
    schema_violations,
    validator_for,
    walk,
)
from scripts.spec_examples import find_examples, request_examples, response_examples

SMALL_SPEC = """\
openapi: 3.1.0
info:
  title: Small
  version: 1.0.0
paths:
  /things/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: {type: integer, minimum: 1}
        example: 7
    put:
      operationId: putThing
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
            examples:
              plain: {$ref: '#/components/examples/Plain'}
      responses:
        '200':
          $ref: '#/components/responses/Done'
    get:
      operationId: getThing
      responses:
        '200':
          $ref: '#/components/responses/Done'
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string, examples: [Lamp]}
        size: {$ref: '#/components/schemas/Size'}
    Size:
      type: integer
      example: 3
  examples:
    Plain:
      value: {name: Lamp, size: 3}
  responses:
    Done:
      description: Done.
      headers:
        X-Count:
          schema: {type: integer}
          example: 1
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Thing'}
          examples:
            done:
              value: {name: Chair}
"""


@pytest.fixture
def small_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SMALL_SPEC)
    return spec


def test_a_spec_is_loaded_with_the_line_of_each_key(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(SMALL_SPEC, encoding="utf-8")

    spec, lines = load_with_lines(path)

    text_lines = SMALL_SPEC.splitlines()
    assert spec["info"]["title"] == "Small"
    assert text_lines[lines["#/paths/~1things~1{id}/put/operationId"] - 1].strip() == "operationId: putThing"
    assert text_lines[lines["#/paths/~1things~1{id}/parameters/0/example"] - 1].strip() == "example: 7"
    assert lines["#"] == 1


def test_a_list_item_is_at_its_own_line() -> None:
    lines = line_numbers("a:\n  - x\n  - y\n")

    assert (lines["#/a"], lines["#/a/0"], lines["#/a/1"]) == (1, 2, 3)


def test_a_repeated_key_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text("openapi: 3.1.0\ninfo: {}\npaths: {}\ninfo: {}\n", encoding="utf-8")

    with pytest.raises(yaml.YAMLError, match=r"duplicate key 'info' \(first at line 2\)") as refused:
        load_spec(path)

    assert refused.value.problem_mark.line + 1 == 4  # type: ignore[attr-defined]


def test_json_is_read_too_and_a_key_repeated_deep_inside_is_refused() -> None:
    assert load_yaml('{"a": {"b": [1, 2]}}') == {"a": {"b": [1, 2]}}
    with pytest.raises(yaml.YAMLError, match=r"duplicate key 'b' \(first at line 2\)"):
        load_yaml('{"a": {\n  "b": 1,\n  "b": 2}}')


def test_a_document_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")

    with pytest.raises(ValueError, match="the top level is not a mapping"):
        load_spec(path)


@pytest.mark.parametrize(
    ("parts", "pointer"),
    [
        (("paths", "/a/{b}", "put"), "#/paths/~1a~1{b}/put"),
        (("x", "a~b", 0), "#/x/a~0b/0"),
    ],
)
def test_a_pointer_escapes_slash_and_tilde(parts: tuple[Any, ...], pointer: str) -> None:
    assert pointer_of(parts) == pointer
    assert escape("~/") == "~0~1"


def test_a_pointer_below_a_base_extends_it_and_no_parts_name_the_base_itself() -> None:
    assert pointer_of(("a/b", 1), "#/components/examples/X/value") == "#/components/examples/X/value/a~1b/1"
    assert pointer_of((), "#/components/examples/X/value") == "#/components/examples/X/value"
    assert pointer_of(()) == "#"


def test_a_ref_resolves_to_its_target_and_a_missing_one_is_not_found(small_spec: dict[str, Any]) -> None:
    assert resolve(small_spec, "#/components/schemas/Size") == {"type": "integer", "example": 3}
    assert resolve(small_spec, "#/paths/~1things~1{id}/get/operationId") == "getThing"
    with pytest.raises(NotFound):
        resolve(small_spec, "#/components/schemas/Nothing")


def test_the_registry_holds_the_document_under_its_uri(small_spec: dict[str, Any]) -> None:
    found = registry(small_spec).resolver().lookup(f"{SPEC_URI}#/components/schemas/Size")

    assert found.contents == {"type": "integer", "example": 3}


def test_a_chain_of_refs_is_followed_to_its_end(small_spec: dict[str, Any]) -> None:
    small_spec["components"]["schemas"]["Alias"] = {"$ref": "#/components/schemas/Thing"}

    node, where = deref(small_spec, {"$ref": "#/components/schemas/Alias"}, "#/start")

    assert where == "#/components/schemas/Thing"
    assert node is small_spec["components"]["schemas"]["Thing"]


def test_inlined_replaces_every_ref_and_drops_keys(small_spec: dict[str, Any]) -> None:
    thing = inlined(small_spec, {"$ref": "#/components/schemas/Thing"}, drop=frozenset({"examples", "example"}))

    assert thing == {
        "type": "object",
        "properties": {"name": {"type": "string"}, "size": {"type": "integer"}},
    }


def test_walk_yields_every_mapping_parents_first_and_skips_what_enter_refuses() -> None:
    value = {"a": {"b": [{"c": 1}]}, "x-skip": {"d": {}}}

    assert [where for where, _ in walk(value)] == ["#", "#/a", "#/a/b/0", "#/x-skip", "#/x-skip/d"]
    assert [where for where, _ in walk(value, enter=lambda key: not key.startswith("x-"))] == ["#", "#/a", "#/a/b/0"]


def test_operations_are_found_for_every_http_method_in_document_order() -> None:
    spec = {"paths": {"/p": {method: {"operationId": f"{method}It"} for method in HTTP_METHODS} | {"summary": "s"}}}

    found = operations(spec)

    assert [op.method for op in found] == list(HTTP_METHODS)
    assert [op.id for op in found] == [f"{method}It" for method in HTTP_METHODS]
    assert found[2].pointer == "#/paths/~1p/post"
    assert found[2].node is spec["paths"]["/p"]["post"]


def test_an_operation_is_found_by_its_id_and_a_missing_one_is_a_key_error(small_spec: dict[str, Any]) -> None:
    found = operation(small_spec, "getThing")

    assert (found.path, found.method) == ("/things/{id}", "get")
    with pytest.raises(KeyError, match="no operation 'nothing'"):
        operation(small_spec, "nothing")


def test_every_kind_of_example_is_found_once_with_its_schema(small_spec: dict[str, Any]) -> None:
    found = {(example.where, example.schema_pointer): example.value for example in find_examples(small_spec)}

    done = "#/components/responses/Done"
    assert found == {
        ("#/paths/~1things~1{id}/parameters/0/example", "#/paths/~1things~1{id}/parameters/0/schema"): 7,
        (
            "#/components/examples/Plain",
            "#/paths/~1things~1{id}/put/requestBody/content/application~1json/schema",
        ): {"name": "Lamp", "size": 3},
        (f"{done}/content/application~1json/examples/done", f"{done}/content/application~1json/schema"): {
            "name": "Chair"
        },
        (f"{done}/headers/X-Count/example", f"{done}/headers/X-Count/schema"): 1,
        ("#/components/schemas/Thing/properties/name/examples/0", "#/components/schemas/Thing/properties/name"): "Lamp",
        ("#/components/schemas/Size/example", "#/components/schemas/Size"): 3,
    }


def test_a_named_example_value_is_under_value_and_a_listed_one_is_itself(small_spec: dict[str, Any]) -> None:
    pointers = {example.where: example.value_pointer for example in find_examples(small_spec)}

    assert pointers["#/components/examples/Plain"] == "#/components/examples/Plain/value"
    assert (
        pointers["#/components/schemas/Thing/properties/name/examples/0"]
        == "#/components/schemas/Thing/properties/name/examples/0"
    )


def test_a_named_example_called_1_keeps_its_value_under_value(small_spec: dict[str, Any]) -> None:
    body = small_spec["paths"]["/things/{id}"]["put"]["requestBody"]["content"]["application/json"]
    body["examples"]["1"] = {"value": {"name": "Desk"}}
    named_1 = "#/paths/~1things~1{id}/put/requestBody/content/application~1json/examples/1"

    pointers = {example.where: example.value_pointer for example in find_examples(small_spec)}

    assert pointers[named_1] == f"{named_1}/value"


def test_named_examples_are_listed_by_operation_status_and_name(small_spec: dict[str, Any]) -> None:
    responses = {(example.id, example.media_type): example.value for example in response_examples(small_spec)}
    requests = {example.id: example.value for example in request_examples(small_spec)}

    assert responses == {
        ("putThing-200-done", "application/json"): {"name": "Chair"},
        ("getThing-200-done", "application/json"): {"name": "Chair"},
    }
    assert requests == {"putThing-request-plain": {"name": "Lamp", "size": 3}}


def test_a_value_is_checked_against_a_schema_of_the_spec_refs_included(small_spec: dict[str, Any]) -> None:
    thing = "#/components/schemas/Thing"

    assert schema_errors(small_spec, thing, {"name": "Lamp", "size": 3}) == []
    assert schema_errors(small_spec, thing, {"size": "big"}) == ["at 'size': 'big' is not of type 'integer'"]


def test_a_violation_names_the_path_of_the_wrong_part_inside_the_value(small_spec: dict[str, Any]) -> None:
    violations = schema_violations(small_spec, "#/components/schemas/Thing", {"name": "Lamp", "size": "big"})

    assert violations == [(("size",), "'big' is not of type 'integer'")]


def test_the_validator_checks_formats(small_spec: dict[str, Any]) -> None:
    small_spec["components"]["schemas"]["When"] = {"type": "string", "format": "date-time"}

    when = validator_for(small_spec, "#/components/schemas/When")

    assert when.is_valid("2024-03-04T10:20:30+03:00")
    assert not when.is_valid("4 March 2024")


def test_an_operation_without_an_operation_id_has_an_empty_id() -> None:
    assert [op.id for op in operations({"paths": {"/p": {"get": {"responses": {}}}}})] == [""]
