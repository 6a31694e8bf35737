"""Every way the spec can be broken gets one short line naming where, and a meaningful exit status.

Each case breaks a copy of the real spec by editing it as data (or, for what
only text can break, by adding a few lines of YAML) and writes it to a file;
the line the message names must be the line holding the broken value in that
file, the one a person would open. Each case says that whole line as written
(`line_holds`, indentation included: nearly all are unique in the file), checked
without the line map validate uses; that it is also the line scripts.spec's map
gives the pointer (or, for appended text, the appended line) is checked second.
"""

from __future__ import annotations

import contextlib
import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from scripts import validate
from scripts.spec import line_numbers, operation
from support import load_pristine_spec, write_spec

Spec = dict[str, Any]


def _operation(spec: Spec, operation_id: str) -> Spec:
    found = operation(spec, operation_id)
    node: Spec = spec["paths"][found.path][found.method]
    return node


def _schema(spec: Spec, name: str) -> Spec:
    schema: Spec = spec["components"]["schemas"][name]
    return schema


def _example(spec: Spec, name: str) -> Spec:
    response: Spec = spec["components"]["examples"][name]["value"]["response"]
    return response


def _set_members_ref(ref: str) -> Callable[[Spec], object]:
    return lambda s: _schema(s, "Case")["properties"]["members"]["items"].update({"$ref": ref})


def _remove_case_date_pattern_and_write_a_plain_date(spec: Spec) -> None:
    del _schema(spec, "Case")["properties"]["created"]["pattern"]
    _example(spec, "ReopenedCase")["created"] = "2023-11-15T16:05:00+01:00"


class Breakage(NamedTuple):
    edit: Callable[[Spec], object]  # breaks a copy of the real spec in place
    status: int
    pointer: str  # the JSON pointer the message must name ("" for YAML, which has none)
    message: str
    line_holds: str  # the whole line the message must name, indentation included, as write_spec writes it
    appended: str = ""  # YAML text added after the edited spec: what only text can break


FIELD_TYPES = len(_schema(load_pristine_spec(), "FieldType")["enum"])
UPDATE_CASE = "#/paths/~1api~12.0~1crm~1case~1{caseid}/put"
REOPEN_CASE = "#/paths/~1api~12.0~1crm~1case~1{caseid}~1reopen/put"

