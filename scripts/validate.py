"""Check openapi.yaml beyond what a linter checks (`make validate`).

Each problem is named by its JSON pointer and, where the file has it, its
line (`openapi.yaml:123: #/components/schemas/Case/...: message`), in one
short line, once: never a traceback, never the whole document. A wrong value
inside an example is named by its own pointer and line.

0. the file is YAML with no key repeated in a mapping; every `$ref` is a
   local JSON pointer (`#/...`) to something that exists; no two
   operationIds (or schema names) give the same generated module (or class)
   name: the generator would silently write one over the other;
1. the document is valid OpenAPI 3.1 (openapi-spec-validator), and every
   schema in it is a valid JSON Schema 2020-12 schema (its meta-schema);
2. every example in it (media type, parameter, header and schema examples)
   validates against its schema with a JSON Schema 2020-12 validator,
   formats included;
3. every integer enum's `x-enum-varnames` has one distinct name per value
   (openapi-python-client silently falls back to VALUE_n otherwise; that the
   list is present is a lint rule in redocly.yaml), each in UPPER_SNAKE case:
   openapi-generator copies them verbatim, and `None` or `Error` is then a
   syntax error in Python or a clash in Go; no schema is named with a
   built-in or reserved name of a common target (`Error`, `Object`, ...);
   every `security` requirement offers only credentials sent in a header, so
   that no generated client puts the token in a URL or a cookie;
4. every contact in every example obeys the server's privacy rule, which the
   schema states only in words: `isPrivate` is `shareType == 0`, `isShared`
   is its opposite, and `accessList` is present exactly when `isPrivate` is
   true. (An `if`/`then` in the schema would say it too, but Redocly's
   example rule then refuses every contact: it closes each subschema.)
5. every example shows a state the server can produce: a public case is
   editable (`canEdit` true); a private member contact is editable; a text
   field's or text area's mask is a JSON object of integers; every case
   date (`created`) has the server's form, `.0000000` and an offset.

The generator checks (the names of 0, and 3) are in scripts/validate_fitness.py,
the server's states (4, 5) in scripts/validate_states.py; this module runs
them all in order and reports them.

Usage: python -m scripts.validate [SPEC]   (default: openapi.yaml)
Exit status: 0 when the spec passes, 1 when it has problems (listed on
stderr), 2 when the file cannot be read or is not YAML.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from openapi_spec_validator import OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import DuplicateOperationIDError

from .spec import NotFound, escape, load_with_lines, pointer_of, resolve, schema_violations, walk
from .spec_examples import Example, find_examples
from .tool import BadInput, ToolError, run
from .validate_fitness import enum_name_problems, operation_id_problems, schema_name_problems, security_problems
from .validate_states import state_problems

# A validator's message can quote a whole subtree of the document; one line of this much is enough to act on.
MAX_MESSAGE = 200
POINTER_AT_START = re.compile(r"^(#/\S*?):? ")


def example_problems(spec: Mapping[str, Any], examples: Sequence[Example]) -> list[str]:
    """One line for each way an example (of find_examples(spec)) breaks its schema."""
    return [
        f"{pointer_of(path, example.value_pointer)}: example does not match {example.schema_pointer}:"
        f" at '{'/'.join(str(part) for part in path)}': {message}"
        for example in examples
        for path, message in schema_violations(spec, example.schema_pointer, example.value)
    ]


def short(message: str) -> str:
    """The first line of a message, cut to MAX_MESSAGE characters."""
    line = message.strip().splitlines()[0] if message.strip() else "(no message)"
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def _not_extension(key: str) -> bool:
    return not key.startswith("x-")  # extensions hold values, not references


def reference_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each `$ref` that is not a local JSON pointer to something in the document.

    The validator and the generator both fail on these with a traceback or a
    dump of the document, and neither says where the reference is.
    """
    problems = []
    refs = ((f"{where}/$ref", node["$ref"]) for where, node in walk(spec, enter=_not_extension) if "$ref" in node)
    for where, ref in refs:
        if not isinstance(ref, str) or not ref.startswith("#/"):
            problems.append(
                f"{where}: malformed $ref {ref!r}: only local references ('#/components/...') are used here"
            )
            continue
        try:
            resolve(spec, ref)
        except NotFound:
            problems.append(f"{where}: dangling $ref {ref!r}: nothing in the document is at that pointer")
    return problems


