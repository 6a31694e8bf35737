from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_type import FieldType

T = TypeVar("T", bound="CustomField")


@_attrs_define
class CustomField:
    """A custom field of a case and its value."""

    entity_id: int
    """ Id of the case the value belongs to; `0` for a heading without a value. """
    label: str
    """ Label of the field. """
    field_value: str
    """ The value as text; dates and check boxes are text too. """
    field_type: FieldType
    """ Kind of a custom field, as an integer: `0` TextField, `1` TextArea,
    `2` SelectBox, `3` CheckBox, `4` Heading, `5` Date.
     """
    position: int
    """ Position of the field in the form. """
    mask: str
    """ Settings of the field's input, as JSON text (the options of a
    select box, the size of a text field), or empty. Never `null`:
    a missing value is read as `""` (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs` L526).
     """
    id: int
    """ Id of the custom field. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity_id = self.entity_id

        label = self.label

        field_value = self.field_value

        field_type = self.field_type.value

        position = self.position

        mask = self.mask

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityId": entity_id,
                "label": label,
                "fieldValue": field_value,
                "fieldType": field_type,
                "position": position,
                "mask": mask,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entity_id = d.pop("entityId")

        label = d.pop("label")

        field_value = d.pop("fieldValue")

        field_type = FieldType(d.pop("fieldType"))

        position = d.pop("position")

        mask = d.pop("mask")

        id = d.pop("id")

        custom_field = cls(
            entity_id=entity_id,
            label=label,
            field_value=field_value,
            field_type=field_type,
            position=position,
            mask=mask,
            id=id,
        )

        custom_field.additional_properties = d
        return custom_field

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
