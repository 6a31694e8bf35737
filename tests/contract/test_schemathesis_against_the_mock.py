"""schemathesis, with positive and negative data, finds no disagreement between the spec and its mock.

schemathesis' pytest integration generates the cases from openapi.yaml and
sends each to the session's Prism mock (the `mock_url` fixture): one test
item per operation, failures reported by pytest with the reproducing case.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import schemathesis
from hypothesis import settings
from schemathesis import Case, CheckContext, Response, checks
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
)

from scripts.spec import operations
from support import SPEC_PATH, TOKEN, load_pristine_spec

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20241122,  # the same cases every run...
        "generation": {"mode": "all", "database": "none"},  # positive and negative data, nothing replayed
    }
)


def prism_refused_a_body_that_is_not_json(response: Response) -> bool:
    """Prism answers a body it cannot parse before it looks at the spec, in a shape of its own.

    The real server answers such a body with 400 and the spec's error envelope;
    that the mock does not is the mock's limit, not a fault of the spec.
    """
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    return response.status_code == 400 and body == {"error": {"code": "invalid_json", "message": "Invalid JSON"}}


def response_conforms_to_the_spec(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Every response validates against its schema in the spec, but for Prism's invalid-JSON answer."""
    if prism_refused_a_body_that_is_not_json(response):
        return None
    return checks.response_schema_conformance(ctx, response, case)  # type: ignore[no-any-return]


# Every check of schemathesis' about one response, except those about the
# server's own behaviour that Prism, being a mock, does not model: it accepts
# any token (ignored_auth), answers 405 without an Allow header
# (unsupported_method), and keeps no state (use_after_free and the like).
# response_schema_conformance runs as response_conforms_to_the_spec, which
# passes over Prism's own invalid-JSON answer.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    response_headers_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    missing_required_header,
    response_conforms_to_the_spec,
]


# Loaded from the file at collection; the cases go to the session's Prism mock (`mock_url`).
schema = schemathesis.openapi.from_path(SPEC_PATH, config=CONFIG)


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True, database=None)  # bounded, and the same cases every run
def test_schemathesis_finds_no_failures_in_any_operation(case: Case[Any], mock_url: str) -> None:
    case.call_and_validate(base_url=mock_url, headers={"Authorization": TOKEN}, checks=CHECKS)


def test_schemathesis_generates_cases_for_every_operation_of_the_spec() -> None:
    results = list(schema.get_all_operations())
    # An operation schemathesis cannot load comes back as an Err and would have no test item.
    assert all(isinstance(result, Ok) for result in results), results
    covered = sorted(result.ok().definition.raw["operationId"] for result in results if isinstance(result, Ok))

    assert covered == sorted(found.id for found in operations(load_pristine_spec()))


def test_only_prisms_own_invalid_json_answer_is_passed_over() -> None:
    prisms = SimpleNamespace(status_code=400, content=b'{"error":{"code":"invalid_json","message":"Invalid JSON"}}')
    other_400 = SimpleNamespace(status_code=400, content=b'{"error":{"code":"bad","message":"x"}}')
    not_json = SimpleNamespace(status_code=400, content=b"Bad Request")

    assert prism_refused_a_body_that_is_not_json(prisms)  # type: ignore[arg-type]
    assert not prism_refused_a_body_that_is_not_json(other_400)  # type: ignore[arg-type]
    assert not prism_refused_a_body_that_is_not_json(not_json)  # type: ignore[arg-type]