def _top_schemas(spec: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every schema that is not inside another one, with its pointer."""
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        yield f"#/components/schemas/{escape(name)}", schema
    for where, node in walk(spec):
        parent = where.split("/")[-2:-1]
        holds_schema = "in" in node or parent in (["content"], ["headers"])  # parameter, media type, header
        if holds_schema and isinstance(node.get("schema"), Mapping) and not where.startswith("#/components/schemas/"):
            yield f"{where}/schema", node["schema"]


def _deepest(error: ValidationError) -> ValidationError:
    """For 'not valid under any of the given schemas', the branch's own reason (jsonschema's best_match)."""
    return best_match(error.context) if error.context else error


def schema_keyword_problems(spec: Mapping[str, Any]) -> list[str]:
    """One line for each schema keyword with a value JSON Schema 2020-12 does not allow (`type: int`)."""
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    problems = []
    for where, schema in _top_schemas(spec):
        for error in meta.iter_errors(schema):
            cause = _deepest(error)
            location = pointer_of(cause.absolute_path, where)
            problems.append(f"{location}: invalid schema: {short(cause.message)}")
    return problems


def openapi_problems(spec: Mapping[str, Any]) -> list[str]:
    """The validator's complaints, each at the pointer it names, if the document is not valid OpenAPI."""
    problems = []
    try:
        for error in OpenAPIV31SpecValidator(spec).iter_errors():
            if isinstance(error, DuplicateOperationIDError):
                continue  # operation_id_problems says it with both places
            cause = _deepest(error) if isinstance(error, ValidationError) else error
            path = getattr(cause, "absolute_path", ())
            where = pointer_of(path) if path and str(path[0]) in spec else "#"
            problems.append(f"{where}: not valid OpenAPI: {short(getattr(cause, 'message', str(cause)))}")
    except Exception as error:  # noqa: BLE001 - the validator can crash on a broken document; say so in one line
        problems.append(f"#: the OpenAPI validator stopped ({type(error).__name__}: {short(str(error))})")
    return problems


def spec_problems(spec: Mapping[str, Any]) -> list[str]:
    """All problems the checks find, each line starting with its JSON pointer.

    Each stage runs only when the one before found nothing: a dangling $ref
    makes the validator crash, and examples cannot be checked against an
    invalid schema.
    """
    for stage in (reference_problems, operation_id_problems, schema_keyword_problems, openapi_problems):
        problems = stage(spec)
        if problems:
            return once(problems)
    examples = find_examples(spec)  # once: every example rule reads the same list
    return once(
        example_problems(spec, examples)
        + enum_name_problems(spec)
        + schema_name_problems(spec)
        + security_problems(spec)
        + state_problems(examples)
    )


def once(problems: list[str]) -> list[str]:
    """Each problem once, in order: the meta-schema reaches one bad subschema along several paths."""
    return list(dict.fromkeys(problems))


def with_line(path: Path, problem: str, lines: Mapping[str, int]) -> str:
    """`file:line: problem` when the problem starts with a pointer the file has, else `file: problem`."""
    match = POINTER_AT_START.match(problem)
    pointer = match.group(1) if match else ""
    while pointer and pointer not in lines:
        pointer = pointer.rpartition("/")[0]  # the nearest enclosing node the file has
    return f"{path}:{lines[pointer]}: {problem}" if pointer else f"{path}: {problem}"


def yaml_error(path: Path, error: yaml.YAMLError) -> str:
    """`file:line:column: not valid YAML: problem`, in one line."""
    mark = getattr(error, "problem_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    problem = getattr(error, "problem", None) or str(error)
    return f"{where}: not valid YAML: {short(str(problem))}"


class SpecProblems(ToolError):
    """The spec has problems (exit 1): one line each, at its file line, then their count."""


def check(path: Path) -> str:
    """Check the spec at `path`; say it passed, or raise with every problem at its line."""
    try:
        spec, lines = load_with_lines(path)
    except yaml.YAMLError as error:
        raise BadInput(yaml_error(path, error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read the spec: {short(str(error))}") from None
    if not isinstance(spec, dict):
        raise BadInput(f"{path}: not an OpenAPI document: the top level is not a mapping")
    problems = spec_problems(spec)
    if problems:
        raise SpecProblems(
            [*(with_line(path, problem, lines) for problem in problems), f"{path}: {len(problems)} problem(s)"]
        )
    return (
        f"{path}: valid OpenAPI {spec.get('openapi')}; {len(find_examples(spec))} examples match their schemas;"
        " enum and schema names fit every generator; security only in headers;"
        " every example is a state the server can produce"
    )


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else "openapi.yaml")
    return run("validate", lambda: check(path), prefixed=False)  # each line starts with file:line


if __name__ == "__main__":
    sys.exit(main(sys.argv))
