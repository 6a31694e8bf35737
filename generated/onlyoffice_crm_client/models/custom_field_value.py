from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomFieldValue")


@_attrs_define
class CustomFieldValue:
    """A value to set on one custom field of the case. Only `key`/`value`
    and `Key`/`Value` bind (source: `module/ASC.Api/ASC.Api/Utils/Binder.cs` L182-206).

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

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        value = d.pop("value")

        custom_field_value = cls(
            key=key,
            value=value,
        )

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
