"""The token never shows in a client's repr or str, before or after requests, sync or async."""

from __future__ import annotations

import asyncio

import pytest

from onlyoffice_crm_client import AuthenticatedClient, Client
from onlyoffice_crm_client.api.cases import reopen_case
from support import PORTAL, TOKEN, Recorder

COOKIE = "asc-cookie-value-5f1e0c"


def shown(client: object) -> str:
    return repr(client) + str(client)


def test_a_new_client_shows_neither_token_nor_cookie() -> None:
    client = AuthenticatedClient(base_url=PORTAL, token=TOKEN, cookies={"asc_auth_key": COOKIE})

    assert TOKEN not in shown(client) and COOKIE not in shown(client)
    assert PORTAL in shown(client)  # the repr still says which portal it is for


def test_a_client_that_has_sent_requests_shows_neither_token_nor_header(recorder: Recorder) -> None:
    client = recorder.client()

    reopen_case.sync_detailed(42, client=client)

    assert recorder.requests[0].headers["Authorization"] == TOKEN  # the header was built...
    assert TOKEN not in shown(client)  # ...and is not shown


def test_an_async_client_that_has_sent_requests_shows_no_token(recorder: Recorder) -> None:
    client = recorder.client(prefix="Bearer")

    asyncio.run(reopen_case.asyncio_detailed(42, client=client))

    assert recorder.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in shown(client)


def test_a_plain_client_with_a_session_cookie_does_not_show_it() -> None:
    client = Client(base_url=PORTAL, cookies={"asc_auth_key": COOKIE}, headers={"Authorization": TOKEN})

    client.get_httpx_client()

    assert COOKIE not in shown(client) and TOKEN not in shown(client)


@pytest.mark.parametrize("builder", ["with_headers", "with_cookies"])
def test_clients_derived_with_extra_headers_or_cookies_show_no_secrets(builder: str) -> None:
    client = AuthenticatedClient(base_url=PORTAL, token=TOKEN)

    derived = getattr(client, builder)({"asc_auth_key": COOKIE})

    assert TOKEN not in shown(derived) and COOKIE not in shown(derived)
