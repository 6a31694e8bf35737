"""The custom templates on a small inline spec that has every property kind they touch.

The real spec never produces a number, a string enum, a uuid or an untyped
property; upstream tests its templates on small specs too (its
`end_to_end_tests/functional_tests/`). One spec holds them all, generated
once per module with our config and templates (scripts/generate.py's
generate_into), so that each kind is proved to parse, to round-trip through
`to_dict()`, to refuse a wrong-typed value with the path of the field (an
array's item at `tags[*]`), and to treat unknown enum values and missing or
unknown fields as the package's README says: leniently by default, as
`errors.MalformedResponse` when strict.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import json
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import msgspec
import pytest

from scripts.generate import PACKAGE, GenerationFailed, generate_into
from support import PORTAL, write_spec

# The generated package is imported under this name, beside the real onlyoffice_crm_client (its
# own modules import each other relatively; the hand-written ones import the real package).
SMALL_PACKAGE = "small_spec_client"


def described(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "description": "A property of the small spec."}


LEVEL = {"type": "integer", "enum": [1, 2], "x-enum-varnames": ["LOW", "HIGH"]}
PROPERTIES: dict[str, dict[str, Any]] = {
    "count": described({"type": "integer"}),
    "ratio": described({"type": "number"}),
    "flag": described({"type": "boolean"}),
    "name": described({"type": "string"}),
    "colour": described({"type": "string", "enum": ["red", "green"]}),
    "level": described(LEVEL),
    "day": described({"type": "string", "format": "date"}),
    "at": described({"type": "string", "format": "date-time"}),
    "tags": described({"type": "array", "items": {"type": "string"}}),
    "child": {"$ref": "#/components/schemas/Child"},
    "note": described({"anyOf": [{"type": "string"}, {"type": "null"}]}),
    "size": described({"oneOf": [{"type": "integer"}, {"type": "null"}]}),
    "nick": described({"type": "string"}),
    "key": described({"type": "string", "format": "uuid"}),
    "children": described({"type": "array", "items": {"$ref": "#/components/schemas/Child"}}),
    "counts": described({"type": "array", "items": {"type": "integer"}}),
    "levels": described({"type": "array", "items": LEVEL}),
    "sizes": described({"type": "array", "items": {"type": ["integer", "null"]}}),
    "grid": described({"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}),
    "marks": described({"type": ["array", "null"], "items": {"type": "integer"}}),
}
REQUIRED = ["count", "ratio", "flag", "name", "colour", "level", "day", "at", "tags", "child", "note"]
SCHEMAS: dict[str, Any] = {
    "Thing": {"type": "object", "description": "Every kind at once.", "required": REQUIRED, "properties": PROPERTIES},
    "Child": {
        "type": "object",
        "description": "A nested object.",
        "required": ["id"],
        "properties": {"id": described({"type": "integer"})},
    },
    # Apart, because a property the fast path does not know sends its whole model to from_dict.
    "Loose": {"type": "object", "description": "An untyped property.", "properties": {"anything": described({})}},
}
VALID: dict[str, Any] = {
    "count": 3,
    "ratio": 0.5,
    "flag": True,
    "name": "Exhibition",
    "colour": "red",
    "level": 2,
    "day": "2024-03-04",
    "at": "2024-03-04T10:20:30+03:00",
    "tags": ["a", "b"],
    "child": {"id": 1},
    "note": None,
    "size": 7,
    "nick": "expo",
    "key": "7d444840-9dc0-11d1-b245-5ffdce74fad2",
    "children": [{"id": 2}],
    "counts": [1, 2],
    "levels": [1, 2],
    "sizes": [3, None],
    "grid": [[1, 2], []],
    "marks": [4],
}


def small_spec(schemas: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI 3.1 document with one GET operation per schema, answering it with 200."""
    paths = {
        f"/{name.lower()}": {
            "get": {
                "operationId": f"get{name}",
                "tags": ["things"],
                "responses": {
                    "200": {
                        "description": f"A {name}.",
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                    }
                },
            }
        }
        for name in schemas
        if name != "Child"
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Small", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


@dataclass
class SmallClient:
    """The client generated from the small spec: its modules, and a way to fetch a body through it."""

    models: ModuleType
    errors: ModuleType
    package: ModuleType

    def fetch(self, body: Any, *, strict: bool = False, operation: str = "get_thing") -> Any:
        """What the client parses from a 200 with `body`, as a caller gets it (`sync_detailed(...).parsed`)."""
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
        with self.package.Client(base_url=PORTAL, httpx_args={"transport": transport}, strict=strict) as client:
            endpoint = importlib.import_module(f"{self.package.__name__}.api.things.{operation}")
            return endpoint.sync_detailed(client=client).parsed

    def refusal(self, body: Any, *, strict: bool) -> Any:
        """The errors.MalformedResponse the client raises for `body`."""
        with pytest.raises(self.errors.MalformedResponse) as refused:
            self.fetch(body, strict=strict)
        return refused.value


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmallClient]:
    """The client generated from the small spec, importable as SMALL_PACKAGE while the module's tests run."""
    folder = tmp_path_factory.mktemp("small-spec")
    generate_into(folder / "client", write_spec(folder, small_spec(SCHEMAS)))
    (folder / "client" / PACKAGE).rename(folder / "client" / SMALL_PACKAGE)
    sys.path.insert(0, str(folder / "client"))
    try:
        yield SmallClient(
            models=importlib.import_module(f"{SMALL_PACKAGE}.models"),
            errors=importlib.import_module(f"{SMALL_PACKAGE}.errors"),
            package=importlib.import_module(SMALL_PACKAGE),
        )
    finally:
        sys.path.remove(str(folder / "client"))
        for name in [name for name in sys.modules if name.split(".")[0] == SMALL_PACKAGE]:
            del sys.modules[name]


