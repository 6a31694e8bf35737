"""The consumer check refuses a spec that other generators cannot use, naming the consumer and why.

`make test` runs the check itself on the bundle (the `consumers` stamp); these
tests feed it the second edition's mistakes and prove that it can fail. One run
of the check covers every consumer's refusal (one JVM, as in `make consumers`).
"""

from __future__ import annotations

import contextlib
import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from scripts import consumers
from scripts.spec import line_numbers, operation
from support import SPEC_PATH, load_pristine_spec, rename_schema, write_spec

Spec = dict[str, Any]


def _rename_enum_constant(spec: Spec, schema: str, index: int, name: str) -> None:
    spec["components"]["schemas"][schema]["x-enum-varnames"][index] = name


def _offer_a_query_api_key(spec: Spec) -> None:
    update_case = operation(spec, "updateCase")
    spec["paths"][update_case.path][update_case.method]["security"].append({"authQuery": []})


# The second edition's spec as other generators met it, each mistake by the consumer it breaks.
SECOND_EDITION_MISTAKES: dict[str, Callable[[Spec], object]] = {
    "an enum name that is a keyword": lambda s: _rename_enum_constant(s, "ShareType", 0, "None"),
    "an enum constant named like a model": lambda s: _rename_enum_constant(s, "EnvelopeStatus", 1, "Error"),
    "the model Error": lambda s: rename_schema(s, "ErrorDetail", "Error"),
    "a query api key offered to generators": _offer_a_query_api_key,
    "no contact": lambda s: s["info"].pop("contact"),
}


class Checked(NamedTuple):
    status: int
    out: str
    err: str


def run_check(capsys: pytest.CaptureFixture[str], *argv: str) -> Checked:
    status = consumers.main(["consumers", *argv])
    captured = capsys.readouterr()
    return Checked(status, captured.out, captured.err)


@pytest.fixture(scope="module")
def second_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = copy.deepcopy(load_pristine_spec())
    for make_the_mistake in SECOND_EDITION_MISTAKES.values():
        make_the_mistake(spec)
    return write_spec(tmp_path_factory.mktemp("consumers"), spec)


@pytest.fixture(scope="module")
def refused(second_edition: Path) -> Checked:
    """The check run once, on every consumer but openapi-typescript, on the second edition's mistakes."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):  # capsys is per test
        status = consumers.main(
            ["consumers", "--spec", str(second_edition), "--only", "spectral,python,go,typescript-fetch"]
        )
    return Checked(status, out.getvalue(), err.getvalue())


def test_it_refuses_the_spec_and_names_every_consumer_that_refused(refused: Checked, second_edition: Path) -> None:
    assert refused.status == 1
    assert (
        refused.err.splitlines()[-1]
        == f"consumers: {second_edition}: refused by spectral, python, go, typescript-fetch"
    )


def test_an_enum_name_that_is_a_python_keyword_is_refused_by_the_python_client(refused: Checked) -> None:
    assert (
        "consumers: python: REFUSES the spec: the client does not import: SyntaxError: cannot assign to None"
        " (openapi_client/models/share_type.py:" in refused.err
    )


def test_an_enum_constant_named_like_a_model_is_refused_by_the_go_client(refused: Checked) -> None:
    line = next(line for line in refused.err.splitlines() if line.startswith("consumers: go: "))

    assert "REFUSES the spec: the client does not build: " in line
    assert "Error redeclared in this block" in line


def test_a_query_api_key_is_refused_by_typescript_fetch_as_a_token_in_the_url(refused: Checked) -> None:
    assert (
        "consumers: typescript-fetch: REFUSES the spec: sends a credential in the URL at apis/CasesApi.ts:"
        in refused.err
    )
    assert "(asc_auth_key)" in refused.err


def test_a_missing_contact_is_refused_by_spectral_at_the_info_line(refused: Checked, second_edition: Path) -> None:
    info_line = line_numbers(second_edition.read_text(encoding="utf-8"))["#/info"]

    assert f"consumers: spectral: REFUSES the spec: spectral:oas reports: {info_line}:6  warning  info-contact" in (
        refused.err
    )


def test_a_refusal_is_one_short_line_without_a_traceback(refused: Checked) -> None:
    assert "Traceback" not in refused.err
    assert all(len(line) <= 1000 for line in refused.err.splitlines())


def test_a_missing_spec_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checked = run_check(capsys, "--spec", str(tmp_path / "nowhere.yaml"))

    assert checked.status == 2
    assert checked.err == f"consumers: {tmp_path / 'nowhere.yaml'}: no such spec (run `make bundle`)\n"


def test_an_unknown_consumer_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    checked = run_check(capsys, "--only", "python,kiota")

    assert checked.status == 2
    assert checked.err.startswith("consumers: unknown consumer kiota; choose from spectral, python, go,")


def test_a_missing_tool_is_named_with_the_way_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(consumers, "NODE_BIN", tmp_path / "no-node-modules")

    checked = run_check(capsys, "--spec", str(SPEC_PATH), "--only", "spectral")

    assert checked.status == 2
    assert (
        checked.err
        == f"consumers: cannot run: {tmp_path / 'no-node-modules' / 'spectral'} is not installed (run `make setup`)\n"
    )


def test_a_tsc_failure_that_names_no_folder_is_a_refusal_by_every_folder_it_checked(tmp_path: Path) -> None:
    run = consumers.Run(SPEC_PATH, tmp_path, ["typescript-fetch", "openapi-typescript"])

    run.judge_tsc(["typescript-fetch", "types"], 2, "error TS6053: File 'lib.es2099.d.ts' not found.\n")

    assert {name: verdict.problem for name, verdict in run.verdicts.items()} == {
        "typescript-fetch": "does not compile under strict tsc: error TS6053: File 'lib.es2099.d.ts' not found.",
        "openapi-typescript": "does not compile under strict tsc: error TS6053: File 'lib.es2099.d.ts' not found.",
    }
