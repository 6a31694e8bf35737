from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..models.envelope_status import EnvelopeStatus
from ..types import MISSING, UNSET, Unset, model_eq, model_repr, strict_parsing

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """The envelope around an error. It has no `response` and no `count`
    (source: `module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs` L224-238).

    """

    status: EnvelopeStatus
    """ Outcome of the request, as an integer: `0` Ok, `1` Error.
     """
    status_code: int
    """ The HTTP status of the answer, repeated. """
    error: ErrorDetail
    """ What went wrong. (Named `ErrorDetail`, not `Error`: `Error` is a
    built-in of TypeScript and JavaScript, and clashed in Go with the
    enum constant of `EnvelopeStatus`.)
     """
    start_index: int | Unset = UNSET
    """ The `startIndex` query parameter, echoed. Present only when it is
    not zero, in success and error envelopes alike (source:
    `module/ASC.Api/ASC.Api/Impl/ApiHttpHandler.cs` L59,
    `module/ASC.Api/ASC.Api/Impl/ApiStandartResponce.cs` L49-50).
     """
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

        status: Literal[0, 1] = msgspec.field(name="status")
        status_code: int = msgspec.field(name="statusCode")
        error: ErrorDetail._Fast = msgspec.field(name="error")
        start_index: int | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="startIndex")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            status=_EnvelopeStatus_MEMBERS[fast.status],
            status_code=fast.status_code,
            error=ErrorDetail._from_fast(fast.error),
            start_index=UNSET if fast.start_index is msgspec.UNSET else fast.start_index,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "status" not in _missing:
            status = self.status.value
            field_dict["status"] = status

        if "status_code" not in _missing:
            status_code = self.status_code
            field_dict["statusCode"] = status_code

        if "error" not in _missing:
            error = self.error.to_dict()
            field_dict["error"] = error

        start_index = self.start_index
        if start_index is not UNSET:
            field_dict["startIndex"] = start_index

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("status", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("status", "expected EnvelopeStatus, found " + type(_raw_value).__name__)
            # typeshed types the map's values as Enum; its values are this enum's members.
            status: EnvelopeStatus = EnvelopeStatus._value2member_map_.get(_raw_value)  # type: ignore[assignment]
            if status is None:  # not a known value: the call runs _missing_
                try:
                    status = EnvelopeStatus(_raw_value)

                except Exception as exc_:
                    raise errors.ParseError.inside("status", exc_) from None

        else:
            status = MISSING
            missing["status"] = "status"

        _raw_value = d.pop("statusCode", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("statusCode", "expected int, found " + type(_raw_value).__name__)
            status_code = _raw_value

        else:
            status_code = MISSING
            missing["statusCode"] = "status_code"

        _raw_value = d.pop("error", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, dict)):
                raise errors.ParseError("error", "expected ErrorDetail, found " + type(_raw_value).__name__)
            try:
                error = ErrorDetail.from_dict(_raw_value)

            except Exception as exc_:
                raise errors.ParseError.inside("error", exc_) from None

        else:
            error = MISSING
            missing["error"] = "error"

        _raw_value = d.pop("startIndex", UNSET)
        _typed = _raw_value is UNSET or type(_raw_value) is int  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("startIndex", "expected int, found " + type(_raw_value).__name__)
        start_index = _raw_value

        error_envelope = cls(
            status=status,
            status_code=status_code,
            error=error,
            start_index=start_index,
        )

        if missing:
            if len(missing) == 3:
                raise errors.ParseError("", "none of the properties ErrorEnvelope requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(error_envelope, name)
            error_envelope.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        error_envelope.additional_properties = d
        return error_envelope

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
from ..models.error_detail import ErrorDetail

# The fast path's enum members by value (its Literal types admit only known values); typeshed types them as Enum.
_EnvelopeStatus_MEMBERS: dict[Any, EnvelopeStatus] = EnvelopeStatus._value2member_map_  # type: ignore[assignment]