def with_value(name: str, value: Any) -> dict[str, Any]:
    body = copy.deepcopy(VALID)
    body[name] = value
    return body


# --- valid values: each kind parses into its Python type and writes back the same JSON ------------------

Expected = Callable[[ModuleType], Any]
PARSES_AS: dict[str, tuple[str, Any, Expected]] = {
    "an integer": ("count", 3, lambda models: 3),
    "a number": ("ratio", 0.5, lambda models: 0.5),
    "a number sent as an integer": ("ratio", 2, lambda models: 2),
    "a boolean": ("flag", False, lambda models: False),
    "a string": ("name", "Exhibition", lambda models: "Exhibition"),
    "a string enum": ("colour", "green", lambda models: models.ThingColour.GREEN),
    "an integer enum": ("level", 2, lambda models: models.ThingLevel.HIGH),
    "a date": ("day", "2024-03-04", lambda models: datetime.date(2024, 3, 4)),
    "a date-time": (
        "at",
        "2024-03-04T10:20:30+03:00",
        lambda models: datetime.datetime(2024, 3, 4, 10, 20, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=3))),
    ),
    "an array": ("tags", ["a", "b"], lambda models: ["a", "b"]),
    "a nested object": ("child", {"id": 1}, lambda models: models.Child(id=1)),
    "an array of objects": ("children", [{"id": 2}], lambda models: [models.Child(id=2)]),
    "a null in anyOf with null": ("note", None, lambda models: None),
    "a string in anyOf with null": ("note", "text", lambda models: "text"),
    "a null in oneOf with null": ("size", None, lambda models: None),
    "an integer in oneOf with null": ("size", 7, lambda models: 7),
    "a uuid": ("key", VALID["key"], lambda models: uuid.UUID(VALID["key"])),
    "an array of integers": ("counts", [1, 2], lambda models: [1, 2]),
    "an array of integer enums": (
        "levels",
        [2, 1],
        lambda models: [models.ThingLevelsItem.HIGH, models.ThingLevelsItem.LOW],
    ),
    "an array of nullable integers": ("sizes", [None, 3], lambda models: [None, 3]),
    "an array of arrays": ("grid", [[1, 2], []], lambda models: [[1, 2], []]),
    "a nullable array": ("marks", [4], lambda models: [4]),
    "a null for a nullable array": ("marks", None, lambda models: None),
}


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("kind", PARSES_AS)
def test_a_valid_value_of_each_kind_parses_into_its_type_and_round_trips(
    small: SmallClient, kind: str, strict: bool
) -> None:
    name, value, expected = PARSES_AS[kind]
    body = with_value(name, value)

    parsed = small.fetch(body, strict=strict)

    assert getattr(parsed, name) == expected(small.models)
    assert type(getattr(parsed, name)) is type(expected(small.models))
    assert parsed.to_dict() == body


