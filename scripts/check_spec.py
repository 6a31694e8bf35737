"""Check openapi.yaml beyond what a linter checks.

Four checks, each naming the place it finds a problem in:

1. the document is valid OpenAPI 3.1 (openapi-spec-validator);
2. every example in it (media type, parameter, header and schema examples)
   validates against its schema with a JSON Schema 2020-12 validator,
   formats included;
3. every integer enum's `x-enum-varnames` has as many names as the enum has
   values (openapi-python-client silently falls back to VALUE_n otherwise);
4. every contact in every example obeys the server's privacy rule, which the
   schema states only in words: `isPrivate` is `shareType == 0`, `isShared`
   is its opposite, and `accessList` is present exactly when `isPrivate` is
   true. (An `if`/`then` in the schema would say it too, but Redocly's
   example rule then refuses every contact: it closes each subschema.)

Usage: python scripts/check_spec.py [SPEC]   (default: openapi.yaml)
Exit status: 0 when the spec passes, 1 when it has problems (listed on
stderr), 2 when the file cannot be read or parsed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:openapi-spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@dataclass(frozen=True)
class Example:
    """One example found in the spec, and the schema it must satisfy."""

    where: str  # JSON pointer of the example itself
    value: Any
    schema_pointer: str  # JSON pointer of the schema it is checked against


def load_spec(path: Path) -> dict[str, Any]:
    """Read a YAML or JSON OpenAPI document."""
    with path.open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: the top level is not a mapping")
    return spec


def resolve(spec: Mapping[str, Any], pointer: str) -> Any:
    """Follow a local JSON pointer such as '#/components/schemas/Case'."""
    node: Any = spec
    for part in pointer.lstrip("#/").split("/"):
        if not part:
            continue
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _deref(spec: Mapping[str, Any], node: Any, pointer: str) -> tuple[Any, str]:
    """Follow $ref chains of OpenAPI objects, returning the target and its pointer."""
    while isinstance(node, Mapping) and "$ref" in node:
        pointer = node["$ref"]
        node = resolve(spec, pointer)
    return node, pointer


def _media_type_examples(
    spec: Mapping[str, Any], holder: Mapping[str, Any], where: str, schema_pointer: str
) -> Iterator[Example]:
    """Examples of a media type, parameter or header: `example` or named `examples`."""
    if "example" in holder:
        yield Example(f"{where}/example", holder["example"], schema_pointer)
    for name, example in holder.get("examples", {}).items():
        example, example_where = _deref(spec, example, f"{where}/examples/{_escape(name)}")
        if "value" in example:
            yield Example(example_where, example["value"], schema_pointer)


def _content_examples(spec: Mapping[str, Any], content: Mapping[str, Any], where: str) -> Iterator[Example]:
    for media_type, media in content.items():
        media_where = f"{where}/content/{_escape(media_type)}"
        yield from _media_type_examples(spec, media, media_where, f"{media_where}/schema")


def _operation_examples(spec: Mapping[str, Any], operation: Mapping[str, Any], where: str) -> Iterator[Example]:
    if "requestBody" in operation:
        body, body_where = _deref(spec, operation["requestBody"], f"{where}/requestBody")
        yield from _content_examples(spec, body.get("content", {}), body_where)
    for status, response in operation.get("responses", {}).items():
        response, response_where = _deref(spec, response, f"{where}/responses/{status}")
        yield from _content_examples(spec, response.get("content", {}), response_where)
        for name, header in response.get("headers", {}).items():
            header, header_where = _deref(spec, header, f"{response_where}/headers/{_escape(name)}")
            yield from _media_type_examples(spec, header, header_where, f"{header_where}/schema")


def _parameter_examples(spec: Mapping[str, Any], parameters: list[Any], where: str) -> Iterator[Example]:
    for index, parameter in enumerate(parameters):
        parameter, parameter_where = _deref(spec, parameter, f"{where}/parameters/{index}")
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
            yield Example(f"{where}/examples/{index}", value, where)
    if "example" in schema:
        yield Example(f"{where}/example", schema["example"], where)
    for keyword, child in schema.items():
        if keyword in ("examples", "example", "enum", "const", "default") or keyword.startswith("x-"):
            continue  # values, not schemas
        if keyword in ("properties", "patternProperties", "$defs"):
            for name, subschema in child.items():
                yield from _schema_examples(subschema, f"{where}/{keyword}/{_escape(name)}")
        elif isinstance(child, (Mapping, list)):
            yield from _schema_examples(child, f"{where}/{keyword}")


def find_examples(spec: Mapping[str, Any]) -> list[Example]:
    """Every example in the spec, each paired with the schema it must satisfy, each once.

    A shared response reached from two operations is found twice: only the first is kept.
    """
    found: list[Example] = []
    for path, path_item in spec.get("paths", {}).items():
        path_where = f"#/paths/{_escape(path)}"
        found += _parameter_examples(spec, path_item.get("parameters", []), path_where)
        for method in HTTP_METHODS:
            if method in path_item:
                operation = path_item[method]
                operation_where = f"{path_where}/{method}"
                found += _parameter_examples(spec, operation.get("parameters", []), operation_where)
                found += _operation_examples(spec, operation, operation_where)
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        found += _schema_examples(schema, f"#/components/schemas/{_escape(name)}")
    seen: set[tuple[str, str]] = set()
    unique = []
    for example in found:
        key = (example.where, example.schema_pointer)
        if key not in seen:
            seen.add(key)
            unique.append(example)
    return unique


def _validator_for(spec: Mapping[str, Any], schema_pointer: str) -> Draft202012Validator:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(dict(spec), default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}{schema_pointer}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema_errors(spec: Mapping[str, Any], schema_pointer: str, value: Any) -> list[str]:
    """How a value breaks the schema at a pointer of the spec, one line per error."""
    validator = _validator_for(spec, schema_pointer)
    return [
        f"at '{'/'.join(str(part) for part in error.absolute_path)}': {error.message}"
        for error in validator.iter_errors(value)
    ]


def example_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each way an example breaks its schema."""
    return [
        f"{example.where}: example does not match {example.schema_pointer}: {error}"
        for example in find_examples(spec)
        for error in schema_errors(spec, example.schema_pointer, example.value)
    ]


