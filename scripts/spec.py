"""The project's spec library: load an OpenAPI document, resolve its `$ref`s, walk it, list its operations.

Every tool in scripts/ and the tests read the spec through this module (and
scripts/spec_examples.py, which finds its examples), so a pointer, an
operation or an example means the same thing everywhere.
`$ref`s are resolved by `referencing` (the library jsonschema uses), with the
whole document registered as one JSON Schema 2020-12 resource.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
# The name the document is registered under: `$ref: '#/x'` becomes `urn:openapi-spec#/x`.
SPEC_URI = "urn:openapi-spec"
# OpenAPI 3.1's operation keys of a path item (spec section 4.8.9).
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class NotFound(LookupError):
    """A JSON pointer names nothing in the document."""


class UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader refusing a mapping that repeats a key.

    YAML 1.2 section 3.2.1.1 requires keys to be unique, but PyYAML keeps the
    last value silently, so a repeated key would hide the first one from every
    tool (only Redocly's lint noticed).
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                continue  # SafeLoader refuses it below, at its line
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (first at line {seen[key].start_mark.line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep)


def load_yaml(text: str) -> Any:
    """The value of a YAML (or JSON) text; yaml.YAMLError, at the key's line, when a mapping repeats a key."""
    return yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def load_spec(path: Path) -> dict[str, Any]:
    """Read a YAML or JSON OpenAPI document; ValueError when its top level is not a mapping."""
    spec = load_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: the top level is not a mapping")
    return spec


def line_numbers(text: str) -> dict[str, int]:
    """The 1-based line of every node of a YAML document, by JSON pointer."""
    lines: dict[str, int] = {}

    def visit(node: yaml.Node, where: str) -> None:
        lines[where] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = f"{where}/{escape(str(key.value))}"
                visit(value, child)
                lines[child] = key.start_mark.line + 1  # the key's line reads better than the value's
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                visit(item, f"{where}/{index}")

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        visit(root, "#")
    return lines


def load_with_lines(path: Path) -> tuple[Any, dict[str, int]]:
    """The document (whatever YAML it holds) and the line of each of its nodes, by JSON pointer."""
    text = path.read_text(encoding="utf-8")
    return load_yaml(text), line_numbers(text)


def escape(key: str) -> str:
    """A key as one JSON pointer segment (RFC 6901 section 3: `~` is `~0`, `/` is `~1`)."""
    return key.replace("~", "~0").replace("/", "~1")


def pointer_of(parts: Iterable[Any], base: str = "#") -> str:
    """A JSON pointer from path parts below `base`: ('paths', '/a/{b}', 'put') -> '#/paths/~1a~1{b}/put'.

    No parts name `base` itself ('#', the whole document; never '#/', which names the key '')."""
    return base + "".join(f"/{escape(str(part))}" for part in parts)


def registry(spec: Mapping[str, Any]) -> Registry[Any]:
    """The document as the one resource of a `referencing` registry, under SPEC_URI."""
    resource: Resource[Any] = Resource.from_contents(dict(spec), default_specification=DRAFT202012)
    empty: Registry[Any] = Registry()
    registered: Registry[Any] = empty.with_resource(SPEC_URI, resource)
    return registered


def resolve(spec: Mapping[str, Any], pointer: str) -> Any:
    """What a local JSON pointer such as '#/components/schemas/Case' names; NotFound when nothing is there."""
    try:
        return registry(spec).resolver().lookup(f"{SPEC_URI}{pointer}").contents
    except Unresolvable:
        raise NotFound(pointer) from None


def deref(spec: Mapping[str, Any], node: Any, pointer: str) -> tuple[Any, str]:
    """Follow a chain of OpenAPI `$ref`s from `node` (at `pointer`): the object it ends at, and its pointer."""
    while isinstance(node, Mapping) and "$ref" in node:
        pointer = node["$ref"]
        node = resolve(spec, pointer)
    return node, pointer


def inlined(spec: Mapping[str, Any], node: Any, drop: frozenset[str] = frozenset()) -> Any:
    """`node` with every `$ref` replaced by its target (siblings kept), keys in `drop` left out.

    For tools that take one self-contained schema (hypothesis-jsonschema); the
    spec's schemas are not recursive, so this ends.
    """
    if isinstance(node, Mapping):
        if "$ref" in node:
            siblings = {key: value for key, value in node.items() if key not in drop | {"$ref"}}
            return {**inlined(spec, resolve(spec, node["$ref"]), drop), **inlined(spec, siblings, drop)}
        return {key: inlined(spec, value, drop) for key, value in node.items() if key not in drop}
    if isinstance(node, list):
        return [inlined(spec, item, drop) for item in node]
    return node


def walk(node: Any, where: str = "#", enter: Callable[[str], bool] = lambda key: True) -> Iterator[tuple[str, Any]]:
    """Every mapping in a JSON value, with its pointer, parents first; `enter(key)` False skips a key's subtree."""
    if isinstance(node, Mapping):
        yield where, node
        children: Iterable[tuple[Any, Any]] = ((key, child) for key, child in node.items() if enter(str(key)))
    elif isinstance(node, list):
        children = enumerate(node)
    else:
        return
    for key, child in children:
        yield from walk(child, f"{where}/{escape(str(key))}", enter)


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: where it is and what it says."""

    path: str  # the path template, '/api/2.0/crm/case/{caseid}'
    method: str  # lower case, as a key of the path item
    pointer: str
    node: Mapping[str, Any]  # the operation object itself

    @property
    def id(self) -> str:
        return str(self.node.get("operationId", ""))


def operations(spec: Mapping[str, Any]) -> list[Operation]:
    """Every operation of every path, for every HTTP method, in the document's order."""
    return [
        Operation(path, method, f"#/paths/{escape(path)}/{method}", path_item[method])
        for path, path_item in spec.get("paths", {}).items()
        if isinstance(path_item, Mapping)
        for method in HTTP_METHODS
        if isinstance(path_item.get(method), Mapping)
    ]


def operation(spec: Mapping[str, Any], operation_id: str) -> Operation:
    """The operation with this operationId; KeyError when there is none."""
    for found in operations(spec):
        if found.id == operation_id:
            return found
    raise KeyError(f"no operation {operation_id!r}")


def validator_for(spec: Mapping[str, Any], schema_pointer: str) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator, formats checked, for the schema at a pointer of the spec."""
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}{schema_pointer}"},
        registry=registry(spec),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema_violations(spec: Mapping[str, Any], schema_pointer: str, value: Any) -> list[tuple[tuple[Any, ...], str]]:
    """How a value breaks the schema at a pointer of the spec: (the path of the wrong part in the value, message)."""
    return [
        (tuple(error.absolute_path), error.message) for error in validator_for(spec, schema_pointer).iter_errors(value)
    ]


def schema_errors(spec: Mapping[str, Any], schema_pointer: str, value: Any) -> list[str]:
    """How a value breaks the schema at a pointer of the spec, one line per error."""
    return [
        f"at '{'/'.join(str(part) for part in path)}': {message}"
        for path, message in schema_violations(spec, schema_pointer, value)
    ]
