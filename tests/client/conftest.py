"""Fixtures of the client's tests: a hostile (and recording) server on 127.0.0.1, clients of it, bodies for it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from onlyoffice_crm_client import AuthenticatedClient
from support import QUICK_RETRY, TOKEN, HostileServer, hostile_server


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    """A HostileServer for the module's tests: each scripts its answers and reads the requests it saw."""
    with hostile_server() as running:
        yield running


@pytest.fixture
def client_for(server: HostileServer) -> Callable[..., AuthenticatedClient]:
    """Build a client of the hostile server: real defaults, except quick retries and a 2 s timeout."""

    def build(**options: Any) -> AuthenticatedClient:
        options = {"base_url": server.url, "retry": QUICK_RETRY, "timeout": httpx.Timeout(2.0), **options}
        return AuthenticatedClient(token=TOKEN, **options)

    return build


@pytest.fixture
def success(wire_format_success: dict[str, Any]) -> dict[str, Any]:
    """A private copy of the real server's 200 body, for a test to alter."""
    return copy.deepcopy(wire_format_success)


def _json_body(data: Any) -> bytes:
    return json.dumps(data).encode()


@pytest.fixture(scope="session")
def json_body() -> Callable[[Any], bytes]:
    """Encode a JSON value as the bytes of a body, as a server (or a caller) sends it.

    Session-scoped: the property-based tests of the fast path use it too.
    """
    return _json_body