BREAKAGES: dict[str, Breakage] = {
    "YAML syntax": Breakage(
        lambda s: None, 2, "", "not valid YAML: expected ',' or ']'", "more: 3", appended="oops: [1, 2\nmore: 3\n"
    ),
    "a duplicate key": Breakage(
        lambda s: None, 2, "", "not valid YAML: duplicate key 'info' (first at line ", "info: {}", appended="info: {}\n"
    ),
    "a dangling $ref": Breakage(
        _set_members_ref("#/components/schemas/Contakt"),
        1,
        "#/components/schemas/Case/properties/members/items/$ref",
        "dangling $ref '#/components/schemas/Contakt'",
        "            $ref: '#/components/schemas/Contakt'",
    ),
    "a malformed $ref": Breakage(
        _set_members_ref("components/schemas/Contact"),
        1,
        "#/components/schemas/Case/properties/members/items/$ref",
        "malformed $ref 'components/schemas/Contact'",
        "            $ref: components/schemas/Contact",
    ),
    "an invalid type": Breakage(
        lambda s: _schema(s, "FieldType").update(type="int"),
        1,
        "#/components/schemas/FieldType/type",
        "invalid schema: 'int' is not one of",
        "      type: int",
    ),
    "an invalid schema keyword": Breakage(
        lambda s: _schema(s, "FieldType").update(minimum="one"),
        1,
        "#/components/schemas/FieldType/minimum",
        "invalid schema: 'one' is not of type 'number'",
        "      minimum: one",
    ),
    # `examples:` indented one level too little: the meta-schema reaches it along eight paths
    "an examples list mis-indented into properties": Breakage(
        lambda s: _schema(s, "Case")["properties"].update(examples=["2024-03-04T10:20:30.0000000+03:00"]),
        1,
        "#/components/schemas/Case/properties/examples",
        "invalid schema: ['2024-03-04T10:20:30.0000000+03:00'] is not of type 'object', 'boolean'",
        "        examples:",
    ),
    "an example that does not match": Breakage(
        lambda s: s["components"]["parameters"]["CaseId"].update(example=0),
        1,
        "#/components/parameters/CaseId/example",
        "example does not match #/components/parameters/CaseId/schema: at '': 0 is less than the minimum of",
        "      example: 0",
    ),
    "a wrong value deep inside a named example": Breakage(
        lambda s: _example(s, "ReopenedCase")["members"][0].update(id="fifty"),
        1,
        "#/components/examples/ReopenedCase/value/response/members/0/id",
        "example does not match #/components/responses/CaseReopened/content/application~1json/schema:"
        " at 'response/members/0/id': 'fifty' is not of type 'integer'",
        "            id: fifty",
    ),
    "a duplicate operationId": Breakage(
        lambda s: _operation(s, "reopenCase").update(operationId="updateCase"),
        1,
        f"{REOPEN_CASE}/operationId",
        f"duplicate operationId 'updateCase', already used at {UPDATE_CASE}/operationId",
        "      operationId: updateCase",
    ),
    "an operationId whose module another one has": Breakage(
        lambda s: _operation(s, "reopenCase").update(operationId="update_case"),
        1,
        f"{REOPEN_CASE}/operationId",
        "operationId 'update_case' becomes 'update_case' like 'updateCase'",
        "      operationId: update_case",
    ),
    "a schema whose model class another one has": Breakage(
        lambda s: s["components"]["schemas"].update(case={"type": "string", "description": "A clash."}),
        1,
        "#/components/schemas/case",
        "schema name 'case' becomes 'Case' like 'Case', already used at #/components/schemas/Case",
        "    case:",
    ),
    "an enum names list of the wrong length": Breakage(
        lambda s: _schema(s, "FieldType")["x-enum-varnames"].pop(),
        1,
        "#/components/schemas/FieldType/x-enum-varnames",
        f"{FIELD_TYPES - 1} names for {FIELD_TYPES} enum values",
        "      x-enum-varnames:",
    ),
    "an enum name that is a keyword": Breakage(
        lambda s: _schema(s, "ShareType")["x-enum-varnames"].__setitem__(0, "None"),
        1,
        "#/components/schemas/ShareType/x-enum-varnames/0",
        "'None' is not UPPER_SNAKE (like READ_WRITE)",
        "      - None",
    ),
    "a schema named like a built-in": Breakage(
        lambda s: s["components"]["schemas"].update(Error={"type": "string", "description": "A clash."}),
        1,
        "#/components/schemas/Error",
        "schema name 'Error' is a built-in name in TypeScript and JavaScript",
        "    Error:",
    ),
    "a query api key offered to generators": Breakage(
        lambda s: _operation(s, "updateCase")["security"].insert(0, {"authQuery": []}),
        1,
        f"{UPDATE_CASE}/security/0",
        "'authQuery' sends the credential in a query: offer only schemes sent in a header",
        "      - authQuery: []",
    ),
    "a public case that is not editable": Breakage(
        lambda s: _example(s, "ReopenedCase").update(isPrivate=False, canEdit=False),
        1,
        "#/components/examples/ReopenedCase/value/response/canEdit",
        "must be true for a public case (isPrivate false)",
        "          canEdit: false",
    ),
    "a private member that is not editable": Breakage(
        lambda s: _example(s, "ReopenedCase")["members"][0].update(shareType=0, canEdit=False),
        1,
        "#/components/examples/ReopenedCase/value/response/members/0/canEdit",
        "must be true for a private contact (shareType 0)",
        "            canEdit: false",
    ),
    "a text mask with a quoted number": Breakage(
        lambda s: _example(s, "PublicCase")["customFields"][0].update(fieldType=0, mask='{"size":"40"}'),
        1,
        "#/components/examples/PublicCase/value/response/customFields/0/mask",
        """must be {"size": <integer>} for fieldType 0, not '{"size":"40"}'""",
        """            mask: '{"size":"40"}'""",
    ),
    "a case date the schema no longer pins": Breakage(
        _remove_case_date_pattern_and_write_a_plain_date,
        1,
        "#/components/examples/ReopenedCase/value/response/created",
        "'2023-11-15T16:05:00+01:00' is not the server's case date (like 2024-03-04T10:20:30.0000000+03:00)",
        "          created: '2023-11-15T16:05:00+01:00'",
    ),
}
MAX_LINES = 2  # the problem, and the count
MAX_LINE_LENGTH = 300


