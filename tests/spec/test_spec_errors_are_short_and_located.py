"""Every way the spec can be broken gets one short line naming where, and a meaningful exit status.

Each case edits the real openapi.yaml as text, so the line the message
names is the line of the edit in the file a person would open.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from scripts import check_spec
from support import SPEC_PATH


class Breakage(NamedTuple):
    old: str  # text of the real spec, replaced once
    new: str
    status: int
    pointer: str  # the JSON pointer the message must name ("" for YAML, which has none)
    message: str


BREAKAGES: dict[str, Breakage] = {
    "YAML syntax": Breakage("paths:\n", "paths:\n  - oops: [\n", 2, "", "not valid YAML: expected ',' or ']'"),
    "a dangling $ref": Breakage(
        "$ref: '#/components/schemas/Contact'",
        "$ref: '#/components/schemas/Contakt'",
        1,
        "#/components/schemas/Case/properties/members/items/$ref",
        "dangling $ref '#/components/schemas/Contakt'",
    ),
    "a malformed $ref": Breakage(
        "$ref: '#/components/schemas/Contact'",
        "$ref: 'components/schemas/Contact'",
        1,
        "#/components/schemas/Case/properties/members/items/$ref",
        "malformed $ref 'components/schemas/Contact'",
    ),
    "an invalid type": Breakage(
        "      format: int32\n      enum: [0, 1, 2, 3, 4, 5]",
        "      format: int32\n      enum: [0, 1, 2, 3, 4, 5]\n      type: int",
        1,
        "#/components/schemas/FieldType/type",
        "invalid schema: 'int' is not one of",
    ),
    "an invalid schema keyword": Breakage(
        "      format: int32\n      enum: [0, 1, 2, 3, 4, 5]",
        "      format: int32\n      enum: [0, 1, 2, 3, 4, 5]\n      minimum: one",
        1,
        "#/components/schemas/FieldType/minimum",
        "invalid schema: 'one' is not of type 'number'",
    ),
    "an example that does not match": Breakage(
        "      example: 42\n",
        "      example: 0\n",
        1,
        "#/components/parameters/CaseId/example",
        "example does not match #/components/parameters/CaseId/schema: at '': 0 is less than the minimum of",
    ),
    "a duplicate operationId": Breakage(
        "operationId: reopenCase",
        "operationId: updateCase",
        1,
        "#/paths/~1api~12.0~1crm~1case~1{caseid}~1reopen/put/operationId",
        "duplicate operationId 'updateCase', already used at #/paths/~1api~12.0~1crm~1case~1{caseid}/put/operationId",
    ),
    "an operationId whose module another one has": Breakage(
        "operationId: reopenCase",
        "operationId: update_case",
        1,
        "#/paths/~1api~12.0~1crm~1case~1{caseid}~1reopen/put/operationId",
        "operationId 'update_case' becomes 'update_case' like 'updateCase'",
    ),
    "a schema whose model class another one has": Breakage(
        "    Contact:\n",
        "    case:\n      type: string\n      description: A clash.\n    Contact:\n",
        1,
        "#/components/schemas/case",
        "schema name 'case' becomes 'Case' like 'Case', already used at #/components/schemas/Case",
    ),
    "an enum names list of the wrong length": Breakage(
        "x-enum-varnames: [TEXT_FIELD, TEXT_AREA, SELECT_BOX, CHECK_BOX, HEADING, DATE]",
        "x-enum-varnames: [TEXT_FIELD, TEXT_AREA, SELECT_BOX, CHECK_BOX, HEADING]",
        1,
        "#/components/schemas/FieldType/x-enum-varnames",
        "5 names for 6 enum values",
    ),
    "an enum name that is a keyword": Breakage(
        "x-enum-varnames: [NONE, READ_WRITE, READ]",
        "x-enum-varnames: [None, READ_WRITE, READ]",
        1,
        "#/components/schemas/ShareType/x-enum-varnames/0",
        "'None' is not UPPER_SNAKE (like READ_WRITE)",
    ),
    "a schema named like a built-in": Breakage(
        "    Contact:\n",
        "    Error:\n      type: string\n      description: A clash.\n    Contact:\n",
        1,
        "#/components/schemas/Error",
        "schema name 'Error' is a built-in name in TypeScript and JavaScript",
    ),
    "a query api key offered to generators": Breakage(
        "        - basicAuth: []\n      requestBody:",
        "        - basicAuth: []\n        - authQuery: []\n      requestBody:",
        1,
        "#/paths/~1api~12.0~1crm~1case~1{caseid}/put/security/3",
        "'authQuery' sends the credential in a query: offer only schemes sent in a header",
    ),
    "a public case that is not editable": Breakage(
        "          isPrivate: false\n          canEdit: true\n          customFields: []",
        "          isPrivate: false\n          canEdit: false\n          customFields: []",
        1,
        "#/components/examples/ReopenedCase/value/response/canEdit",
        "must be true for a public case (isPrivate false)",
    ),
    "a private member that is not editable": Breakage(
        "              canEdit: true\n              canDelete: false\n              id: 58",
        "              canEdit: false\n              canDelete: false\n              id: 58",
        1,
        "#/components/examples/ReopenedCase/value/response/members/0/canEdit",
        "must be true for a private contact (shareType 0)",
    ),
    "a text mask with a quoted number": Breakage(
        """mask: '{"size":40}'""",
        """mask: '{"size":"40"}'""",
        1,
        "#/components/examples/PublicCase/value/response/customFields/0/mask",
        """must be {"size": <integer>} for fieldType 0, not '{"size":"40"}'""",
    ),
}
MAX_LINES = 2  # the problem, and the count
MAX_LINE_LENGTH = 300


class Checked(NamedTuple):
    status: int
    errors: list[str]
    edited_line: int  # the 1-based line where the edit starts


@pytest.fixture(params=BREAKAGES)
def broken(request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Checked]:
    """check_spec run on the real spec broken one way."""
    way: str = request.param
    breakage = BREAKAGES[way]
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert breakage.old in text, f"the spec no longer holds the text this case edits: {breakage.old!r}"
    start = text.index(breakage.old)
    path = tmp_path / "openapi.yaml"
    path.write_text(text.replace(breakage.old, breakage.new, 1), encoding="utf-8")
    status = check_spec.main(["check_spec", str(path)])
    errors = capsys.readouterr().err.splitlines()
    return way, Checked(status, errors, text.count("\n", 0, start) + 1)


def test_the_message_names_the_problem_and_its_pointer(broken: tuple[str, Checked]) -> None:
    way, checked = broken
    breakage = BREAKAGES[way]

    assert checked.status == breakage.status
    assert f"{breakage.pointer}: {breakage.message}" in checked.errors[0]


def test_the_message_names_the_file_line_near_the_edit(broken: tuple[str, Checked]) -> None:
    way, checked = broken
    location = checked.errors[0].split(": ", 1)[0]  # openapi.yaml:LINE or openapi.yaml:LINE:COLUMN

    line = int(location.split(":")[1])

    assert checked.edited_line <= line <= checked.edited_line + 2, (way, checked.errors[0])


def test_the_message_is_short_and_has_no_traceback(broken: tuple[str, Checked]) -> None:
    _, checked = broken

    assert 1 <= len(checked.errors) <= MAX_LINES, checked.errors
    assert all(len(line) <= MAX_LINE_LENGTH for line in checked.errors), checked.errors
    assert not any("Traceback" in line for line in checked.errors)


def test_a_validator_message_quoting_the_document_is_cut_to_one_short_line() -> None:
    assert (
        check_spec.short("{" + "'x': 1, " * 10_000 + "} is not valid\nmore")
        == ("{" + "'x': 1, " * 10_000)[: check_spec.MAX_MESSAGE - 1] + "…"
    )


def test_a_case_date_the_schema_no_longer_pins_is_still_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    pattern = next(line for line in text.splitlines(keepends=True) if "pattern: '^[0-9]{4}-(0" in line)
    old_date = "created: '2023-11-15T16:05:00.0000000+01:00'"
    edited = text.replace(pattern, "", 1).replace(old_date, "created: '2023-11-15T16:05:00+01:00'", 1)
    path = tmp_path / "openapi.yaml"
    path.write_text(edited, encoding="utf-8")

    status = check_spec.main(["check_spec", str(path)])

    errors = capsys.readouterr().err.splitlines()
    line = edited.count("\n", 0, edited.index("created: '2023-11-15T16:05:00+01:00'")) + 1
    assert status == 1
    assert errors[0] == (
        f"{path}:{line}: #/components/examples/ReopenedCase/value/response/created: "
        "'2023-11-15T16:05:00+01:00' is not the server's case date (like 2024-03-04T10:20:30.0000000+03:00)"
    )
