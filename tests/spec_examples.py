"""The named examples of each operation, read from the spec, for tests that replay them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from check_spec import resolve

ISO_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def as_instants(value: Any) -> Any:
    """The same JSON value with every date-time string turned into the instant it names.

    The client writes date-times back without the server's seven fractional
    digits, so examples and round trips compare instants, not strings.
    """
    if isinstance(value, dict):
        return {key: as_instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_instants(item) for item in value]
    if isinstance(value, str) and ISO_DATE_TIME.match(value):
        return datetime.fromisoformat(value)
    return value


@dataclass(frozen=True)
class NamedExample:
    """One named example of a request body or of a response of one operation."""

    operation_id: str
    path: str
    status: int | None  # None for a request body
    media_type: str
    name: str
    value: Any

    @property
    def id(self) -> str:
        where = "request" if self.status is None else str(self.status)
        return f"{self.operation_id}-{where}-{self.name}"


def _named(spec: dict[str, Any], holder: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A body's or response's media types, each with its named examples resolved."""
    holder = resolve(spec, holder["$ref"]) if "$ref" in holder else holder
    return {
        media_type: {
            name: resolve(spec, example["$ref"]) if "$ref" in example else example
            for name, example in media.get("examples", {}).items()
        }
        for media_type, media in holder.get("content", {}).items()
    }


def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, item["put"]) for path, item in spec["paths"].items()]


def response_examples(spec: dict[str, Any]) -> list[NamedExample]:
    """Every named response example of every operation, with its status."""
    return [
        NamedExample(operation["operationId"], path, int(status), media_type, name, example["value"])
        for path, operation in _operations(spec)
        for status, response in operation["responses"].items()
        for media_type, examples in _named(spec, response).items()
        for name, example in examples.items()
    ]


def request_examples(spec: dict[str, Any]) -> list[NamedExample]:
    """Every named request body example of every operation."""
    return [
        NamedExample(operation["operationId"], path, None, media_type, name, example["value"])
        for path, operation in _operations(spec)
        if "requestBody" in operation
        for media_type, examples in _named(spec, operation["requestBody"]).items()
        for name, example in examples.items()
    ]
