"""Fixtures of the client tests: a hostile (and recording) server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support import HostileServer, hostile_server


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    """A HostileServer for the module's tests: each scripts its answers and reads the requests it saw."""
    with hostile_server() as running:
        yield running
