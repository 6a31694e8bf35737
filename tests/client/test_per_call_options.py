"""`client.with_options(timeout=, headers=, retry=)` gives a client for some calls, on the original's connections.

The original client is left as it was, and calls through both interleave.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx
import pytest

from onlyoffice_crm_client import AuthenticatedClient, errors
from onlyoffice_crm_client.api.cases import update_case
from onlyoffice_crm_client.models import UpdateCaseRequest
from support import QUICK_RETRY, Answer, HostileServer, update_in_style

BODY = UpdateCaseRequest(title="Exhibition organization")


def test_two_interleaved_calls_each_send_their_own_headers(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    client = client_for(headers={"X-Team": "crm"})
    traced = client.with_options(headers={"X-Trace": "7"})
    server.script(Answer(400, b"{}"))

    with client:
        for each in (client, traced, client, traced):
            update_case.sync_detailed(42, client=each, body=BODY)

    seen = [request.headers for request in server.seen]
    assert [headers.get("X-Trace") for headers in seen] == [None, "7", None, "7"]
    assert all(headers["X-Team"] == "crm" for headers in seen)  # the original's headers go with both


def test_the_new_client_shares_the_originals_connections_and_leaves_it_unchanged(
    client_for: Callable[..., AuthenticatedClient],
) -> None:
    client = client_for()
    before = repr(client)
    other = client.with_options(timeout=httpx.Timeout(0.1), headers={"X-Trace": "7"}, retry=None)

    assert other.get_httpx_client() is client.get_httpx_client()
    assert other.get_async_httpx_client() is client.get_async_httpx_client()
    assert repr(client) == before and client.get_httpx_client().timeout == httpx.Timeout(2.0)
    assert "X-Trace" not in client.get_httpx_client().headers


def test_retries_can_be_switched_off_for_one_call(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    client = client_for()
    server.script(Answer(503), Answer(503), Answer(400, b"{}"))

    once = update_case.sync_detailed(42, client=client.with_options(retry=None), body=BODY)
    assert once.status_code == 503 and len(server.seen) == 1

    server.script(Answer(503), Answer(400, b"{}"))
    retried = update_case.sync_detailed(42, client=client, body=BODY)
    assert retried.status_code == 400 and len(server.seen) == 2


def test_retries_can_be_switched_on_for_one_call_of_a_client_without_them(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    client = client_for(retry=None)
    server.script(Answer(503), Answer(400, b"{}"))

    retried = update_case.sync_detailed(42, client=client.with_options(retry=QUICK_RETRY), body=BODY)

    assert retried.status_code == 400 and len(server.seen) == 2


@pytest.mark.parametrize("style", ["sync", "asyncio"])
def test_a_shorter_timeout_for_one_call(
    style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(hang=True))
    start = time.monotonic()

    with pytest.raises(errors.Timeout):
        update_in_style(style, client_for(timeout=httpx.Timeout(5.0)).with_options(timeout=0.3))

    assert time.monotonic() - start < 1.0


def test_async_calls_through_both_clients_interleave_in_one_loop(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    client = client_for()
    traced = client.with_options(headers={"X-Trace": "7"})
    server.script(Answer(400, b"{}"))

    async def both() -> None:
        async with client:
            await asyncio.gather(
                update_case.asyncio_detailed(42, client=client, body=BODY),
                update_case.asyncio_detailed(42, client=traced, body=BODY),
            )

    asyncio.run(both())

    assert sorted(str(request.headers.get("X-Trace")) for request in server.seen) == ["7", "None"]


def test_options_add_up_along_a_chain(client_for: Callable[..., AuthenticatedClient]) -> None:
    client = client_for().with_options(headers={"A": "1"}, timeout=0.5).with_options(headers={"B": "2"})

    assert client._options["headers"] == {"A": "1", "B": "2"} and client._options["timeout"] == 0.5
