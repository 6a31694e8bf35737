"""A deadline for each attempt of a call: from sending the request to the last byte of the answer.

httpx's timeouts bound each network operation (one connect, one read, one
write), so a server that drips a byte a second never trips the read timeout
and a call could run for minutes. `DeadlineTransport` sits under the retry
layer, so every attempt gets its own deadline, and:

- gives each connect, TLS handshake, read and write of the attempt at most
  what is left of the deadline (through a wrapper of httpcore's network
  backend, read per operation, so a single blocked read ends on time too);
- checks the deadline between the chunks of the answer's body, which is read
  after this transport returned but in the same thread or task, so the
  deadline (a context variable it sets for the attempt) still holds.

The attempt's budget is the largest value of the call's timeout (connect,
read, write, pool): `httpx.Timeout(30.0, connect=5.0)` gives 30 s. A timeout
with no limit in it (None) sets no deadline. A deadline that passes raises
httpx's own timeout error (ConnectTimeout, ReadTimeout, WriteTimeout), which
the client raises as errors.Timeout.

A failed TLS certificate check is raised here as errors.CertificateError,
which the retry layer does not retry (it retries httpx.ConnectError).
"""

from __future__ import annotations

import ssl
import time
import typing
from contextvars import ContextVar

import httpcore
import httpx

from onlyoffice_crm_client import errors

# The deadline (time.monotonic()) of the attempt running in this thread or task; None when there is none.
_DEADLINE: ContextVar[float | None] = ContextVar("onlyoffice_crm_client_deadline", default=None)

_SocketOptions = typing.Iterable[tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]]


def attempt_budget(request: httpx.Request) -> float | None:
    """The seconds one attempt of `request` may take: the largest of its timeouts; None when one of them is None."""
    try:
        return float(max(request.extensions["timeout"].values()))
    except (KeyError, TypeError, ValueError):  # no timeout, a None (no limit) among them, or none at all
        return None


def _left(timeout: float | None, expired: type[Exception]) -> float | None:
    """`timeout` cut to what is left of the running attempt's deadline; raise `expired` when nothing is."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the attempt's deadline passed (the client's timeout bounds the whole attempt)")
    return left if timeout is None or left < timeout else timeout


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.NetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _wrap_backend(transport: object, wrapper: type[_Backend] | type[_AsyncBackend]) -> None:
    """Put `wrapper` around the network backend of httpx's own transports (their httpcore pool's); others keep theirs.

    httpx 0.28 takes no network backend (httpx/_transports/default.py builds the pool), so the pool's is replaced.
    """
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is not None and not isinstance(backend, wrapper):
        pool._network_backend = wrapper(backend)  # type: ignore[union-attr]


def _expired(request: httpx.Request) -> httpx.ReadTimeout:
    return httpx.ReadTimeout("the attempt's deadline passed while the answer was read", request=request)


def _raise_certificate_failure(error: httpx.ConnectError) -> None:
    """Raise the package's CertificateError when `error` is a failed certificate check (the retry layer skips it)."""
    certificate = errors.certificate_error(error)
    if certificate is not None:
        raise certificate from error


class _Within(httpx.SyncByteStream):
    """An answer's body, read within the attempt's deadline (the backend bounds each read; this, the chunks)."""

    def __init__(self, stream: httpx.SyncByteStream, deadline: float, request: httpx.Request) -> None:
        self._stream, self._deadline, self._request = stream, deadline, request

    def __iter__(self) -> typing.Iterator[bytes]:
        for chunk in self._stream:
            if time.monotonic() > self._deadline:
                raise _expired(self._request)
            yield chunk

    def close(self) -> None:
        self._stream.close()


class _AsyncWithin(httpx.AsyncByteStream):
    """The async form of _Within."""

    def __init__(self, stream: httpx.AsyncByteStream, deadline: float, request: httpx.Request) -> None:
        self._stream, self._deadline, self._request = stream, deadline, request

    async def __aiter__(self) -> typing.AsyncIterator[bytes]:
        async for chunk in self._stream:
            if time.monotonic() > self._deadline:
                raise _expired(self._request)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class DeadlineTransport(httpx.BaseTransport):
    """Runs each request through `transport` within its deadline, body included (see the module's docstring)."""

    def __init__(self, transport: httpx.BaseTransport) -> None:
        self._transport = transport
        _wrap_backend(transport, _Backend)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        budget = attempt_budget(request)
        deadline = None if budget is None else time.monotonic() + budget
        # Left set after the answer's headers: the body is read after this returns, in the same thread or task,
        # and the next attempt sets its own deadline before any read of its own.
        _DEADLINE.set(deadline)
        try:
            response = self._transport.handle_request(request)
        except httpx.ConnectError as error:
            _raise_certificate_failure(error)
            raise
        if deadline is not None:
            response.stream = _Within(typing.cast(httpx.SyncByteStream, response.stream), deadline, request)
        return response

    def close(self) -> None:
        self._transport.close()


class AsyncDeadlineTransport(httpx.AsyncBaseTransport):
    """The async form of DeadlineTransport."""

    def __init__(self, transport: httpx.AsyncBaseTransport) -> None:
        self._transport = transport
        _wrap_backend(transport, _AsyncBackend)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        budget = attempt_budget(request)
        deadline = None if budget is None else time.monotonic() + budget
        _DEADLINE.set(deadline)
        try:
            response = await self._transport.handle_async_request(request)
        except httpx.ConnectError as error:
            _raise_certificate_failure(error)
            raise
        if deadline is not None:
            response.stream = _AsyncWithin(typing.cast(httpx.AsyncByteStream, response.stream), deadline, request)
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()
