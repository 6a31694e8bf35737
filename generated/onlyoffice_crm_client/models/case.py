from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.custom_field import CustomField
    from ..models.employee import Employee


T = TypeVar("T", bound="Case")


@_attrs_define
class Case:
    """A CRM case, as the server writes it."""

    members: list[Contact]
    """ The contacts taking part in the case; empty when there are none. """
    create_by: Employee
    """ A portal user. """
    created: datetime.datetime
    """ When the case was created, in the portal's time zone, with seven
    fractional digits that are always `.0000000` (a `datetime`
    column; source: `build/sql/onlyoffice.sql` L413).
     """
    title: str
    """ Title of the case. """
    is_closed: bool
    """ Whether the case is closed. """
    is_private: bool
    """ Whether only the users in `accessList` may see the case. """
    can_edit: bool
    """ Whether the caller may edit the case. """
    custom_fields: list[CustomField]
    """ The case's custom fields that have a value, and **every**
    Heading field, with or without a value. A heading without a
    value has `entityId: 0` and `fieldValue: ""` (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs` L414-436).
     """
    id: int
    """ Id of the case. """
    access_list: list[Employee] | Unset = UNSET
    """ The users who may see the case. Present only when the case is private. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        create_by = self.create_by.to_dict()

        created = self.created.isoformat()

        title = self.title

        is_closed = self.is_closed

        is_private = self.is_private

        can_edit = self.can_edit

        custom_fields = []
        for custom_fields_item_data in self.custom_fields:
            custom_fields_item = custom_fields_item_data.to_dict()
            custom_fields.append(custom_fields_item)

        id = self.id

        access_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_list, Unset):
            access_list = []
            for access_list_item_data in self.access_list:
                access_list_item = access_list_item_data.to_dict()
                access_list.append(access_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "members": members,
                "createBy": create_by,
                "created": created,
                "title": title,
                "isClosed": is_closed,
                "isPrivate": is_private,
                "canEdit": can_edit,
                "customFields": custom_fields,
                "id": id,
            }
        )
        if access_list is not UNSET:
            field_dict["accessList"] = access_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.custom_field import CustomField  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415

        d = dict(src_dict)
        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = Contact.from_dict(members_item_data)

            members.append(members_item)

        create_by = Employee.from_dict(d.pop("createBy"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        title = d.pop("title")

        is_closed = d.pop("isClosed")

        is_private = d.pop("isPrivate")

        can_edit = d.pop("canEdit")

        custom_fields = []
        _custom_fields = d.pop("customFields")
        for custom_fields_item_data in _custom_fields:
            custom_fields_item = CustomField.from_dict(custom_fields_item_data)

            custom_fields.append(custom_fields_item)

        id = d.pop("id")

        _access_list = d.pop("accessList", UNSET)
        access_list: list[Employee] | Unset = UNSET
        if _access_list is not UNSET:
            access_list = []
            for access_list_item_data in _access_list:
                access_list_item = Employee.from_dict(access_list_item_data)

                access_list.append(access_list_item)

        case = cls(
            members=members,
            create_by=create_by,
            created=created,
            title=title,
            is_closed=is_closed,
            is_private=is_private,
            can_edit=can_edit,
            custom_fields=custom_fields,
            id=id,
            access_list=access_list,
        )

        case.additional_properties = d
        return case

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
