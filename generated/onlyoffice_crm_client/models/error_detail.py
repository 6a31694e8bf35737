from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..types import MISSING, UNSET, Unset, model_eq, model_repr, strict_parsing

if TYPE_CHECKING:
    from ..models.error_detail_data import ErrorDetailData


T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """What went wrong. (Named `ErrorDetail`, not `Error`: `Error` is a
    built-in of TypeScript and JavaScript, and clashed in Go with the
    enum constant of `EnvelopeStatus`.)

    """

    message: str
    """ The server's message, such as `Not found` or `Access Denied`. """
    hresult: int
    """ The .NET HRESULT of the exception. """
    data: ErrorDetailData
    """ Extra data of the exception; usually empty. """
    type_: str | Unset = UNSET
    """ The exception's .NET type name. Debug builds of the server only. """
    stack: str | Unset = UNSET
    """ The exception's stack trace. Debug builds of the server only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    missing_fields: tuple[str, ...] = _attrs_field(init=False, factory=tuple)
    """ Required fields the server's answer left out (reading one raises errors.MissingField). """

    __getstate__ = object.__getstate__

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            raise errors.MissingField(type(self).__name__, name)

    def __repr__(self) -> str:
        return model_repr(self)

    class _Fast(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
        """The body as the spec describes it exactly: msgspec refuses anything else, and from_dict parses it."""

        message: str = msgspec.field(name="message")
        hresult: int = msgspec.field(name="hresult")
        data: ErrorDetailData._Fast = msgspec.field(name="data")
        type_: str | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="type")
        stack: str | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="stack")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            message=fast.message,
            hresult=fast.hresult,
            data=ErrorDetailData._from_fast(fast.data),
            type_=UNSET if fast.type_ is msgspec.UNSET else fast.type_,
            stack=UNSET if fast.stack is msgspec.UNSET else fast.stack,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "message" not in _missing:
            message = self.message
            field_dict["message"] = message

        if "hresult" not in _missing:
            hresult = self.hresult
            field_dict["hresult"] = hresult

        if "data" not in _missing:
            data = self.data.to_dict()
            field_dict["data"] = data

        type_ = self.type_
        if type_ is not UNSET:
            field_dict["type"] = type_

        stack = self.stack
        if stack is not UNSET:
            field_dict["stack"] = stack

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("message", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("message", "expected str, found " + type(_raw_value).__name__)
            message = _raw_value

        else:
            message = MISSING
            missing["message"] = "message"

        _raw_value = d.pop("hresult", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("hresult", "expected int, found " + type(_raw_value).__name__)
            hresult = _raw_value

        else:
            hresult = MISSING
            missing["hresult"] = "hresult"

        _raw_value = d.pop("data", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, dict)):
                raise errors.ParseError("data", "expected ErrorDetailData, found " + type(_raw_value).__name__)
            try:
                data = ErrorDetailData.from_dict(_raw_value)

            except Exception as exc_:
                raise errors.ParseError.inside("data", exc_) from None

        else:
            data = MISSING
            missing["data"] = "data"

        _raw_value = d.pop("type", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, str)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("type", "expected str, found " + type(_raw_value).__name__)
        type_ = _raw_value

        _raw_value = d.pop("stack", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, str)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("stack", "expected str, found " + type(_raw_value).__name__)
        stack = _raw_value

        error_detail = cls(
            message=message,
            hresult=hresult,
            data=data,
            type_=type_,
            stack=stack,
        )

        if missing:
            if len(missing) == 3:
                raise errors.ParseError("", "none of the properties ErrorDetail requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(error_detail, name)
            error_detail.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        error_detail.additional_properties = d
        return error_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported here, once, rather than inside from_dict on every call (a tenth of its time): the models import each
# other, and by now this module's class exists.
from ..models.error_detail_data import ErrorDetailData
