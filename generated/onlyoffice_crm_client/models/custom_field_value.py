from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..types import MISSING, model_eq, model_repr, strict_parsing

T = TypeVar("T", bound="CustomFieldValue")


@_attrs_define
class CustomFieldValue:
    """A value to set on one custom field of the case. Only `key`/`value`
    and `Key`/`Value` bind (source: `module/ASC.Api/ASC.Api/Utils/Binder.cs` L182-191, L203-209).

    """

    key: int
    """ Id of the custom field. """
    value: str
    """ The value as text. Dates are written as date-time strings and
    check boxes as `true` or `false`. It is trimmed before it is
    stored; an empty value is skipped, and `" "` clears the field
    (source: `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs` L70-84).
    The property names `key` and `value` match only in this case or
    capitalised (`Key`, `Value`).
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

        key: int = msgspec.field(name="key")
        value: str = msgspec.field(name="value")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            key=fast.key,
            value=fast.value,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "key" not in _missing:
            key = self.key
            field_dict["key"] = key

        if "value" not in _missing:
            value = self.value
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("key", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("key", "expected int, found " + type(_raw_value).__name__)
            key = _raw_value

        else:
            key = MISSING
            missing["key"] = "key"

        _raw_value = d.pop("value", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("value", "expected str, found " + type(_raw_value).__name__)
            value = _raw_value

        else:
            value = MISSING
            missing["value"] = "value"

        custom_field_value = cls(
            key=key,
            value=value,
        )

        if missing:
            if len(missing) == 2:
                raise errors.ParseError("", "none of the properties CustomFieldValue requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(custom_field_value, name)
            custom_field_value.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        custom_field_value.additional_properties = d
        return custom_field_value

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