class Checked(NamedTuple):
    status: int
    errors: list[str]
    lines: list[str]  # the broken file's lines
    broken_line: int  # the line of the broken value, found in the written file


def line_of_the_breakage(path: Path, breakage: Breakage, lines_before: int) -> int:
    """The line of the pointer in the written file (its loader's line map); of `line_holds` in the appended text."""
    if breakage.pointer:
        return line_numbers(path.read_text(encoding="utf-8"))[breakage.pointer]
    appended = breakage.appended.splitlines()
    return lines_before + 1 + appended.index(breakage.line_holds)


@pytest.fixture(scope="module", params=BREAKAGES)
def broken(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Checked]:
    """validate run once on a copy of the real spec broken one way (each check takes a second)."""
    way: str = request.param
    breakage = BREAKAGES[way]
    spec = copy.deepcopy(load_pristine_spec())
    breakage.edit(spec)
    path = write_spec(tmp_path_factory.mktemp("broken"), spec)
    lines_before = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as file:
        file.write(breakage.appended)
    with contextlib.redirect_stderr(io.StringIO()) as stderr:
        status = validate.main(["validate", str(path)])
    lines = path.read_text(encoding="utf-8").splitlines()
    return way, Checked(
        status, stderr.getvalue().splitlines(), lines, line_of_the_breakage(path, breakage, lines_before)
    )


def test_the_unbroken_copy_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_spec(tmp_path, copy.deepcopy(load_pristine_spec()))

    assert validate.main(["validate", str(path)]) == 0, capsys.readouterr().err


def test_the_message_names_the_problem_and_its_pointer(broken: tuple[str, Checked]) -> None:
    way, checked = broken
    breakage = BREAKAGES[way]

    assert checked.status == breakage.status
    assert f"{breakage.pointer}: {breakage.message}" in checked.errors[0]


def test_the_message_names_the_file_line_of_the_broken_value(broken: tuple[str, Checked]) -> None:
    way, checked = broken
    location = checked.errors[0].split(": ", 1)[0]  # openapi.yaml:LINE or openapi.yaml:LINE:COLUMN

    line = int(location.split(":")[1])

    assert checked.lines[line - 1] == BREAKAGES[way].line_holds, (way, checked.errors[0])
    assert line == checked.broken_line, (way, checked.errors[0])  # and the line scripts.spec maps the pointer to


def test_the_message_is_short_said_once_and_has_no_traceback(broken: tuple[str, Checked]) -> None:
    _, checked = broken

    assert 1 <= len(checked.errors) <= MAX_LINES, checked.errors
    assert all(len(line) <= MAX_LINE_LENGTH for line in checked.errors), checked.errors
    assert not any("Traceback" in line for line in checked.errors)


def test_a_validator_message_quoting_the_document_is_cut_to_one_short_line() -> None:
    assert (
        validate.short("{" + "'x': 1, " * 10_000 + "} is not valid\nmore")
        == ("{" + "'x': 1, " * 10_000)[: validate.MAX_MESSAGE - 1] + "…"
    )
