"""Contains shared errors types that can be raised from API functions"""

import ssl
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from .types import Response

# How much of a body an exception message quotes: enough to recognise an
# HTML error page or an envelope, never a whole document.
QUOTE_LIMIT = 200


def quote(content: bytes | str, limit: int = QUOTE_LIMIT) -> str:
    """The start of `content` as text, cut at `limit` characters with a note saying so."""
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text) - limit} more characters)"


class ClientError(Exception):
    """The base of every exception this package raises."""


class TransportError(ClientError, httpx.TransportError):
    """No answer: the connection failed or broke, after any retries. `__cause__` is httpx's error."""

    def __init__(self, message: str) -> None:
        httpx.TransportError.__init__(self, message)

    def forget_request(self) -> "TransportError":
        """This error without the request httpx attached to it on its way out (it holds the Authorization header)."""
        self._request = None
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.args)  # the message only: never the request


class Timeout(TransportError, httpx.TimeoutException):
    """The server did not answer within the client's timeout (connect, read, write or pool)."""


class CertificateError(TransportError):
    """The server's TLS certificate failed verification. Never retried: the next attempt would fail the same way."""


def transport_error(error: httpx.TransportError) -> TransportError:
    """httpx's `error` as this package's Timeout or TransportError (the caller chains the original)."""
    if isinstance(error, TransportError):
        return error
    kind = Timeout if isinstance(error, httpx.TimeoutException) else TransportError
    return kind(f"{type(error).__name__}: {quote(str(error))}")


def certificate_error(error: BaseException) -> CertificateError | None:
    """A CertificateError when `error` was caused by a failed certificate check (ssl.SSLCertVerificationError)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return CertificateError(
                f"the server's TLS certificate failed verification ({cause.verify_message}); not retried. "
                "If the server is right, trust its CA: verify_ssl=ssl.create_default_context(cafile=...)"
            )
        cause = cause.__cause__ or cause.__context__
    return None


class UsageError(ClientError, RuntimeError):
    """The client was used in a way it cannot work; the message says what to do instead."""


class ClientClosed(UsageError):
    """A call on a client whose connections were closed (its `with` block ended, or `close()` was called)."""


class WrongEventLoop(UsageError):
    """An async call in another event loop than the one the client's async connections belong to."""


class InvalidBody(UsageError, TypeError):
    """A request body that is neither the operation's model nor a dict of its JSON."""


class MissingExtra(UsageError, ImportError):
    """An option that needs a package that is not installed (http2=True needs h2)."""


class ParseError(ClientError):
    """A body, or a part of it at `path`, is not what the spec describes."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = quote(problem)
        super().__init__(f"{path or 'the body'}: {self.problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.problem))

    @classmethod
    def inside(cls, name: str, error: Exception) -> "ParseError":
        """`error`, raised while parsing property `name`, as a ParseError whose path starts there."""
        if isinstance(error, ParseError):
            return ParseError(f"{name}.{error.path}" if error.path else name, error.problem)
        return ParseError(name, f"{type(error).__name__}: {error}")


class MalformedResponse(ParseError):
    """The answer's body does not match the spec (lenient mode: only for 2xx; strict mode: any status)."""

    def __init__(self, status_code: int, path: str, problem: str, content: bytes) -> None:
        self.status_code = status_code
        self.content = content
        ParseError.__init__(self, path, problem)
        self.args = (f"status {status_code}, {self.args[0]}; body: {quote(content)!r}",)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.status_code, self.path, self.problem, self.content))


class MissingField(ClientError, AttributeError):
    """Reading a required field that the server's answer left out (listed in the model's `missing_fields`)."""

    def __init__(self, model: str, name: str) -> None:
        self.model = model
        # AttributeError keeps `name` itself (and its __init__ would reset it to None).
        super().__init__(f"{model}.{name} was missing from the server's answer", name=name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.model, str(self.name)))


class ApiError(ClientError):
    """An error answer (opt-in: `raise_on_error=True`), with the envelope's `message` and `hresult` when it has them."""

    def __init__(self, response: "Response[Any]", message: str | None = None, hresult: int | None = None) -> None:
        self.response = response
        self.status_code = int(response.status_code)
        self.message = message
        self.hresult = hresult
        said = f": {quote(message)}" if message is not None else f"; body: {quote(response.content)!r}"
        code = f" (hresult {hresult})" if hresult is not None else ""
        super().__init__(f"{self.status_code} {_phrase(self.status_code)}{said}{code}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.response, self.message, self.hresult))


class BadRequest(ApiError):
    """400: the server rejected the input (an empty title, say)."""


class Unauthorized(ApiError):
    """401: no token, or a token the portal does not accept."""


class PaymentRequired(ApiError):
    """402: the portal's tariff does not allow the call."""


class Forbidden(ApiError):
    """403: the caller may not do this to this case."""


class NotFound(ApiError):
    """404: no such case."""


class ServerError(ApiError):
    """500 and other 5xx that are not about availability: the server failed."""


class Unavailable(ApiError):
    """429, 502, 503, 504 after the retries ran out: try again later (see `response.headers['Retry-After']`)."""


class UnexpectedStatus(ApiError):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes, response: "Response[Any] | None" = None):
        from .types import Response  # noqa: PLC0415 (types imports this module)

        self.content = content
        ApiError.__init__(self, response or Response(status_code=status_code, content=content, headers={}, parsed=None))
        self.args = (f"Unexpected status code: {status_code}; body: {quote(content)!r}",)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.status_code, self.content, self.response))


BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    402: PaymentRequired,
    403: Forbidden,
    404: NotFound,
    429: Unavailable,
    500: ServerError,
    502: Unavailable,
    503: Unavailable,
    504: Unavailable,
}


def _phrase(status_code: int) -> str:
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "(unknown status)"


__all__ = [
    "QUOTE_LIMIT",
    "ApiError",
    "BadRequest",
    "CertificateError",
    "ClientClosed",
    "ClientError",
    "Forbidden",
    "InvalidBody",
    "MalformedResponse",
    "MissingExtra",
    "MissingField",
    "NotFound",
    "ParseError",
    "PaymentRequired",
    "ServerError",
    "Timeout",
    "TransportError",
    "Unauthorized",
    "Unavailable",
    "UnexpectedStatus",
    "UsageError",
    "WrongEventLoop",
    "quote",
    "certificate_error",
    "transport_error",
]
