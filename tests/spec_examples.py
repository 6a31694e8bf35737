"""Comparing example values with what the client writes back."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

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
