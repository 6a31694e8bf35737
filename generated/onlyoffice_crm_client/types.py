"""Contains some shared types for properties"""

import json
from collections.abc import Callable, Mapping, MutableMapping
from contextvars import ContextVar
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import httpx
import msgspec
from attrs import define

from . import errors


class _Sentinel:
    """A value that exists once: copy, deepcopy and pickle give back the same object (found by its name)."""

    __slots__ = ()
    _name = ""

    def __new__(cls) -> Any:
        # Unset() is UNSET, so `is UNSET` holds for any Unset the caller makes.
        instance = cls.__dict__.get("_instance")
        return super().__new__(cls) if instance is None else instance

    def __repr__(self) -> str:
        return self._name

    def __reduce__(self) -> str:
        return self._name  # pickle stores "onlyoffice_crm_client.types.<name>" and loads that very object

    def __copy__(self) -> Any:
        return self

    def __deepcopy__(self, memo: Any) -> Any:
        return self


class Unset(_Sentinel):
    """The type of UNSET: an optional field or argument that was not given (and is not sent)."""

    __slots__ = ()
    _name = "UNSET"

    def __bool__(self) -> Literal[False]:
        return False


class Missing(_Sentinel):
    """The type of MISSING."""

    __slots__ = ()
    _name = "MISSING"


UNSET: Unset = Unset()
Unset._instance = UNSET  # type: ignore[attr-defined]

# Stands for a required field the server left out, until `from_dict` removes
# the attribute (reading it then raises errors.MissingField). Typed Any so
# that it never widens the field's own type: no value of another type is
# ever handed to the caller.
MISSING: Any = Missing()
Missing._instance = MISSING  # type: ignore[attr-defined]


def model_repr(model: Any) -> str:
    """`Name(field=value, ...)`: a field the server left out shows as `<missing>`, an unset optional one not at all."""
    parts = []
    for attribute in type(model).__attrs_attrs__:
        name = attribute.name
        value = getattr(model, name, MISSING)  # a missing field raises MissingField, an AttributeError
        if value is MISSING:
            parts.append(f"{name}=<missing>")
        elif value is not UNSET and name != "missing_fields" and (value or name != "additional_properties"):
            parts.append(f"{name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


def model_eq(model: Any, other: Any) -> Any:
    """Whether two models of one class hold the same fields, the missing ones included."""
    if type(other) is not type(model):
        return NotImplemented
    return all(
        getattr(model, attribute.name, MISSING) == getattr(other, attribute.name, MISSING)
        for attribute in type(model).__attrs_attrs__
    )


# One msgspec decoder per model, built on first use (the models' Structs refer to each other across modules).
_DECODERS: dict[type, Any] = {}


def parse_json(model: Any, content: bytes) -> Any:
    """`model` from a JSON body: the compiled fast path when msgspec takes the body as the spec describes it
    exactly, else the lenient (or strict) `from_dict`, which also raises every error about the body."""
    decoder: Any = _DECODERS.get(model)
    if decoder is None:
        decoder = _DECODERS[model] = msgspec.json.Decoder(model._Fast) if model._Fast is not None else False
    if decoder is not False:
        try:
            return model._from_fast(decoder.decode(content))
        except Exception:  # refused or not convertible: the lenient parser decides, and names the problem
            pass
    return model.from_dict(json.loads(content))


def json_body(body: Any) -> Any:
    """The JSON a request body stands for: a model's `to_dict()`, or a plain dict (any Mapping) as it is."""
    if type(body) is dict:
        return body
    to_dict = getattr(body, "to_dict", None)
    if to_dict is not None and hasattr(type(body), "__attrs_attrs__"):
        return to_dict()
    if isinstance(body, Mapping):
        return dict(body)
    raise errors.InvalidBody(
        f"body must be the operation's request model (or a dict of its JSON), not {type(body).__name__}"
    )


# Whether the `from_dict` running now validates strictly: a context variable,
# so concurrent async calls with different clients do not disturb each other.
strict_parsing: ContextVar[bool] = ContextVar("strict_parsing", default=False)

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
    # strict_parsing is False outside a strict parse: only a strict client needs to set it (~0.3 µs a call).
    reset = strict_parsing.set(True) if strict else None
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
        if reset is not None:
            strict_parsing.reset(reset)
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


__all__ = [
    "MISSING",
    "UNSET",
    "File",
    "FileTypes",
    "Missing",
    "RequestFiles",
    "Response",
    "Unset",
    "build_response",
    "json_body",
    "model_eq",
    "model_repr",
    "parse_json",
    "strict_parsing",
]
