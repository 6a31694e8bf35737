"""The API reference as Markdown, for machines (coding assistants, search): one file per version of the portal.

Derived from the bundle (dist/openapi.json) alone: every operation with its
parameters, request body, responses and their headers, examples and code
samples, then every schema with its properties. The spec's own descriptions
are kept whole, Markdown as written, since that is where the traps are told
(the members trap, `" "` clearing a custom field, ...). A `.md` file is
served as text: nothing in it runs in a browser.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..spec import deref, operations

JSON_INDENT = 2


def reference_markdown(spec: Mapping[str, Any]) -> str:
    """The whole reference of one version as one Markdown document."""
    info = spec["info"]
    lines = [f"# {info['title']} {info['version']}: API reference", ""]
    if info.get("summary"):
        lines += [f"> {one_line(info['summary'])}", ""]
    lines += [text(info.get("description")), *servers(spec), *security_schemes(spec), "## Operations", ""]
    for found in operations(spec):
        lines += operation_section(spec, found.path, found.method, found.node)
    lines += ["## Schemas", ""]
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        lines += schema_section(spec, name, schema)
    return "\n".join(lines).rstrip() + "\n"


def one_line(value: Any) -> str:
    return " ".join(str(value).split())


def text(value: Any) -> str:
    """A description as written (Markdown), followed by a blank line; nothing when there is none."""
    return f"{str(value).strip()}\n" if value else ""


def fenced(value: Any, language: str = "json") -> list[str]:
    """A value in a fenced code block, with a fence longer than any run of backticks inside it."""
    body = value if isinstance(value, str) else json.dumps(value, indent=JSON_INDENT, ensure_ascii=False)
    fence = "```"
    while fence in body:
        fence += "`"
    return [f"{fence}{language}", body.rstrip("\n"), fence, ""]


def servers(spec: Mapping[str, Any]) -> list[str]:
    lines = ["## Servers", ""]
    for server in spec.get("servers", []):
        lines.append(f"- `{server['url']}`: {one_line(server.get('description', ''))}")
        for name, variable in server.get("variables", {}).items():
            lines.append(
                f"  - `{name}` (default `{variable.get('default')}`): {one_line(variable.get('description', ''))}"
            )
    return [*lines, ""]


def security_schemes(spec: Mapping[str, Any]) -> list[str]:
    lines = ["## Authentication", ""]
    for name, scheme in spec.get("components", {}).get("securitySchemes", {}).items():
        how = scheme.get("scheme") or f"{scheme.get('in')} `{scheme.get('name')}`"
        lines += [f"### `{name}` ({scheme['type']}, {how})", "", text(scheme.get("description"))]
    return lines


def schema_type(schema: Any) -> str:
    """A schema in a few words: `Case`, `array of Contact`, `string (date-time) | null`, `integer enum 0, 1`."""
    if not isinstance(schema, Mapping):
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rpartition("/")[2]
    for combiner, joiner in (("oneOf", " | "), ("anyOf", " | "), ("allOf", " & ")):
        if combiner in schema:
            return joiner.join(schema_type(branch) for branch in schema[combiner])
    kinds = schema.get("type", "any")
    words = []
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        if kind == "array":
            words.append(f"array of {schema_type(schema.get('items'))}")
        else:
            words.append(f"{kind} ({schema['format']})" if "format" in schema and kind != "null" else str(kind))
    described = " | ".join(words)
    if "enum" in schema:
        names = schema.get("x-enum-varnames", [])
        values = [
            f"{json.dumps(v)} ({names[i]})" if i < len(names) else json.dumps(v) for i, v in enumerate(schema["enum"])
        ]
        described += f" enum: {', '.join(values)}"
    return described


def constraints(schema: Mapping[str, Any]) -> str:
    keys = ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "default")
    return "".join(f", {key} `{json.dumps(schema[key])}`" for key in keys if key in schema)


def examples_of(spec: Mapping[str, Any], holder: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(name, value) of a media type's or parameter's examples, $refs followed."""
    if "example" in holder:
        yield "example", holder["example"]
    for name, example in holder.get("examples", {}).items():
        resolved, _ = deref(spec, example, "#")
        title = f"{name}: {one_line(resolved['summary'])}" if resolved.get("summary") else name
        yield title, resolved.get("value")