@pytest.mark.parametrize("kind", PARSES_AS)
def test_a_valid_value_of_each_kind_takes_the_fast_path_and_gives_what_from_dict_gives(
    small: SmallClient, kind: str
) -> None:
    name, value, _ = PARSES_AS[kind]
    body = with_value(name, value)
    thing = small.models.Thing

    fast = thing._from_fast(msgspec.json.Decoder(thing._Fast).decode(json.dumps(body)))

    assert fast == thing.from_dict(body)


@pytest.mark.parametrize("value", [None, 3, "text", [1, "x"], {"a": {"b": None}}])
def test_a_property_without_a_type_takes_any_json_value(small: SmallClient, value: Any) -> None:
    parsed = small.fetch({"anything": value}, strict=True, operation="get_loose")

    assert parsed.anything == value
    assert parsed.to_dict() == {"anything": value}


def test_an_optional_property_left_out_is_unset_and_stays_out(small: SmallClient) -> None:
    body = {name: value for name, value in VALID.items() if name != "nick"}

    parsed = small.fetch(body, strict=True)

    assert parsed.nick is small.package.types.UNSET
    assert parsed.to_dict() == body


# --- wrong-typed values: refused, naming the field, in lenient and in strict mode -----------------------

# A JSON array's items are untyped until checked: each is refused at the array's `[*]`.
WRONG_ITEMS: dict[str, tuple[str, Any, str]] = {
    "an integer inside an array of strings": ("tags", ["a", 5], "tags[*]"),
    "a string inside an array of integers": ("counts", [1, "x"], "counts[*]"),
    "a boolean inside an array of integers": ("counts", [True], "counts[*]"),
    "a fraction inside an array of integers": ("counts", [1.5], "counts[*]"),
    "a boolean inside an array of integer enums": ("levels", [True], "levels[*]"),
    "a string inside an array of integer enums": ("levels", ["1"], "levels[*]"),
    "a string inside an array of nullable integers": ("sizes", [None, "3"], "sizes[*]"),
    "an integer for an array inside an array": ("grid", [[1], 2], "grid[*]"),
    "a string inside an array inside an array": ("grid", [[1], ["x"]], "grid[*][*]"),
    "a string inside a nullable array": ("marks", ["4"], "marks[*]"),
}

REFUSED: dict[str, tuple[str, Any, str]] = {
    "a string for an integer": ("count", "3", "count"),
    "a boolean for an integer": ("count", True, "count"),
    "a fraction for an integer": ("count", 1.5, "count"),
    "a string for a number": ("ratio", "0.5", "ratio"),
    "a boolean for a number": ("ratio", True, "ratio"),
    "an integer for a boolean": ("flag", 1, "flag"),
    "a string for a boolean": ("flag", "true", "flag"),
    "an integer for a string": ("name", 5, "name"),
    "null for a required string": ("name", None, "name"),
    "null for an optional string": ("nick", None, "nick"),
    "an integer for a string enum": ("colour", 1, "colour"),
    "a string for an integer enum": ("level", "2", "level"),
    "a boolean for an integer enum": ("level", True, "level"),
    "an integer for a date": ("day", 20240304, "day"),
    "a string that is no date": ("day", "04/03/2024", "day"),
    "an integer for a date-time": ("at", 5, "at"),
    "a string that is no date-time": ("at", "yesterday", "at"),
    "a string for an array": ("tags", "a", "tags"),
    "an array for an object": ("child", [1], "child"),
    "a string inside a nested object": ("child", {"id": "1"}, "child.id"),
    "a string inside an object in an array": ("children", [{"id": "2"}], "children[*].id"),
    "an integer for anyOf string or null": ("note", 5, "note"),
    "a string for oneOf integer or null": ("size", "7", "size"),
    "an integer for a uuid": ("key", 5, "key"),
    "a string that is no uuid": ("key", "not-a-uuid", "key"),
    "a string for a nullable array": ("marks", "4", "marks"),
    **WRONG_ITEMS,
}


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("case", REFUSED)
def test_a_wrong_typed_value_is_a_malformed_response_naming_its_field(
    small: SmallClient, case: str, strict: bool
) -> None:
    name, value, path = REFUSED[case]

    refused = small.refusal(with_value(name, value), strict=strict)

    assert (refused.status_code, refused.path) == (200, path)
    assert str(refused).startswith(f"status 200, {path}: ")


