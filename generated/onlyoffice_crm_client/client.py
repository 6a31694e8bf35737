import ssl
from functools import partial
from typing import Any, Self

import httpx
from attrs import define, evolve, field
from httpx_retries import Retry

from . import sending
from .deadline import AsyncDeadlineTransport, DeadlineTransport
from .sending import KEEP

# What the client says it is: ours, then httpx's own (httpx/_client.py USER_AGENT).
USER_AGENT = f"onlyoffice-crm-client/3.0.0 python-httpx/{httpx.__version__}"

# A user of a web API expects an answer in seconds and an error, not a hang:
# 5 s to connect (a reachable portal accepts in milliseconds), 30 s to read,
# write or wait for a pooled connection (an update writes to the database; the
# portal can be slow, but 30 s is already far beyond a healthy answer).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)

# Two retries, as the well-known SDKs do, of what is transient: 429, 502, 503
# (the portal answers 503 while it moves) and 504, and connections that failed
# before the server saw the request. Both operations are idempotent PUTs. The
# waits grow 0.5 s, 1 s (full jitter), a Retry-After is honoured up to 10 s, and
# all waits of one call add up to at most 15 s. A read timeout is not retried:
# the server may be working on the request, and the caller asked for an answer
# within the timeout.
DEFAULT_RETRY = Retry(
    total=2,
    allowed_methods=["PUT"],
    status_forcelist=[429, 502, 503, 504],
    retry_on_exceptions=[httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError],
    backoff_factor=0.25,
    backoff_jitter=1.0,
    respect_retry_after_header=True,
    max_backoff_wait=10.0,
    total_timeout=15.0,
)


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        errors.Timeout (an httpx.TimeoutException) if this is exceeded. Default: DEFAULT_TIMEOUT, 5 s to
        connect and 30 s for the rest. Its largest value also bounds each attempt as a whole, from sending
        the request to the answer's last byte (deadline.DeadlineTransport).

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes. An ``ssl.SSLContext`` built once and passed to every client saves
        each client about 19 ms and 830 KiB (given True, each builds its own).

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    retry: Retry | None = field(default=DEFAULT_RETRY, kw_only=True)
    """How transient failures are retried (httpx_retries.Retry; DEFAULT_RETRY: 2 retries of 429/502/503/504 and failed connections, exponential backoff with jitter, Retry-After honoured). None turns retries off."""
    strict: bool = field(default=False, kw_only=True)
    """Whether answers are validated strictly: a missing required field, an unknown field or enum value raises errors.MalformedResponse naming its path. The default parses them leniently."""
    raise_on_error: bool = field(default=False, kw_only=True)
    """Whether an error answer (status >= 400) raises its typed error from errors (BadRequest, Unauthorized, PaymentRequired, Forbidden, NotFound, ServerError, Unavailable, UnexpectedStatus) instead of returning."""
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _connections: sending.Connections = field(factory=sending.Connections, init=False, repr=False, eq=False)
    _options: dict[str, Any] = field(factory=dict, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        sending.require_h2(self._httpx_args)

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None = KEEP,
        headers: dict[str, str] | None = None,
        retry: Retry | None = KEEP,
    ) -> Self:
        """A client for the calls made with it: these options, this client's connections (its pool); this one is unchanged.

        ``timeout``: the calls' timeout (it bounds each attempt, see the README's "Deadline"); ``headers``: added to
        this client's (a header of the same name replaces it); ``retry``: an ``httpx_retries.Retry``, or None for no
        retries. Close the original client, not this one: they share one pool.
        """
        derived = evolve(self)
        derived._connections = self._connections
        derived._options = sending.options_of(self._options, timeout, headers, retry)
        return derived

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers (this one is unchanged; see with_options)"""
        return self.with_options(headers=headers)

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies, and connections of its own"""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration (this one is unchanged; see with_options)"""
        return self.with_options(timeout=timeout)

    def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        """Send an endpoint's request with this client's options; every failure is an error of the package."""
        return sending.send(self.get_httpx_client(), self._options, kwargs)

    async def _send_async(self, kwargs: dict[str, Any]) -> httpx.Response:
        """The async form of `_send`."""
        return await sending.send_async(self.get_async_httpx_client(), self._connections, self._options, kwargs)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._connections.sync_client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._connections.sync_client is None:
            self._connections.sync_client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=sending.with_agent(self._headers, USER_AGENT),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **sending.with_transport(
                    self._httpx_args,
                    self.retry,
                    partial(httpx.HTTPTransport, verify=self._verify_ssl),
                    DeadlineTransport,
                ),
            )
        return self._connections.sync_client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._connections.async_client = async_client
        self._connections.loop = None
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._connections.async_client is None:
            self._connections.async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=sending.with_agent(self._headers, USER_AGENT),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **sending.with_transport(
                    self._httpx_args,
                    self.retry,
                    partial(httpx.AsyncHTTPTransport, verify=self._verify_ssl),
                    AsyncDeadlineTransport,
                ),
            )
        return self._connections.async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        errors.Timeout (an httpx.TimeoutException) if this is exceeded. Default: DEFAULT_TIMEOUT, 5 s to
        connect and 30 s for the rest. Its largest value also bounds each attempt as a whole, from sending
        the request to the answer's last byte (deadline.DeadlineTransport).

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes. An ``ssl.SSLContext`` built once and passed to every client saves
        each client about 19 ms and 830 KiB (given True, each builds its own).

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    retry: Retry | None = field(default=DEFAULT_RETRY, kw_only=True)
    """How transient failures are retried (httpx_retries.Retry; DEFAULT_RETRY: 2 retries of 429/502/503/504 and failed connections, exponential backoff with jitter, Retry-After honoured). None turns retries off."""
    strict: bool = field(default=False, kw_only=True)
    """Whether answers are validated strictly: a missing required field, an unknown field or enum value raises errors.MalformedResponse naming its path. The default parses them leniently."""
    raise_on_error: bool = field(default=False, kw_only=True)
    """Whether an error answer (status >= 400) raises its typed error from errors (BadRequest, Unauthorized, PaymentRequired, Forbidden, NotFound, ServerError, Unavailable, UnexpectedStatus) instead of returning."""
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _connections: sending.Connections = field(factory=sending.Connections, init=False, repr=False, eq=False)
    _options: dict[str, Any] = field(factory=dict, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        sending.require_h2(self._httpx_args)

    token: str = field(repr=False)
    """The token to use for authentication"""
    prefix: str = ""
    """The prefix to use for the Authorization header; empty sends the raw token"""
    auth_header_name: str = "Authorization"
    """The name of the Authorization header"""

    def __reduce__(self) -> Any:
        # attrs would pickle every field, the token in clear: refuse rather than leak it.
        raise TypeError("AuthenticatedClient holds a token and is not picklable; build one where it is needed")

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None = KEEP,
        headers: dict[str, str] | None = None,
        retry: Retry | None = KEEP,
    ) -> Self:
        """A client for the calls made with it: these options, this client's connections (its pool); this one is unchanged.

        ``timeout``: the calls' timeout (it bounds each attempt, see the README's "Deadline"); ``headers``: added to
        this client's (a header of the same name replaces it); ``retry``: an ``httpx_retries.Retry``, or None for no
        retries. Close the original client, not this one: they share one pool.
        """
        derived = evolve(self)
        derived._connections = self._connections
        derived._options = sending.options_of(self._options, timeout, headers, retry)
        return derived

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers (this one is unchanged; see with_options)"""
        return self.with_options(headers=headers)

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies, and connections of its own"""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration (this one is unchanged; see with_options)"""
        return self.with_options(timeout=timeout)

    def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        """Send an endpoint's request with this client's options; every failure is an error of the package."""
        return sending.send(self.get_httpx_client(), self._options, kwargs)

    async def _send_async(self, kwargs: dict[str, Any]) -> httpx.Response:
        """The async form of `_send`."""
        return await sending.send_async(self.get_async_httpx_client(), self._connections, self._options, kwargs)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._connections.sync_client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._connections.sync_client is None:
            self._connections.sync_client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=sending.with_agent(
                    {
                        **self._headers,
                        self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token,
                    },
                    USER_AGENT,
                ),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **sending.with_transport(
                    self._httpx_args,
                    self.retry,
                    partial(httpx.HTTPTransport, verify=self._verify_ssl),
                    DeadlineTransport,
                ),
            )
        return self._connections.sync_client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._connections.async_client = async_client
        self._connections.loop = None
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._connections.async_client is None:
            self._connections.async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=sending.with_agent(
                    {
                        **self._headers,
                        self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token,
                    },
                    USER_AGENT,
                ),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **sending.with_transport(
                    self._httpx_args,
                    self.retry,
                    partial(httpx.AsyncHTTPTransport, verify=self._verify_ssl),
                    AsyncDeadlineTransport,
                ),
            )
        return self._connections.async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)
