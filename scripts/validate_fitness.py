"""What makes a spec usable by every generator, beyond being valid (part of `make validate`).

openapi-python-client and openapi-generator accept some valid specs and then
write a client that does not work, often without a word: two operationIds
(or schema names) that give the same module (or class) name, where one
silently overwrites the other; integer enum names copied verbatim into code,
where `None` breaks Python and `Error` Go; a schema named like a built-in of
the target language; an api key offered in a query, which typescript-fetch
then sends in every URL. Each check returns one line per problem, starting
with its JSON pointer; scripts/validate.py adds the file line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from openapi_python_client.strings import pascal_case, snake_case

from .spec import escape, operations, walk

# A name openapi-generator can write as a constant in every target: Python, Go, TypeScript, Java, C#.
UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
# Schema names that are global built-ins of TypeScript and JavaScript (and mostly java.lang too):
# a model so named shadows the built-in, or openapi-generator renames it (`Error` -> `ModelError`),
# so the generated clients do not agree on its name.
RESERVED_NAMES = frozenset(
    {"Array", "Boolean", "Date", "Error", "Function", "Map", "Number", "Object", "Promise", "Set", "String", "Symbol"}
)


def enum_name_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each integer enum whose x-enum-varnames is not one distinct name per value.

    That the list is there is a lint rule (redocly.yaml); comparing its length with
    the enum's, and finding a repeated name, Redocly's assertions cannot express.
    """
    problems: list[str] = []
    for where, schema in walk(spec):
        if "enum" not in schema or schema.get("type") != "integer":
            continue
        names = schema.get("x-enum-varnames")
        if names is None:
            continue  # lint's rule/integer-enum-has-names requires them (redocly.yaml)
        if len(names) != len(schema["enum"]):
            problems.append(f"{where}/x-enum-varnames: {len(names)} names for {len(schema['enum'])} enum values")
        elif len(set(names)) != len(names):
            problems.append(f"{where}: x-enum-varnames repeats a name")
        problems += [
            f"{where}/x-enum-varnames/{index}: {name!r} is not UPPER_SNAKE (like READ_WRITE)"
            for index, name in enumerate(names)
            if not (isinstance(name, str) and UPPER_SNAKE.match(name))
        ]
    return problems


def schema_name_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each schema named with a built-in or reserved name of a common generator target."""
    return [
        f"#/components/schemas/{escape(name)}: schema name {name!r} is a built-in name in TypeScript and JavaScript"
        " (generators rename or shadow it): choose another"
        for name in spec.get("components", {}).get("schemas", {})
        if name in RESERVED_NAMES
    ]


def security_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each security requirement that offers a scheme not sent in a header.

    openapi-generator's typescript-fetch sends every apiKey a requirement lists, so a
    query scheme as an alternative puts the token in every URL.
    """
    schemes = spec.get("components", {}).get("securitySchemes", {})
    holders = [("#", spec)] + [(op.pointer, op.node) for op in operations(spec)]
    problems = []
    for where, holder in holders:
        for index, requirement in enumerate(holder.get("security", [])):
            for name in requirement:
                scheme = schemes.get(name, {})
                if scheme.get("type") == "apiKey" and scheme.get("in") != "header":
                    problems.append(
                        f"{where}/security/{index}: {name!r} sends the credential in a {scheme.get('in')}:"
                        " offer only schemes sent in a header (document it in securitySchemes only)"
                    )
    return problems


def _clashes(named: Iterable[tuple[str, str]], python_name: Callable[[str], str], what: str) -> list[str]:
    """One line for each name whose generated Python name another one already has."""
    first_seen: dict[str, tuple[str, str]] = {}
    problems = []
    for where, name in named:
        key = python_name(name)
        if key not in first_seen:
            first_seen[key] = (where, name)
            continue
        other_where, other = first_seen[key]
        same = f"duplicate {what} {name!r}" if other == name else f"{what} {name!r} becomes {key!r} like {other!r}"
        problems.append(f"{where}: {same}, already used at {other_where}")
    return problems


def operation_id_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each operationId, or schema name, whose generated module or class another one already has.

    openapi-python-client writes one module per operationId (snake_case) and
    one class per schema (PascalCase); on a clash it silently writes one over
    the other and exits 0, even with --fail-on-warning.
    """
    schemas = [(f"#/components/schemas/{escape(name)}", name) for name in spec.get("components", {}).get("schemas", {})]
    ids = [(f"{op.pointer}/operationId", op.id) for op in operations(spec) if "operationId" in op.node]
    return _clashes(ids, snake_case, "operationId") + _clashes(schemas, pascal_case, "schema name")
