"""A client used in a way it cannot work ends in an errors.UsageError (or CertificateError) that says what to do."""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from onlyoffice_crm_client import AuthenticatedClient, errors
from onlyoffice_crm_client.api.cases import update_case
from onlyoffice_crm_client.models import UpdateCaseRequest
from support import QUICK_RETRY, TOKEN, Answer, HostileServer, TlsServer, self_signed_tls_server, update_in_style

BODY = UpdateCaseRequest(title="Exhibition organization")


@pytest.fixture
def tls_server() -> Iterator[TlsServer]:
    with self_signed_tls_server() as running:
        yield running


def test_a_call_on_a_closed_client_says_so(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b"{}"))
    client = client_for()
    with client:
        update_case.sync_detailed(42, client=client, body=BODY)

    with pytest.raises(errors.ClientClosed, match=r"client is closed .* build a new client"):
        update_case.sync_detailed(42, client=client, body=BODY)


def test_an_async_call_on_a_closed_client_says_so(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b"{}"))
    client = client_for()

    async def after_the_block() -> None:
        async with client:
            await update_case.asyncio_detailed(42, client=client, body=BODY)
        await update_case.asyncio_detailed(42, client=client, body=BODY)

    with pytest.raises(errors.ClientClosed, match="client is closed"):
        asyncio.run(after_the_block())


def test_one_async_client_in_two_event_loops_says_what_to_do(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b"{}"))
    client = client_for()
    update_in_style("asyncio_detailed", client)

    with pytest.raises(errors.WrongEventLoop, match=r"another event loop .* inside the asyncio\.run\(\)"):
        update_in_style("asyncio_detailed", client)

    assert isinstance(errors.WrongEventLoop("x"), RuntimeError)  # what httpx raised before, still caught


def test_http2_without_h2_is_refused_when_the_client_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def without_h2(name: str, *args: Any) -> Any:
        return None if name == "h2" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_h2)

    with pytest.raises(errors.MissingExtra, match=r"pip install 'onlyoffice-crm-client\[http2\]'") as raised:
        AuthenticatedClient(base_url="https://portal.example.com", token=TOKEN, httpx_args={"http2": True})

    assert isinstance(raised.value, ImportError)


@pytest.mark.parametrize("style", ["sync_detailed", "asyncio_detailed"])
def test_a_certificate_that_fails_verification_is_not_retried(style: str, tls_server: TlsServer) -> None:
    client = AuthenticatedClient(base_url=tls_server.url, token=TOKEN, retry=QUICK_RETRY, timeout=httpx.Timeout(5.0))

    with pytest.raises(errors.CertificateError, match="certificate failed verification .* not retried") as raised:
        update_in_style(style, client)

    assert tls_server.connections == 1
    assert isinstance(raised.value, errors.TransportError) and TOKEN not in str(raised.value)