def content_lines(spec: Mapping[str, Any], content: Mapping[str, Any]) -> list[str]:
    lines = []
    for media_type, media in content.items():
        lines += [f"Content `{media_type}`: {schema_type(media.get('schema'))}", ""]
        for name, value in examples_of(spec, media):
            lines += [f"Example {name}:", "", *fenced(value, "json" if "json" in media_type else "")]
    return lines


def operation_section(spec: Mapping[str, Any], path: str, method: str, body: Mapping[str, Any]) -> list[str]:
    title = body.get("summary") or body.get("operationId") or f"{method.upper()} {path}"
    security = " or ".join(
        ", ".join(requirement) or "none" for requirement in body.get("security", spec.get("security", []))
    )
    lines = [
        f"### {title}",
        "",
        f"`{method.upper()} {path}` · operationId `{body.get('operationId', '')}`"
        f" · tags: {', '.join(body.get('tags', []))} · security: {security}",
        "",
        text(body.get("description")),
    ]
    path_item = spec["paths"][path]
    parameters = [deref(spec, p, "#")[0] for p in [*path_item.get("parameters", []), *body.get("parameters", [])]]
    if parameters:
        lines += ["#### Parameters", ""]
        for parameter in parameters:
            required = "required" if parameter.get("required") else "optional"
            schema = parameter.get("schema", {})
            lines.append(
                f"- `{parameter['name']}` ({parameter['in']}, {schema_type(schema)}, {required}"
                f"{constraints(schema)}): {one_line(parameter.get('description', ''))}"
            )
            lines += [f"  - {name}: `{json.dumps(value)}`" for name, value in examples_of(spec, parameter)]
        lines.append("")
    if "requestBody" in body:
        request, _ = deref(spec, body["requestBody"], "#")
        required = "required" if request.get("required") else "optional"
        lines += [
            f"#### Request body ({required})",
            "",
            text(request.get("description")),
            *content_lines(spec, request.get("content", {})),
        ]
    lines += ["#### Responses", ""]
    for status, response in body.get("responses", {}).items():
        resolved, _ = deref(spec, response, "#")
        lines += [f"##### {status}", "", text(resolved.get("description"))]
        for name, header in resolved.get("headers", {}).items():
            header, _ = deref(spec, header, "#")
            said = one_line(header.get("description", ""))
            lines.append(f"- Header `{name}` ({schema_type(header.get('schema'))}): {said}")
        if resolved.get("headers"):
            lines.append("")
        lines += content_lines(spec, resolved.get("content", {}))
    for sample in body.get("x-codeSamples", []):
        lines += [
            f"#### Code sample: {sample.get('label') or sample.get('lang')}",
            "",
            *fenced(sample["source"], str(sample.get("lang", "")).lower()),
        ]
    return lines


def schema_section(spec: Mapping[str, Any], name: str, schema: Mapping[str, Any]) -> list[str]:
    lines = [
        f"### {name}",
        "",
        f"Type: {schema_type({k: v for k, v in schema.items() if k != '$ref'})}",
        "",
        text(schema.get("description")),
    ]
    required = set(schema.get("required", []))
    for prop, definition in schema.get("properties", {}).items():
        state = "required" if prop in required else "optional"
        lines.append(
            f"- `{prop}` ({schema_type(definition)}, {state}{constraints(definition)}): "
            f"{one_line(definition.get('description', ''))}"
        )
        if definition.get("examples"):
            lines.append(f"  - example: `{json.dumps(definition['examples'][0], ensure_ascii=False)}`")
    if schema.get("properties"):
        lines.append("")
    for example in schema.get("examples", [])[:1]:
        lines += ["Example:", "", *fenced(example)]
    return lines
