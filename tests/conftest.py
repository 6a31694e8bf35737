"""Fixtures shared by the whole suite: the spec as a file and as data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from check_spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pristine_spec() -> dict[str, Any]:
    """The spec as loaded once; never mutate it (use `spec`)."""
    return load_spec(SPEC_PATH)


@pytest.fixture
def spec(pristine_spec: dict[str, Any]) -> dict[str, Any]:
    """A private copy of the spec that a test may break."""
    return copy.deepcopy(pristine_spec)


@pytest.fixture(scope="session")
def wire_format_success() -> dict[str, Any]:
    """The success response that wire-format.md shows, as the real server writes it."""
    data: dict[str, Any] = json.loads((FIXTURES / "wire_format_success.json").read_text(encoding="utf-8"))
    return data
