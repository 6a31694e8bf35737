from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..models.field_type import FieldType
from ..types import MISSING, model_eq, model_repr, strict_parsing

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
    """ Settings of the field's input, as JSON text, or empty: a text
    field's size and a text area's rows and columns as a JSON object
    of integers (`{"size":40}`, `{"rows":4,"cols":40}`), a select
    box's options as the JSON array it was given (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs`
    L125-182, L201). Never `null`:
    a missing value is read as `""` (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs` L526).
     """
    id: int
    """ Id of the custom field. """
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

        entity_id: int = msgspec.field(name="entityId")
        label: str = msgspec.field(name="label")
        field_value: str = msgspec.field(name="fieldValue")
        field_type: Literal[0, 1, 2, 3, 4, 5] = msgspec.field(name="fieldType")
        position: int = msgspec.field(name="position")
        mask: str = msgspec.field(name="mask")
        id: int = msgspec.field(name="id")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            entity_id=fast.entity_id,
            label=fast.label,
            field_value=fast.field_value,
            field_type=_FieldType_MEMBERS[fast.field_type],
            position=fast.position,
            mask=fast.mask,
            id=fast.id,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "entity_id" not in _missing:
            entity_id = self.entity_id
            field_dict["entityId"] = entity_id

        if "label" not in _missing:
            label = self.label
            field_dict["label"] = label

        if "field_value" not in _missing:
            field_value = self.field_value
            field_dict["fieldValue"] = field_value

        if "field_type" not in _missing:
            field_type = self.field_type.value
            field_dict["fieldType"] = field_type

        if "position" not in _missing:
            position = self.position
            field_dict["position"] = position

        if "mask" not in _missing:
            mask = self.mask
            field_dict["mask"] = mask

        if "id" not in _missing:
            id = self.id
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("entityId", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("entityId", "expected int, found " + type(_raw_value).__name__)
            entity_id = _raw_value

        else:
            entity_id = MISSING
            missing["entityId"] = "entity_id"

        _raw_value = d.pop("label", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("label", "expected str, found " + type(_raw_value).__name__)
            label = _raw_value

        else:
            label = MISSING
            missing["label"] = "label"

        _raw_value = d.pop("fieldValue", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("fieldValue", "expected str, found " + type(_raw_value).__name__)
            field_value = _raw_value

        else:
            field_value = MISSING
            missing["fieldValue"] = "field_value"

        _raw_value = d.pop("fieldType", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("fieldType", "expected FieldType, found " + type(_raw_value).__name__)
            # typeshed types the map's values as Enum; its values are this enum's members.
            field_type: FieldType = FieldType._value2member_map_.get(_raw_value)  # type: ignore[assignment]
            if field_type is None:  # not a known value: the call runs _missing_
                try:
                    field_type = FieldType(_raw_value)

                except Exception as exc_:
                    raise errors.ParseError.inside("fieldType", exc_) from None

        else:
            field_type = MISSING
            missing["fieldType"] = "field_type"

        _raw_value = d.pop("position", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("position", "expected int, found " + type(_raw_value).__name__)
            position = _raw_value

        else:
            position = MISSING
            missing["position"] = "position"

        _raw_value = d.pop("mask", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("mask", "expected str, found " + type(_raw_value).__name__)
            mask = _raw_value

        else:
            mask = MISSING
            missing["mask"] = "mask"

        _raw_value = d.pop("id", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("id", "expected int, found " + type(_raw_value).__name__)
            id = _raw_value

        else:
            id = MISSING
            missing["id"] = "id"

        custom_field = cls(
            entity_id=entity_id,
            label=label,
            field_value=field_value,
            field_type=field_type,
            position=position,
            mask=mask,
            id=id,
        )

        if missing:
            if len(missing) == 7:
                raise errors.ParseError("", "none of the properties CustomField requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(custom_field, name)
            custom_field.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

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


# The fast path's enum members by value (its Literal types admit only known values); typeshed types them as Enum.
_FieldType_MEMBERS: dict[Any, FieldType] = FieldType._value2member_map_  # type: ignore[assignment]
