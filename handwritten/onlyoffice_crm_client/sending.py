"""How a client sends an endpoint's request: its layers of transports, its per-call options, its misuse errors.

client.py's Client and AuthenticatedClient call these; they are here, typed
and checked, rather than in the template. The layers, outermost first:
httpx_retries.RetryTransport (DEFAULT_RETRY, or NO_RETRY, which a call's
with_options(retry=...) can replace through the request's extensions), then
deadline.DeadlineTransport (one deadline per attempt), then the caller's
transport or httpx's own.
"""

from __future__ import annotations

import asyncio
import importlib.util
import weakref
from collections.abc import Callable
from typing import Any

import httpx
from httpx_retries import Retry, RetryTransport

from onlyoffice_crm_client import errors

# What retry=None stands for: the retry layer stays, so that a call's with_options(retry=...) goes through it,
# but retries nothing.
NO_RETRY = Retry(total=0)

# httpx.Client reads these only to build its default transport; the client builds that transport, so they go to it.
_TRANSPORT_ARGS = ("cert", "trust_env", "http1", "http2", "limits")

CLOSED = (
    "this client is closed (its `with` block ended, or close() was called): make the calls inside the block, "
    "or build a new client"
)
WRONG_LOOP = (
    "this client's async connections belong to another event loop (an earlier asyncio.run()): "
    "build the client inside the asyncio.run() that uses it, or make all its calls in one event loop"
)


class Keep:
    """The type of KEEP, the default of with_options' arguments: keep what the client has (None means no limit)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = Keep()


class Connections:
    """The httpx clients (so the connection pools) a client shares with the clients its with_options made."""

    __slots__ = ("async_client", "loop", "sync_client")

    def __init__(self) -> None:
        self.sync_client: httpx.Client | None = None
        self.async_client: httpx.AsyncClient | None = None
        # The event loop the async client's connections belong to (weakly: a loop that ended may go).
        self.loop: weakref.ref[asyncio.AbstractEventLoop] | None = None


def require_h2(httpx_args: dict[str, Any]) -> None:
    """Refuse http2=True without h2 when the client is built, not at its first call (httpx's ImportError)."""
    if httpx_args.get("http2") and importlib.util.find_spec("h2") is None:
        raise errors.MissingExtra(
            "http2=True needs the h2 package: pip install 'onlyoffice-crm-client[http2]' (or leave http2 off)"
        )


def with_transport(
    httpx_args: dict[str, Any], retry: Retry | None, make: Callable[..., Any], deadline: Callable[[Any], Any]
) -> dict[str, Any]:
    """`httpx_args` with its transport (the caller's, or the one `make` builds) under the deadline and retry layers."""
    inner = httpx_args.get("transport") or make(
        **{key: httpx_args[key] for key in _TRANSPORT_ARGS if key in httpx_args}
    )
    return {**httpx_args, "transport": RetryTransport(transport=deadline(inner), retry=retry or NO_RETRY)}


def with_agent(headers: dict[str, str], agent: str) -> dict[str, str]:
    """`headers` with `agent` as the User-Agent, unless the caller set one."""
    if any(name.lower() == "user-agent" for name in headers):
        return headers
    return {"User-Agent": agent, **headers}


def options_of(options: dict[str, Any], timeout: Any, headers: dict[str, str] | None, retry: Any) -> dict[str, Any]:
    """The per-request options of a with_options client: `options` (its parent's) with these on top."""
    merged = dict(options)
    if headers:
        merged["headers"] = {**merged.get("headers", {}), **headers}
    if not isinstance(timeout, Keep):
        merged["timeout"] = timeout
    if not isinstance(retry, Keep):
        merged["extensions"] = {"retry": retry or NO_RETRY}
    return merged


def _request(kwargs: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """An endpoint's request `kwargs` with a with_options client's `options` (the endpoint's own headers win)."""
    if not options:
        return kwargs
    merged = {**kwargs, **options}
    if "headers" in kwargs and "headers" in options:
        merged["headers"] = {**options["headers"], **kwargs["headers"]}
    return merged


def send(client: httpx.Client, options: dict[str, Any], kwargs: dict[str, Any]) -> httpx.Response:
    """Send an endpoint's request; every failure is an error of the package."""
    if client.is_closed:
        raise errors.ClientClosed(CLOSED)
    try:
        return client.request(**_request(kwargs, options))
    except errors.TransportError as error:
        # Raised under the retry layer, so httpx attached the request to it; its cause stays.
        raise error.forget_request() from error.__cause__
    except httpx.TransportError as error:
        raise errors.transport_error(error) from error


async def send_async(
    client: httpx.AsyncClient, connections: Connections, options: dict[str, Any], kwargs: dict[str, Any]
) -> httpx.Response:
    """The async form of `send`; the async connections must stay in the event loop that first used them."""
    if client.is_closed:
        raise errors.ClientClosed(CLOSED)
    loop = asyncio.get_running_loop()
    if connections.loop is None:
        connections.loop = weakref.ref(loop)
    elif connections.loop() is not loop:
        raise errors.WrongEventLoop(WRONG_LOOP)
    try:
        return await client.request(**_request(kwargs, options))
    except errors.TransportError as error:
        raise error.forget_request() from error.__cause__
    except httpx.TransportError as error:
        raise errors.transport_error(error) from error
