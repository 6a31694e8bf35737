"""One attempt never runs longer than its timeout, from sending the request to the answer's last byte.

httpx's read timeout is per read: a server that drips a byte every 0.2 s
never trips it. The hostile server on 127.0.0.1 drips the body, or the
status line and headers too, for far longer than the timeout; every style of
call must end in errors.Timeout within the timeout plus slack.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from onlyoffice_crm_client import AuthenticatedClient, errors
from support import STYLES, Answer, HostileServer, update_in_style

TIMEOUT = 0.6
SLACK = 0.5
# 60 bytes at 0.1 s: 6 s of answer, against a 0.6 s deadline.
DRIPPED = b'{"status": 0, "statusCode": 200, "response": {"id": 42}}    '


@pytest.mark.parametrize(
    ("style", "drip_headers"), [(style, False) for style in STYLES] + [("sync", True), ("asyncio", True)]
)
def test_a_dripping_server_ends_in_the_packages_timeout_within_the_timeout(
    style: str, drip_headers: bool, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(200, DRIPPED, drip=0.1, drip_headers=drip_headers))
    start = time.monotonic()

    with pytest.raises(errors.Timeout) as raised:
        update_in_style(style, client_for(timeout=httpx.Timeout(TIMEOUT)))

    assert time.monotonic() - start < TIMEOUT + SLACK
    assert isinstance(raised.value, httpx.TimeoutException)
    assert len(server.seen) == 1  # a timed-out attempt is not retried


def test_the_deadline_is_the_largest_value_of_the_timeout(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(200, DRIPPED, drip=0.1))
    start = time.monotonic()

    with pytest.raises(errors.Timeout):
        update_in_style("sync", client_for(timeout=httpx.Timeout(0.3, read=0.8)))

    assert 0.8 <= time.monotonic() - start < 0.8 + SLACK


def test_an_answer_within_the_deadline_is_whole(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b'{"x": 1}', drip=0.01))

    result = update_in_style("sync_detailed", client_for(timeout=httpx.Timeout(TIMEOUT)))

    assert result.content == b'{"x": 1}'


def test_a_timeout_without_limit_sets_no_deadline(
    server: HostileServer, client_for: Callable[..., AuthenticatedClient]
) -> None:
    server.script(Answer(400, b'{"x": 1}', drip=0.1))

    result = update_in_style("sync_detailed", client_for(timeout=httpx.Timeout(0.5, read=None)))

    assert result.content == b'{"x": 1}'  # 0.8 s in all, 0.1 s a read
