from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..types import MISSING, UNSET, Unset, model_eq, model_repr, strict_parsing

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.custom_field import CustomField
    from ..models.employee import Employee


T = TypeVar("T", bound="Case")


@_attrs_define
class Case:
    """A CRM case, as the server writes it."""

    members: list[Contact]
    """ The contacts taking part in the case **that the caller may see**;
    empty when there are none. A private contact (`shareType` 0) is
    left out unless the caller is a CRM administrator or on its access
    list, so this is not always every member (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs` L1419-1426,
    `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L770-781). Do not send
    it back unchanged in an update: a non-empty `members` replaces
    every member, so the ones hidden from you would be deleted.
     """
    create_by: Employee
    """ A portal user. """
    created: datetime.datetime
    """ When the case was created, in the portal's time zone, with seven
    fractional digits that are always `.0000000` (a `datetime`
    column; source: `build/sql/onlyoffice.sql` L413) and the offset,
    `Z` at zero (`module/ASC.Api/ASC.Specific/ApiDateTime.cs`
    L160-165). The pattern pins this form: ONLYOFFICE's own web
    client parses no other.
     """
    title: str
    """ Title of the case. """
    is_closed: bool
    """ Whether the case is closed. """
    is_private: bool
    """ Whether only the users in `accessList` may see the case. """
    can_edit: bool
    """ Whether the caller may edit the case. Always `true` for a public
    case, for a CRM administrator, the case's creator and the users of
    its access list, so always `true` after a successful update
    (source: `web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs`
    L446-450, `module/ASC.Api/ASC.Api.CRM/Wrappers/CasesWrapper.cs` L47, L55).
     """
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

        members: list[Contact._Fast] = msgspec.field(name="members")
        create_by: Employee._Fast = msgspec.field(name="createBy")
        created: str = msgspec.field(name="created")
        title: str = msgspec.field(name="title")
        is_closed: bool = msgspec.field(name="isClosed")
        is_private: bool = msgspec.field(name="isPrivate")
        can_edit: bool = msgspec.field(name="canEdit")
        custom_fields: list[CustomField._Fast] = msgspec.field(name="customFields")
        id: int = msgspec.field(name="id")
        access_list: list[Employee._Fast] | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="accessList")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            members=[Contact._from_fast(_item) for _item in fast.members],
            create_by=Employee._from_fast(fast.create_by),
            created=datetime.datetime.fromisoformat(fast.created),
            title=fast.title,
            is_closed=fast.is_closed,
            is_private=fast.is_private,
            can_edit=fast.can_edit,
            custom_fields=[CustomField._from_fast(_item) for _item in fast.custom_fields],
            id=fast.id,
            access_list=UNSET
            if fast.access_list is msgspec.UNSET
            else [Employee._from_fast(_item) for _item in fast.access_list],
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "members" not in _missing:
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

            field_dict["members"] = members

        if "create_by" not in _missing:
            create_by = self.create_by.to_dict()
            field_dict["createBy"] = create_by

        if "created" not in _missing:
            created = self.created.isoformat()
            field_dict["created"] = created

        if "title" not in _missing:
            title = self.title
            field_dict["title"] = title

        if "is_closed" not in _missing:
            is_closed = self.is_closed
            field_dict["isClosed"] = is_closed

        if "is_private" not in _missing:
            is_private = self.is_private
            field_dict["isPrivate"] = is_private

        if "can_edit" not in _missing:
            can_edit = self.can_edit
            field_dict["canEdit"] = can_edit

        if "custom_fields" not in _missing:
            custom_fields = []
            for custom_fields_item_data in self.custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

            field_dict["customFields"] = custom_fields

        if "id" not in _missing:
            id = self.id
            field_dict["id"] = id

        access_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_list, Unset):
            access_list = []
            for access_list_item_data in self.access_list:
                access_list_item = access_list_item_data.to_dict()
                access_list.append(access_list_item)

        if access_list is not UNSET:
            field_dict["accessList"] = access_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("members", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, list)):
                raise errors.ParseError("members", "expected list[Contact], found " + type(_raw_value).__name__)
            try:
                members = []
                _members = _raw_value
                for members_item_data in _members:
                    members_item = Contact.from_dict(members_item_data)

                    members.append(members_item)

            except Exception as exc_:
                raise errors.ParseError.inside("members[*]", exc_) from None

        else:
            members = MISSING
            missing["members"] = "members"

        _raw_value = d.pop("createBy", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, dict)):
                raise errors.ParseError("createBy", "expected Employee, found " + type(_raw_value).__name__)
            try:
                create_by = Employee.from_dict(_raw_value)

            except Exception as exc_:
                raise errors.ParseError.inside("createBy", exc_) from None

        else:
            create_by = MISSING
            missing["createBy"] = "create_by"

        _raw_value = d.pop("created", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("created", "expected datetime.datetime, found " + type(_raw_value).__name__)
            try:
                created = datetime.datetime.fromisoformat(_raw_value)

            except Exception as exc_:
                raise errors.ParseError.inside("created", exc_) from None

        else:
            created = MISSING
            missing["created"] = "created"

        _raw_value = d.pop("title", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("title", "expected str, found " + type(_raw_value).__name__)
            title = _raw_value

        else:
            title = MISSING
            missing["title"] = "title"

        _raw_value = d.pop("isClosed", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isClosed", "expected bool, found " + type(_raw_value).__name__)
            is_closed = _raw_value

        else:
            is_closed = MISSING
            missing["isClosed"] = "is_closed"

        _raw_value = d.pop("isPrivate", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isPrivate", "expected bool, found " + type(_raw_value).__name__)
            is_private = _raw_value

        else:
            is_private = MISSING
            missing["isPrivate"] = "is_private"

        _raw_value = d.pop("canEdit", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("canEdit", "expected bool, found " + type(_raw_value).__name__)
            can_edit = _raw_value

        else:
            can_edit = MISSING
            missing["canEdit"] = "can_edit"

        _raw_value = d.pop("customFields", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, list)):
                raise errors.ParseError(
                    "customFields", "expected list[CustomField], found " + type(_raw_value).__name__
                )
            try:
                custom_fields = []
                _custom_fields = _raw_value
                for custom_fields_item_data in _custom_fields:
                    custom_fields_item = CustomField.from_dict(custom_fields_item_data)

                    custom_fields.append(custom_fields_item)

            except Exception as exc_:
                raise errors.ParseError.inside("customFields[*]", exc_) from None

        else:
            custom_fields = MISSING
            missing["customFields"] = "custom_fields"

        _raw_value = d.pop("id", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("id", "expected int, found " + type(_raw_value).__name__)
            id = _raw_value

        else:
            id = MISSING
            missing["id"] = "id"

        _raw_value = d.pop("accessList", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, list)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("accessList", "expected list[Employee], found " + type(_raw_value).__name__)
        try:
            _access_list = _raw_value
            access_list: list[Employee] | Unset = UNSET
            if _access_list is not UNSET:
                access_list = []
                for access_list_item_data in _access_list:
                    access_list_item = Employee.from_dict(access_list_item_data)

                    access_list.append(access_list_item)

        except Exception as exc_:
            raise errors.ParseError.inside("accessList[*]", exc_) from None

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

        if missing:
            if len(missing) == 9:
                raise errors.ParseError("", "none of the properties Case requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(case, name)
            case.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

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


# Imported here, once, rather than inside from_dict on every call (a tenth of its time): the models import each
# other, and by now this module's class exists.
from ..models.contact import Contact
from ..models.custom_field import CustomField
from ..models.employee import Employee
