"""schemathesis hooks for runs against Prism: the spec's response check, minus one answer of Prism's own.

Loaded by the schemathesis CLI through SCHEMATHESIS_HOOKS (see
test_schemathesis_against_the_mock.py), which runs this check in place of the
built-in response_schema_conformance.
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, Response


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


@schemathesis.check
def response_conforms_to_the_spec(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Every response validates against its schema in the spec, but for Prism's invalid-JSON answer."""
    if prism_refused_a_body_that_is_not_json(response):
        return None
    verdict: bool | None = case.operation.validate_response(response, case=case)
    return verdict
