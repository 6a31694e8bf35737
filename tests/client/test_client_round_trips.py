"""Property-based: any payload valid under the spec's response schemas survives from_dict then to_dict."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from onlyoffice_crm_client.models import CaseEnvelope, ErrorEnvelope
from scripts.spec import schema_errors
from support import as_instants, load_pristine_spec, payloads

ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(payload=payloads("CaseEnvelope"))
def test_any_valid_case_envelope_round_trips(payload: dict[str, Any]) -> None:
    assert as_instants(CaseEnvelope.from_dict(payload).to_dict()) == as_instants(payload)


@ROUND_TRIP
@given(payload=payloads("ErrorEnvelope"))
def test_any_valid_error_envelope_round_trips(payload: dict[str, Any]) -> None:
    assert ErrorEnvelope.from_dict(payload).to_dict() == payload


@ROUND_TRIP
@given(payload=payloads("CaseEnvelope"))
def test_the_generated_payloads_are_valid_under_the_spec(payload: dict[str, Any]) -> None:
    assert schema_errors(load_pristine_spec(), "#/components/schemas/CaseEnvelope", payload) == []
