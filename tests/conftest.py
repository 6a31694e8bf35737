"""Fixtures for the whole suite: the spec as data, the server's own answer, a recording transport, the mock."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

from support import SPEC_PATH, Recorder, load_pristine_spec, load_wire_format_success, prism_mock


@pytest.fixture(scope="session")
def pristine_spec() -> dict[str, Any]:
    """The spec as loaded once; never mutate it (use `spec`)."""
    return load_pristine_spec()


@pytest.fixture
def spec(pristine_spec: dict[str, Any]) -> dict[str, Any]:
    """A private copy of the spec that a test may break."""
    return copy.deepcopy(pristine_spec)


@pytest.fixture(scope="session")
def wire_format_success() -> dict[str, Any]:
    """The success response that wire-format.md shows, as the real server writes it."""
    return load_wire_format_success()


@pytest.fixture
def recorder() -> Recorder:
    """A transport that records each request and answers with whatever the test set."""
    return Recorder()


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """Base URL of a Prism mock of openapi.yaml on 127.0.0.1, stopped when the session ends."""
    with prism_mock(SPEC_PATH) as url:
        yield url


# In CI, property-based tests draw the same examples every run: a red CI is
# then a real finding that reproduces, not the luck of the draw.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
