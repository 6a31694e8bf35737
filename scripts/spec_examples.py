"""The examples of an OpenAPI document, each with the schema it must satisfy (part of the spec library).

Examples sit in many places: a media type's, a parameter's or a header's
`example` or named `examples` (OpenAPI 3.1), and a schema's `examples` list
(JSON Schema 2020-12) anywhere inside a schema. `find_examples` finds every one with the pointer the file has for it;
`response_examples` and `request_examples` list the named examples of each
operation, which the contract tests replay.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .spec import deref, escape, operations


@dataclass(frozen=True)
class Example:
    """One example found in the spec, and the schema it must satisfy."""

    where: str  # JSON pointer of the example itself
    value: Any
    schema_pointer: str  # JSON pointer of the schema it is checked against
    # JSON pointer of the value: a named example (an Example Object) holds it under `value`; any other is its value.
    # Set where the example is found: its pointer alone cannot tell a named example "1" from a list's item 1.
    value_pointer: str


def _media_type_examples(
    spec: Mapping[str, Any], holder: Mapping[str, Any], where: str, schema_pointer: str
) -> Iterator[Example]:
    """Examples of a media type, parameter or header: `example` or named `examples`."""
    if "example" in holder:
        yield Example(f"{where}/example", holder["example"], schema_pointer, f"{where}/example")
    for name, example in holder.get("examples", {}).items():
        example, example_where = deref(spec, example, f"{where}/examples/{escape(name)}")
        if "value" in example:
            yield Example(example_where, example["value"], schema_pointer, f"{example_where}/value")


def _content_examples(spec: Mapping[str, Any], content: Mapping[str, Any], where: str) -> Iterator[Example]:
    for media_type, media in content.items():
        media_where = f"{where}/content/{escape(media_type)}"
        yield from _media_type_examples(spec, media, media_where, f"{media_where}/schema")


def _operation_examples(spec: Mapping[str, Any], operation: Mapping[str, Any], where: str) -> Iterator[Example]:
    if "requestBody" in operation:
        body, body_where = deref(spec, operation["requestBody"], f"{where}/requestBody")
        yield from _content_examples(spec, body.get("content", {}), body_where)
    for status, response in operation.get("responses", {}).items():
        response, response_where = deref(spec, response, f"{where}/responses/{status}")
        yield from _content_examples(spec, response.get("content", {}), response_where)
        for name, header in response.get("headers", {}).items():
            header, header_where = deref(spec, header, f"{response_where}/headers/{escape(name)}")
            yield from _media_type_examples(spec, header, header_where, f"{header_where}/schema")


def _parameter_examples(spec: Mapping[str, Any], parameters: list[Any], where: str) -> Iterator[Example]:
    for index, parameter in enumerate(parameters):
        parameter, parameter_where = deref(spec, parameter, f"{where}/parameters/{index}")
        yield from _media_type_examples(spec, parameter, parameter_where, f"{parameter_where}/schema")


def _schema_examples(schema: Any, where: str) -> Iterator[Example]:
    """`examples` (and the older `example`) of a schema and of every schema inside it."""
    if isinstance(schema, list):
        for index, item in enumerate(schema):
            yield from _schema_examples(item, f"{where}/{index}")
        return
    if not isinstance(schema, Mapping):
        return
    examples = schema.get("examples")
    if isinstance(examples, list):
        for index, value in enumerate(examples):
            yield Example(f"{where}/examples/{index}", value, where, f"{where}/examples/{index}")
    if "example" in schema:
        yield Example(f"{where}/example", schema["example"], where, f"{where}/example")
    for keyword, child in schema.items():
        if keyword in ("examples", "example", "enum", "const", "default") or keyword.startswith("x-"):
            continue  # values, not schemas
        if keyword in ("properties", "patternProperties", "$defs"):
            for name, subschema in child.items():
                yield from _schema_examples(subschema, f"{where}/{keyword}/{escape(name)}")
        elif isinstance(child, (Mapping, list)):
            yield from _schema_examples(child, f"{where}/{keyword}")


def find_examples(spec: Mapping[str, Any]) -> list[Example]:
    """Every example in the spec, each paired with the schema it must satisfy, each once.

    A shared response reached from two operations is found twice: only the first is kept.
    """
    found: list[Example] = []
    for path, path_item in spec.get("paths", {}).items():
        found += _parameter_examples(spec, path_item.get("parameters", []), f"#/paths/{escape(path)}")
    for op in operations(spec):
        found += _parameter_examples(spec, op.node.get("parameters", []), op.pointer)
        found += _operation_examples(spec, op.node, op.pointer)
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        found += _schema_examples(schema, f"#/components/schemas/{escape(name)}")
    seen: set[tuple[str, str]] = set()
    unique = []
    for example in found:
        key = (example.where, example.schema_pointer)
        if key not in seen:
            seen.add(key)
            unique.append(example)
    return unique


@dataclass(frozen=True)
class NamedExample:
    """One named example of a request body or of a response of one operation."""

    operation_id: str
    status: int | None  # None for a request body
    media_type: str
    name: str
    value: Any

    @property
    def id(self) -> str:
        where = "request" if self.status is None else str(self.status)
        return f"{self.operation_id}-{where}-{self.name}"


def _named(spec: Mapping[str, Any], holder: Mapping[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(media type, example name, value) of a body's or response's named examples, `$ref`s followed."""
    holder, _ = deref(spec, holder, "")
    for media_type, media in holder.get("content", {}).items():
        for name, example in media.get("examples", {}).items():
            yield media_type, name, deref(spec, example, "")[0]["value"]


def response_examples(spec: Mapping[str, Any]) -> list[NamedExample]:
    """Every named response example of every operation, with its status."""
    return [
        NamedExample(op.id, int(status), media_type, name, value)
        for op in operations(spec)
        for status, response in op.node.get("responses", {}).items()
        for media_type, name, value in _named(spec, response)
    ]


def request_examples(spec: Mapping[str, Any]) -> list[NamedExample]:
    """Every named request body example of every operation."""
    return [
        NamedExample(op.id, None, media_type, name, value)
        for op in operations(spec)
        if "requestBody" in op.node
        for media_type, name, value in _named(spec, op.node["requestBody"])
    ]
