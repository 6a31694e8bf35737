from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..types import MISSING, model_eq, model_repr, strict_parsing

T = TypeVar("T", bound="Currency")


@_attrs_define
class Currency:
    """A currency known to the CRM."""

    title: str
    """ Name of the currency. """
    symbol: str
    """ Symbol of the currency. """
    abbreviation: str
    """ ISO 4217 code of the currency. """
    culture_name: str
    """ .NET culture name used to format amounts. """
    is_convertable: bool
    """ Whether the CRM has exchange rates for the currency. (The server spells it so.) """
    is_basic: bool
    """ Whether it is one of the CRM's basic currencies. """
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

        title: str = msgspec.field(name="title")
        symbol: str = msgspec.field(name="symbol")
        abbreviation: str = msgspec.field(name="abbreviation")
        culture_name: str = msgspec.field(name="cultureName")
        is_convertable: bool = msgspec.field(name="isConvertable")
        is_basic: bool = msgspec.field(name="isBasic")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            title=fast.title,
            symbol=fast.symbol,
            abbreviation=fast.abbreviation,
            culture_name=fast.culture_name,
            is_convertable=fast.is_convertable,
            is_basic=fast.is_basic,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "title" not in _missing:
            title = self.title
            field_dict["title"] = title

        if "symbol" not in _missing:
            symbol = self.symbol
            field_dict["symbol"] = symbol

        if "abbreviation" not in _missing:
            abbreviation = self.abbreviation
            field_dict["abbreviation"] = abbreviation

        if "culture_name" not in _missing:
            culture_name = self.culture_name
            field_dict["cultureName"] = culture_name

        if "is_convertable" not in _missing:
            is_convertable = self.is_convertable
            field_dict["isConvertable"] = is_convertable

        if "is_basic" not in _missing:
            is_basic = self.is_basic
            field_dict["isBasic"] = is_basic

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("title", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("title", "expected str, found " + type(_raw_value).__name__)
            title = _raw_value

        else:
            title = MISSING
            missing["title"] = "title"

        _raw_value = d.pop("symbol", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("symbol", "expected str, found " + type(_raw_value).__name__)
            symbol = _raw_value

        else:
            symbol = MISSING
            missing["symbol"] = "symbol"

        _raw_value = d.pop("abbreviation", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("abbreviation", "expected str, found " + type(_raw_value).__name__)
            abbreviation = _raw_value

        else:
            abbreviation = MISSING
            missing["abbreviation"] = "abbreviation"

        _raw_value = d.pop("cultureName", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("cultureName", "expected str, found " + type(_raw_value).__name__)
            culture_name = _raw_value

        else:
            culture_name = MISSING
            missing["cultureName"] = "culture_name"

        _raw_value = d.pop("isConvertable", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isConvertable", "expected bool, found " + type(_raw_value).__name__)
            is_convertable = _raw_value

        else:
            is_convertable = MISSING
            missing["isConvertable"] = "is_convertable"

        _raw_value = d.pop("isBasic", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isBasic", "expected bool, found " + type(_raw_value).__name__)
            is_basic = _raw_value

        else:
            is_basic = MISSING
            missing["isBasic"] = "is_basic"

        currency = cls(
            title=title,
            symbol=symbol,
            abbreviation=abbreviation,
            culture_name=culture_name,
            is_convertable=is_convertable,
            is_basic=is_basic,
        )

        if missing:
            if len(missing) == 6:
                raise errors.ParseError("", "none of the properties Currency requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(currency, name)
            currency.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        currency.additional_properties = d
        return currency

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
