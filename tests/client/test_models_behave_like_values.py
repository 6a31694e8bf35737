"""A parsed model behaves like a value, a field missing or not: it prints, logs, converts, compares, copies and pickles.

Reading a field the server left out still raises errors.MissingField; every
other use of the model works and shows what is missing.
"""

from __future__ import annotations

import copy
import json
import logging
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from onlyoffice_crm_client import errors
from onlyoffice_crm_client.api.cases import update_case
from onlyoffice_crm_client.models import Case, CaseEnvelope, UpdateCaseRequest
from onlyoffice_crm_client.types import MISSING, UNSET, Missing, Unset
from support import Recorder

COPIES: dict[str, Callable[[Any], Any]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "pickle": lambda value: pickle.loads(pickle.dumps(value)),
}


@pytest.fixture
def answer(wire_format_success: dict[str, Any]) -> dict[str, Any]:
    """The real server's 200 body with the case's title left out."""
    body = copy.deepcopy(wire_format_success)
    del body["response"]["title"]
    return body


@pytest.fixture
def case(answer: dict[str, Any]) -> Case:
    return CaseEnvelope.from_dict(answer).response


def test_a_case_missing_a_field_prints_and_shows_what_is_missing(answer: dict[str, Any], case: Case) -> None:
    shown = repr(case)

    assert shown.startswith("Case(") and "title=<missing>" in shown
    assert f"id={case.id!r}" in shown and "create_by=Employee(" in shown
    assert str(case) == shown
    assert "title=<missing>" in repr(CaseEnvelope.from_dict(answer))  # nested too


def test_a_case_missing_a_field_can_be_logged(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="app")

    logging.getLogger("app").info("updated %s", case)

    assert len(caplog.records) == 1 and "title=<missing>" in caplog.records[0].getMessage()


def test_reading_the_missing_field_still_raises_missing_field(case: Case) -> None:
    with pytest.raises(errors.MissingField, match=r"Case\.title was missing"):
        _ = case.title


def test_to_dict_gives_back_what_the_server_sent_without_the_missing_field(answer: dict[str, Any], case: Case) -> None:
    written = CaseEnvelope.from_dict(answer).to_dict()

    assert "title" not in written["response"]
    assert written["response"].keys() == answer["response"].keys()
    assert written["response"]["id"] == answer["response"]["id"]


@pytest.mark.parametrize("how", COPIES)
def test_a_copy_of_a_case_missing_a_field_equals_it_and_keeps_it_missing(how: str, case: Case) -> None:
    copied = COPIES[how](case)

    assert copied == case and copied is not case
    assert copied.missing_fields == ("title",)
    assert copied.to_dict() == case.to_dict()
    with pytest.raises(errors.MissingField):
        _ = copied.title


def test_cases_that_differ_compare_unequal(answer: dict[str, Any], case: Case) -> None:
    other = copy.deepcopy(answer)
    other["response"]["id"] += 1

    assert CaseEnvelope.from_dict(other).response != case
    assert case != "a case"


@pytest.mark.parametrize("how", COPIES)
def test_the_sentinels_are_the_same_object_after_any_copy(how: str) -> None:
    assert COPIES[how](UNSET) is UNSET
    assert COPIES[how](MISSING) is MISSING
    assert Unset() is UNSET and Missing() is MISSING
    assert repr(UNSET) == "UNSET" and not UNSET


@pytest.mark.parametrize("how", COPIES)
def test_a_copied_request_body_keeps_its_unset_fields_out_and_can_be_sent(how: str, recorder: Recorder) -> None:
    body = COPIES[how](UpdateCaseRequest(title="Exhibition organization"))
    recorder.answer(400, {})

    assert body == UpdateCaseRequest(title="Exhibition organization")
    update_case.sync_detailed(42, client=recorder.client(), body=body)

    assert json.loads(recorder.requests[0].content) == {"title": "Exhibition organization"}


def test_a_plain_dict_body_is_sent_as_the_json_it_is(recorder: Recorder) -> None:
    recorder.answer(400, {})

    update_case.sync_detailed(42, client=recorder.client(), body={"title": "Exhibition organization"})  # type: ignore[arg-type]

    sent = recorder.requests[0]
    assert json.loads(sent.content) == {"title": "Exhibition organization"}
    assert sent.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("body", ["a title", ["a", "list"], 42])
def test_a_body_that_is_neither_the_model_nor_a_dict_is_refused_with_the_packages_error(
    body: Any, recorder: Recorder
) -> None:
    with pytest.raises(errors.InvalidBody, match="body must be the operation's request model") as raised:
        update_case.sync_detailed(42, client=recorder.client(), body=body)

    assert isinstance(raised.value, errors.UsageError) and isinstance(raised.value, TypeError)
    assert recorder.requests == []


def test_a_response_with_a_model_missing_a_field_prints(answer: dict[str, Any], recorder: Recorder) -> None:
    recorder.response = httpx.Response(200, json=answer)

    result = update_case.sync_detailed(42, client=recorder.client(), body=UpdateCaseRequest(title="x"))

    assert "title=<missing>" in repr(result)