def _all_schemas(node: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(node, Mapping):
        if "enum" in node:
            yield where, node
        for key, child in node.items():
            yield from _all_schemas(child, f"{where}/{_escape(str(key))}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _all_schemas(child, f"{where}/{index}")


def enum_name_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each integer enum without a names list of the right length."""
    problems: list[str] = []
    for where, schema in _all_schemas(spec, "#"):
        if schema.get("type") != "integer":
            continue
        names = schema.get("x-enum-varnames")
        if names is None:
            problems.append(f"{where}: integer enum has no x-enum-varnames")
        elif len(names) != len(schema["enum"]):
            problems.append(f"{where}: x-enum-varnames has {len(names)} names for {len(schema['enum'])} values")
        elif len(set(names)) != len(names):
            problems.append(f"{where}: x-enum-varnames repeats a name")
    return problems


def _contacts(node: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every object with a `shareType` inside an example value: the contacts."""
    if isinstance(node, Mapping):
        if "shareType" in node:
            yield where, node
        for key, child in node.items():
            yield from _contacts(child, f"{where}/{_escape(str(key))}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _contacts(child, f"{where}/{index}")


def contact_privacy_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each contact in an example that the server could not write.

    ContactBaseWrapper sets isPrivate = (shareType == None), isShared = shareType
    is ReadWrite or Read, and the access list only when private (CommunityServer
    7c503dfb: module/ASC.Api/ASC.Api.CRM/Wrappers/ContactWrapper.cs L399-407).
    """
    problems: list[str] = []
    for example in find_examples(spec):
        for where, contact in _contacts(example.value, example.where):
            private = contact.get("shareType") == 0
            if contact.get("isPrivate") is not private:
                problems.append(
                    f"{where}: isPrivate must be {str(private).lower()} for shareType {contact['shareType']}"
                )
            if contact.get("isShared") is private:
                problems.append(
                    f"{where}: isShared must be {str(not private).lower()} for shareType {contact['shareType']}"
                )
            if ("accessList" in contact) is not private:
                presence = "present" if private else "absent"
                problems.append(f"{where}: accessList must be {presence} for shareType {contact['shareType']}")
    return problems


def openapi_problems(spec: Mapping[str, Any]) -> list[str]:
    """The validator's complaint, if the document is not valid OpenAPI."""
    try:
        validate_openapi(spec)
    except OpenAPIValidationError as error:
        return [f"not valid OpenAPI: {error.message}"]
    return []


def spec_problems(spec: Mapping[str, Any]) -> list[str]:
    """All problems the four checks find; the examples are checked only in a valid document."""
    problems = openapi_problems(spec)
    if problems:
        return problems
    return example_problems(spec) + enum_name_problems(spec) + contact_privacy_problems(spec)


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else "openapi.yaml")
    try:
        spec = load_spec(path)
    except (OSError, yaml.YAMLError, ValueError) as error:
        print(f"{path}: cannot read the spec: {error}", file=sys.stderr)
        return 2
    problems = spec_problems(spec)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    examples = len(find_examples(spec))
    print(
        f"{path}: valid OpenAPI {spec.get('openapi')}; {examples} examples match their schemas;"
        " enum names complete; contacts obey the privacy rule"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
