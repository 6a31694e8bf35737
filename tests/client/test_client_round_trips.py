"""Property-based: any payload valid under the spec's response schemas survives from_dict then to_dict."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from onlyoffice_crm_client.models import CaseEnvelope, ErrorEnvelope
from scripts.spec import inlined, schema_errors
from support import as_instants, load_pristine_spec

# Keywords that only annotate; hypothesis-jsonschema need not see them.
ANNOTATIONS = frozenset({"description", "examples", "x-enum-varnames", "deprecated"})
# hypothesis-jsonschema draws a `date-time` and then filters it by the `pattern` that pins the
# server's form (.0000000 and an offset): nearly all are refused. A pinned date-time is drawn as such.
PINNED_DATE_TIME = "server-date-time"
OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda minutes: timezone(timedelta(minutes=minutes)))


def server_date_time(moment: datetime) -> str:
    """A date-time as the server writes a case's: seven zero fractional digits, the offset, Z at zero."""
    offset = moment.utcoffset() or timedelta()
    zone = "Z" if not offset else moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]
    return f"{moment:%Y-%m-%dT%H:%M:%S}.0000000{zone}"


SERVER_DATE_TIMES = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=OFFSETS).map(
    server_date_time
)


def closed_and_small(node: Any) -> Any:
    """The schema with no extra keys on its objects, at most three items in its arrays, pinned date-times.

    Extra keys are tested on their own (test_client_parses_responses); letting
    hypothesis-jsonschema invent them makes it filter out most inputs.
    """
    if isinstance(node, dict):
        node = {key: closed_and_small(value) for key, value in node.items()}
        if "properties" in node:
            node.setdefault("additionalProperties", False)
        if node.get("type") == "array":
            node.setdefault("maxItems", 3)
        if node.get("format") == "date-time" and "pattern" in node:
            node["format"] = PINNED_DATE_TIME
    elif isinstance(node, list):
        node = [closed_and_small(item) for item in node]
    return node


def payloads(schema_name: str) -> st.SearchStrategy[Any]:
    spec = closed_and_small(load_pristine_spec())
    # hypothesis-jsonschema knows the JSON Schema formats but not OpenAPI's `uuid`.
    uuids = st.uuids().map(str)
    schema = inlined(spec, {"$ref": f"#/components/schemas/{schema_name}"}, ANNOTATIONS)
    return from_schema(schema, custom_formats={"uuid": uuids, PINNED_DATE_TIME: SERVER_DATE_TIMES})


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
