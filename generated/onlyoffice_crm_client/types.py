"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from contextvars import ContextVar
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import httpx
from attrs import define

from . import errors


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# Stands for a required field the server left out, until `from_dict` removes
# the attribute (reading it then raises errors.MissingField). Typed Any so
# that it never widens the field's own type: no value of another type is
# ever handed to the caller.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()

# Whether the `from_dict` running now validates strictly: a context variable,
# so concurrent async calls with different clients do not disturb each other.
STRICT: ContextVar[bool] = ContextVar("STRICT", default=False)

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# HTTPStatus(code) by a dict lookup: the enum call costs ~0.35 µs a response;
# a status Python does not name stays an int.
_STATUSES: dict[int, HTTPStatus] = {status.value: status for status in HTTPStatus}


def build_response(
    response: httpx.Response, parse: Callable[[httpx.Response], T | None], *, strict: bool, raise_on_error: bool
) -> Response[T]:
    """Parse `response` with `parse`; every failure to parse becomes this package's error or `parsed=None`."""
    status_code = response.status_code
    reset = STRICT.set(strict)
    try:
        parsed = parse(response)
    except errors.ParseError as error:
        _unparsed(response, strict, error.path, error.problem)
        parsed = None
    except errors.ClientError:
        raise  # UnexpectedStatus, asked for with raise_on_unexpected_status
    except Exception as error:  # not JSON (empty, HTML, truncated), too deeply nested: RecursionError
        _unparsed(response, strict, "", f"{type(error).__name__}: {error}")
        parsed = None
    finally:
        STRICT.reset(reset)
    status: HTTPStatus | int = _STATUSES.get(status_code, status_code)
    result = Response(status_code=status, content=response.content, headers=response.headers, parsed=parsed)
    if raise_on_error and status_code >= 400:
        raise _error_for(result)
    return result


def _unparsed(response: httpx.Response, strict: bool, path: str, problem: str) -> None:
    """Raise for a body that does not parse when it is a success's or the client is strict."""
    if strict or 200 <= response.status_code < 300:
        raise errors.MalformedResponse(response.status_code, path, problem, response.content) from None


def _error_for(result: Response[Any]) -> errors.ApiError:
    """The typed error for an error answer, with the envelope's message and hresult when it has them."""
    kind = errors.BY_STATUS.get(int(result.status_code))
    if kind is None:
        return errors.UnexpectedStatus(int(result.status_code), result.content, result)
    error = getattr(result.parsed, "error", None)
    message, hresult = getattr(error, "message", None), getattr(error, "hresult", None)
    return kind(result, message if isinstance(message, str) else None, hresult if isinstance(hresult, int) else None)


__all__ = ["MISSING", "STRICT", "UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "build_response"]
