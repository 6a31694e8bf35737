"""The client says what it is: `__version__` is the spec's version, and every request names it in User-Agent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import onlyoffice_crm_client
from onlyoffice_crm_client import AuthenticatedClient
from support import Answer, HostileServer, update_in_style


def test_the_version_is_the_specs(pristine_spec: dict[str, Any]) -> None:
    assert onlyoffice_crm_client.__version__ == pristine_spec["info"]["version"]


@pytest.mark.parametrize("style", ["sync", "asyncio"])
def test_the_user_agent_on_the_wire_names_the_client_then_httpx(
    style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b"{}"))

    update_in_style(style, client_for())

    expected = f"onlyoffice-crm-client/{onlyoffice_crm_client.__version__} python-httpx/{httpx.__version__}"
    assert server.seen[0].headers["User-Agent"] == expected


def test_a_user_agent_the_caller_sets_is_sent_instead(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b"{}"))

    update_in_style("sync", client_for(headers={"user-agent": "crm-sync/1.4"}))

    assert [value for name, value in server.seen[0].headers.items() if name.lower() == "user-agent"] == ["crm-sync/1.4"]