@pytest.mark.parametrize("case", WRONG_ITEMS)
def test_a_wrong_typed_item_is_refused_by_the_fast_path_so_the_lenient_parser_decides(
    small: SmallClient, case: str
) -> None:
    name, value, _ = WRONG_ITEMS[case]
    decoder = msgspec.json.Decoder(small.models.Thing._Fast)

    with pytest.raises(msgspec.ValidationError):
        decoder.decode(json.dumps(with_value(name, value)))


# --- unknown enum values, missing and unknown properties: lenient by default, refused when strict -------


def test_an_unknown_integer_enum_value_is_kept_as_a_pseudo_member_when_lenient(small: SmallClient) -> None:
    parsed = small.fetch(with_value("level", 9))

    assert type(parsed.level) is small.models.ThingLevel
    assert (parsed.level.name, parsed.level.value) == ("UNKNOWN_9", 9)
    assert parsed.to_dict()["level"] == 9


def test_an_unknown_integer_enum_value_is_refused_when_strict(small: SmallClient) -> None:
    assert small.refusal(with_value("level", 9), strict=True).path == "level"


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_an_unknown_string_enum_value_is_refused_in_either_mode(small: SmallClient, strict: bool) -> None:
    # String enums use upstream's template unchanged: no pseudo-members (docs/maintaining.md).
    assert small.refusal(with_value("colour", "blue"), strict=strict).path == "colour"


def test_a_required_property_left_out_is_missing_not_invented_when_lenient(small: SmallClient) -> None:
    body = {name: value for name, value in VALID.items() if name != "count"}

    parsed = small.fetch(body)

    assert parsed.missing_fields == ("count",)
    with pytest.raises(small.errors.MissingField):
        _ = parsed.count
    assert parsed.to_dict() == body


def test_a_required_property_left_out_is_refused_when_strict(small: SmallClient) -> None:
    body = {name: value for name, value in VALID.items() if name != "count"}

    assert small.refusal(body, strict=True).path == "count"


def test_an_unknown_property_is_kept_when_lenient_and_refused_when_strict(small: SmallClient) -> None:
    body = with_value("colour_hex", "#ff0000")

    assert small.fetch(body).to_dict() == body
    assert small.refusal(body, strict=True).path == "colour_hex"


# --- a property kind the templates cannot check stops generation ----------------------------------------


def test_a_property_kind_without_a_type_test_fails_generation_naming_it(tmp_path: Path) -> None:
    schemas = {"Fixed": {"type": "object", "properties": {"version": {"const": 5}}}}

    with pytest.raises(GenerationFailed) as failed:
        generate_into(tmp_path / "client", write_spec(tmp_path, small_spec(schemas)))

    message = str(failed.value)
    assert "Fixed.version is a ConstProperty, a kind json_test has no JSON type test for" in message
    assert message.startswith("templates/model.py.jinja:")
    assert "Traceback" not in message and len(message.splitlines()) == 1


# --- a path placeholder that names no path parameter stops generation ---------------------------------------


def test_a_path_placeholder_without_its_parameter_fails_generation_naming_it(tmp_path: Path) -> None:
    spec = small_spec({"Thing": {"type": "object"}})
    get_thing = spec["paths"].pop("/thing")["get"]
    get_thing["parameters"] = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    # The generator reads only {name} of letters, digits, _ and - as a parameter; {a.b} it takes for text.
    spec["paths"]["/thing/{id}/{a.b}"] = {"get": get_thing}

    with pytest.raises(GenerationFailed) as failed:
        generate_into(tmp_path / "client", write_spec(tmp_path, spec))

    message = str(failed.value)
    assert "path /thing/{id}/{a.b}: {a.b} names no path parameter; it would be left out of the URL" in message
    assert message.startswith("templates/endpoint_module.py.jinja:")
    assert "Traceback" not in message and len(message.splitlines()) == 1
