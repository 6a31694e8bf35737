from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_data import ErrorData


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """What went wrong."""

    message: str
    """ The server's message, such as `Not found` or `Access Denied`. """
    hresult: int
    """ The .NET HRESULT of the exception. """
    data: ErrorData
    """ Extra data of the exception; usually empty. """
    type_: str | Unset = UNSET
    """ The exception's .NET type name. Debug builds of the server only. """
    stack: str | Unset = UNSET
    """ The exception's stack trace. Debug builds of the server only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        hresult = self.hresult

        data = self.data.to_dict()

        type_ = self.type_

        stack = self.stack

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "hresult": hresult,
                "data": data,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if stack is not UNSET:
            field_dict["stack"] = stack

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_data import ErrorData  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        hresult = d.pop("hresult")

        data = ErrorData.from_dict(d.pop("data"))

        type_ = d.pop("type", UNSET)

        stack = d.pop("stack", UNSET)

        error = cls(
            message=message,
            hresult=hresult,
            data=data,
            type_=type_,
            stack=stack,
        )

        error.additional_properties = d
        return error

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
